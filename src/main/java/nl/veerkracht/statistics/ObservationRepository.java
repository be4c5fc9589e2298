package nl.veerkracht.statistics;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import nl.veerkracht.statistics.domain.Observation;
import nl.veerkracht.statistics.domain.ObservationStatus;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads stored figures with their provenance. */
@Repository
public class ObservationRepository {

  /** Reads imported and derived figures alike (the {@code figure} view). */
  /** Above this many areas, a question for one indicator reads its whole range and filters. */
  private static final int MANY_AREAS = 1000;

  private static final String SELECT =
      "SELECT o.area_code, o.year, o.indicator_id, o.value, o.status, o.reason, o.source, o.attribution,"
          + " o.explanation_nl, o.explanation_en FROM figure o";

  private static final RowMapper<Observation> ROW =
      (rs, n) ->
          new Observation(
              rs.getString(1),
              rs.getInt(2),
              rs.getString(3),
              (Double) rs.getObject(4),
              ObservationStatus.of(rs.getString(5)),
              rs.getString(6),
              rs.getString(7),
              rs.getString(8),
              rs.getString(9),
              rs.getString(10));

  private final JdbcClient jdbc;

  public ObservationRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** All figures of an area in a year, by indicator id. */
  public List<Observation> listForArea(String areaCode, int year) {
    return jdbc.sql(
            SELECT + " WHERE o.area_code = :area AND o.year = :year ORDER BY o.indicator_id")
        .param("area", areaCode)
        .param("year", year)
        .query(ROW)
        .list();
  }

  /** One indicator of an area over all years held. */
  public List<Observation> series(String areaCode, String indicatorId) {
    return jdbc.sql(
            SELECT + " WHERE o.area_code = :area AND o.indicator_id = :indicator ORDER BY o.year")
        .param("area", areaCode)
        .param("indicator", indicatorId)
        .query(ROW)
        .list();
  }

  /**
   * The newest known figure at or before {@code year} of one indicator for many areas (the newest
   * missing one where none is known), by area code.
   */
  public Map<String, Observation> newestUpTo(
      String indicatorId, int year, Collection<String> areaCodes) {
    Map<String, Observation> result = new HashMap<>();
    if (areaCodes.isEmpty()) {
      return result;
    }
    jdbc.sql(
            """
            SELECT DISTINCT ON (o.area_code) o.area_code, o.year, o.indicator_id, o.value, o.status,
                   o.reason, o.source, o.attribution, o.explanation_nl, o.explanation_en
              FROM figure o
             WHERE o.indicator_id = :indicator AND o.year <= :year AND o.area_code = ANY (:areas)
             ORDER BY o.area_code, (o.status = 'ok' AND o.value IS NOT NULL) DESC, o.year DESC
            """)
        .param("indicator", indicatorId)
        .param("year", year)
        .param("areas", areaCodes.toArray(String[]::new))
        .query(ROW)
        .list()
        .forEach(o -> result.put(o.areaCode(), o));
    return result;
  }

  /** A known value with its year, without source or explanation (for maps of many areas). */
  public record YearValue(int year, double value) {}

  /**
   * The newest known value of one indicator at or before {@code year} for many areas: only the
   * number and its year, so that a national map does not read every explanation.
   */
  public Map<String, YearValue> newestValuesUpTo(
      String indicatorId, int year, Collection<String> areaCodes) {
    Map<String, YearValue> result = new HashMap<>();
    if (areaCodes.isEmpty()) {
      return result;
    }
    Set<String> wanted = new HashSet<>(areaCodes);
    jdbc.sql(
            "SELECT area_code, year, value FROM observation WHERE indicator_id = :id"
                + " AND year <= :year AND status = 'ok'"
                + " UNION ALL SELECT area_code, year, value FROM analysis_result WHERE indicator_id = :id"
                + " AND year <= :year AND status = 'ok'")
        .param("id", indicatorId)
        .param("year", year)
        .query(
            (rs, n) -> {
              String code = rs.getString(1);
              YearValue v = new YearValue(rs.getInt(2), rs.getDouble(3));
              if (wanted.contains(code)) {
                result.merge(code, v, (a, b) -> a.year() >= b.year() ? a : b);
              }
              return null;
            })
        .list();
    return result;
  }

