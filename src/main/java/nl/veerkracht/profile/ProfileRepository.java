package nl.veerkracht.profile;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.veerkracht.area.domain.AreaCode;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The reads behind complex profiles and own shares; every query is scoped to one corporation. */
@Repository
public class ProfileRepository {

  /** Units of a cluster (or of the whole corporation) per buurt of one division year. */
  public record BuurtUnits(String buurtCode, String buurtName, int units) {}

  /** A known figure of an area. */
  public record AreaFigure(
      String areaCode,
      int year,
      String indicatorId,
      Double value,
      String status,
      String source,
      String explanationNl,
      String explanationEn) {}

  public record PlanLine(int year, String activity, BigDecimal cost) {}

  public record RentLimit(
      int validYear, String kind, String household, BigDecimal amount, String source) {}

  public record YearCount(int year, int count) {}

  public record AllocationYear(int year, int total, int lowIncome, int urgent, int incomeKnown) {}

  public record SignalCount(int year, String type, int count) {}

  private final JdbcClient jdbc;

  public ProfileRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** A complex as a point: the mean position of its units that have coordinates. */
  public record ComplexPoint(String code, String name, int units, double lon, double lat) {}

  public List<ComplexPoint> complexPoints(long corporationId, String type) {
    return jdbc.sql(
            "SELECT c.code, c.name, count(*), avg(u.lon), avg(u.lat) FROM stock_cluster c"
                + " JOIN stock_unit_cluster uc ON uc.cluster_id = c.id AND uc.corporation_id = c.corporation_id"
                + " JOIN stock_unit u ON u.id = uc.unit_id AND u.corporation_id = c.corporation_id"
                + " WHERE c.corporation_id = :corp AND c.type = :type AND u.lon IS NOT NULL AND u.lat IS NOT NULL"
                + " GROUP BY c.code, c.name ORDER BY c.code")
        .param("corp", corporationId)
        .param("type", type)
        .query(
            (rs, i) ->
                new ComplexPoint(
                    rs.getString(1),
                    rs.getString(2),
                    rs.getInt(3),
                    rs.getDouble(4),
                    rs.getDouble(5)))
        .list();
  }

