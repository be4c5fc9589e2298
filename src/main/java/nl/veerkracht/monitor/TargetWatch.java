package nl.veerkracht.monitor;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nl.veerkracht.common.DataChangedEvent;
import nl.veerkracht.measure.PlannedMeasure;
import nl.veerkracht.monitor.domain.TargetStatus;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * After every analysis run (which follows every import), works out each target's status again and
 * records a target whose status changed (op koers, niet op koers, nog geen gegevens) in "what
 * changed" of its corporation.
 */
@Component
public class TargetWatch {

  private final JdbcClient jdbc;
  private final TargetMonitor monitor;
  private final OwnChanges changes;

  public TargetWatch(JdbcClient jdbc, TargetMonitor monitor, OwnChanges changes) {
    this.jdbc = jdbc;
    this.monitor = monitor;
    this.changes = changes;
  }

  @EventListener
  public void onData(DataChangedEvent event) {
    if ("analysis".equals(event.what())) {
      watchAll();
    }
  }

  public int watchAll() {
    int found = 0;
    for (long id :
        jdbc.sql(
                "SELECT DISTINCT corporation_id FROM planned_measure"
                    + " WHERE target_indicator IS NOT NULL ORDER BY 1")
            .query(Long.class)
            .list()) {
      found += watch(id);
    }
    return found;
  }

  public int watch(long corporationId) {
    List<OwnChanges.Observation> seen = new ArrayList<>();
    for (Map.Entry<PlannedMeasure, TargetStatus.Assessment> e :
        monitor.statuses(corporationId).entrySet()) {
      PlannedMeasure p = e.getKey();
      TargetStatus.Assessment a = e.getValue();
      seen.add(
          new OwnChanges.Observation(
              "target:" + p.id(),
              a.newestYear(),
              a.status().name(),
              p.id(),
              null,
              p.target().indicator(),
              a.newest(),
              p.target().value()));
    }
    return changes.observe(corporationId, "target", seen);
  }
}
