package nl.veerkracht.monitor;

import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * What monitoring reads and writes: the watched buurt figures and their changes ({@code
 * area_change}, {@code area_change_state}), a corporation's signal thresholds, its own signals per
 * complex, and held figure values for targets and the yearly report. The services around it hold
 * the rules; reads of other rooms' tables here are listed in ARCHITECTURE.md.
 */
@Repository
class MonitorRepository {

  /** A recorded change of a watched buurt figure, with the buurt's newest name. */
  record AreaChangeRow(
      OffsetDateTime detectedAt,
      String areaCode,
      String areaName,
      String indicator,
      int yearFrom,
      double valueFrom,
      int yearTo,
      double valueTo) {}

  /** A complex's count of one kind of signal in its newest complete year, with its units. */
  record SignalCount(
      long clusterId,
      String signalType,
      int year,
      long count,
      long units,
      String clusterType,
      String code,
      String name) {}

  /** One held value: area, indicator, year, value and its attribution. */
  record Value(String areaCode, String indicator, int year, double value, String attribution) {}

  private final JdbcClient jdbc;

  MonitorRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Compares the newest value of each watched figure per buurt with the state remembered at the
   * previous run, records what differs as changes and remembers the new state; how many changes.
   * Runs in the caller's transaction, which it locks against a second run.
   */
  int recordAreaChanges(List<String> watched) {
    jdbc.sql("LOCK TABLE area_change_state IN EXCLUSIVE MODE").update();
    jdbc.sql(
            """
            CREATE TEMPORARY TABLE newest ON COMMIT DROP AS
            SELECT DISTINCT ON (area_code, indicator_id) area_code, indicator_id, year, value
              FROM figure
             WHERE indicator_id = ANY(:watched) AND status = 'ok' AND area_code LIKE 'BU%'
             ORDER BY area_code, indicator_id, year DESC
            """)
        .param("watched", watched.toArray(String[]::new))
        .update();
    int changes =
        jdbc.sql(
                """
                INSERT INTO area_change
                       (area_code, indicator_id, year_from, value_from, year_to, value_to)
                SELECT s.area_code, s.indicator_id, s.year, s.value, n.year, n.value
                  FROM newest n JOIN area_change_state s
                    ON s.area_code = n.area_code AND s.indicator_id = n.indicator_id
                 WHERE s.value <> n.value
                """)
            .update();
    jdbc.sql(
            """
            INSERT INTO area_change_state (area_code, indicator_id, year, value)
            SELECT area_code, indicator_id, year, value FROM newest
            ON CONFLICT (area_code, indicator_id) DO UPDATE
               SET year = excluded.year, value = excluded.value
             WHERE (area_change_state.year, area_change_state.value)
                   IS DISTINCT FROM (excluded.year, excluded.value)
            """)
        .update();
    return changes;
  }

  /**
   * Changes since {@code start} in the buurten where the corporation has homes or plans measures,
   * newest first.
   */
  List<AreaChangeRow> areaChanges(long corporationId, OffsetDateTime start, int limit) {
    return jdbc.sql(
            """
            SELECT c.detected_at, c.area_code,
                   (SELECT name FROM area a WHERE a.code = c.area_code
                     ORDER BY a.name = a.code, a.year DESC LIMIT 1),
                   c.indicator_id, c.year_from, c.value_from, c.year_to, c.value_to
              FROM area_change c
             WHERE c.detected_at >= :start
               AND (c.area_code IN (SELECT buurt_code FROM stock_unit_area
                                     WHERE corporation_id = :corporation)
                    OR c.area_code IN (SELECT area_code FROM planned_measure
                                        WHERE corporation_id = :corporation))
             ORDER BY c.detected_at DESC, c.id DESC LIMIT :limit
            """)
        .param("start", start)
        .param("corporation", corporationId)
        .param("limit", limit)
        .query(
            (rs, n) ->
                new AreaChangeRow(
                    rs.getObject(1, OffsetDateTime.class),
                    rs.getString(2),
                    rs.getString(3),
                    rs.getString(4),
                    rs.getInt(5),
                    rs.getDouble(6),
                    rs.getInt(7),
                    rs.getDouble(8)))
        .list();
  }

  List<Long> corporationIds() {
    return jdbc.sql("SELECT id FROM corporation ORDER BY id").query(Long.class).list();
  }

  List<Long> corporationsWithTargets() {
    return jdbc.sql(
            """
            SELECT DISTINCT corporation_id FROM planned_measure
             WHERE target_indicator IS NOT NULL ORDER BY 1
            """)
        .query(Long.class)
        .list();
  }

  /** The kinds of signal the corporation holds. */
  List<String> signalTypes(long corporationId) {
    return jdbc.sql("SELECT DISTINCT signal_type FROM stock_signal WHERE corporation_id = :c")
        .param("c", corporationId)
        .query(String.class)
        .list();
  }