  /**
   * The buurten each complex (of one cluster type) has homes in, by complex code, in the newest
   * division year the corporation's homes are linked to.
   */
  public Map<String, List<String>> complexBuurten(long corporationId, String type) {
    Map<String, List<String>> out = new java.util.HashMap<>();
    jdbc.sql(
            "SELECT DISTINCT c.code, a.buurt_code FROM stock_unit_area a"
                + " JOIN stock_unit_cluster uc ON uc.unit_id = a.unit_id AND uc.corporation_id = a.corporation_id"
                + " JOIN stock_cluster c ON c.id = uc.cluster_id AND c.corporation_id = a.corporation_id"
                + " WHERE a.corporation_id = :corp AND c.type = :type AND a.buurt_code IS NOT NULL"
                + " AND a.year = (SELECT max(year) FROM stock_unit_area WHERE corporation_id = :corp)"
                + " ORDER BY c.code, a.buurt_code")
        .param("corp", corporationId)
        .param("type", type)
        .query(
            (java.sql.ResultSet rs) -> {
              out.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getString(2));
            });
    return out;
  }

  /** A complex with its units in one area. */
  public record ComplexInArea(String type, String code, String name, int units) {}

  /** The complexes (of one cluster type) with units in a buurt, wijk or gemeente. */
  public List<ComplexInArea> complexesIn(long corporationId, String type, String areaCode) {
    String column =
        AreaCode.isBuurt(areaCode)
            ? "buurt_code"
            : AreaCode.isWijk(areaCode) ? "wijk_code" : "gemeente_code";
    return jdbc.sql(
            "SELECT c.type, c.code, c.name, count(*) AS n FROM stock_unit_area a"
                + " JOIN stock_unit_cluster uc ON uc.unit_id = a.unit_id AND uc.corporation_id = a.corporation_id"
                + " JOIN stock_cluster c ON c.id = uc.cluster_id AND c.corporation_id = a.corporation_id"
                + " WHERE a.corporation_id = :corp AND c.type = :type AND a."
                + column
                + " = :area AND a.year = (SELECT max(year) FROM stock_unit_area WHERE corporation_id = :corp)"
                + " GROUP BY c.type, c.code, c.name ORDER BY n DESC, c.code LIMIT 200")
        .param("corp", corporationId)
        .param("type", type)
        .param("area", areaCode)
        .query(
            (rs, i) ->
                new ComplexInArea(rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4)))
        .list();
  }

  /** The newest division year the corporation's units are linked to. */
  public Optional<Integer> linkYear(long corporationId) {
    return jdbc.sql("SELECT max(year) FROM stock_unit_area WHERE corporation_id = :corp")
        .param("corp", corporationId)
        .query(Integer.class)
        .optional();
  }

  /** Units per buurt (null buurt: outside every buurt held) of a cluster, or all when null. */
  public List<BuurtUnits> buurtUnits(long corporationId, Long clusterId, int year) {
    String cluster =
        clusterId == null
            ? ""
            : " AND a.unit_id IN (SELECT unit_id FROM stock_unit_cluster WHERE corporation_id = :c"
                + " AND cluster_id = :cluster)";
    return jdbc.sql(
            "SELECT a.buurt_code, (SELECT ar.name FROM area ar WHERE ar.code = a.buurt_code"
                + " AND ar.year = :y LIMIT 1) AS name, count(*) AS n FROM stock_unit_area a"
                + " WHERE a.corporation_id = :c AND a.year = :y"
                + cluster
                + " GROUP BY a.buurt_code ORDER BY n DESC, a.buurt_code")
        .param("c", corporationId)
        .param("y", year)
        .param("cluster", clusterId == null ? 0L : clusterId)
        .query((rs, i) -> new BuurtUnits(rs.getString(1), rs.getString(2), rs.getInt(3)))
        .list();
  }

  /** Units of a cluster in total (also those not linked to any buurt). */
  public int clusterUnits(long corporationId, long clusterId) {
    return jdbc.sql(
            "SELECT count(*) FROM stock_unit_cluster WHERE corporation_id = :corp AND cluster_id = :cluster")
        .param("corp", corporationId)
        .param("cluster", clusterId)
        .query(Integer.class)
        .single();
  }

  /** The newest known ('ok') figure of each indicator for each area. */
  public List<AreaFigure> newestKnown(Collection<String> areaCodes, Collection<String> ids) {
    if (areaCodes.isEmpty()) {
      return List.of();
    }
    return jdbc.sql(
            "SELECT DISTINCT ON (area_code, indicator_id) area_code, year, indicator_id, value,"
                + " status, source, explanation_nl, explanation_en FROM figure"
                + " WHERE area_code = ANY (:areas) AND indicator_id = ANY (:ids) AND status = 'ok'"
                + " ORDER BY area_code, indicator_id, year DESC")
        .param("areas", areaCodes.toArray(String[]::new))
        .param("ids", ids.toArray(String[]::new))
        .query(
            (rs, i) ->
                new AreaFigure(
                    rs.getString(1),
                    rs.getInt(2),
                    rs.getString(3),
                    rs.getDouble(4),
                    rs.getString(5),
                    rs.getString(6),
                    rs.getString(7),
                    rs.getString(8)))
        .list();
  }

  public List<PlanLine> plan(long corporationId, long clusterId, int from, int to) {
    return jdbc.sql(
            "SELECT year, activity, cost_euro FROM maintenance_plan WHERE corporation_id = :corp"
                + " AND cluster_id = :cluster AND year BETWEEN :from AND :to ORDER BY year, activity")
        .param("corp", corporationId)
        .param("cluster", clusterId)
        .param("from", from)
        .param("to", to)
        .query((rs, i) -> new PlanLine(rs.getInt(1), rs.getString(2), rs.getBigDecimal(3)))
        .list();
  }

  /** Rents of the cluster's units (null where the file gave none). */
  public List<BigDecimal> rents(long corporationId, long clusterId) {
    return jdbc.sql(
            "SELECT u.rent FROM stock_unit u JOIN stock_unit_cluster uc ON uc.unit_id = u.id"
                + " WHERE u.corporation_id = :corp AND uc.corporation_id = u.corporation_id"
                + " AND uc.cluster_id = :cluster")
        .param("corp", corporationId)
        .param("cluster", clusterId)
        .query((rs, i) -> rs.getBigDecimal(1))
        .list();
  }

  /** The limits valid in a year: for each kind and household the newest at or before it. */
  public List<RentLimit> limits(int year) {
    return jdbc.sql(
            "SELECT DISTINCT ON (kind, household) valid_year, kind, household, amount_euro, source"
                + " FROM rent_limit WHERE valid_year <= :year ORDER BY kind, household, valid_year DESC")
        .param("year", year)
        .query(
            (rs, i) ->
                new RentLimit(
                    rs.getInt(1),
                    rs.getString(2),
                    rs.getString(3),
                    rs.getBigDecimal(4),
                    rs.getString(5)))
        .list();
  }

  public List<YearCount> moveOuts(long corporationId, long clusterId) {
    return jdbc.sql(
            "SELECT CAST(extract(year FROM t.moved_out_on) AS int) AS y, count(*) FROM turnover t"
                + " JOIN stock_unit_cluster uc ON uc.unit_id = t.unit_id"
                + " AND uc.corporation_id = t.corporation_id"
                + " WHERE t.corporation_id = :corp AND uc.cluster_id = :cluster GROUP BY y ORDER BY y")
        .param("corp", corporationId)
        .param("cluster", clusterId)
        .query((rs, i) -> new YearCount(rs.getInt(1), rs.getInt(2)))
        .list();
  }

  public List<AllocationYear> allocations(long corporationId, long clusterId) {
    return jdbc.sql(
            "SELECT CAST(extract(year FROM a.allocated_on) AS int) AS y, count(*),"
                + " count(*) FILTER (WHERE a.income_class = 'below_limit'),"
                + " count(*) FILTER (WHERE a.urgent),"
                + " count(*) FILTER (WHERE a.income_class IS NOT NULL AND a.income_class <> 'unknown')"
                + " FROM allocation a JOIN stock_unit_cluster uc ON uc.unit_id = a.unit_id"
                + " AND uc.corporation_id = a.corporation_id"
                + " WHERE a.corporation_id = :corp AND uc.cluster_id = :cluster GROUP BY y ORDER BY y")
        .param("corp", corporationId)
        .param("cluster", clusterId)
        .query(
            (rs, i) ->
                new AllocationYear(
                    rs.getInt(1), rs.getInt(2), rs.getInt(3), rs.getInt(4), rs.getInt(5)))
        .list();
  }

  public List<SignalCount> signals(long corporationId, long clusterId) {
    return jdbc.sql(
            "SELECT year, signal_type, count FROM stock_signal WHERE corporation_id = :corp"
                + " AND cluster_id = :cluster ORDER BY year, signal_type")
        .param("corp", corporationId)
        .param("cluster", clusterId)
        .query((rs, i) -> new SignalCount(rs.getInt(1), rs.getString(2), rs.getInt(3)))
        .list();
  }
}
