package nl.veerkracht.stock;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import javax.sql.DataSource;
import nl.veerkracht.common.Text;
import nl.veerkracht.stock.domain.UnitRecord;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;

/**
 * Writes stock files inside the import's transaction: units and memberships ({@link UnitWriter}),
 * their places in every year's division ({@link LocationWriter}), and dated records ({@link
 * EventWriter}). Importing a file again writes nothing. Every statement is scoped to the
 * corporation.
 */
@Component
class StockWriter {

  private final DataSource dataSource;
  private final UnitWriter units;
  private final LocationWriter locations;
  private final EventWriter events;
  private final SpatialLinker linker;

  StockWriter(
      DataSource dataSource,
      UnitWriter units,
      LocationWriter locations,
      EventWriter events,
      SpatialLinker linker) {
    this.dataSource = dataSource;
    this.units = units;
    this.locations = locations;
    this.events = events;
    this.linker = linker;
  }

  long write(long corporationId, StockCollector c, long importId) {
    try {
      long written = 0;
      if (!c.units.isEmpty()) {
        Connection connection = DataSourceUtils.getConnection(dataSource);
        UnitWriter.Written w = units.write(connection, corporationId, c.units, importId);
        List<LocationWriter.Placeable> placeable =
            c.units.stream().map(u -> placeable(u, w.unitIds().get(u.unitCode()))).toList();
        written += w.rows();
        written +=
            locations.write(
                connection, corporationId, placeable, linker.years(), w.known(), c::note);
        c.note(placed(connection, corporationId, w.unitIds().values(), !linker.years().isEmpty()));
      }
      return written + events.write(corporationId, c, importId);
    } catch (SQLException e) {
      throw new IllegalStateException("Writing the stock failed: " + e.getMessage(), e);
    }
  }

  /**
   * What the report says of a file of units in words a corporation uses: "30 eenheden in 4
   * complexen; 30 in een buurt geplaatst" (the complexes of the corporation's complex type, the
   * buurten of the newest division held).
   */
  private static Text placed(
      Connection connection,
      long corporationId,
      java.util.Collection<Long> ids,
      boolean boundariesHeld)
      throws SQLException {
    try (java.sql.PreparedStatement s =
        connection.prepareStatement(
            """
            SELECT count(DISTINCT u.id),
                   count(DISTINCT uc.cluster_id),
                   count(DISTINCT a.unit_id) FILTER (WHERE a.buurt_code IS NOT NULL)
              FROM stock_unit u
              LEFT JOIN stock_unit_cluster uc ON uc.unit_id = u.id
                    AND uc.cluster_id IN (SELECT k.id FROM stock_cluster k JOIN corporation c
                                             ON c.id = k.corporation_id
                                            AND k.type = c.complex_cluster_type
                                          WHERE k.corporation_id = ?)
              LEFT JOIN stock_unit_area a ON a.unit_id = u.id
                    AND a.year = (SELECT max(year) FROM stock_unit_area WHERE corporation_id = ?)
             WHERE u.id = ANY (?)""")) {
      s.setLong(1, corporationId);
      s.setLong(2, corporationId);
      s.setArray(3, connection.createArrayOf("bigint", ids.toArray()));
      try (java.sql.ResultSet rs = s.executeQuery()) {
        rs.next();
        return Text.msg(
            boundariesHeld ? "report.note.unitsPlaced" : "report.note.unitsNoBoundaries",
            "units",
            Text.grouped(rs.getLong(1), 0),
            "complexes",
            Text.grouped(rs.getLong(2), 0),
            "placed",
            Text.grouped(rs.getLong(3), 0));
      }
    }
  }

  private static LocationWriter.Placeable placeable(UnitRecord u, long unitId) {
    return new LocationWriter.Placeable(
        unitId, u.unitCode(), u.line(), u.location(), u.givenBuurt());
  }
}