  /** The corporation's own thresholds by kind. */
  Map<String, Double> thresholds(long corporationId) {
    Map<String, Double> own = new TreeMap<>();
    jdbc.sql("SELECT signal_type, per_100_units FROM signal_threshold WHERE corporation_id = :c")
        .param("c", corporationId)
        .query(
            (org.springframework.jdbc.core.RowCallbackHandler)
                rs -> own.put(rs.getString(1), rs.getDouble(2)));
    return own;
  }

  void deleteThreshold(long corporationId, String signalType) {
    jdbc.sql("DELETE FROM signal_threshold WHERE corporation_id = :c AND signal_type = :type")
        .param("c", corporationId)
        .param("type", signalType)
        .update();
  }

  void saveThreshold(long corporationId, String signalType, double per100Units) {
    jdbc.sql(
            """
            INSERT INTO signal_threshold (corporation_id, signal_type, per_100_units)
            VALUES (:c, :type, :value)
            ON CONFLICT (corporation_id, signal_type)
              DO UPDATE SET per_100_units = excluded.per_100_units
            """)
        .param("c", corporationId)
        .param("type", signalType)
        .param("value", per100Units)
        .update();
  }

  /**
   * Per complex (of the corporation's complex type) and kind of signal, the count in the newest
   * complete year held; move-outs count as the kind {@code turnoverType}.
   */
  List<SignalCount> signalCounts(long corporationId, String turnoverType) {
    return jdbc.sql(
            """
            WITH units AS (
                SELECT uc.cluster_id, count(*) AS n
                  FROM stock_unit_cluster uc JOIN stock_cluster c ON c.id = uc.cluster_id
                  JOIN corporation k ON k.id = c.corporation_id AND c.type = k.complex_cluster_type
                 WHERE c.corporation_id = :c
                 GROUP BY uc.cluster_id),
            counts AS (
                SELECT cluster_id, signal_type, year::int AS year, count::bigint AS count
                  FROM stock_signal WHERE corporation_id = :c
                UNION ALL
                SELECT uc.cluster_id, :turnover, extract(year FROM t.moved_out_on)::int, count(*)
                  FROM turnover t JOIN stock_unit_cluster uc ON uc.unit_id = t.unit_id
                 WHERE t.corporation_id = :c
                 GROUP BY 1, 2, 3),
            newest AS (
                SELECT DISTINCT ON (cluster_id, signal_type) cluster_id, signal_type, year, count
                  FROM counts WHERE year < extract(year FROM current_date)
                 ORDER BY cluster_id, signal_type, year DESC)
            SELECT n.cluster_id, n.signal_type, n.year, n.count, u.n, c.type, c.code, c.name
              FROM newest n JOIN units u ON u.cluster_id = n.cluster_id
              JOIN stock_cluster c ON c.id = n.cluster_id
             ORDER BY c.code, n.signal_type
            """)
        .param("c", corporationId)
        .param("turnover", turnoverType)
        .query(
            (rs, i) ->
                new SignalCount(
                    rs.getLong(1),
                    rs.getString(2),
                    rs.getInt(3),
                    rs.getLong(4),
                    rs.getLong(5),
                    rs.getString(6),
                    rs.getString(7),
                    rs.getString(8)))
        .list();
  }

  /** The held ({@code ok}) values of these indicators in these areas. */
  List<Value> values(List<String> indicators, List<String> areaCodes) {
    return jdbc.sql(
            """
            SELECT area_code, indicator_id, year, value, attribution FROM figure
             WHERE indicator_id = ANY(:indicators) AND area_code = ANY(:areas) AND status = 'ok'
            """)
        .param("indicators", indicators.toArray(String[]::new))
        .param("areas", areaCodes.toArray(String[]::new))
        .query(
            (rs, n) ->
                new Value(
                    rs.getString(1),
                    rs.getString(2),
                    rs.getInt(3),
                    rs.getDouble(4),
                    rs.getString(5)))
        .list();
  }

  /** Buurten holding at least two years of the indicator before and after the start year. */
  Set<String> buurtenAround(String indicator, int startYear) {
    return new HashSet<>(
        jdbc.sql(
                """
                SELECT area_code FROM figure
                 WHERE indicator_id = :indicator AND status = 'ok' AND area_code LIKE 'BU%'
                 GROUP BY area_code
                HAVING count(*) FILTER (WHERE year < :start) >= 2
                   AND count(*) FILTER (WHERE year > :start) >= 2
                """)
            .param("indicator", indicator)
            .param("start", startYear)
            .query(String.class)
            .list());
  }

  /**
   * The buurten of a corporation's yearly report: where its homes are (in the newest stock year)
   * and where it plans measures.
   */
  List<String> reportBuurten(long corporationId) {
    return jdbc.sql(
            """
            SELECT DISTINCT buurt_code FROM stock_unit_area
             WHERE corporation_id = :c AND buurt_code IS NOT NULL
               AND year = (SELECT max(year) FROM stock_unit_area WHERE corporation_id = :c)
            UNION
            SELECT area_code FROM planned_measure WHERE corporation_id = :c AND area_code LIKE 'BU%'
            ORDER BY 1
            """)
        .param("c", corporationId)
        .query(String.class)
        .list();
  }
}
