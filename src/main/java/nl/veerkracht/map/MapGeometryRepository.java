package nl.veerkracht.map;

import java.util.List;
import java.util.Optional;
import nl.veerkracht.area.domain.AreaCode;
import nl.veerkracht.area.domain.AreaLevel;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads the display geometries prepared at import. */
@Repository
public class MapGeometryRepository {

  /** An area's display geometry (GeoJSON geometry text). */
  public record Shape(String code, String name, String geometry) {}

  private final JdbcClient jdbc;

  public MapGeometryRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Years with geometry at this level, newest first. */
  public List<Integer> geometryYears(AreaLevel level) {
    return jdbc.sql(
            "SELECT DISTINCT year FROM area WHERE level = ? AND geom IS NOT NULL ORDER BY year DESC")
        .param(level.id())
        .query(Integer.class)
        .list();
  }

  /**
   * The display geometries of a level and year.
   *
   * @param detail the detailed version (for one gemeente) instead of the overview
   */
  public List<Shape> shapes(AreaLevel level, int year, Optional<AreaCode> within, boolean detail) {
    String column = detail ? "geojson_detail" : "geojson_overview";
    StringBuilder sql =
        new StringBuilder(
            "SELECT code, name, "
                + column
                + " FROM area WHERE level = :level AND year = :year AND geom IS NOT NULL");
    within.ifPresent(
        w ->
            sql.append(
                switch (w.level()) {
                  case GEMEENTE -> " AND gemeente_code = :within";
                  case WIJK -> " AND (parent_code = :within OR code = :within)";
                  default -> " AND code = :within";
                }));
    sql.append(" ORDER BY code");
    var spec = jdbc.sql(sql.toString()).param("level", level.id()).param("year", year);
    if (within.isPresent()) {
      spec = spec.param("within", within.get().value());
    }
    return spec.query((rs, n) -> new Shape(rs.getString(1), rs.getString(2), rs.getString(3)))
        .list();
  }
}
