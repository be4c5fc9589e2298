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

  /** A complex's own signal of one kind in its newest complete year, against its threshold. */
  public record Current(
      long clusterId,
      String clusterType,
      String complexCode,
      String complexName,
      String type,
      int year,
      long count,
      double per100,
      double threshold) {

    public boolean over() {
      return per100 > threshold;
    }

    /** The complex's name with its code after it. */
    public String complexLabel() {
      return complexName == null || complexName.isBlank() || complexName.equals(complexCode)
          ? complexCode
          : complexName + " (" + complexCode + ")";
    }
  }

  public int watch(long corporationId) {
    List<OwnChanges.Observation> seen = new ArrayList<>();
    for (Current c : current(corporationId)) {
      seen.add(
          new OwnChanges.Observation(
              "signal:" + c.clusterId() + ":" + c.type(),
              c.year(),
              c.over() ? "over" : "under",
              null,
              c.clusterId(),
              c.type(),
              c.per100(),
              c.threshold()));
    }
    return changes.observe(corporationId, "signal", seen);
  }

  /**
   * Every complex's own signals now: per kind the newest complete year held, per 100 homes, with
   * the corporation's threshold (no caller check: callers check who asks).
   */
  public List<Current> current(long corporationId) {
    Map<String, Double> own = thresholds.own(corporationId);
    return jdbc.sql(
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
            SELECT n.cluster_id, n.signal_type, n.year, n.count, u.n, c.type, c.code, c.name
              FROM newest n JOIN units u ON u.cluster_id = n.cluster_id
              JOIN stock_cluster c ON c.id = n.cluster_id
             ORDER BY c.code, n.signal_type""")
        .params(corporationId, corporationId, SignalThresholds.TURNOVER, corporationId)
        .query(
            (rs, i) -> {
              String type = rs.getString(2);
              return new Current(
                  rs.getLong(1),
                  rs.getString(6),
                  rs.getString(7),
                  rs.getString(8),
                  type,
                  rs.getInt(3),
                  rs.getLong(4),
                  100.0 * rs.getLong(4) / rs.getLong(5),
                  own.getOrDefault(type, SignalThresholds.defaultFor(type)));
            })
        .list();
  }
}
