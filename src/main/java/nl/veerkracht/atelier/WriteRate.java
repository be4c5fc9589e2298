package nl.veerkracht.atelier;

import java.util.concurrent.ThreadLocalRandom;
import nl.veerkracht.common.Text;
import nl.veerkracht.common.TooManyRequestsException;
import org.springframework.jdbc.core.simple.JdbcClient;
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

  private final JdbcClient jdbc;

  WriteRate(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public void take(String writer) {
    // the bucket refills at PER_SECOND up to BURST; a refused write leaves it at most one below
    // empty, so a flood waits a moment, not for ever
    double left =
        jdbc.sql(
                "INSERT INTO atelier_write_rate AS r (writer, tokens, at)"
                    + " VALUES (:writer, :burst - 1, clock_timestamp())"
                    + " ON CONFLICT (writer) DO UPDATE SET tokens = greatest(-1, least(:burst,"
                    + " r.tokens + extract(epoch FROM clock_timestamp() - r.at) * :rate) - 1),"
                    + " at = clock_timestamp() RETURNING tokens")
            .param("writer", writer)
            .param("burst", (double) BURST)
            .param("rate", PER_SECOND)
            .query(Double.class)
            .single();
    if (ThreadLocalRandom.current().nextInt(1000) == 0) {
      jdbc.sql("DELETE FROM atelier_write_rate WHERE at < now() - interval '1 hour'").update();
    }
    if (left < 0) {
      throw new TooManyRequestsException(Text.msg("atelier.refused.tooFast"));
    }
  }
}
