package nl.veerkracht.security;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Slows password guessing: after {@value #FAILURES} failed sign-ins in a row an account is locked
 * for {@value #LOCK_MINUTES} minutes (the right password is refused too, with its own message),
 * then it may try again. Kept in {@code app_user}, so every app instance enforces it. Every failed
 * sign-in is logged with the name tried and the address it came from, never the password.
 */
@Component
public class SignInThrottle {

  static final int FAILURES = 5;
  static final int LOCK_MINUTES = 5;
  private static final Logger log = LoggerFactory.getLogger(SignInThrottle.class);

  private final JdbcClient jdbc;
  private final nl.veerkracht.audit.AuditLog audit;

  public SignInThrottle(JdbcClient jdbc, nl.veerkracht.audit.AuditLog audit) {
    this.jdbc = jdbc;
    this.audit = audit;
  }

  /** A sign-in on the login form (not every request that HTTP Basic authenticates). */
  @EventListener
  public void signedIn(
      org.springframework.security.authentication.event.InteractiveAuthenticationSuccessEvent e) {
    audit.record(name(e.getAuthentication()), "sign-in", null, null, null);
  }

  @EventListener
  public void failed(AuthenticationFailureBadCredentialsEvent e) {
    String name = name(e.getAuthentication());
    Boolean locked =
        jdbc.sql(
                """
                UPDATE app_user
                   SET failed_sign_ins = CASE WHEN failed_sign_ins + 1 >= ? THEN 0
                                              ELSE failed_sign_ins + 1 END,
                       locked_until = CASE WHEN failed_sign_ins + 1 >= ?
                                           THEN now() + make_interval(mins => ?)
                                           ELSE locked_until END
                 WHERE username = ?
                RETURNING locked_until IS NOT NULL AND locked_until > now()
                """)
            .params(FAILURES, FAILURES, LOCK_MINUTES, name)
            .query(Boolean.class)
            .optional()
            .orElse(false);
    log.warn(
        "Failed sign-in for '{}' from {}{}",
        name,
        from(e.getAuthentication()),
        locked ? "; the account is locked for " + LOCK_MINUTES + " minutes" : "");
    audit.record(
        name, "sign-in.failed", null, null, locked ? java.util.Map.of("locked", true) : null);
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

  @EventListener
  public void succeeded(AuthenticationSuccessEvent e) {
    jdbc.sql("UPDATE app_user SET failed_sign_ins = 0 WHERE username = ? AND failed_sign_ins > 0")
        .param(e.getAuthentication().getName())
        .update();
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
        : "an unknown address";
  }
}
