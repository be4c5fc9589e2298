package nl.veerkracht.atelier;

import java.util.concurrent.ConcurrentHashMap;
import nl.veerkracht.common.Text;
import nl.veerkracht.common.TooManyRequestsException;
import org.springframework.stereotype.Component;

/**
 * A per-writer token bucket: a person taps at most a few times a second; a script that floods an
 * atelier gets 429 after a burst of {@value #BURST}. Kept per instance, in memory.
 */
@Component
public class WriteRate {

  static final int BURST = 30;
  static final double PER_SECOND = 5;

  private final ConcurrentHashMap<String, double[]> buckets = new ConcurrentHashMap<>();

  public void take(String writer) {
    long now = System.nanoTime();
    double[] b = buckets.computeIfAbsent(writer, k -> new double[] {BURST, now});
    synchronized (b) {
      double tokens = Math.min(BURST, b[0] + (now - b[1]) / 1e9 * PER_SECOND);
      b[1] = now;
      if (tokens < 1) {
        b[0] = tokens;
        throw new TooManyRequestsException(Text.msg("atelier.refused.tooFast"));
      }
      b[0] = tokens - 1;
    }
    if (buckets.size() > 100_000) {
      buckets.clear();
    }
  }
}
