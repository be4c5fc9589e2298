package nl.veerkracht.stock.read;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import nl.veerkracht.area.domain.AreaCode;
import nl.veerkracht.geo.LonLat;
import nl.veerkracht.geo.RdNew;
import nl.veerkracht.imports.read.CsvTable;
import nl.veerkracht.imports.read.Rejection;
import nl.veerkracht.stock.domain.ClusterRef;
import nl.veerkracht.stock.domain.ClusterType;
import nl.veerkracht.stock.domain.StockRecords;
import nl.veerkracht.stock.domain.UnitRecord;

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
  private final RdNew rd = new RdNew();

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
    switch (kind) {
      case "stock-units" -> rows(this::unit, "unit_code");
      case "stock-mjob" -> rows(this::maintenance, "cluster_code", "year", "activity", "cost");
      case "stock-allocations" -> rows(this::allocation, "unit_code", "allocated_on");
      case "stock-turnover" -> rows(this::turnover, "unit_code", "moved_out_on");
      case "stock-signals" -> rows(this::signal, "cluster_code", "year", "signal_type", "count");
      default -> sink.reject(new Rejection(fileName, 0, null, "not a stock file kind: " + kind));
    }
  }

  private void rows(Function<CsvTable.Row, Boolean> reader, String... required) {
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
      reader.apply(row);
    }
  }

  private String cell(CsvTable.Row row, String field) {
    Integer c = fields.get(field);
    return c == null ? null : Cells.clean(row.get(c));
  }

  private String column(String field) {
    return table.header().get(fields.get(field));
  }

  private void reject(CsvTable.Row row, String field, String reason) {
    sink.reject(new Rejection(fileName, row.line(), field == null ? null : column(field), reason));
  }

  private Boolean unit(CsvTable.Row row) {
    boolean ok = true;
    String code = cell(row, "unit_code");
    if (code == null) {
      reject(row, "unit_code", "the unit has no number");
      return false;
    }
    Integer houseNumber = null;
    if (cell(row, "house_number") != null) {
      houseNumber = Cells.whole(cell(row, "house_number")).orElse(null);
      if (houseNumber == null || houseNumber <= 0) {
        reject(row, "house_number", "'" + cell(row, "house_number") + "' is not a house number");
        ok = false;
      }
    }
    String postcode = cell(row, "postcode");
    if (postcode != null) {
      String p = postcode.replace(" ", "").toUpperCase(Locale.ROOT);
      if (!p.matches("[1-9]\\d{3}[A-Z]{2}")) {
        reject(row, "postcode", "'" + postcode + "' is not a Dutch postcode (1234 AB)");
        ok = false;
      }
      postcode = p;
    }
    LonLat location = null;
    try {
      location = location(row);
    } catch (IllegalArgumentException e) {
      reject(row, fields.containsKey("lon") ? "lon" : "rd_x", e.getMessage());
      ok = false;
    }
    AreaCode buurt = null;
    if (cell(row, "buurt_code") != null) {
      buurt =
          AreaCode.parse(cell(row, "buurt_code"))
              .filter(c -> c.level() == nl.veerkracht.area.domain.AreaLevel.BUURT)
              .orElse(null);
      if (buurt == null) {
        reject(
            row,
            "buurt_code",
            "'" + cell(row, "buurt_code") + "' is not a CBS buurt code (BU + 8 characters)");
        ok = false;
      }
    }
    Integer buildYear = null;
    if (cell(row, "build_year") != null) {
      buildYear = Cells.whole(cell(row, "build_year")).orElse(null);
      if (buildYear == null || buildYear < 1200 || buildYear > LocalDate.now().getYear() + 10) {
        reject(row, "build_year", "'" + cell(row, "build_year") + "' is not a building year");
        ok = false;
      }
    }
    BigDecimal targetRent = amount(row, "target_rent");
    BigDecimal rent = amount(row, "rent");
    if ((cell(row, "target_rent") != null && targetRent == null)
        || (cell(row, "rent") != null && rent == null)) {
      ok = false;
    }
    Integer points = null;
    if (cell(row, "wws_points") != null) {
      points = Cells.whole(cell(row, "wws_points")).orElse(null);
      if (points == null || points < 0 || points > 1000) {
        reject(
            row, "wws_points", "'" + cell(row, "wws_points") + "' is not a number of WWS points");
        ok = false;
      }
    }
    String label = cell(row, "energy_label");
    if (label != null) {
      label = label.toUpperCase(Locale.ROOT).replace(" ", "");
      if (!label.matches("A\\+{0,4}|[B-G]")) {
        reject(
            row,
            "energy_label",
            "'" + cell(row, "energy_label") + "' is not an energy label (A++++ to G)");
        ok = false;
      }
    }
    List<ClusterRef> clusters = new ArrayList<>();
    Map<ClusterType, String[]> byType = new LinkedHashMap<>();
    if (cell(row, "complex_code") != null) {
      byType.computeIfAbsent(complexType, t -> new String[2])[0] = cell(row, "complex_code");
    }
    if (cell(row, "complex_name") != null) {
      byType.computeIfAbsent(complexType, t -> new String[2])[1] = cell(row, "complex_name");
    }
    for (Map.Entry<Integer, StockColumns.ClusterColumn> e : clusterColumns.entrySet()) {
      String value = Cells.clean(row.get(e.getKey()));
      if (value != null) {
        byType
                .computeIfAbsent(e.getValue().type(), t -> new String[2])[
                e.getValue().name() ? 1 : 0] =
            value;
      }
    }
    for (Map.Entry<ClusterType, String[]> e : byType.entrySet()) {
      if (e.getValue()[0] == null) {
        continue;
      }
      clusters.add(
          new ClusterRef(
              e.getKey(),
              e.getValue()[0],
              e.getValue()[1] != null ? e.getValue()[1] : e.getValue()[0]));
    }
    if (!ok) {
      return false;
    }
    sink.unit(
        new UnitRecord(
            row.line(),
            code,
            cell(row, "street"),
            houseNumber,
            cell(row, "house_letter"),
            cell(row, "house_addition"),
            postcode,
            cell(row, "city"),
            cell(row, "bag_id"),
            location,
            buurt,
            buildYear,
            cell(row, "kind"),
            label,
            targetRent,
            rent,
            points,
            cell(row, "target_group"),
            cell(row, "status"),
            clusters));
    return true;
  }

  private BigDecimal amount(CsvTable.Row row, String field) {
    String raw = cell(row, field);
    if (raw == null) {
      return null;
    }
    Optional<BigDecimal> v = Cells.euro(raw);
    if (v.isEmpty() || v.get().signum() < 0 || v.get().compareTo(BigDecimal.valueOf(100_000)) > 0) {
      reject(row, field, "'" + raw + "' is not an amount in euro");
      return null;
    }
    return v.get();
  }

  /**
   * WGS84 from lon/lat columns, or from RD New x/y (columns named x/y holding degrees count as
   * lon/lat).
   */
  private LonLat location(CsvTable.Row row) {
    String lon = cell(row, "lon");
    String lat = cell(row, "lat");
    String x = cell(row, "rd_x");
    String y = cell(row, "rd_y");
    if (lon != null && lat != null) {
      double a =
          Cells.number(lon)
              .orElseThrow(() -> new IllegalArgumentException("'" + lon + "' is not a longitude"));
      double b =
          Cells.number(lat)
              .orElseThrow(() -> new IllegalArgumentException("'" + lat + "' is not a latitude"));
      return checkedInNetherlands(a, b, lon + ", " + lat);
    }
    if (x != null && y != null) {
      double a =
          Cells.number(x)
              .orElseThrow(() -> new IllegalArgumentException("'" + x + "' is not a coordinate"));
      double b =
          Cells.number(y)
              .orElseThrow(() -> new IllegalArgumentException("'" + y + "' is not a coordinate"));
      if (Math.abs(a) <= 180 && Math.abs(b) <= 90) {
        return checkedInNetherlands(a, b, x + ", " + y);
      }
      if (!RdNew.isPlausibleRd(a, b)) {
        throw new IllegalArgumentException(
            "RD coordinates " + x + ", " + y + " lie outside the Netherlands");
      }
      return checkedInNetherlands(
          rd.toWgs84(a, b).lon(), rd.toWgs84(a, b).lat(), "RD " + x + ", " + y);
    }
    if (lon != null || lat != null || x != null || y != null) {
      throw new IllegalArgumentException("only one of the two coordinates is given");
    }
    return null;
  }

  private static LonLat checkedInNetherlands(double lon, double lat, String shown) {
    LonLat p;
    try {
      p = new LonLat(lon, lat);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("coordinates " + shown + " are not a position on earth");
    }
    if (!p.isInNetherlands()) {
      throw new IllegalArgumentException("coordinates " + shown + " lie outside the Netherlands");
    }
    return p;
  }

  private ClusterType clusterType(CsvTable.Row row) {
    String raw = cell(row, "cluster_type");
    if (raw == null) {
      return complexType;
    }
    return ClusterType.find(raw).orElse(null);
  }

  private String clusterCode(CsvTable.Row row) {
    String code = cell(row, "cluster_code");
    return code != null ? code : cell(row, "complex_code");
  }

  private Boolean maintenance(CsvTable.Row row) {
    ClusterType type = clusterType(row);
    if (type == null) {
      reject(row, "cluster_type", "unknown cluster type '" + cell(row, "cluster_type") + "'");
      return false;
    }
    String code = clusterCode(row);
    Optional<Integer> year = Optional.ofNullable(cell(row, "year")).flatMap(Cells::whole);
    Optional<BigDecimal> cost = Optional.ofNullable(cell(row, "cost")).flatMap(Cells::euro);
    String activity = cell(row, "activity");
    boolean ok = true;
    if (code == null) {
      reject(
          row,
          fields.containsKey("cluster_code") ? "cluster_code" : "complex_code",
          "the cluster is missing");
      ok = false;
    }
    if (year.isEmpty() || year.get() < 1990 || year.get() > 2100) {
      reject(row, "year", "'" + cell(row, "year") + "' is not a plan year");
      ok = false;
    }
    if (cost.isEmpty()) {
      reject(row, "cost", "'" + cell(row, "cost") + "' is not an amount in euro");
      ok = false;
    }
    if (activity == null) {
      reject(row, "activity", "the activity is missing");
      ok = false;
    }
    if (ok) {
      sink.maintenance(
          new StockRecords.MaintenanceLine(
              row.line(), type, code, year.get(), activity, cost.get()));
    }
    return ok;
  }

  private Boolean allocation(CsvTable.Row row) {
    String unit = cell(row, "unit_code");
    Optional<LocalDate> date = Optional.ofNullable(cell(row, "allocated_on")).flatMap(Cells::date);
    boolean ok = true;
    if (unit == null) {
      reject(row, "unit_code", "the unit is missing");
      ok = false;
    }
    if (date.isEmpty()) {
      reject(
          row,
          "allocated_on",
          "'" + cell(row, "allocated_on") + "' is not a date (2025-03-01 or 1-3-2025)");
      ok = false;
    }
    Integer size = null;
    if (cell(row, "household_size") != null) {
      size = Cells.whole(cell(row, "household_size")).filter(n -> n > 0 && n < 30).orElse(null);
      if (size == null) {
        reject(
            row, "household_size", "'" + cell(row, "household_size") + "' is not a household size");
        ok = false;
      }
    }
    String income = "unknown";
    if (cell(row, "income_class") != null) {
      income = Cells.incomeClass(cell(row, "income_class")).orElse(null);
      if (income == null) {
        reject(
            row,
            "income_class",
            "'"
                + cell(row, "income_class")
                + "' is not an income class (passend/laag, midden, hoog, boven de grens)");
        ok = false;
      }
    }
    boolean urgent = false;
    if (cell(row, "urgent") != null) {
      Optional<Boolean> u = Cells.yesNo(cell(row, "urgent"));
      if (u.isEmpty()) {
        reject(row, "urgent", "'" + cell(row, "urgent") + "' is not ja or nee");
        ok = false;
      } else {
        urgent = u.get();
      }
    }
    BigDecimal rent = amount(row, "rent_euro");
    if (cell(row, "rent_euro") != null && rent == null) {
      ok = false;
    }
    if (ok) {
      sink.allocation(
          new StockRecords.Allocation(
              row.line(),
              unit,
              date.get(),
              cell(row, "household_type"),
              size,
              income,
              urgent,
              rent));
    }
    return ok;
  }

  private Boolean turnover(CsvTable.Row row) {
    String unit = cell(row, "unit_code");
    Optional<LocalDate> out = Optional.ofNullable(cell(row, "moved_out_on")).flatMap(Cells::date);
    LocalDate in = null;
    boolean ok = true;
    if (unit == null) {
      reject(row, "unit_code", "the unit is missing");
      ok = false;
    }
    if (out.isEmpty()) {
      reject(row, "moved_out_on", "'" + cell(row, "moved_out_on") + "' is not a date");
      ok = false;
    }
    if (cell(row, "moved_in_on") != null) {
      in = Cells.date(cell(row, "moved_in_on")).orElse(null);
      if (in == null) {
        reject(row, "moved_in_on", "'" + cell(row, "moved_in_on") + "' is not a date");
        ok = false;
      } else if (out.isPresent() && in.isBefore(out.get())) {
        reject(row, "moved_in_on", "the new tenant moved in before the old one moved out");
        ok = false;
      }
    }
    if (ok) {
      sink.turnover(new StockRecords.Turnover(row.line(), unit, out.get(), in));
    }
    return ok;
  }

  private Boolean signal(CsvTable.Row row) {
    ClusterType type = clusterType(row);
    String code = clusterCode(row);
    Optional<Integer> year = Optional.ofNullable(cell(row, "year")).flatMap(Cells::whole);
    Optional<Integer> count = Optional.ofNullable(cell(row, "count")).flatMap(Cells::whole);
    String signalType = cell(row, "signal_type");
    boolean ok = true;
    if (type == null) {
      reject(row, "cluster_type", "unknown cluster type '" + cell(row, "cluster_type") + "'");
      ok = false;
    }
    if (code == null) {
      reject(row, "cluster_code", "the cluster is missing");
      ok = false;
    }
    if (year.isEmpty() || year.get() < 1990 || year.get() > 2100) {
      reject(row, "year", "'" + cell(row, "year") + "' is not a year");
      ok = false;
    }
    if (count.isEmpty() || count.get() < 0) {
      reject(row, "count", "'" + cell(row, "count") + "' is not a count");
      ok = false;
    }
    if (signalType == null) {
      reject(row, "signal_type", "the kind of signal is missing");
      ok = false;
    }
    if (ok) {
      sink.signal(
          new StockRecords.Signal(row.line(), type, code, year.get(), signalType, count.get()));
    }
    return ok;
  }
}