  /**
   * Per year, how many areas whose code starts with {@code codePrefix} (e.g. {@code BU0308}, the
   * buurten of Baarn) have a known figure of the indicator; newest year first.
   */
  public Map<Integer, Integer> knownPerYear(String indicatorId, String codePrefix) {
    Map<Integer, Integer> result = new java.util.TreeMap<>(java.util.Comparator.reverseOrder());
    // a range on the leading key column instead of LIKE, which the key index cannot serve
    String upper = codePrefix + Character.MAX_VALUE;
    jdbc.sql(
            """
            SELECT year, count(*) FROM figure
             WHERE indicator_id = :indicator AND status = 'ok'
               AND area_code >= :from AND area_code < :upTo
             GROUP BY year
            """)
        .param("indicator", indicatorId)
        .param("from", codePrefix)
        .param("upTo", upper)
        .query((rs, n) -> result.put(rs.getInt(1), rs.getInt(2)))
        .list();
    return result;
  }

  /** One indicator in one year for many areas, by area code. */
  public Map<String, Observation> values(
      String indicatorId, int year, Collection<String> areaCodes) {
    Map<String, Observation> result = new HashMap<>();
    if (areaCodes.isEmpty()) {
      return result;
    }
    if (areaCodes.size() > MANY_AREAS) {
      // one range of the (indicator, year) index, filtered here, instead of a probe per area
      Set<String> wanted = new HashSet<>(areaCodes);
      jdbc
          .sql(SELECT + " WHERE o.indicator_id = :indicator AND o.year = :year")
          .param("indicator", indicatorId)
          .param("year", year)
          .query(ROW)
          .list()
          .stream()
          .filter(o -> wanted.contains(o.areaCode()))
          .forEach(o -> result.put(o.areaCode(), o));
      return result;
    }
    jdbc.sql(
            SELECT
                + " WHERE o.indicator_id = :indicator AND o.year = :year"
                + " AND o.area_code = ANY (:areas)")
        .param("indicator", indicatorId)
        .param("year", year)
        .param("areas", areaCodes.toArray(String[]::new))
        .query(ROW)
        .list()
        .forEach(o -> result.put(o.areaCode(), o));
    return result;
  }

  /**
   * The newest figure of each of {@code indicatorIds} at or before {@code year} (for derived
   * figures that describe a change up to some year, such as the veerkracht signal).
   */
  public List<Observation> latestUpTo(String areaCode, int year, Collection<String> indicatorIds) {
    return jdbc.sql(
            """
            SELECT DISTINCT ON (o.indicator_id) o.area_code, o.year, o.indicator_id, o.value,
                   o.status, o.reason, o.source, o.attribution, o.explanation_nl, o.explanation_en
              FROM figure o
             WHERE o.area_code = :area AND o.year <= :year AND o.indicator_id = ANY (:indicators)
             ORDER BY o.indicator_id, o.year DESC
            """)
        .param("area", areaCode)
        .param("year", year)
        .param("indicators", indicatorIds.toArray(String[]::new))
        .query(ROW)
        .list();
  }

  /**
   * The year to show an area in when none is asked: the newest year with at least half as many
   * known figures as its best-covered year (the newest year often holds only a few early figures).
   */
  public Optional<Integer> defaultYear(String areaCode) {
    List<int[]> counts =
        jdbc.sql(
                """
                SELECT year, count(*) FROM observation WHERE area_code = :area AND status = 'ok'
                 GROUP BY year ORDER BY year DESC
                """)
            .param("area", areaCode)
            .query((rs, i) -> new int[] {rs.getInt(1), rs.getInt(2)})
            .list();
    int most = counts.stream().mapToInt(c -> c[1]).max().orElse(0);
    return counts.stream().filter(c -> c[1] * 2 >= most).map(c -> c[0]).findFirst();
  }

  /** Years with at least one figure of this area. */
  public List<Integer> years(String areaCode) {
    return jdbc.sql(
            "SELECT DISTINCT year FROM observation WHERE area_code = :area ORDER BY year DESC")
        .param("area", areaCode)
        .query(Integer.class)
        .list();
  }

  /**
   * How many areas per code prefix (GM, WK, BU) and year have a known value of each indicator:
   * {@code indicator -> "GM2022" -> count}. One pass over the table; callers cache it.
   */
  public Map<String, Map<String, Integer>> coverage() {
    Map<String, Map<String, Integer>> result = new HashMap<>();
    jdbc.sql(
            "SELECT indicator_id, left(area_code, 2) || year, count(*) FROM figure"
                + " WHERE status = 'ok' GROUP BY 1, 2")
        .query(
            (rs, n) -> {
              result
                  .computeIfAbsent(rs.getString(1), k -> new HashMap<>())
                  .put(rs.getString(2), rs.getInt(3));
              return null;
            })
        .list();
    return result;
  }
}
