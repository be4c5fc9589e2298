package nl.veerkracht.monitor;

import java.util.List;
import nl.veerkracht.analysis.domain.AnalysisEngine;
import nl.veerkracht.common.DataChangedEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * After every analysis run (which follows every import and refresh), compares each buurt's newest
 * livability class, veerkracht signal and attention status with what the previous run saw, and
 * records each value that differs as a change. A buurt seen for the first time is no change (new
 * data, not movement), and a run that changes nothing records nothing — so re-importing a file adds
 * nothing.
 */
@Component
public class ChangeDetector {

  static final List<String> WATCHED =
      List.of(AnalysisEngine.LBM_CLASS, AnalysisEngine.SIGNAL, AnalysisEngine.ATTENTION);
  private static final Logger log = LoggerFactory.getLogger(ChangeDetector.class);

  private final MonitorRepository rows;
  private final TransactionTemplate transactions;

  ChangeDetector(MonitorRepository rows, TransactionTemplate transactions) {
    this.rows = rows;
    this.transactions = transactions;
  }

  @EventListener
  public void onData(DataChangedEvent event) {
    if ("analysis".equals(event.what())) {
      detect();
    }
  }

  /** Records the changes since the previous run; returns how many. */
  public synchronized int detect() {
    Integer found = transactions.execute(status -> rows.recordAreaChanges(WATCHED));
    if (found != null && found > 0) {
      log.info("{} buurt figures changed class or status since the previous analysis", found);
    }
    return found == null ? 0 : found;
  }
}
