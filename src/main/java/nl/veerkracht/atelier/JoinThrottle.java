package nl.veerkracht.atelier;

import nl.veerkracht.common.Text;
import nl.veerkracht.common.TooManyRequestsException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Limits joining per network address, in the database so every instance counts the same: wrong
 * codes per minute (guessing) and joins per hour (a scripted flood). A room behind one venue
 * address stays well under the hourly limit ({@link AtelierSettings}).
 */
@Component
class JoinThrottle {

  private final JdbcClient jdbc;
  private final AtelierSettings settings;

  JoinThrottle(JdbcClient jdbc, AtelierSettings settings) {
    this.jdbc = jdbc;
    this.settings = settings;
  }

  /** Refuses (429) an address over either limit; returns the address to record against. */
  String check() {
    String address = address();
    Integer[] counts =
        jdbc.sql(
                "SELECT count(*) FILTER (WHERE NOT success AND at > now() - interval '1 minute'),"
                    + " count(*) FROM atelier_join_attempt WHERE address = ?"
                    + " AND at > now() - interval '1 hour'")
            .param(address)
            .query((rs, n) -> new Integer[] {rs.getInt(1), rs.getInt(2)})
            .single();
    if (counts[0] >= settings.wrongCodesPerMinute()) {
      throw new TooManyRequestsException(Text.msg("atelier.refused.tooManyCodes"));
    }
    if (counts[1] >= settings.joinsPerAddressPerHour()) {
      throw new TooManyRequestsException(Text.msg("atelier.refused.tooManyJoins"));
    }
    return address;
  }

  void record(String address, boolean success) {
    jdbc.sql("INSERT INTO atelier_join_attempt (address, success) VALUES (?, ?)")
        .params(address, success)
        .update();
    if (!success) {
      jdbc.sql("DELETE FROM atelier_join_attempt WHERE at < now() - interval '1 hour'").update();
    }
  }

  private static String address() {
    if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes a) {
      return a.getRequest().getRemoteAddr();
    }
    return "local";
  }
}
