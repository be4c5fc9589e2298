package nl.veerkracht.stock;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import javax.sql.DataSource;
import nl.veerkracht.area.domain.AreaCode;
import nl.veerkracht.common.Text;
import nl.veerkracht.geo.LonLat;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;

/**
 * Places every unit of every corporation again in the divisions whose boundaries an import has just
 * added or changed, inside that import's transaction: a corporation that loaded its stock before
 * the open data gets its buurten when the boundaries arrive.
 */
@Component
class Relinker {

  private record Corporation(long id, String code) {}

  private final JdbcClient jdbc;
  private final DataSource dataSource;
  private final LocationWriter locations;
  private final SpatialLinker linker;

  Relinker(JdbcClient jdbc, DataSource dataSource, LocationWriter locations, SpatialLinker linker) {
    this.jdbc = jdbc;
    this.dataSource = dataSource;
    this.locations = locations;
    this.linker = linker;
  }

  /**
   * @param note receives per corporation how many units were placed in a buurt of each year, and
   *     which lie outside every boundary
   * @return rows written
   */
  long relink(Set<Integer> years, Consumer<Text> note) {
    // the linker's indexes were built from the boundaries before this transaction
    linker.forget();
    try {
      List<Corporation> corporations =
          jdbc.sql(
                  "SELECT c.id, c.code FROM corporation c WHERE EXISTS"
                      + " (SELECT 1 FROM stock_unit u WHERE u.corporation_id = c.id) ORDER BY c.code")
              .query((rs, n) -> new Corporation(rs.getLong(1), rs.getString(2)))
              .list();
      Connection connection = DataSourceUtils.getConnection(dataSource);
      long written = 0;
      for (Corporation c : corporations) {
        written +=
            locations.write(
                connection,
                c.id(),
                units(c.id()),
                List.copyOf(years),
                true,
                n ->
                    note.accept(
                        Text.msg("report.note.ofCorporation", "code", c.code(), "note", n)));
      }
      return written;
    } catch (SQLException e) {
      throw new IllegalStateException("Linking the units to the new boundaries failed", e);
    } finally {
      // indexes built inside this transaction must not outlive it (it may still roll back)
      linker.forget();
    }
  }

  private List<LocationWriter.Placeable> units(long corporationId) {
    List<LocationWriter.Placeable> units = new ArrayList<>();
    jdbc.sql(
            "SELECT id, unit_code, lon, lat, given_buurt FROM stock_unit WHERE corporation_id = ?"
                + " ORDER BY id")
        .param(corporationId)
        .query(
            (rs, n) -> {
              double lon = rs.getDouble(3);
              LonLat at = rs.wasNull() ? null : new LonLat(lon, rs.getDouble(4));
              AreaCode given = AreaCode.parse(rs.getString(5)).orElse(null);
              units.add(
                  new LocationWriter.Placeable(rs.getLong(1), rs.getString(2), -1, at, given));
              return null;
            })
        .list();
    return units;
  }
}
