package nl.veerkracht.ogc;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.veerkracht.area.domain.AreaLevel;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The SQL of the OGC API collections of areas: boundaries by division year, figures by year. */
@Repository
public class OgcRepository {

  /** One figure a collection carries: its id (the property name), labels and unit. */
  public record Figure(String id, String labelNl, String labelEn, String unit) {}

  /** One area of a page, with its full boundary (WGS84, WKB). */
  public record Area(
      String code, String name, String gemeenteCode, String parentCode, byte[] wkb) {}

  /** A page of areas and how many match in all. */
  public record Page(List<Area> areas, long matched) {}

  /** What selects a page: the level and years, a box (WGS84), equal properties, paging. */
  public record Query(
      AreaLevel level,
      int geometryYear,
      int figuresYear,
      Optional<double[]> bbox,
      Map<String, String> textEquals,
      Map<String, Double> figureEquals,
      int limit,
      long offset) {}

  private final JdbcClient jdbc;

  public OgcRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** The extent (minLon, minLat, maxLon, maxLat) of a level's boundaries in a year, if any. */
  public Optional<double[]> extent(AreaLevel level, int year) {
    return jdbc.sql(
            "SELECT min(min_lon), min(min_lat), max(max_lon), max(max_lat) FROM area"
                + " WHERE level = :level AND year = :year AND geom IS NOT NULL HAVING count(*) > 0")
        .param("level", level.id())
        .param("year", year)
        .query(
            (rs, n) ->
                new double[] {rs.getDouble(1), rs.getDouble(2), rs.getDouble(3), rs.getDouble(4)})
        .optional();
  }

  /**
   * The figures held for areas of this level in a year (measured and derived), in the order of
   * their ids.
   */
  public List<Figure> figures(AreaLevel level, int figuresYear) {
    return jdbc.sql(
            "SELECT i.id, i.label_nl, i.label_en, i.unit FROM indicator i WHERE i.id IN ("
                + " SELECT DISTINCT indicator_id FROM observation"
                + " WHERE year = :year AND area_code LIKE :prefix"
                + " UNION SELECT DISTINCT indicator_id FROM analysis_result"
                + " WHERE year = :year AND area_code LIKE :prefix) ORDER BY i.id")
        .param("year", figuresYear)
        .param("prefix", level.prefix() + "%")
        .query(
            (rs, n) ->
                new Figure(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)))
        .list();
  }

  /** The areas of one page, in the order of their codes, and how many match in all. */
  public Page page(Query q) {
    StringBuilder where =
        new StringBuilder(
            " FROM area a WHERE a.level = :level AND a.year = :year AND a.geom IS NOT NULL");
    Map<String, Object> params = new HashMap<>();
    params.put("level", q.level().id());
    params.put("year", q.geometryYear());
    params.put("figuresYear", q.figuresYear());
    q.bbox()
        .ifPresent(
            b -> {
              where.append(
                  " AND a.max_lon >= :minLon AND a.min_lon <= :maxLon AND a.max_lat >= :minLat"
                      + " AND a.min_lat <= :maxLat");
              params.put("minLon", b[0]);
              params.put("minLat", b[1]);
              params.put("maxLon", b[2]);
              params.put("maxLat", b[3]);
            });
    int n = 0;
    for (Map.Entry<String, String> e : q.textEquals().entrySet()) {
      // the column names come from a fixed list (OgcFeatures.TEXT_PROPERTIES), never the request
      where.append(" AND a.").append(e.getKey()).append(" = :t").append(n);
      params.put("t" + n++, e.getValue());
    }
    for (Map.Entry<String, Double> e : q.figureEquals().entrySet()) {
      where
          .append(
              " AND EXISTS (SELECT 1 FROM (SELECT area_code, indicator_id, value FROM observation")
          .append(" WHERE year = :figuresYear UNION ALL SELECT area_code, indicator_id, value")
          .append(" FROM analysis_result WHERE year = :figuresYear) f WHERE f.area_code = a.code")
          .append(" AND f.indicator_id = :f")
          .append(n)
          .append(" AND f.value = :v")
          .append(n)
          .append(")");
      params.put("f" + n, e.getKey());
      params.put("v" + n++, e.getValue());
    }
    long matched = jdbc.sql("SELECT count(*)" + where).params(params).query(Long.class).single();
    params.put("limit", q.limit());
    params.put("offset", q.offset());
    List<Area> areas =
        jdbc.sql(
                "SELECT a.code, a.name, a.gemeente_code, a.parent_code, a.geom"
                    + where
                    + " ORDER BY a.code LIMIT :limit OFFSET :offset")
            .params(params)
            .query(
                (rs, i) ->
                    new Area(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getBytes(5)))
            .list();
    return new Page(areas, matched);
  }

  /**
   * The figures of these areas in a year: per area code, figure id to value (null where the source
   * holds it back or lacks it).
   */
  public Map<String, Map<String, Double>> values(List<String> codes, int figuresYear) {
    Map<String, Map<String, Double>> out = new LinkedHashMap<>();
    if (codes.isEmpty()) {
      return out;
    }
    // one range of codes (a page is in code order), read along the key; codes in the range that
    // are not on the page are skipped
    java.util.Set<String> wanted = new java.util.HashSet<>(codes);
    String first = java.util.Collections.min(codes);
    String last = java.util.Collections.max(codes);
    jdbc.sql(
            "SELECT area_code, indicator_id, value FROM observation"
                + " WHERE area_code BETWEEN :first AND :last AND year = :year"
                + " UNION ALL SELECT area_code, indicator_id, value FROM analysis_result"
                + " WHERE area_code BETWEEN :first AND :last AND year = :year")
        .param("year", figuresYear)
        .param("first", first)
        .param("last", last)
        .query(
            rs -> {
              String code = rs.getString(1);
              if (wanted.contains(code)) {
                double v = rs.getDouble(3);
                out.computeIfAbsent(code, k -> new HashMap<>())
                    .put(rs.getString(2), rs.wasNull() ? null : v);
              }
            });
    return out;
  }
}
