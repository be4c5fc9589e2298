package nl.veerkracht.stock;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import javax.sql.DataSource;
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
      }
      return written + events.write(corporationId, c, importId);
    } catch (SQLException e) {
      throw new IllegalStateException("Writing the stock failed: " + e.getMessage(), e);
    }
  }

  private static LocationWriter.Placeable placeable(UnitRecord u, long unitId) {
    return new LocationWriter.Placeable(
        unitId, u.unitCode(), u.line(), u.location(), u.givenBuurt());
  }
}
