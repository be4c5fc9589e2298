package nl.veerkracht.atelier;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The counters that slow floods, kept in the database so every instance counts the same: join
 * attempts per network address ({@code atelier_join_attempt}) and a token bucket per writer ({@code
 * atelier_write_rate}). {@link JoinThrottle} and {@link WriteRate} hold the limits.
 */
@Repository
class AtelierThrottleRepository {

  /** An address's wrong codes in the last minute and joins in the last hour. */
  record JoinCounts(int wrongLastMinute, int lastHour) {}

  private final JdbcClient jdbc;

  AtelierThrottleRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  JoinCounts joins(String address) {
    return jdbc.sql(
            """
            SELECT count(*) FILTER (WHERE NOT success AND at > now() - interval '1 minute'),
                   count(*)
              FROM atelier_join_attempt
             WHERE address = :address AND at > now() - interval '1 hour'
            """)
        .param("address", address)
        .query((rs, n) -> new JoinCounts(rs.getInt(1), rs.getInt(2)))
        .single();
  }

  void recordJoin(String address, boolean success) {
    jdbc.sql("INSERT INTO atelier_join_attempt (address, success) VALUES (:address, :success)")
        .param("address", address)
        .param("success", success)
        .update();
  }

  void forgetOldJoins() {
    jdbc.sql("DELETE FROM atelier_join_attempt WHERE at < now() - interval '1 hour'").update();
  }

  /**
   * Takes one token from the writer's bucket, which refills at {@code perSecond} up to {@code
   * burst}; a refused write leaves it at most one below empty. The tokens left (below zero:
   * refuse).
   */
  double takeWriteToken(String writer, double burst, double perSecond) {
    return jdbc.sql(
            """
            INSERT INTO atelier_write_rate AS r (writer, tokens, at)
            VALUES (:writer, :burst - 1, clock_timestamp())
            ON CONFLICT (writer) DO UPDATE
               SET tokens = greatest(-1, least(:burst,
                     r.tokens + extract(epoch FROM clock_timestamp() - r.at) * :rate) - 1),
                   at = clock_timestamp()
            RETURNING tokens
            """)
        .param("writer", writer)
        .param("burst", burst)
        .param("rate", perSecond)
        .query(Double.class)
        .single();
  }

  void forgetIdleWriters() {
    jdbc.sql("DELETE FROM atelier_write_rate WHERE at < now() - interval '1 hour'").update();
  }
}
