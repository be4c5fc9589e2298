package nl.veerkracht.stock;

import java.util.List;
import nl.veerkracht.stock.domain.StockRecords;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Writes the dated records of a corporation's clusters and units: maintenance plan lines,
 * allocations, turnover and own signals; each row only where it differs from what is held.
 */
@Component
class EventWriter {

  private final JdbcClient jdbc;

  EventWriter(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  long write(long corporationId, StockCollector c, long importId) {
    return writeMaintenance(corporationId, c.maintenance, importId)
        + writeAllocations(corporationId, c.allocations, importId)
        + writeTurnover(corporationId, c.turnover, importId)
        + writeSignals(corporationId, c.signals, importId);
  }

  private long writeMaintenance(
      long corporationId, List<StockRecords.MaintenanceLine> lines, long importId) {
    long written = 0;
    for (StockRecords.MaintenanceLine m : lines) {
      written +=
          jdbc.sql(
                  """
              INSERT INTO maintenance_plan AS p (corporation_id, cluster_id, year, activity, cost_euro, import_id)
              SELECT ?, c.id, ?, ?, ?, ? FROM stock_cluster c WHERE c.corporation_id = ? AND c.type = ? AND c.code = ?
              ON CONFLICT (cluster_id, year, activity) DO UPDATE SET cost_euro = excluded.cost_euro, import_id = excluded.import_id
              WHERE p.cost_euro IS DISTINCT FROM excluded.cost_euro""")
              .params(
                  corporationId,
                  m.year(),
                  m.activity(),
                  m.costEuro(),
                  importId,
                  corporationId,
                  m.clusterType().name(),
                  m.clusterCode())
              .update();
    }
    return written;
  }

  private long writeAllocations(
      long corporationId, List<StockRecords.Allocation> allocations, long importId) {
    long written = 0;
    for (StockRecords.Allocation a : allocations) {
      written +=
          jdbc.sql(
                  """
              INSERT INTO allocation AS x (corporation_id, unit_id, allocated_on, household_type, household_size,
                                           income_class, urgent, rent_euro, priority, target_group, import_id)
              SELECT ?, u.id, ?, ?, ?, ?, ?, ?, ?, ?, ? FROM stock_unit u WHERE u.corporation_id = ? AND u.unit_code = ?
              ON CONFLICT (unit_id, allocated_on) DO UPDATE SET household_type = excluded.household_type,
                household_size = excluded.household_size, income_class = excluded.income_class, urgent = excluded.urgent,
                rent_euro = excluded.rent_euro, priority = excluded.priority, target_group = excluded.target_group,
                import_id = excluded.import_id
              WHERE (x.household_type, x.household_size, x.income_class, x.urgent, x.rent_euro, x.priority,
                     x.target_group)
                IS DISTINCT FROM (excluded.household_type, excluded.household_size, excluded.income_class,
                                  excluded.urgent, excluded.rent_euro, excluded.priority, excluded.target_group)""")
              .params(
                  corporationId,
                  a.date(),
                  a.householdType(),
                  a.householdSize(),
                  a.incomeClass(),
                  a.urgent(),
                  a.rentEuro(),
                  a.priority(),
                  a.targetGroup(),
                  importId,
                  corporationId,
                  a.unitCode())
              .update();
    }
    return written;
  }

  private long writeTurnover(
      long corporationId, List<StockRecords.Turnover> turnover, long importId) {
    long written = 0;
    for (StockRecords.Turnover t : turnover) {
      written +=
          jdbc.sql(
                  """
              INSERT INTO turnover AS x (corporation_id, unit_id, moved_out_on, moved_in_on, end_reason, import_id)
              SELECT ?, u.id, ?, ?, ?, ? FROM stock_unit u WHERE u.corporation_id = ? AND u.unit_code = ?
              ON CONFLICT (unit_id, moved_out_on) DO UPDATE SET moved_in_on = excluded.moved_in_on,
                end_reason = excluded.end_reason, import_id = excluded.import_id
              WHERE (x.moved_in_on, x.end_reason) IS DISTINCT FROM (excluded.moved_in_on, excluded.end_reason)""")
              .params(
                  corporationId,
                  t.movedOut(),
                  t.movedIn(),
                  t.endReason(),
                  importId,
                  corporationId,
                  t.unitCode())
              .update();
    }
    return written;
  }

  private long writeSignals(long corporationId, List<StockRecords.Signal> signals, long importId) {
    long written = 0;
    for (StockRecords.Signal s : signals) {
      written +=
          jdbc.sql(
                  """
              INSERT INTO stock_signal AS x (corporation_id, cluster_id, year, signal_type, count, import_id)
              SELECT ?, c.id, ?, ?, ?, ? FROM stock_cluster c WHERE c.corporation_id = ? AND c.type = ? AND c.code = ?
              ON CONFLICT (cluster_id, year, signal_type) DO UPDATE SET count = excluded.count, import_id = excluded.import_id
              WHERE x.count IS DISTINCT FROM excluded.count""")
              .params(
                  corporationId,
                  s.year(),
                  s.type(),
                  s.count(),
                  importId,
                  corporationId,
                  s.clusterType().name(),
                  s.clusterCode())
              .update();
    }
    return written;
  }
}
