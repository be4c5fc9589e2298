package nl.veerkracht.atelier;

import nl.veerkracht.common.Text;
import nl.veerkracht.common.TooManyRequestsException;
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

  private final AtelierThrottleRepository counters;
  private final AtelierSettings settings;

  JoinThrottle(AtelierThrottleRepository counters, AtelierSettings settings) {
    this.counters = counters;
    this.settings = settings;
  }

  /** Refuses (429) an address over either limit; returns the address to record against. */
  String check() {
    String address = address();
    AtelierThrottleRepository.JoinCounts counts = counters.joins(address);
    if (counts.wrongLastMinute() >= settings.wrongCodesPerMinute()) {
      throw new TooManyRequestsException(Text.msg("atelier.refused.tooManyCodes"));
    }
    if (counts.lastHour() >= settings.joinsPerAddressPerHour()) {
      throw new TooManyRequestsException(Text.msg("atelier.refused.tooManyJoins"));
    }
    return address;
  }

  void record(String address, boolean success) {
    counters.recordJoin(address, success);
    if (!success) {
      counters.forgetOldJoins();
    }
  }

  private static String address() {
    if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes a) {
      return a.getRequest().getRemoteAddr();
    }
    return "local";
  }
}
