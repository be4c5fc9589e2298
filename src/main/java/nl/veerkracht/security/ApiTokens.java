package nl.veerkracht.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.veerkracht.audit.AuditLog;
import nl.veerkracht.common.InvalidInputException;
import nl.veerkracht.common.NotFoundException;
import nl.veerkracht.common.Text;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Personal API tokens: an account makes them for its scripts and GIS clients, sees them (never the
 * secret again) and revokes them. A token acts as its account, scoped like it; only its SHA-256 is
 * stored. Made, revoked and — once a day — used are audited.
 */
@Service
public class ApiTokens {

  /** The prefix that tells an API token from an atelier participant's token. */
  public static final String PREFIX = "vkt_";

  static final int MAX_ACTIVE_PER_ACCOUNT = 20;

  private static final SecureRandom RANDOM = new SecureRandom();

  /** A token as its owner sees it. */
  public record TokenView(
      long id, String name, Instant createdAt, LocalDate lastUsedOn, boolean revoked) {}

  /** A new token: the secret is shown this once. */
  public record Created(long id, String name, String token) {}

  private final JdbcClient jdbc;
  private final CurrentUser currentUser;
  private final AuditLog audit;

  public ApiTokens(JdbcClient jdbc, CurrentUser currentUser, AuditLog audit) {
    this.jdbc = jdbc;
    this.currentUser = currentUser;
    this.audit = audit;
  }

  @Transactional
  public Created create(String name) {
    String n = name == null ? "" : name.strip();
    if (n.isEmpty() || n.length() > 100) {
      throw new InvalidInputException(Text.msg("token.invalid.name"));
    }
    long user = userId();
    int active =
        jdbc.sql("SELECT count(*) FROM api_token WHERE user_id = ? AND revoked_at IS NULL")
            .param(user)
            .query(Integer.class)
            .single();
    if (active >= MAX_ACTIVE_PER_ACCOUNT) {
      throw new InvalidInputException(
          Text.msg("token.invalid.tooMany", "n", MAX_ACTIVE_PER_ACCOUNT));
    }
    byte[] secret = new byte[32];
    RANDOM.nextBytes(secret);
    String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    long id =
        jdbc.sql("INSERT INTO api_token (user_id, name, token_hash) VALUES (?, ?, ?) RETURNING id")
            .params(user, n, hash(token))
            .query(Long.class)
            .single();
    audit.record("token.create", null, "token " + id, Map.of("name", n));
    return new Created(id, n, token);
  }

  public List<TokenView> list() {
    return jdbc.sql(
            "SELECT id, name, created_at, last_used_on, revoked_at IS NOT NULL FROM api_token"
                + " WHERE user_id = ? ORDER BY id")
        .param(userId())
        .query(
            (rs, i) ->
                new TokenView(
                    rs.getLong(1),
                    rs.getString(2),
                    rs.getTimestamp(3).toInstant(),
                    rs.getObject(4, LocalDate.class),
                    rs.getBoolean(5)))
        .list();
  }

  /** Revokes one of the caller's own tokens (404 for any other). */
  @Transactional
  public void revoke(long id) {
    int n =
        jdbc.sql(
                "UPDATE api_token SET revoked_at = now() WHERE id = ? AND user_id = ?"
                    + " AND revoked_at IS NULL")
            .params(id, userId())
            .update();
    if (n == 0) {
      throw new NotFoundException(Text.msg("token.notFound"));
    }
    audit.record("token.revoke", null, "token " + id, null);
  }

  /**
   * The account a token acts as, when it is known, not revoked and its account enabled; the first
   * use of the day is recorded. One indexed lookup (and one small update a day).
   */
  public Optional<String> authenticate(String token) {
    if (token == null || !token.startsWith(PREFIX) || token.length() > 200) {
      return Optional.empty();
    }
    byte[] h = hash(token);
    Optional<Object[]> found =
        jdbc.sql(
                "SELECT t.id, u.username, t.last_used_on IS NOT DISTINCT FROM current_date FROM"
                    + " api_token t JOIN app_user u ON u.id = t.user_id WHERE t.token_hash = ?"
                    + " AND t.revoked_at IS NULL AND u.enabled")
            .param(h)
            .query((rs, i) -> new Object[] {rs.getLong(1), rs.getString(2), rs.getBoolean(3)})
            .optional();
    if (found.isEmpty()) {
      return Optional.empty();
    }
    Object[] f = found.get();
    if (!(Boolean) f[2]
        && jdbc.sql(
                    "UPDATE api_token SET last_used_on = current_date WHERE id = ?"
                        + " AND last_used_on IS DISTINCT FROM current_date")
                .param((Long) f[0])
                .update()
            > 0) {
      audit.record((String) f[1], "token.use", null, "token " + f[0], null);
    }
    return Optional.of((String) f[1]);
  }

  private long userId() {
    String username = currentUser.findUsername().orElseThrow();
    return jdbc.sql("SELECT id FROM app_user WHERE username = ?")
        .param(username)
        .query(Long.class)
        .single();
  }

  static byte[] hash(String token) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
