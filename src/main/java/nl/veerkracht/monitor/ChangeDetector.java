package nl.veerkracht.monitor;

import java.util.List;
import nl.veerkracht.analysis.domain.AnalysisEngine;
import nl.veerkracht.common.DataChangedEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
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

  private final JdbcClient jdbc;
  private final TransactionTemplate transactions;

  public ChangeDetector(JdbcClient jdbc, TransactionTemplate transactions) {
    this.jdbc = jdbc;
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
    Integer found =
        transactions.execute(
            status -> {
              jdbc.sql("LOCK TABLE area_change_state IN EXCLUSIVE MODE").update();
              jdbc.sql(
                      """
                  CREATE TEMPORARY TABLE newest ON COMMIT DROP AS
                  SELECT DISTINCT ON (area_code, indicator_id) area_code, indicator_id, year, value
                    FROM figure
                   WHERE indicator_id = ANY(?) AND status = 'ok' AND area_code LIKE 'BU%'
                   ORDER BY area_code, indicator_id, year DESC""")
                  .param(WATCHED.toArray(String[]::new))
                  .update();
              int changes =
                  jdbc.sql(
                          """
                      INSERT INTO area_change (area_code, indicator_id, year_from, value_from, year_to, value_to)
                      SELECT s.area_code, s.indicator_id, s.year, s.value, n.year, n.value
                        FROM newest n JOIN area_change_state s
                          ON s.area_code = n.area_code AND s.indicator_id = n.indicator_id
                       WHERE s.value <> n.value""")
                      .update();
              jdbc.sql(
                      """
                  INSERT INTO area_change_state (area_code, indicator_id, year, value)
                  SELECT area_code, indicator_id, year, value FROM newest
                  ON CONFLICT (area_code, indicator_id) DO UPDATE
                     SET year = excluded.year, value = excluded.value
                   WHERE (area_change_state.year, area_change_state.value)
                         IS DISTINCT FROM (excluded.year, excluded.value)""")
                  .update();
              return changes;
            });
    if (found != null && found > 0) {
      log.info("{} buurt figures changed class or status since the previous analysis", found);
    }
    return found == null ? 0 : found;
  }
}
