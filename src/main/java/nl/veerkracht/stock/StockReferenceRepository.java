package nl.veerkracht.stock;

import java.util.HashSet;
import java.util.Set;
import nl.veerkracht.imports.read.Rejection;
import nl.veerkracht.stock.domain.StockRecords;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Checks that the records of a stock file refer to clusters and units the corporation has. */
@Component
class StockReferenceRepository {

  private final JdbcClient jdbc;

  StockReferenceRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Rejects records that refer to units or clusters the corporation does not have. */
  void check(long corporationId, StockCollector c) {
    if (!c.maintenance.isEmpty() || !c.signals.isEmpty()) {
      Set<String> clusters =
          new HashSet<>(
              jdbc.sql("SELECT type || '/' || code FROM stock_cluster WHERE corporation_id = :c")
                  .param("c", corporationId)
                  .query(String.class)
                  .list());
      for (StockRecords.MaintenanceLine m : c.maintenance) {
        if (!clusters.contains(m.clusterType() + "/" + m.clusterCode())) {
          c.reject(
              new Rejection(
                  c.fileName,
                  m.line(),
                  null,
                  "cluster "
                      + m.clusterType()
                      + " "
                      + m.clusterCode()
                      + " is not known; import the units with their clusters first"));
        }
      }
      for (StockRecords.Signal s : c.signals) {
        if (!clusters.contains(s.clusterType() + "/" + s.clusterCode())) {
          c.reject(
              new Rejection(
                  c.fileName,
                  s.line(),
                  null,
                  "cluster " + s.clusterType() + " " + s.clusterCode() + " is not known"));
        }
      }
    }
    if (!c.allocations.isEmpty() || !c.turnover.isEmpty()) {
      Set<String> units =
          new HashSet<>(
              jdbc.sql("SELECT unit_code FROM stock_unit WHERE corporation_id = :c")
                  .param("c", corporationId)
                  .query(String.class)
                  .list());
      for (StockRecords.Allocation a : c.allocations) {
        if (!units.contains(a.unitCode())) {
          c.reject(
              new Rejection(c.fileName, a.line(), null, "unit " + a.unitCode() + " is not known"));
        }
      }
      for (StockRecords.Turnover t : c.turnover) {
        if (!units.contains(t.unitCode())) {
          c.reject(
              new Rejection(c.fileName, t.line(), null, "unit " + t.unitCode() + " is not known"));
        }
      }
    }
  }
}
