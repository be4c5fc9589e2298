package nl.veerkracht.monitor;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nl.veerkracht.common.DataChangedEvent;
import nl.veerkracht.measure.PlannedMeasure;
import nl.veerkracht.monitor.domain.TargetStatus;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * After every analysis run (which follows every import), works out each target's status again and
 * records a target whose status changed (op koers, niet op koers, nog geen gegevens) in "what
 * changed" of its corporation.
 */
@Component
public class TargetWatch {

  private final MonitorRepository rows;
  private final TargetMonitor monitor;
  private final OwnChangeRepository changes;

  TargetWatch(MonitorRepository rows, TargetMonitor monitor, OwnChangeRepository changes) {
    this.rows = rows;
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
    for (long id : rows.corporationsWithTargets()) {
      found += watch(id);
    }
    return found;
  }

  public int watch(long corporationId) {
    List<OwnChangeRepository.Observation> seen = new ArrayList<>();
    for (Map.Entry<PlannedMeasure, TargetStatus.Assessment> e :
        monitor.statuses(corporationId).entrySet()) {
      PlannedMeasure p = e.getKey();
      TargetStatus.Assessment a = e.getValue();
      seen.add(
          new OwnChangeRepository.Observation(
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
