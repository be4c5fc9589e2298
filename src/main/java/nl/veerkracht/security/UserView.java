package nl.veerkracht.security;

import java.util.List;

/** An account with its memberships. */
public record UserView(
    String username,
    String displayName,
    boolean administrator,
    boolean enabled,
    List<Membership> memberships,
    boolean dataSteward) {}
