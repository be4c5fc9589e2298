package nl.veerkracht.security;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The sign-in counters: an account's failures in a row, its lock and usual address (columns of
 * {@code app_user}), and the failed attempts per network address ({@code sign_in_failure}) until
 * they are summarised into the audit log. {@link SignInThrottle} holds the rules.
 */
@Repository
class SignInRepository {

  private final JdbcClient jdbc;

  SignInRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  void rememberUsualAddress(String username, String address) {
    jdbc.sql(
            """
            UPDATE app_user SET usual_address = :address
             WHERE username = :name AND usual_address IS DISTINCT FROM :address
            """)
        .param("address", address)
        .param("name", username)
        .update();
  }

  /**
   * Counts a failure; at {@code failures} in a row the account is locked for {@code minutes} and
   * the count starts again. Whether it is locked now, or empty when no account has this name.
   */
  Optional<Boolean> countFailure(String username, int failures, int minutes) {
    return jdbc.sql(
            """
            UPDATE app_user
               SET failed_sign_ins = CASE WHEN failed_sign_ins + 1 >= :failures THEN 0
                                          ELSE failed_sign_ins + 1 END,
                   locked_at = CASE WHEN failed_sign_ins + 1 >= :failures THEN now()
                                    ELSE locked_at END,
                   locked_until = CASE WHEN failed_sign_ins + 1 >= :failures
                                       THEN now() + make_interval(mins => :minutes)
                                       ELSE locked_until END
             WHERE username = :name
            RETURNING locked_until IS NOT NULL AND locked_until > now()
            """)
        .param("failures", failures)
        .param("minutes", minutes)
        .param("name", username)
        .query(Boolean.class)
        .optional();
  }

  void recordFailure(String address, String username, boolean known) {
    jdbc.sql(
            """
            INSERT INTO sign_in_failure (address, username, known)
            VALUES (:address, :name, :known)
            """)
        .param("address", address)
        .param("name", username)
        .param("known", known)
        .update();
  }

  void clearFailures(String username) {
    jdbc.sql(
            """
            UPDATE app_user SET failed_sign_ins = 0
             WHERE username = :name AND failed_sign_ins > 0
            """)
        .param("name", username)
        .update();
  }

  /**
   * Marks the failures of past minutes (or, with {@code upToNow}, of this one too) summarised and
   * returns them per address and minute: {@code address, minute, n, unknown, names,
   * distinct_names}.
   */
  List<Map<String, Object>> takeBursts(boolean upToNow) {
    return jdbc.sql(
            """
            WITH s AS (UPDATE sign_in_failure SET summarised = true
                        WHERE NOT summarised AND (:now OR at < date_trunc('minute', now()))
                    RETURNING address, date_trunc('minute', at) AS minute, username, known)
            SELECT address, minute, count(*) AS n, count(*) FILTER (WHERE NOT known) AS unknown,
                   array_agg(DISTINCT username) AS names,
                   count(DISTINCT username) AS distinct_names
              FROM s GROUP BY address, minute ORDER BY minute, address
            """)
        .param("now", upToNow)
        .query()
        .listOfRows();
  }

  void forgetSummarised() {
    jdbc.sql("DELETE FROM sign_in_failure WHERE summarised AND at < now() - interval '1 day'")
        .update();
  }

  /**
   * Until when this address may try no more unknown names: the moment its {@code limit}-th newest
   * unknown name within the last {@code windowMinutes} leaves the window; empty below the limit.
   */
  Optional<Instant> addressBlockedUntil(String address, int limit, int windowMinutes) {
    return jdbc.sql(
            """
            SELECT at + make_interval(mins => :window) FROM sign_in_failure
             WHERE address = :address AND NOT known
               AND at > now() - make_interval(mins => :window)
             ORDER BY at DESC OFFSET :skip LIMIT 1
            """)
        .param("window", windowMinutes)
        .param("address", address)
        .param("skip", limit - 1)
        .query(Timestamp.class)
        .optional()
        .map(Timestamp::toInstant);
  }

  Optional<Instant> lockedUntil(String username) {
    return jdbc.sql(
            "SELECT locked_until FROM app_user WHERE username = :name AND locked_until > now()")
        .param("name", username)
        .query(Timestamp.class)
        .optional()
        .map(Timestamp::toInstant);
  }
}
