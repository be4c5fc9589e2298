package nl.veerkracht.security;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Slows password guessing, in the database so that every app instance enforces it:
 *
 * <ul>
 *   <li>after {@value #FAILURES} failed sign-ins in a row an account is locked for {@value
 *       #LOCK_MINUTES} minutes; the right password from the account's usual address (where it last
 *       signed in on the login form) passes after {@value #USUAL_ADDRESS_WAIT_SECONDS} seconds,
 *       from anywhere else it is refused until the lock ends — the API and the login page say until
 *       when;
 *   <li>names that are no account are throttled per network address: after {@value
 *       #UNKNOWN_PER_ADDRESS} in {@value #WINDOW_MINUTES} minutes that address is refused (429) for
 *       further unknown names until the window has passed ({@link SignInGate});
 *   <li>failures reach the audit log as one row per address per minute with their count and the
 *       names tried ({@link #summarise}), never the password.
 * </ul>
 */
@Component
public class SignInThrottle {

  static final int FAILURES = 5;
  static final int LOCK_MINUTES = 5;
  static final int USUAL_ADDRESS_WAIT_SECONDS = 30;
  static final int UNKNOWN_PER_ADDRESS = 20;
  static final int WINDOW_MINUTES = 10;
  private static final ZoneId NL = ZoneId.of("Europe/Amsterdam");
  private static final Logger log = LoggerFactory.getLogger(SignInThrottle.class);

  private final SignInRepository rows;
  private final AccountRepository accounts;
  private final nl.veerkracht.audit.AuditLog audit;

  SignInThrottle(
      SignInRepository rows, AccountRepository accounts, nl.veerkracht.audit.AuditLog audit) {
    this.rows = rows;
    this.accounts = accounts;
    this.audit = audit;
  }

  /** A sign-in on the login form (not every request that HTTP Basic authenticates). */
  @EventListener
  public void signedIn(
      org.springframework.security.authentication.event.InteractiveAuthenticationSuccessEvent e) {
    audit.record(name(e.getAuthentication()), "sign-in", null, null, null);
    // where the account signs in (on the form or by single sign-on) is its usual address
    String address = from(e.getAuthentication());
    rows.rememberUsualAddress(e.getAuthentication().getName(), address);
  }

  @EventListener
  public void failed(AuthenticationFailureBadCredentialsEvent e) {
    String name = name(e.getAuthentication());
    String address = from(e.getAuthentication());
    Optional<Boolean> locked = rows.countFailure(name, FAILURES, LOCK_MINUTES);
    rows.recordFailure(address, name, locked.isPresent());
    log.warn(
        "Failed sign-in for '{}' from {}{}",
        name,
        address,
        locked.orElse(false) ? "; the account is locked for " + LOCK_MINUTES + " minutes" : "");
  }

  /** Other refusals (a locked or disabled account): logged, not counted. */
  @EventListener
  public void refused(AbstractAuthenticationFailureEvent e) {
    if (!(e instanceof AuthenticationFailureBadCredentialsEvent)) {
      log.warn(
          "Sign-in refused for '{}' from {}: {}",
          name(e.getAuthentication()),
          from(e.getAuthentication()),
          e.getException().getClass().getSimpleName());
      audit.record(
          name(e.getAuthentication()),
          "sign-in.refused",
          null,
          null,
          java.util.Map.of("reason", e.getException().getClass().getSimpleName()));
    }
  }

  /**
   * A success clears the count (a request with HTTP Basic writes nothing else: a refused upload
   * must leave every table as it was).
   */
  @EventListener
  public void succeeded(AuthenticationSuccessEvent e) {
    rows.clearFailures(e.getAuthentication().getName());
  }

  /**
   * Writes the failures of past minutes (or, with {@code upToNow}, of this one too) to the audit
   * log: one row per address and minute, with the count and up to ten names tried.
   */
  @Scheduled(
      fixedDelayString = "${veerkracht.sign-in.summary-ms:20000}",
      initialDelayString = "${veerkracht.sign-in.summary-ms:20000}")
  public void summarise() {
    summarise(false);
  }

  public int summarise(boolean upToNow) {
    List<Map<String, Object>> bursts = rows.takeBursts(upToNow);
    for (Map<String, Object> b : bursts) {
      String[] names = (String[]) toArray(b.get("names"));
      long distinct = ((Number) b.get("distinct_names")).longValue();
      Map<String, Object> detail = new LinkedHashMap<>();
      detail.put("address", b.get("address"));
      detail.put("minute", String.valueOf(b.get("minute")));
      detail.put("count", ((Number) b.get("n")).longValue());
      detail.put("unknownNames", ((Number) b.get("unknown")).longValue());
      detail.put("names", List.of(names).subList(0, Math.min(10, names.length)));
      audit.record(
          distinct == 1 ? names[0] : "(" + distinct + " names)",
          "sign-in.failed",
          null,
          "address " + b.get("address"),
          detail);
    }
    rows.forgetSummarised();
    return bursts.size();
  }

  private static Object toArray(Object sqlArray) {
    try {
      return sqlArray instanceof java.sql.Array a ? a.getArray() : new String[0];
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Whether an account of this name exists. */
  public boolean known(String name) {
    return accounts.exists(name);
  }

  /**
   * Until when this address may try no more names that are no account: empty while it has tried
   * fewer than {@value #UNKNOWN_PER_ADDRESS} in the last {@value #WINDOW_MINUTES} minutes.
   */
  public Optional<Instant> addressBlockedUntil(String address) {
    return rows.addressBlockedUntil(address, UNKNOWN_PER_ADDRESS, WINDOW_MINUTES);
  }

  /** Until when this account is locked (for everyone but its usual address after the wait). */
  public Optional<Instant> lockedUntil(String name) {
    return rows.lockedUntil(name == null ? "" : name);
  }

  /** A moment as people read it here: "21:15" (Dutch time). */
  public static String clock(Instant at) {
    return DateTimeFormatter.ofPattern("HH:mm").withZone(NL).format(at);
  }

  /** The name as tried, safe for a log line. */
  private static String name(Authentication a) {
    String n = a == null || a.getName() == null ? "" : a.getName();
    n = n.replaceAll("[\\p{Cntrl}]", "?");
    return n.length() > 64 ? n.substring(0, 64) + "…" : n;
  }

  private static String from(Authentication a) {
    return a != null && a.getDetails() instanceof WebAuthenticationDetails d
        ? d.getRemoteAddress()
        : "unknown";
  }
}
