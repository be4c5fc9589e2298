package nl.veerkracht.stock.read;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import nl.veerkracht.area.domain.AreaCode;
import nl.veerkracht.area.domain.AreaLevel;
import nl.veerkracht.geo.LonLat;
import nl.veerkracht.geo.RdNew;
import nl.veerkracht.stock.domain.ClusterRef;
import nl.veerkracht.stock.domain.ClusterType;
import nl.veerkracht.stock.domain.UnitRecord;

/**
 * Reads a unit (VHE) from a row of a stock table: address, location (WGS84 or RD New), buurt code,
 * building year, rents, WWS points, energy label and the clusters it belongs to.
 */
final class UnitRows {

  private final Map<Integer, StockColumns.ClusterColumn> clusterColumns;
  private final ClusterType complexType;
  private final StockSink sink;
  private final RdNew rd = new RdNew();
  private final int maxBuildYear = LocalDate.now(Clock.systemDefaultZone()).getYear() + 10;

  UnitRows(
      Map<Integer, StockColumns.ClusterColumn> clusterColumns,
      ClusterType complexType,
      StockSink sink) {
    this.clusterColumns = clusterColumns;
    this.complexType = complexType;
    this.sink = sink;
  }

  boolean read(FieldRow row) {
    String code = row.cell("unit_code");
    if (code == null) {
      row.reject("unit_code", "the unit has no number");
      return false;
    }
    Integer houseNumber = row.whole("house_number", n -> n > 0, "a house number");
    String postcode = postcode(row);
    LonLat location = null;
    try {
      location = location(row);
    } catch (IllegalArgumentException e) {
      row.reject(row.has("lon") ? "lon" : "rd_x", e.getMessage());
    }
    AreaCode buurt = buurt(row);
    Integer buildYear =
        row.whole("build_year", y -> y >= 1200 && y <= maxBuildYear, "a building year");
    var targetRent = row.amount("target_rent");
    var rent = row.amount("rent");
    Integer points = row.whole("wws_points", p -> p >= 0 && p <= 1000, "a number of WWS points");
    String label = energyLabel(row);
    if (!row.ok()) {
      return false;
    }
    sink.unit(
        new UnitRecord(
            row.line(),
            code,
            row.cell("street"),
            houseNumber,
            row.cell("house_letter"),
            row.cell("house_addition"),
            postcode,
            row.cell("city"),
            row.cell("bag_id"),
            location,
            buurt,
            buildYear,
            row.cell("kind"),
            label,
            targetRent,
            rent,
            points,
            row.cell("target_group"),
            row.cell("status"),
            clusters(row)));
    return true;
  }

  private static String postcode(FieldRow row) {
    String postcode = row.cell("postcode");
    if (postcode == null) {
      return null;
    }
    String p = postcode.replace(" ", "").toUpperCase(Locale.ROOT);
    if (!p.matches("[1-9]\\d{3}[A-Z]{2}")) {
      row.reject("postcode", "'" + postcode + "' is not a Dutch postcode (1234 AB)");
    }
    return p;
  }

  private static AreaCode buurt(FieldRow row) {
    String raw = row.cell("buurt_code");
    if (raw == null) {
      return null;
    }
    AreaCode buurt = AreaCode.parse(raw).filter(c -> c.level() == AreaLevel.BUURT).orElse(null);
    if (buurt == null) {
      row.reject("buurt_code", "'" + raw + "' is not a CBS buurt code (BU + 8 characters)");
    }
    return buurt;
  }

  private static String energyLabel(FieldRow row) {
    String raw = row.cell("energy_label");
    if (raw == null) {
      return null;
    }
    String label = raw.toUpperCase(Locale.ROOT).replace(" ", "");
    if (!label.matches("A\\+{0,4}|[B-G]")) {
      row.reject("energy_label", "'" + raw + "' is not an energy label (A++++ to G)");
    }
    return label;
  }

  /**
   * The unit's clusters: the complex columns (of the corporation's complex type) and typed ones.
   */
  private List<ClusterRef> clusters(FieldRow row) {
    Map<ClusterType, String[]> byType = new LinkedHashMap<>();
    if (row.cell("complex_code") != null) {
      byType.computeIfAbsent(complexType, t -> new String[2])[0] = row.cell("complex_code");
    }
    if (row.cell("complex_name") != null) {
      byType.computeIfAbsent(complexType, t -> new String[2])[1] = row.cell("complex_name");
    }
    for (Map.Entry<Integer, StockColumns.ClusterColumn> e : clusterColumns.entrySet()) {
      String value = row.column(e.getKey());
      if (value != null) {
        String[] codeAndName = byType.computeIfAbsent(e.getValue().type(), t -> new String[2]);
        codeAndName[e.getValue().name() ? 1 : 0] = value;
      }
    }
    List<ClusterRef> clusters = new ArrayList<>();
    for (Map.Entry<ClusterType, String[]> e : byType.entrySet()) {
      String[] v = e.getValue();
      if (v[0] != null) {
        clusters.add(new ClusterRef(e.getKey(), v[0], v[1] != null ? v[1] : v[0]));
      }
    }
    return clusters;
  }

  /**
   * WGS84 from lon/lat columns, or from RD New x/y (columns named x/y holding degrees count as
   * lon/lat).
   */
  private LonLat location(FieldRow row) {
    String lon = row.cell("lon");
    String lat = row.cell("lat");
    String x = row.cell("rd_x");
    String y = row.cell("rd_y");
    if (lon != null && lat != null) {
      return checkedInNetherlands(
          number(lon, "a longitude"), number(lat, "a latitude"), lon + ", " + lat);
    }
    if (x != null && y != null) {
      double a = number(x, "a coordinate");
      double b = number(y, "a coordinate");
      if (Math.abs(a) <= 180 && Math.abs(b) <= 90) {
        return checkedInNetherlands(a, b, x + ", " + y);
      }
      if (!RdNew.isPlausibleRd(a, b)) {
        throw new IllegalArgumentException(
            "RD coordinates " + x + ", " + y + " lie outside the Netherlands");
      }
      LonLat p = rd.toWgs84(a, b);
      return checkedInNetherlands(p.lon(), p.lat(), "RD " + x + ", " + y);
    }
    if (lon != null || lat != null || x != null || y != null) {
      throw new IllegalArgumentException("only one of the two coordinates is given");
    }
    return null;
  }

  private static double number(String raw, String what) {
    return Cells.number(raw)
        .orElseThrow(() -> new IllegalArgumentException("'" + raw + "' is not " + what));
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
}
