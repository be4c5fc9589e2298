package nl.veerkracht.atelier;

import java.util.concurrent.ThreadLocalRandom;
import nl.veerkracht.common.Text;
import nl.veerkracht.common.TooManyRequestsException;
import org.springframework.stereotype.Component;

/**
 * A per-writer token bucket: a person taps at most a few times a second; a script that floods an
 * atelier gets 429 after a burst of {@value #BURST}. Kept in the database (one statement per
 * write), so every instance behind one address counts the same writes.
 */
@Component
public class WriteRate {

  static final int BURST = 30;
  static final double PER_SECOND = 5;

  private final AtelierThrottleRepository counters;

  WriteRate(AtelierThrottleRepository counters) {
    this.counters = counters;
  }

  public void take(String writer) {
    // the bucket refills at PER_SECOND up to BURST; a refused write leaves it at most one below
    // empty, so a flood waits a moment, not for ever
    double left = counters.takeWriteToken(writer, BURST, PER_SECOND);
    if (ThreadLocalRandom.current().nextInt(1000) == 0) {
      counters.forgetIdleWriters();
    }
    if (left < 0) {
      throw new TooManyRequestsException(Text.msg("atelier.refused.tooFast"));
    }
  }
}
