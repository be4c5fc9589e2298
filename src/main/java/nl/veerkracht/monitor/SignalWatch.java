package nl.veerkracht.monitor;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nl.veerkracht.common.DataChangedEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
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

  private final MonitorRepository rows;
  private final OwnChangeRepository changes;
  private final SignalThresholds thresholds;

  SignalWatch(MonitorRepository rows, OwnChangeRepository changes, SignalThresholds thresholds) {
    this.rows = rows;
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
    for (long id : rows.corporationIds()) {
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
    List<OwnChangeRepository.Observation> seen = new ArrayList<>();
    for (Current c : current(corporationId)) {
      seen.add(
          new OwnChangeRepository.Observation(
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
    return rows.signalCounts(corporationId, SignalThresholds.TURNOVER).stream()
        .map(
            r ->
                new Current(
                    r.clusterId(),
                    r.clusterType(),
                    r.code(),
                    r.name(),
                    r.signalType(),
                    r.year(),
                    r.count(),
                    100.0 * r.count() / r.units(),
                    own.getOrDefault(r.signalType(), SignalThresholds.defaultFor(r.signalType()))))
        .toList();
  }
}
