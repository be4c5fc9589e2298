package nl.veerkracht.monitor;

import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The remembered state of one corporation's watched subjects — a target's status, a complex's
 * signal over or under its threshold — and the changes between looks. A subject seen for the first
 * time is recorded without a change; a look that finds the same state records nothing.
 */
@Component
public class OwnChangeRepository {

  /** What a look found for one subject. */
  public record Observation(
      String subject,
      Integer year,
      String state,
      Long measureId,
      Long clusterId,
      String detail,
      Double value,
      Double threshold) {}

  private record Known(Integer year, String state) {}

  private final JdbcClient jdbc;
  private final TransactionTemplate transactions;

  /** The state a subject had before it was first seen. */
  static final String NEW = "new";

  /** States recorded as a change when a subject is first seen in them. */
  static final java.util.Set<String> FLAGGED_ON_FIRST_SIGHT = java.util.Set.of("over");

  public OwnChangeRepository(JdbcClient jdbc, TransactionTemplate transactions) {
    this.jdbc = jdbc;
    this.transactions = transactions;
  }

  /**
   * Compares each observation with the stored state of its subject and records a change where the
   * state differs, in one transaction; subjects of this kind not observed any more are forgotten.
   *
   * @return how many changes were recorded
   */
  public synchronized int observe(long corporationId, String kind, List<Observation> found) {
    Integer recorded =
        transactions.execute(
            tx -> {
              jdbc.sql("SELECT pg_advisory_xact_lock(:c)")
                  .param("c", corporationId)
                  .query()
                  .listOfRows();
              int changes = 0;
              for (Observation o : found) {
                Optional<Known> known = known(corporationId, o.subject());
                if (known.isPresent() && !known.get().state().equals(o.state())) {
                  record(corporationId, kind, known.get(), o);
                  changes++;
                } else if (known.isEmpty() && FLAGGED_ON_FIRST_SIGHT.contains(o.state())) {
                  // over a threshold the first time it is seen: flagged, not taken as the
                  // normal state (a first import is no movement, but 40 reports per 100 homes
                  // against a threshold of 10 is news)
                  record(corporationId, kind, new Known(null, NEW), o);
                  changes++;
                }
                remember(corporationId, o);
              }
              jdbc.sql(
                      "DELETE FROM own_change_state WHERE corporation_id = :corp AND subject LIKE :kind"
                          + " AND NOT (subject = ANY(:subjects))")
                  .param("corp", corporationId)
                  .param("kind", kind + ":%")
                  .param(
                      "subjects", found.stream().map(Observation::subject).toArray(String[]::new))
                  .update();
              return changes;
            });
    return recorded == null ? 0 : recorded;
  }

  private Optional<Known> known(long corporationId, String subject) {
    return jdbc.sql(
            "SELECT year, state FROM own_change_state WHERE corporation_id = :c AND subject = :s")
        .param("c", corporationId)
        .param("s", subject)
        .query((rs, n) -> new Known((Integer) rs.getObject(1, Integer.class), rs.getString(2)))
        .optional();
  }

  private void record(long corporationId, String kind, Known from, Observation o) {
    jdbc.sql(
            """
            INSERT INTO own_change (corporation_id, kind, measure_id, cluster_id, detail,
                                    year_from, state_from, year_to, state_to, value_to, threshold)
            VALUES (:corp, :kind, :measure, :cluster, :detail, :yearFrom, :stateFrom, :yearTo, :stateTo, :valueTo, :threshold)""")
        .param("corp", corporationId)
        .param("kind", kind)
        .param("measure", o.measureId())
        .param("cluster", o.clusterId())
        .param("detail", o.detail())
        .param("yearFrom", from.year())
        .param("stateFrom", from.state())
        .param("yearTo", o.year())
        .param("stateTo", o.state())
        .param("valueTo", o.value())
        .param("threshold", o.threshold())
        .update();
  }

  private void remember(long corporationId, Observation o) {
    jdbc.sql(
            """
            INSERT INTO own_change_state (corporation_id, subject, year, state) VALUES (:corp, :subject, :year, :state)
            ON CONFLICT (corporation_id, subject) DO UPDATE SET year = excluded.year, state = excluded.state""")
        .param("corp", corporationId)
        .param("subject", o.subject())
        .param("year", o.year())
        .param("state", o.state())
        .update();
  }
}
