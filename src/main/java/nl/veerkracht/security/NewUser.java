package nl.veerkracht.security;

import java.util.List;

/**
 * A new account: staff of the corporations in {@code memberships}, or, with {@code organisation}, a
 * partner of that organisation (and then no corporation's staff).
 */
public record NewUser(
    String username,
    String password,
    String displayName,
    Boolean administrator,
    List<NewMembership> memberships,
    Boolean dataSteward,
    String organisation) {}
