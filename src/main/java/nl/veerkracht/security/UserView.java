package nl.veerkracht.security;

import java.util.List;

/** An account with its memberships, or the organisation of a partner account. */
public record UserView(
    String username,
    String displayName,
    boolean administrator,
    boolean enabled,
    List<Membership> memberships,
    boolean dataSteward,
    String organisation) {}
