package nl.veerkracht.monitor;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nl.veerkracht.common.DataChangedEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * After every analysis run (which follows every import), looks at each corporation's own signals
 * per complex — the counts per kind in the newest complete year held, and move-outs as {@value
 * SignalThresholds#TURNOVER} — per 100 units, against the corporation's thresholds, and records a
 * complex that went over (or back under) a threshold as a change. The current calendar year is left
 * out: it is not complete.
 */
@Component
public class SignalWatch {

  private static final Logger log = LoggerFactory.getLogger(SignalWatch.class);

  private final JdbcClient jdbc;
  private final OwnChanges changes;
  private final SignalThresholds thresholds;

  public SignalWatch(JdbcClient jdbc, OwnChanges changes, SignalThresholds thresholds) {
    this.jdbc = jdbc;
    this.changes = changes;
    this.thresholds = thresholds;
  }

  @EventListener
  public void onData(DataChangedEvent event) {
    if ("analysis".equals(event.what())) {
      watchAll();
    }
  }

  /** Looks at every corporation; returns how many changes were recorded. */
  public int watchAll() {
    int found = 0;
    for (long id : jdbc.sql("SELECT id FROM corporation ORDER BY id").query(Long.class).list()) {
      found += watch(id);
    }
    if (found > 0) {
      log.info("{} complexes crossed a signal threshold", found);
    }
    return found;
  }

  public int watch(long corporationId) {
    Map<String, Double> own = thresholds.own(corporationId);
    List<OwnChanges.Observation> seen = new ArrayList<>();
    jdbc.sql(
            """
            WITH units AS (
                SELECT uc.cluster_id, count(*) AS n
                  FROM stock_unit_cluster uc JOIN stock_cluster c ON c.id = uc.cluster_id
                  JOIN corporation k ON k.id = c.corporation_id AND c.type = k.complex_cluster_type
                 WHERE c.corporation_id = ?
                 GROUP BY uc.cluster_id),
            counts AS (
                SELECT cluster_id, signal_type, year::int AS year, count::bigint AS count
                  FROM stock_signal WHERE corporation_id = ?
                UNION ALL
                SELECT uc.cluster_id, ?, extract(year FROM t.moved_out_on)::int, count(*)
                  FROM turnover t JOIN stock_unit_cluster uc ON uc.unit_id = t.unit_id
                 WHERE t.corporation_id = ?
                 GROUP BY 1, 2, 3),
            newest AS (
                SELECT DISTINCT ON (cluster_id, signal_type) cluster_id, signal_type, year, count
                  FROM counts WHERE year < extract(year FROM current_date)
                 ORDER BY cluster_id, signal_type, year DESC)
            SELECT n.cluster_id, n.signal_type, n.year, n.count, u.n
              FROM newest n JOIN units u ON u.cluster_id = n.cluster_id""")
        .params(corporationId, corporationId, SignalThresholds.TURNOVER, corporationId)
        .query(
            (org.springframework.jdbc.core.RowCallbackHandler)
                rs -> {
                  String type = rs.getString(2);
                  double limit = own.getOrDefault(type, SignalThresholds.defaultFor(type));
                  double per100 = 100.0 * rs.getLong(4) / rs.getLong(5);
                  seen.add(
                      new OwnChanges.Observation(
                          "signal:" + rs.getLong(1) + ":" + type,
                          rs.getInt(3),
                          per100 > limit ? "over" : "under",
                          null,
                          rs.getLong(1),
                          type,
                          per100,
                          limit));
                });
    return changes.observe(corporationId, "signal", seen);
  }
}
