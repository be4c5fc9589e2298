package nl.veerkracht.area;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.veerkracht.area.domain.Area;
import nl.veerkracht.area.domain.AreaCode;
import nl.veerkracht.area.domain.AreaLevel;
import nl.veerkracht.area.domain.AreaUpsert;
import nl.veerkracht.geo.AreaGeometry;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/** The {@code area} table: CBS areas per year with their geometry. */
@Repository
public class AreaRepository {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  static final RowMapper<Area> ROW =
      (rs, n) -> {
        String parent = rs.getString("parent_code");
        return new Area(
            AreaCode.of(rs.getString("code")),
            rs.getString("name"),
            AreaLevel.get(rs.getString("level")),
            rs.getInt("year"),
            parent == null ? null : AreaCode.of(parent),
            rs.getBoolean("has_geometry"));
      };

  static final String COLUMNS =
      "code, name, level, year, parent_code, geom IS NOT NULL AS has_geometry";

  private final JdbcClient jdbc;
  private final JdbcTemplate template;

  public AreaRepository(JdbcClient jdbc, JdbcTemplate template) {
    this.jdbc = jdbc;
    this.template = template;
  }

  /**
   * Inserts or updates areas in one batch. A missing name or geometry keeps what is there;
   * attributes are merged. Rows that would not change are not written.
   *
   * @return the number of areas inserted or changed
   */
  public int upsert(List<AreaUpsert> areas, long importId) {
    String sql =
        """
        INSERT INTO area AS a (year, code, level, name, parent_code, gemeente_code, geom, min_lon, min_lat, max_lon, max_lat,
                               geojson_detail, geojson_overview, geojson_national, attributes, import_id)
        VALUES (?, ?, ?, coalesce(?, ?), ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?)
        ON CONFLICT (year, code) DO UPDATE SET
          name = CASE WHEN ? IS NULL THEN a.name ELSE excluded.name END,
          geom = coalesce(excluded.geom, a.geom),
          min_lon = coalesce(excluded.min_lon, a.min_lon), min_lat = coalesce(excluded.min_lat, a.min_lat),
          max_lon = coalesce(excluded.max_lon, a.max_lon), max_lat = coalesce(excluded.max_lat, a.max_lat),
          geojson_detail = coalesce(excluded.geojson_detail, a.geojson_detail),
          geojson_overview = coalesce(excluded.geojson_overview, a.geojson_overview),
          geojson_national = coalesce(excluded.geojson_national, a.geojson_national),
          attributes = a.attributes || excluded.attributes,
          import_id = excluded.import_id
        WHERE (? IS NOT NULL AND a.name IS DISTINCT FROM excluded.name)
           OR (excluded.geom IS NOT NULL AND a.geom IS DISTINCT FROM excluded.geom)
           OR NOT (a.attributes @> excluded.attributes)
        """;
    int[][] counts =
        template.batchUpdate(
            sql, areas, 1000, (PreparedStatement ps, AreaUpsert a) -> bind(ps, a, importId));
    int changed = 0;
    for (int[] batch : counts) {
      for (int c : batch) {
        changed += Math.max(c, 0);
      }
    }
    return changed;
  }

  private static void bind(PreparedStatement ps, AreaUpsert a, long importId) throws SQLException {
    AreaCode code = a.code();
    int i = 1;
    ps.setInt(i++, a.year());
    ps.setString(i++, code.value());
    ps.setString(i++, code.level().id());
    ps.setString(i++, a.name());
    ps.setString(i++, code.value());
    ps.setString(i++, code.parent().map(AreaCode::value).orElse(null));
    ps.setString(i++, code.gemeente().map(AreaCode::value).orElse(null));
    AreaGeometry g = a.geometry();
    if (g != null) {
      ps.setBytes(i++, g.wkb());
      ps.setDouble(i++, g.bbox().getMinX());
      ps.setDouble(i++, g.bbox().getMinY());
      ps.setDouble(i++, g.bbox().getMaxX());
      ps.setDouble(i++, g.bbox().getMaxY());
      ps.setString(i++, g.detailJson());
      ps.setString(i++, g.overviewJson());
      ps.setString(i++, g.nationalJson());
    } else {
      ps.setNull(i++, Types.BINARY);
      for (int k = 0; k < 4; k++) {
        ps.setNull(i++, Types.DOUBLE);
      }
      ps.setNull(i++, Types.VARCHAR);
      ps.setNull(i++, Types.VARCHAR);
      ps.setNull(i++, Types.VARCHAR);
    }
    ps.setString(i++, JSON.writeValueAsString(a.attributes() == null ? Map.of() : a.attributes()));
    ps.setLong(i++, importId);
    ps.setString(i++, a.name());
    ps.setString(i, a.name());
  }

  public List<Area> list(AreaLevel level, int year, Optional<AreaCode> within) {
    StringBuilder sql =
        new StringBuilder("SELECT " + COLUMNS + " FROM area WHERE level = :level AND year = :year");
    within.ifPresent(w -> sql.append(withinClause(w)));
    sql.append(" ORDER BY code");
    var spec = jdbc.sql(sql.toString()).param("level", level.id()).param("year", year);
    if (within.isPresent()) {
      spec = spec.param("within", within.get().value());
    }
    return spec.query(ROW).list();
  }

  /** SQL restricting to areas inside an area (a gemeente or a wijk), on parameter :within. */
  static String withinClause(AreaCode within) {
    return switch (within.level()) {
      case GEMEENTE -> " AND gemeente_code = :within";
      case WIJK -> " AND (parent_code = :within OR code = :within)";
      case BUURT -> " AND code = :within";
      case LAND -> " AND :within = 'NL00'";
    };
  }

