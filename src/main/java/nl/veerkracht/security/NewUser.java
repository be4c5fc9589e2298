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
    String organisation,
    Boolean mustChangePassword) {

  /** An account made without saying whether it changes its password first (the API's default). */
  public NewUser(
      String username,
      String password,
      String displayName,
      Boolean administrator,
      List<NewMembership> memberships,
      Boolean dataSteward,
      String organisation) {
    this(
        username,
        password,
        displayName,
        administrator,
        memberships,
        dataSteward,
        organisation,
        null);
  }
}
