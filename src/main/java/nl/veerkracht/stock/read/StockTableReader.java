package nl.veerkracht.stock.read;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import nl.veerkracht.imports.read.CsvTable;
import nl.veerkracht.imports.read.Rejection;
import nl.veerkracht.stock.domain.ClusterType;

/**
 * Reads the stock tables (CSV or Excel): units with their clusters, the maintenance plan,
 * allocations, turnover and signals. Columns are found by their usual Dutch names or through a
 * saved mapping (column → field). Every problem is a rejection with line and column; the caller
 * writes nothing when there is one.
 */
public final class StockTableReader {

  private final String fileName;
  private final CsvTable table;
  private final Map<String, Integer> fields = new HashMap<>();
  private final Map<Integer, StockColumns.ClusterColumn> clusterColumns = new LinkedHashMap<>();
  private final ClusterType complexType;
  private final StockSink sink;

  /**
   * @param mapping column name → field, from a saved mapping; empty to recognise the usual names
   * @param complexType the cluster type that "Complex" columns mean
   */
  public StockTableReader(
      String fileName,
      CsvTable table,
      Map<String, String> mapping,
      ClusterType complexType,
      StockSink sink) {
    this.fileName = fileName;
    this.table = table;
    this.complexType = complexType;
    this.sink = sink;
    List<String> header = table.header();
    for (int c = 0; c < header.size(); c++) {
      String column = header.get(c);
      String field =
          mapping.containsKey(column)
              ? mapping.get(column)
              : StockColumns.field(column).orElse(null);
      if (field != null) {
        fields.putIfAbsent(field, c);
        continue;
      }
      String[] unknown = new String[1];
      Optional<StockColumns.ClusterColumn> cluster = StockColumns.cluster(column, unknown);
      if (cluster.isPresent()) {
        if (cluster.get().type() == null) {
          sink.reject(
              new Rejection(
                  fileName,
                  1,
                  column,
                  "unknown cluster type '"
                      + unknown[0]
                      + "' (known: FIN, OND, MAR, STR, BEH, PRJ)"));
        } else {
          clusterColumns.put(c, cluster.get());
        }
      }
    }
  }

  /** Reads the table as the given kind. */
  public void read(String kind) {
    table.problems().forEach(sink::reject);
    UnitRows units = new UnitRows(clusterColumns, complexType, sink);
    EventRows events = new EventRows(complexType, sink);
    switch (kind) {
      case "stock-units" -> rows(units::read, "unit_code");
      case "stock-mjob" -> rows(events::maintenance, "cluster_code", "year", "activity", "cost");
      case "stock-allocations" -> rows(events::allocation, "unit_code", "allocated_on");
      case "stock-turnover" -> rows(events::turnover, "unit_code", "moved_out_on");
      case "stock-signals" -> rows(events::signal, "cluster_code", "year", "signal_type", "count");
      default -> sink.reject(new Rejection(fileName, 0, null, "not a stock file kind: " + kind));
    }
  }

  private void rows(Predicate<FieldRow> reader, String... required) {
    List<String> missing = new ArrayList<>();
    for (String r : required) {
      if (!fields.containsKey(r)
          && !(r.equals("cluster_code") && fields.containsKey("complex_code"))) {
        missing.add(r);
      }
    }
    if (!missing.isEmpty()) {
      sink.reject(
          new Rejection(
              fileName,
              1,
              null,
              "columns missing for "
                  + String.join(", ", missing)
                  + " (found: "
                  + String.join(", ", table.header())
                  + ")"));
      return;
    }
    for (CsvTable.Row row : table.rows()) {
      sink.rowRead();
      reader.test(new FieldRow(row, fields, table.header(), fileName, sink));
    }
  }
}