  public Optional<Area> find(AreaCode code, int year) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM area WHERE code = :code AND year = :year")
        .param("code", code.value())
        .param("year", year)
        .query(ROW)
        .optional();
  }

  /** The newest name of each of these codes (codes not held are left out). */
  public Map<String, String> names(java.util.Collection<String> codes) {
    Map<String, String> out = new java.util.HashMap<>();
    if (codes.isEmpty()) {
      return out;
    }
    jdbc.sql(
            "SELECT DISTINCT ON (code) code, name FROM area WHERE code = ANY (:codes)"
                + " ORDER BY code, year DESC")
        .param("codes", codes.toArray(String[]::new))
        .query((rs, i) -> out.put(rs.getString(1), rs.getString(2)))
        .list();
    return out;
  }

  /** The code of the gemeente with this name (lower case), newest year first. */
  public Optional<String> gemeenteNamed(String lowerName) {
    return jdbc.sql(
            """
            SELECT code FROM area WHERE level = 'gemeente' AND lower(name) = :name
            ORDER BY year DESC LIMIT 1
            """)
        .param("name", lowerName)
        .query(String.class)
        .optional();
  }

  /** Every gemeente held with its newest name, ordered by name: {code, name} pairs. */
  public List<String[]> gemeenten() {
    return jdbc.sql(
            """
            SELECT code, name FROM (
              SELECT DISTINCT ON (code) code, name FROM area
              WHERE level = 'gemeente' ORDER BY code, year DESC) g
            ORDER BY name
            """)
        .query((rs, i) -> new String[] {rs.getString(1), rs.getString(2)})
        .list();
  }

  /** An area's code and its stored outline (WKB). */
  public record Outline(String code, byte[] wkb) {}

  /** Years with any outline held, newest first. */
  public List<Integer> outlineYears() {
    return jdbc.sql("SELECT DISTINCT year FROM area WHERE geom IS NOT NULL ORDER BY year DESC")
        .query(Integer.class)
        .list();
  }

  /** The codes of one level in one year's division. */
  public List<String> codes(int year, AreaLevel level) {
    return jdbc.sql("SELECT code FROM area WHERE year = :year AND level = :level")
        .param("year", year)
        .param("level", level.id())
        .query(String.class)
        .list();
  }

  /** The outlines of one level in one year's division. */
  public List<Outline> outlines(int year, AreaLevel level) {
    return jdbc.sql(
            """
            SELECT code, geom FROM area
             WHERE year = :year AND level = :level AND geom IS NOT NULL
            """)
        .param("year", year)
        .param("level", level.id())
        .query((rs, n) -> new Outline(rs.getString(1), rs.getBytes(2)))
        .list();
  }

  /** The most recent year that holds this code. */
  public Optional<Integer> findLatestYear(AreaCode code) {
    return jdbc.sql("SELECT max(year) FROM area WHERE code = :code")
        .param("code", code.value())
        .query(Integer.class)
        .optional();
  }

  /** Years held per level, newest first. */
  public List<Integer> years(AreaLevel level) {
    return jdbc.sql("SELECT DISTINCT year FROM area WHERE level = :level ORDER BY year DESC")
        .param("level", level.id())
        .query(Integer.class)
        .list();
  }

  public Map<String, String> attributes(AreaCode code, int year) {
    return jdbc.sql("SELECT attributes::text FROM area WHERE code = :code AND year = :year")
        .param("code", code.value())
        .param("year", year)
        .query(String.class)
        .optional()
        .map(
            s ->
                JSON.readValue(
                    s, new tools.jackson.core.type.TypeReference<Map<String, String>>() {}))
        .orElse(Map.of());
  }

  /**
   * Areas (no land) whose name, or whose name together with its gemeente's name, holds every one of
   * {@code likes} (LIKE patterns, already escaped), whose code starts with {@code codePrefix}, or
   * whose most common postcode is {@code digits}; each code once, in its newest year; at most 200.
   */
  public List<AreaMatch> matching(List<String> likes, String codePrefix, String digits) {
    StringBuilder byWords = new StringBuilder();
    for (int k = 0; k < likes.size(); k++) {
      byWords.append(k == 0 ? "" : " AND ").append("(lower(a.name) LIKE :w").append(k);
      byWords.append(" OR lower(coalesce(g.name, '')) LIKE :w").append(k).append(')');
    }
    var sql =
        jdbc.sql(
                """
                SELECT DISTINCT ON (a.code) a.code, a.name, a.level, a.year, g.name
                FROM area a LEFT JOIN LATERAL (SELECT x.name FROM area x
                  WHERE x.code = a.gemeente_code AND x.year = a.year LIMIT 1) g ON true
                WHERE a.level <> 'land' AND (("""
                    + (byWords.length() == 0 ? "false" : byWords)
                    + """
                ) OR a.code LIKE :code
                  OR (CAST(:digits AS text) IS NOT NULL
                      AND a.attributes ->> 'meest_voorkomende_postcode' = :digits))
                ORDER BY a.code, a.year DESC LIMIT 200
                """)
            .param("code", codePrefix + "%")
            .param("digits", digits);
    for (int k = 0; k < likes.size(); k++) {
      sql = sql.param("w" + k, likes.get(k));
    }
    return sql.query(
            (rs, i) ->
                new AreaMatch(
                    rs.getString(1),
                    rs.getString(2),
                    rs.getString(3),
                    rs.getInt(4),
                    rs.getString(5)))
        .list();
  }
}
