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

  private final ApiTokenRepository tokens;
  private final CurrentUser currentUser;
  private final AuditLog audit;

  ApiTokens(ApiTokenRepository tokens, CurrentUser currentUser, AuditLog audit) {
    this.tokens = tokens;
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
    int active = tokens.active(user);
    if (active >= MAX_ACTIVE_PER_ACCOUNT) {
      throw new InvalidInputException(
          Text.msg("token.invalid.tooMany", "n", MAX_ACTIVE_PER_ACCOUNT));
    }
    byte[] secret = new byte[32];
    RANDOM.nextBytes(secret);
    String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    long id = tokens.insert(user, n, hash(token));
    audit.record("token.create", null, "token " + id, Map.of("name", n));
    return new Created(id, n, token);
  }

  public List<TokenView> list() {
    return tokens.list(userId());
  }

  /** Revokes one of the caller's own tokens (404 for any other). */
  @Transactional
  public void revoke(long id) {
    if (!tokens.revoke(id, userId())) {
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
    Optional<ApiTokenRepository.Holder> found = tokens.holder(h);
    if (found.isEmpty()) {
      return Optional.empty();
    }
    ApiTokenRepository.Holder f = found.get();
    if (!f.usedToday() && tokens.markUsedToday(f.tokenId())) {
      audit.record(f.username(), "token.use", null, "token " + f.tokenId(), null);
    }
    return Optional.of(f.username());
  }

  private long userId() {
    return tokens.userId(currentUser.findUsername().orElseThrow());
  }

  static byte[] hash(String token) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
