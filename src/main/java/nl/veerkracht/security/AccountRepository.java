package nl.veerkracht.security;

import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The rows of {@code app_user} and {@code membership}: accounts, their passwords (hashes only),
 * locks, partner organisation and single sign-on subject, and who is staff of which corporation in
 * which role. The services around it ({@link UserAccounts}, {@link CurrentUser}, {@link
 * UserAdministration}, {@link OidcAccounts}, the sign-in classes) hold the rules.
 */
@Repository
public class AccountRepository {

  /** What a sign-in needs of an account. */
  public record SignIn(
      String username,
      String passwordHash,
      boolean administrator,
      boolean enabled,
      boolean dataSteward,
      boolean locked,
      boolean partner) {}

  private static final String ACCOUNT_COLUMNS =
      """
      SELECT u.id, u.username, u.display_name, u.administrator, u.enabled, u.data_steward, o.code
        FROM app_user u LEFT JOIN organisation o ON o.id = u.organisation_id
      """;

  private static final RowMapper<UserAccounts.Account> ACCOUNT =
      (rs, n) ->
          new UserAccounts.Account(
              rs.getLong(1),
              rs.getString(2),
              rs.getString(3),
              rs.getBoolean(4),
              rs.getBoolean(5),
              rs.getBoolean(6),
              rs.getString(7));

  private final JdbcClient jdbc;

  public AccountRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public long count() {
    return jdbc.sql("SELECT count(*) FROM app_user").query(Long.class).single();
  }

  public boolean exists(String username) {
    return jdbc.sql("SELECT EXISTS (SELECT 1 FROM app_user WHERE username = :name)")
        .param("name", username)
        .query(Boolean.class)
        .single();
  }

  public Optional<UserAccounts.Account> find(String username) {
    return jdbc.sql(ACCOUNT_COLUMNS + " WHERE u.username = :name")
        .param("name", username)
        .query(ACCOUNT)
        .optional();
  }

  public List<UserAccounts.Account> list() {
    return jdbc.sql(ACCOUNT_COLUMNS + " ORDER BY u.username").query(ACCOUNT).list();
  }

  /** A new account; its id. */
  public long insert(
      String username, String passwordHash, String displayName, boolean administrator) {
    return jdbc.sql(
            """
            INSERT INTO app_user (username, password_hash, display_name, administrator)
            VALUES (:name, :hash, :display, :admin) RETURNING id
            """)
        .param("name", username)
        .param("hash", passwordHash)
        .param("display", displayName)
        .param("admin", administrator)
        .query(Long.class)
        .single();
  }

  /**
   * The first administrator, unless any account exists; false when another server made one first
   * (the unique username lets exactly one of them succeed).
   */
  public boolean insertFirstAdministrator(
      String username, String passwordHash, String displayName) {
    return jdbc.sql(
                """
                INSERT INTO app_user (username, password_hash, display_name, administrator)
                SELECT :name, :hash, :display, true WHERE NOT EXISTS (SELECT 1 FROM app_user)
                ON CONFLICT (username) DO NOTHING
                """)
            .param("name", username)
            .param("hash", passwordHash)
            .param("display", displayName)
            .update()
        == 1;
  }

  /** A single sign-on account (no password works for it); its id. */
  public long insertSignOn(String username, String unusablePasswordHash, String subject) {
    return jdbc.sql(
            """
            INSERT INTO app_user (username, password_hash, display_name, oidc_subject)
            VALUES (:name, :hash, :name, :subject) RETURNING id
            """)
        .param("name", username)
        .param("hash", unusablePasswordHash)
        .param("subject", subject)
        .query(Long.class)
        .single();
  }

  public Optional<Long> idOfSubject(String subject) {
    return jdbc.sql("SELECT id FROM app_user WHERE oidc_subject = :subject")
        .param("subject", subject)
        .query(Long.class)
        .optional();
  }

  public void rename(long id, String username) {
    jdbc.sql("UPDATE app_user SET username = :name WHERE id = :id AND username <> :name")
        .param("name", username)
        .param("id", id)
        .update();
  }

  public boolean enabled(long id) {
    return jdbc.sql("SELECT enabled FROM app_user WHERE id = :id")
        .param("id", id)
        .query(Boolean.class)
        .single();
  }

  public void setEnabled(long id, boolean enabled) {
    jdbc.sql("UPDATE app_user SET enabled = :enabled WHERE id = :id")
        .param("enabled", enabled)
        .param("id", id)
        .update();
  }

  public void setDataSteward(long id, boolean steward) {
    jdbc.sql("UPDATE app_user SET data_steward = :steward WHERE id = :id")
        .param("steward", steward)
        .param("id", id)
        .update();
  }

  /** Makes the account a partner of this organisation, or staff again with null. */
  public void setOrganisation(long id, Long organisationId) {
    jdbc.sql("UPDATE app_user SET organisation_id = :organisation WHERE id = :id")
        .param("organisation", organisationId)
        .param("id", id)
        .update();
  }

  /** The display name, or the username when none was entered. */
  public Optional<String> displayName(String username) {
    return jdbc.sql(
            """
            SELECT coalesce(nullif(display_name, ''), username) FROM app_user
             WHERE username = :name
            """)
        .param("name", username)
        .query(String.class)
        .optional();
  }

  public Optional<String> passwordHash(String username) {
    return jdbc.sql("SELECT password_hash FROM app_user WHERE username = :name")
        .param("name", username)
        .query(String.class)
        .optional();
  }

