package nl.veerkracht.security;

import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Accounts and their memberships of corporations. */
@Service
public class UserAccounts {

  /** An account as shown to administrators (no password hash). */
  public record Account(
      long id,
      String username,
      String displayName,
      boolean administrator,
      boolean enabled,
      boolean dataSteward,
      String organisation) {}

  private static final String SELECT =
      "SELECT u.id, u.username, u.display_name, u.administrator, u.enabled, u.data_steward, o.code"
          + " FROM app_user u LEFT JOIN organisation o ON o.id = u.organisation_id";

  private final JdbcClient jdbc;
  private final PasswordEncoder passwordEncoder;

  public UserAccounts(JdbcClient jdbc, PasswordEncoder passwordEncoder) {
    this.jdbc = jdbc;
    this.passwordEncoder = passwordEncoder;
  }

  public long count() {
    return jdbc.sql("SELECT count(*) FROM app_user").query(Long.class).single();
  }

  /**
   * At least 8 characters, and at most 72 bytes in UTF-8: BCrypt reads no further and refuses
   * longer input.
   */
  public static boolean acceptablePassword(String password) {
    return password != null
        && password.length() >= 8
        && password.getBytes(java.nio.charset.StandardCharsets.UTF_8).length <= 72;
  }

  @Transactional
  public long create(
      String username, String rawPassword, String displayName, boolean administrator) {
    if (!acceptablePassword(rawPassword)) {
      throw new IllegalArgumentException("A password needs 8 characters to 72 bytes");
    }
    return jdbc.sql(
            "INSERT INTO app_user (username, password_hash, display_name, administrator)"
                + " VALUES (?, ?, ?, ?) RETURNING id")
        .params(username, passwordEncoder.encode(rawPassword), displayName, administrator)
        .query(Long.class)
        .single();
  }

  /**
   * Creates the first administrator unless any account exists. Two servers that start together on
   * one database both try; the unique username lets exactly one of them succeed and the other
   * learns it with {@code false} instead of failing its start.
   */
  @Transactional
  public boolean createFirstAdministrator(String username, String rawPassword, String displayName) {
    if (!acceptablePassword(rawPassword)) {
      throw new IllegalArgumentException("A password needs 8 characters to 72 bytes");
    }
    return jdbc.sql(
                "INSERT INTO app_user (username, password_hash, display_name, administrator)"
                    + " SELECT ?, ?, ?, true WHERE NOT EXISTS (SELECT 1 FROM app_user)"
                    + " ON CONFLICT (username) DO NOTHING")
            .params(username, passwordEncoder.encode(rawPassword), displayName)
            .update()
        == 1;
  }

  private static final org.springframework.jdbc.core.RowMapper<Account> ACCOUNT =
      (rs, n) ->
          new Account(
              rs.getLong(1),
              rs.getString(2),
              rs.getString(3),
              rs.getBoolean(4),
              rs.getBoolean(5),
              rs.getBoolean(6),
              rs.getString(7));

  /** Lets the account write public data (or not). */
  public void setDataSteward(long userId, boolean steward) {
    jdbc.sql("UPDATE app_user SET data_steward = ? WHERE id = ?").params(steward, userId).update();
  }

  /** Makes the account a partner of this organisation (no corporation's staff). */
  public void setOrganisation(long userId, long organisationId) {
    jdbc.sql("UPDATE app_user SET organisation_id = ? WHERE id = ?")
        .params(organisationId, userId)
        .update();
  }

  public Optional<Account> findByUsername(String username) {
    return jdbc.sql(SELECT + " WHERE u.username = ?").param(username).query(ACCOUNT).optional();
  }

  public List<Account> list() {
    return jdbc.sql(SELECT + " ORDER BY u.username").query(ACCOUNT).list();
  }

  /** Makes the user staff of the corporation with this role (replacing an earlier role). */
  @Transactional
  public void grant(long userId, long corporationId, Membership.Role role) {
    jdbc.sql(
            "INSERT INTO membership (user_id, corporation_id, role) VALUES (?, ?, ?)"
                + " ON CONFLICT (user_id, corporation_id) DO UPDATE SET role = excluded.role")
        .params(userId, corporationId, role.name())
        .update();
  }

  /**
   * Grants every administrator this role in the corporation (used for a corporation they create).
   */
  @Transactional
  /** Whether the account must choose a new password before it does anything else. */
  public boolean mustChangePassword(String username) {
    return jdbc.sql("SELECT must_change_password FROM app_user WHERE username = ?")
        .param(username)
        .query(Boolean.class)
        .optional()
        .orElse(false);
  }

  /** Marks an account to change its password at its next sign-in. */
  public void requirePasswordChange(long userId) {
    jdbc.sql("UPDATE app_user SET must_change_password = true WHERE id = ?").param(userId).update();
  }

  /**
   * Changes the caller's own password after checking the current one.
   *
   * @throws nl.veerkracht.common.InvalidInputException when the current password is wrong, the new
   *     one is not acceptable, the two new ones differ or the new one equals the current one
   */
  @Transactional
  public void changeOwnPassword(String username, String current, String chosen, String repeated) {
    String hash =
        jdbc.sql("SELECT password_hash FROM app_user WHERE username = ?")
            .param(username)
            .query(String.class)
            .optional()
            .orElse(null);
    if (hash == null || current == null || !passwordEncoder.matches(current, hash)) {
      throw new nl.veerkracht.common.InvalidInputException(
          nl.veerkracht.common.Text.msg("account.password.wrong"));
    }
    if (!acceptablePassword(chosen)) {
      throw new nl.veerkracht.common.InvalidInputException(
          nl.veerkracht.common.Text.msg("account.password.weak"));
    }
    if (!chosen.equals(repeated)) {
      throw new nl.veerkracht.common.InvalidInputException(
          nl.veerkracht.common.Text.msg("account.password.differ"));
    }
    if (chosen.equals(current)) {
      throw new nl.veerkracht.common.InvalidInputException(
          nl.veerkracht.common.Text.msg("account.password.same"));
    }
    jdbc.sql(
            "UPDATE app_user SET password_hash = ?, must_change_password = false WHERE username = ?")
        .params(passwordEncoder.encode(chosen), username)
        .update();
  }

  /** Makes this user staff of the corporation in this role (nothing when it already is). */
  public void grant(String username, long corporationId, Membership.Role role) {
    jdbc.sql(
            "INSERT INTO membership (user_id, corporation_id, role)"
                + " SELECT id, ?, ? FROM app_user WHERE username = ? ON CONFLICT DO NOTHING")
        .params(corporationId, role.name(), username)
        .update();
  }

  public void grantAdministrators(long corporationId, Membership.Role role) {
    jdbc.sql(
            "INSERT INTO membership (user_id, corporation_id, role)"
                + " SELECT id, ?, ? FROM app_user WHERE administrator ON CONFLICT DO NOTHING")
        .params(corporationId, role.name())
        .update();
  }
}
