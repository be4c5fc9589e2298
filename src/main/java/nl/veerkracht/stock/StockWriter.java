package nl.veerkracht.stock;

import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import nl.veerkracht.area.domain.AreaCode;
import nl.veerkracht.imports.read.Rejection;
import nl.veerkracht.stock.domain.ClusterRef;
import nl.veerkracht.stock.domain.StockRecords;
import nl.veerkracht.stock.domain.UnitRecord;
import org.postgresql.PGConnection;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;

/**
 * Writes stock files inside the import's transaction. Units go through a COPY-filled staging table
 * and are merged where they differ; memberships and locations are brought in line with the file for
 * the units it names (added and removed), so importing a file again writes nothing. Every statement
 * is scoped to the corporation.
 */
@Component
class StockWriter {

  private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(StockWriter.class);

  private final JdbcClient jdbc;
  private final DataSource dataSource;
  private final SpatialLinker linker;

  StockWriter(JdbcClient jdbc, DataSource dataSource, SpatialLinker linker) {
    this.jdbc = jdbc;
    this.dataSource = dataSource;
    this.linker = linker;
  }

  /** Rejects records that refer to units or clusters the corporation does not have. */
  void checkReferences(long corporationId, StockCollector c) {
    if (!c.maintenance.isEmpty() || !c.signals.isEmpty()) {
      Set<String> clusters =
          new java.util.HashSet<>(
              jdbc.sql("SELECT type || '/' || code FROM stock_cluster WHERE corporation_id = ?")
                  .param(corporationId)
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
          new java.util.HashSet<>(
              jdbc.sql("SELECT unit_code FROM stock_unit WHERE corporation_id = ?")
                  .param(corporationId)
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

  long write(long corporationId, StockCollector c, long importId) {
    try {
      long written = 0;
      if (!c.units.isEmpty()) {
        long t0 = System.nanoTime();
        written += writeUnits(corporationId, c, importId);
        log.info("{} units written in {} ms", c.units.size(), (System.nanoTime() - t0) / 1_000_000);
      }
      written += writeMaintenance(corporationId, c.maintenance, importId);
      written += writeAllocations(corporationId, c.allocations, importId);
      written += writeTurnover(corporationId, c.turnover, importId);
      written += writeSignals(corporationId, c.signals, importId);
      return written;
    } catch (SQLException | IOException e) {
      throw new IllegalStateException("Writing the stock failed: " + e.getMessage(), e);
    }
  }

  private long writeUnits(long corporationId, StockCollector c, long importId)
      throws SQLException, IOException {
    long t0 = System.nanoTime();
    long written = writeClusters(corporationId, c.units, importId);
    log.info("clusters in {} ms", (System.nanoTime() - t0) / 1_000_000);
    Connection connection = DataSourceUtils.getConnection(dataSource);
    try (Statement s = connection.createStatement()) {
      s.execute(
          """
          CREATE TEMP TABLE IF NOT EXISTS unit_staging (
            unit_code text, street text, house_number integer, house_letter text, house_addition text, postcode text,
            city text, bag_id text, lon double precision, lat double precision, given_buurt text, build_year smallint,
            kind text, energy_label text, target_rent numeric(10,2), rent numeric(10,2), wws_points integer,
            target_group text, status text) ON COMMIT DROP""");
      s.execute("TRUNCATE unit_staging");
    }
    StringBuilder copy = new StringBuilder(c.units.size() * 160);
    for (UnitRecord u : c.units) {
      row(
          copy,
          u.unitCode(),
          u.street(),
          u.houseNumber(),
          u.houseLetter(),
          u.houseAddition(),
          u.postcode(),
          u.city(),
          u.bagId(),
          u.location() == null ? null : u.location().lon(),
          u.location() == null ? null : u.location().lat(),
          u.givenBuurt() == null ? null : u.givenBuurt().value(),
          u.buildYear(),
          u.kind(),
          u.energyLabel(),
          u.targetRent(),
          u.rent(),
          u.wwsPoints(),
          u.targetGroup(),
          u.status());
    }
    connection
        .unwrap(PGConnection.class)
        .getCopyAPI()
        .copyIn("COPY unit_staging FROM STDIN", new StringReader(copy.toString()));
    String columns =
        "street, house_number, house_letter, house_addition, postcode, city, bag_id, lon, lat, given_buurt,"
            + " build_year, kind, energy_label, target_rent, rent, wws_points, target_group, status";
    String sColumns = prefixed("s.", columns);
    analyze(connection, "unit_staging");
    // Units that were there before this import may have links to bring in line; new ones cannot.
    boolean known =
        jdbc.sql(
                "SELECT EXISTS (SELECT 1 FROM stock_unit u JOIN unit_staging s ON s.unit_code = u.unit_code"
                    + " WHERE u.corporation_id = ?)")
            .param(corporationId)
            .query(Boolean.class)
            .single();
    written +=
        jdbc.sql(
                "INSERT INTO stock_unit AS u (corporation_id, unit_code, "
                    + columns
                    + ", import_id) SELECT :corp, s.unit_code, "
                    + sColumns
                    + ", :importId FROM unit_staging s"
                    + " ON CONFLICT (corporation_id, unit_code) DO UPDATE SET ("
                    + columns
                    + ", import_id) = ("
                    + prefixed("excluded.", columns)
                    + ", excluded.import_id) WHERE ("
                    + prefixed("u.", columns)
                    + ") IS DISTINCT FROM ("
                    + prefixed("excluded.", columns)
                    + ")")
            .param("importId", importId)
            .param("corp", corporationId)
            .update();
    Map<String, Long> unitIds = new HashMap<>();
    jdbc.sql(
            "SELECT u.unit_code, u.id FROM stock_unit u JOIN unit_staging s ON s.unit_code = u.unit_code WHERE u.corporation_id = ?")
        .param(corporationId)
        .query((rs, n) -> unitIds.put(rs.getString(1), rs.getLong(2)))
        .list();
    log.info("units merged in {} ms", (System.nanoTime() - t0) / 1_000_000);
    written += writeMemberships(corporationId, c.units, unitIds, connection, known);
    log.info("memberships in {} ms", (System.nanoTime() - t0) / 1_000_000);
    written += writeLocations(corporationId, c, unitIds, connection, known);
    log.info("locations in {} ms", (System.nanoTime() - t0) / 1_000_000);
    return written;
  }

  private long writeClusters(long corporationId, List<UnitRecord> units, long importId) {
    Map<String, ClusterRef> clusters = new LinkedHashMap<>();
    for (UnitRecord u : units) {
      for (ClusterRef r : u.clusters()) {
        clusters.merge(r.type() + "/" + r.code(), r, (a, b) -> a.name().equals(a.code()) ? b : a);
      }
    }
    long written = 0;
    for (ClusterRef r : clusters.values()) {
      written +=
          jdbc.sql(
                  """
              INSERT INTO stock_cluster AS c (corporation_id, type, code, name, import_id) VALUES (?, ?, ?, ?, ?)
              ON CONFLICT (corporation_id, type, code) DO UPDATE SET name = excluded.name, import_id = excluded.import_id
              WHERE c.name IS DISTINCT FROM excluded.name""")
              .params(corporationId, r.type().name(), r.code(), r.name(), importId)
              .update();
    }
    return written;
  }

  private long writeMemberships(
      long corporationId,
      List<UnitRecord> units,
      Map<String, Long> unitIds,
      Connection connection,
      boolean known)
      throws SQLException, IOException {
    Map<String, Long> clusterIds = new HashMap<>();
    jdbc.sql("SELECT type || '/' || code, id FROM stock_cluster WHERE corporation_id = ?")
        .param(corporationId)
        .query((rs, n) -> clusterIds.put(rs.getString(1), rs.getLong(2)))
        .list();
    try (Statement s = connection.createStatement()) {
      s.execute(
          "CREATE TEMP TABLE IF NOT EXISTS membership_staging (unit_id bigint, cluster_id bigint) ON COMMIT DROP");
      s.execute("TRUNCATE membership_staging");
    }
    StringBuilder copy = new StringBuilder();
    for (UnitRecord u : units) {
      long unitId = unitIds.get(u.unitCode());
      for (ClusterRef r : u.clusters()) {
        copy.append(unitId)
            .append('\t')
            .append(clusterIds.get(r.type() + "/" + r.code()))
            .append('\n');
      }
    }
    connection
        .unwrap(PGConnection.class)
        .getCopyAPI()
        .copyIn("COPY membership_staging FROM STDIN", new StringReader(copy.toString()));
    analyze(connection, "membership_staging");
    long written =
        jdbc.sql(
                "INSERT INTO stock_unit_cluster (corporation_id, unit_id, cluster_id)"
                    + " SELECT ?, m.unit_id, m.cluster_id FROM membership_staging m"
                    + (known ? " ON CONFLICT (unit_id, cluster_id) DO NOTHING" : ""))
            .param(corporationId)
            .update();
    if (!known) {
      return written;
    }
    written +=
        jdbc.sql(
                """
            DELETE FROM stock_unit_cluster x USING unit_staging s, stock_unit u
             WHERE u.corporation_id = ? AND u.unit_code = s.unit_code AND x.unit_id = u.id
               AND NOT EXISTS (SELECT 1 FROM membership_staging m WHERE m.unit_id = x.unit_id AND m.cluster_id = x.cluster_id)""")
            .param(corporationId)
            .update();
    return written;
  }

  private long writeLocations(
      long corporationId,
      StockCollector c,
      Map<String, Long> unitIds,
      Connection connection,
      boolean known)
      throws SQLException, IOException {
    List<Integer> years = linker.years();
    try (Statement s = connection.createStatement()) {
      s.execute(
          """
          CREATE TEMP TABLE IF NOT EXISTS location_staging (unit_id bigint, year smallint, gemeente_code text,
            wijk_code text, buurt_code text, method text) ON COMMIT DROP""");
      s.execute("TRUNCATE location_staging");
    }
    StringBuilder copy = new StringBuilder(c.units.size() * years.size() * 50);
    Map<Integer, List<String>> outside = new LinkedHashMap<>();
    List<String> mismatches = new ArrayList<>();
    Map<Integer, Long> placed = new HashMap<>();
    Map<Integer, Set<String>> buurtCodes = new HashMap<>();
    long tLocate = System.nanoTime();
    for (UnitRecord u : c.units) {
      long unitId = unitIds.get(u.unitCode());
      boolean givenMatched = u.givenBuurt() == null;
      for (int year : years) {
        if (u.location() != null) {
          SpatialLinker.Located at = linker.locate(u.location(), year);
          if (at.outside()) {
            outside.computeIfAbsent(year, y -> new ArrayList<>()).add(u.unitCode());
            row(copy, unitId, year, null, null, null, "outside");
          } else {
            row(copy, unitId, year, at.gemeente(), at.wijk(), at.buurt(), "point");
            placed.merge(year, at.buurt() != null ? 1L : 0L, Long::sum);
            givenMatched |= u.givenBuurt() != null && u.givenBuurt().value().equals(at.buurt());
          }
        } else if (u.givenBuurt() != null
            && buurtCodes
                .computeIfAbsent(year, linker::buurtCodes)
                .contains(u.givenBuurt().value())) {
          AreaCode b = u.givenBuurt();
          row(
              copy,
              unitId,
              year,
              b.gemeente().map(AreaCode::value).orElse(null),
              b.wijk().map(AreaCode::value).orElse(null),
              b.value(),
              "given");
          placed.merge(year, 1L, Long::sum);
        }
      }
      if (!givenMatched && mismatches.size() < 20) {
        mismatches.add(u.unitCode() + " (line " + u.line() + ", file says " + u.givenBuurt() + ")");
      }
    }
    connection
        .unwrap(PGConnection.class)
        .getCopyAPI()
        .copyIn("COPY location_staging FROM STDIN", new StringReader(copy.toString()));
    log.info("located in {} ms", (System.nanoTime() - tLocate) / 1_000_000);
    for (Map.Entry<Integer, Long> e : placed.entrySet()) {
      c.note(e.getValue() + " units placed in a buurt of " + e.getKey());
    }
    outside.forEach(
        (year, codes) ->
            c.note(
                codes.size()
                    + " units lie outside every boundary held for "
                    + year
                    + ": "
                    + codes.stream().limit(20).collect(Collectors.joining(", "))
                    + (codes.size() > 20 ? ", ..." : "")));
    if (!mismatches.isEmpty()) {
      c.note(
          "The buurt code given in the file does not match the coordinates for: "
              + String.join("; ", mismatches));
    }
    long written =
        jdbc.sql(
                """
            INSERT INTO stock_unit_area AS a (corporation_id, unit_id, year, gemeente_code, wijk_code, buurt_code, method)
            SELECT ?, l.unit_id, l.year, l.gemeente_code, l.wijk_code, l.buurt_code, l.method FROM location_staging l
            """
                    + (known
                        ? """
            ON CONFLICT (unit_id, year) DO UPDATE SET gemeente_code = excluded.gemeente_code,
              wijk_code = excluded.wijk_code, buurt_code = excluded.buurt_code, method = excluded.method
            WHERE (a.gemeente_code, a.wijk_code, a.buurt_code, a.method)
                  IS DISTINCT FROM (excluded.gemeente_code, excluded.wijk_code, excluded.buurt_code, excluded.method)"""
                        : ""))
            .param(corporationId)
            .update();
    return written;
  }

  /**
   * Gives the planner the size of a staging table; for large ones, rules out nested loops, which
   * would rescan the target table (growing with this very statement) once per staged row.
   */
  private static void analyze(Connection connection, String table) throws SQLException {
    try (Statement st = connection.createStatement()) {
      st.execute("ANALYZE " + table);
      long rows;
      try (var rs =
          st.executeQuery(
              "SELECT reltuples::bigint FROM pg_class WHERE relname = '"
                  + table
                  + "' AND relpersistence = 't'")) {
        rows = rs.next() ? rs.getLong(1) : 0;
      }
      st.execute(
          rows > 1000 ? "SET LOCAL enable_nestloop = off" : "SET LOCAL enable_nestloop = on");
    }
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
                                           income_class, urgent, rent_euro, import_id)
              SELECT ?, u.id, ?, ?, ?, ?, ?, ?, ? FROM stock_unit u WHERE u.corporation_id = ? AND u.unit_code = ?
              ON CONFLICT (unit_id, allocated_on) DO UPDATE SET household_type = excluded.household_type,
                household_size = excluded.household_size, income_class = excluded.income_class, urgent = excluded.urgent,
                rent_euro = excluded.rent_euro, import_id = excluded.import_id
              WHERE (x.household_type, x.household_size, x.income_class, x.urgent, x.rent_euro)
                IS DISTINCT FROM (excluded.household_type, excluded.household_size, excluded.income_class,
                                  excluded.urgent, excluded.rent_euro)""")
              .params(
                  corporationId,
                  a.date(),
                  a.householdType(),
                  a.householdSize(),
                  a.incomeClass(),
                  a.urgent(),
                  a.rentEuro(),
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
              INSERT INTO turnover AS x (corporation_id, unit_id, moved_out_on, moved_in_on, import_id)
              SELECT ?, u.id, ?, ?, ? FROM stock_unit u WHERE u.corporation_id = ? AND u.unit_code = ?
              ON CONFLICT (unit_id, moved_out_on) DO UPDATE SET moved_in_on = excluded.moved_in_on, import_id = excluded.import_id
              WHERE x.moved_in_on IS DISTINCT FROM excluded.moved_in_on""")
              .params(
                  corporationId, t.movedOut(), t.movedIn(), importId, corporationId, t.unitCode())
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

  private static String prefixed(String prefix, String columns) {
    return java.util.Arrays.stream(columns.split(","))
        .map(c -> prefix + c.strip())
        .collect(Collectors.joining(", "));
  }

  /** Appends one COPY text row. */
  private static void row(StringBuilder sb, Object... values) {
    for (int i = 0; i < values.length; i++) {
      if (i > 0) {
        sb.append('\t');
      }
      Object v = values[i];
      if (v == null) {
        sb.append("\\N");
      } else {
        String s = v.toString();
        for (int k = 0; k < s.length(); k++) {
          char ch = s.charAt(k);
          switch (ch) {
            case '\\' -> sb.append("\\\\");
            case '\t' -> sb.append("\\t");
            case '\n' -> sb.append("\\n");
            case '\r' -> sb.append("\\r");
            default -> sb.append(ch);
          }
        }
      }
    }
    sb.append('\n');
  }
}
