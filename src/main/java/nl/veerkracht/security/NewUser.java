package nl.veerkracht.security;

import java.util.List;

/** A new account. */
public record NewUser(
    String username,
    String password,
    String displayName,
    Boolean administrator,
    List<NewMembership> memberships,
    Boolean dataSteward) {}
