package nl.veerkracht.map;

import java.util.List;
import java.util.Optional;
import nl.veerkracht.area.domain.AreaCode;
import nl.veerkracht.area.domain.AreaLevel;
import nl.veerkracht.geo.GeoJsonText;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;
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
            """
            SELECT DISTINCT year FROM area WHERE level = :level AND geom IS NOT NULL
             ORDER BY year DESC
            """)
        .param("level", level.id())
        .query(Integer.class)
        .list();
  }

  /**
   * The geometries of a level and year, as GeoJSON geometry text.
   *
   * @param detail the simplified overview, the detailed version for one gemeente, or the full
   *     boundary (converted from the stored WKB, 7 decimals)
   */
  public List<Shape> shapes(AreaLevel level, int year, Optional<AreaCode> within, Detail detail) {
    return shapes(level, year, within, Optional.empty(), detail);
  }

  /**
   * The geometries of a level and year whose bounding box meets {@code bbox} (minLon, minLat,
   * maxLon, maxLat), when given.
   */
  public List<Shape> shapes(
      AreaLevel level,
      int year,
      Optional<AreaCode> within,
      Optional<double[]> bbox,
      Detail detail) {
    String column =
        switch (detail) {
          case NATIONAL -> "coalesce(geojson_national, geojson_overview)";
          case OVERVIEW -> "geojson_overview";
          case DETAIL -> "geojson_detail";
          case FULL -> "geom";
        };
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
    bbox.ifPresent(
        b ->
            sql.append(
                " AND max_lon >= :minLon AND min_lon <= :maxLon AND max_lat >= :minLat"
                    + " AND min_lat <= :maxLat"));
    sql.append(" ORDER BY code");
    var spec = jdbc.sql(sql.toString()).param("level", level.id()).param("year", year);
    if (bbox.isPresent()) {
      double[] b = bbox.get();
      spec =
          spec.param("minLon", b[0])
              .param("minLat", b[1])
              .param("maxLon", b[2])
              .param("maxLat", b[3]);
    }
    if (within.isPresent()) {
      spec = spec.param("within", within.get().value());
    }
    WKBReader wkb = new WKBReader();
    return spec.query(
            (rs, n) ->
                new Shape(
                    rs.getString(1),
                    rs.getString(2),
                    detail == Detail.FULL ? fullGeometry(wkb, rs.getBytes(3)) : rs.getString(3)))
        .list();
  }

  private static String fullGeometry(WKBReader reader, byte[] wkb) {
    try {
      return GeoJsonText.write(reader.read(wkb), 7);
    } catch (ParseException e) {
      throw new IllegalStateException("A stored geometry cannot be read", e);
    }
  }
}