  /** A password the account chose itself: no change asked of it any more. */
  public void setOwnPassword(String username, String hash) {
    jdbc.sql(
            """
            UPDATE app_user SET password_hash = :hash, must_change_password = false
             WHERE username = :name
            """)
        .param("hash", hash)
        .param("name", username)
        .update();
  }

  /** A new password from the command line, which lifts any lock; false when no such account. */
  public boolean resetPassword(String username, String hash) {
    return jdbc.sql(
                """
                UPDATE app_user SET password_hash = :hash, failed_sign_ins = 0,
                       locked_until = NULL, locked_at = NULL
                 WHERE username = :name
                """)
            .param("hash", hash)
            .param("name", username)
            .update()
        > 0;
  }

  public boolean mustChangePassword(String username) {
    return jdbc.sql("SELECT must_change_password FROM app_user WHERE username = :name")
        .param("name", username)
        .query(Boolean.class)
        .optional()
        .orElse(false);
  }

  public void requirePasswordChange(long id) {
    jdbc.sql("UPDATE app_user SET must_change_password = true WHERE id = :id")
        .param("id", id)
        .update();
  }

  /**
   * What a sign-in needs: locked while a lock holds, except from the account's usual address once
   * the lock is {@code usualAddressWaitSeconds} old.
   */
  public Optional<SignIn> forSignIn(String username, String address, int usualAddressWaitSeconds) {
    return jdbc.sql(
            """
            SELECT username, password_hash, administrator, enabled, data_steward,
                   coalesce(locked_until > now(), false)
                     AND NOT coalesce(usual_address = :address
                       AND locked_at < now() - make_interval(secs => :wait), false) AS locked,
                   organisation_id IS NOT NULL AS partner
              FROM app_user WHERE username = :name
            """)
        .param("address", address)
        .param("wait", usualAddressWaitSeconds)
        .param("name", username)
        .query(
            (rs, n) ->
                new SignIn(
                    rs.getString("username"),
                    rs.getString("password_hash"),
                    rs.getBoolean("administrator"),
                    rs.getBoolean("enabled"),
                    rs.getBoolean("data_steward"),
                    rs.getBoolean("locked"),
                    rs.getBoolean("partner")))
        .optional();
  }

  /** The corporations an enabled account is staff of, by code. */
  public List<Membership> memberships(String username) {
    return jdbc.sql(
            """
            SELECT c.id, c.code, c.name, m.role
              FROM membership m
              JOIN app_user u ON u.id = m.user_id
              JOIN corporation c ON c.id = m.corporation_id
             WHERE u.username = :name AND u.enabled
             ORDER BY c.code
            """)
        .param("name", username)
        .query(
            (rs, n) ->
                new Membership(
                    rs.getLong(1),
                    rs.getString(2),
                    rs.getString(3),
                    Membership.Role.valueOf(rs.getString(4))))
        .list();
  }

  /** Makes the account staff of the corporation in this role (replacing an earlier role). */
  public void grant(long userId, long corporationId, Membership.Role role) {
    jdbc.sql(
            """
            INSERT INTO membership (user_id, corporation_id, role)
            VALUES (:user, :corporation, :role)
            ON CONFLICT (user_id, corporation_id) DO UPDATE SET role = excluded.role
            """)
        .param("user", userId)
        .param("corporation", corporationId)
        .param("role", role.name())
        .update();
  }

  /** Makes this account staff of the corporation in this role (nothing when it already is). */
  public void grant(String username, long corporationId, Membership.Role role) {
    jdbc.sql(
            """
            INSERT INTO membership (user_id, corporation_id, role)
            SELECT id, :corporation, :role FROM app_user WHERE username = :name
            ON CONFLICT DO NOTHING
            """)
        .param("corporation", corporationId)
        .param("role", role.name())
        .param("name", username)
        .update();
  }

  /** Makes every administrator staff of the corporation in this role. */
  public void grantAdministrators(long corporationId, Membership.Role role) {
    jdbc.sql(
            """
            INSERT INTO membership (user_id, corporation_id, role)
            SELECT id, :corporation, :role FROM app_user WHERE administrator
            ON CONFLICT DO NOTHING
            """)
        .param("corporation", corporationId)
        .param("role", role.name())
        .update();
  }

  /**
   * Makes the account staff of the corporation with this code in this role; false when no
   * corporation has that code.
   */
  public boolean grantByCode(long userId, String corporationCode, Membership.Role role) {
    return jdbc.sql(
                """
                INSERT INTO membership (user_id, corporation_id, role)
                SELECT :user, id, :role FROM corporation WHERE code = :code
                """)
            .param("user", userId)
            .param("role", role.name())
            .param("code", corporationCode)
            .update()
        > 0;
  }

  public void revoke(long userId, long corporationId) {
    jdbc.sql("DELETE FROM membership WHERE user_id = :user AND corporation_id = :corporation")
        .param("user", userId)
        .param("corporation", corporationId)
        .update();
  }

  public void revokeAll(long userId) {
    jdbc.sql("DELETE FROM membership WHERE user_id = :user").param("user", userId).update();
  }

  /** The id of the corporation with this code. */
  public Optional<Long> corporationId(String code) {
    return jdbc.sql("SELECT id FROM corporation WHERE code = :code")
        .param("code", code)
        .query(Long.class)
        .optional();
  }

  /** The id of the partner organisation with this code. */
  public Optional<Long> organisationId(String code) {
    return jdbc.sql("SELECT id FROM organisation WHERE code = :code")
        .param("code", code)
        .query(Long.class)
        .optional();
  }
}
