package nl.veerkracht.stock;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import nl.veerkracht.area.domain.AreaCode;
import nl.veerkracht.common.Text;
import nl.veerkracht.database.CopyWriter;
import nl.veerkracht.geo.LonLat;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Places units in the gemeente, wijk and buurt of each year's area division: by their coordinates
 * (point in polygon), else by the buurt code the file gave when that year holds it. Units outside
 * every boundary are recorded as such and listed in the report, never dropped.
 */
@Component
class LocationWriter {

  /** A unit to place; {@code line} is its line in the file, or −1 when it is relinked. */
  record Placeable(long unitId, String unitCode, long line, LonLat location, AreaCode givenBuurt) {}

  /** A corporation that has units. */
  record Holder(long id, String code) {}

  private final JdbcClient jdbc;
  private final javax.sql.DataSource dataSource;
  private final SpatialLinker linker;

  LocationWriter(JdbcClient jdbc, javax.sql.DataSource dataSource, SpatialLinker linker) {
    this.jdbc = jdbc;
    this.dataSource = dataSource;
    this.linker = linker;
  }

  /** The corporations that have units, by code. */
  List<Holder> holders() {
    return jdbc.sql(
            """
            SELECT c.id, c.code FROM corporation c
             WHERE EXISTS (SELECT 1 FROM stock_unit u WHERE u.corporation_id = c.id)
             ORDER BY c.code
            """)
        .query((rs, n) -> new Holder(rs.getLong(1), rs.getString(2)))
        .list();
  }

  /** A corporation's units as held, to place again in new boundaries. */
  List<Placeable> held(long corporationId) {
    return jdbc.sql(
            """
            SELECT id, unit_code, lon, lat, given_buurt FROM stock_unit
             WHERE corporation_id = :c ORDER BY id
            """)
        .param("c", corporationId)
        .query(
            (rs, n) -> {
              double lon = rs.getDouble(3);
              LonLat at = rs.wasNull() ? null : new LonLat(lon, rs.getDouble(4));
              AreaCode given = AreaCode.parse(rs.getString(5)).orElse(null);
              return new Placeable(rs.getLong(1), rs.getString(2), -1, at, given);
            })
        .list();
  }

  /**
   * Like {@link #write(Connection, long, List, List, boolean, Consumer)}, on the transaction's own
   * connection.
   */
  long write(
      long corporationId,
      List<Placeable> units,
      List<Integer> years,
      boolean known,
      Consumer<Text> note)
      throws SQLException {
    return write(
        org.springframework.jdbc.datasource.DataSourceUtils.getConnection(dataSource),
        corporationId,
        units,
        years,
        known,
        note);
  }

  /**
   * Places the units in each of the years and merges the result into {@code stock_unit_area}.
   *
   * @param known whether some units may have places already (then changed places are updated)
   * @param note receives what the report should say (units placed, outside, given codes that differ
   *     from the coordinates)
   * @return rows written
   */
  long write(
      Connection connection,
      long corporationId,
      List<Placeable> units,
      List<Integer> years,
      boolean known,
      Consumer<Text> note)
      throws SQLException {
    StagingTables.create(
        connection,
        "location_staging",
        "unit_id bigint, year smallint, gemeente_code text, wijk_code text, buurt_code text,"
            + " method text");
    CopyWriter copy = new CopyWriter(connection, "COPY location_staging FROM STDIN");
    Map<Integer, List<String>> outside = new LinkedHashMap<>();
    List<String> mismatches = new ArrayList<>();
    Map<Integer, Long> placed = new HashMap<>();
    Map<Integer, Set<String>> buurtCodes = new HashMap<>();
    for (Placeable u : units) {
      boolean givenMatched = u.givenBuurt() == null;
      for (int year : years) {
        if (u.location() != null) {
          SpatialLinker.Located at = linker.locate(u.location(), year);
          if (at.outside()) {
            outside.computeIfAbsent(year, y -> new ArrayList<>()).add(u.unitCode());
            copy.row(u.unitId(), year, null, null, null, "outside");
          } else {
            copy.row(u.unitId(), year, at.gemeente(), at.wijk(), at.buurt(), "point");
            placed.merge(year, at.buurt() != null ? 1L : 0L, Long::sum);
            givenMatched |= u.givenBuurt() != null && u.givenBuurt().value().equals(at.buurt());
          }
        } else if (u.givenBuurt() != null
            && buurtCodes
                .computeIfAbsent(year, linker::buurtCodes)
                .contains(u.givenBuurt().value())) {
          AreaCode b = u.givenBuurt();
          String gm = b.gemeente().map(AreaCode::value).orElse(null);
          copy.row(
              u.unitId(), year, gm, b.wijk().map(AreaCode::value).orElse(null), b.value(), "given");
          placed.merge(year, 1L, Long::sum);
        }
      }
      if (!givenMatched && u.line() >= 0 && mismatches.size() < 20) {
        mismatches.add(u.unitCode() + " (line " + u.line() + ", file says " + u.givenBuurt() + ")");
      }
    }
    copy.flush();
    report(note, placed, outside, mismatches);
    return merge(corporationId, known);
  }

  private static void report(
      Consumer<Text> note,
      Map<Integer, Long> placed,
      Map<Integer, List<String>> outside,
      List<String> mismatches) {
    placed.forEach((year, n) -> note.accept(Text.msg("report.note.placed", "n", n, "year", year)));
    outside.forEach(
        (year, codes) ->
            note.accept(
                Text.msg(
                    "report.note.outside",
                    "n",
                    codes.size(),
                    "year",
                    year,
                    "codes",
                    codes.stream().limit(20).collect(Collectors.joining(", "))
                        + (codes.size() > 20 ? ", ..." : ""))));
    if (!mismatches.isEmpty()) {
      note.accept(Text.msg("report.note.mismatch", "list", String.join("; ", mismatches)));
    }
  }

  private long merge(long corporationId, boolean known) {
    return jdbc.sql(
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
  }
}
