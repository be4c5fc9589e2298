package nl.veerkracht.measure;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * MJOB lines (maintenance_plan) as measures take them up: a line linked to an onderhoud measure may
 * move to another year; several lines moved to one year are combined. A line belongs to at most one
 * measure.
 */
@Repository
public class MjobLinkRepository {

  /**
   * One MJOB line with the measure that took it up, if any; {@code effectiveYear} is the year it
   * now falls in.
   */
  public record Line(
      long id,
      String clusterCode,
      int year,
      String activity,
      BigDecimal costEuro,
      Long measureId,
      Integer movedToYear) {

    public int effectiveYear() {
      return movedToYear != null ? movedToYear : year;
    }
  }

  private static final String SELECT =
      """
      SELECT p.id, c.code, p.year, p.activity, p.cost_euro, l.measure_id, l.moved_to_year
        FROM maintenance_plan p JOIN stock_cluster c ON c.id = p.cluster_id
        LEFT JOIN planned_measure_mjob l ON l.maintenance_plan_id = p.id
      """;

  private final JdbcClient jdbc;

  public MjobLinkRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** The MJOB lines of one complex of the corporation, by year and activity. */
  public List<Line> ofCluster(long corporationId, long clusterId) {
    return jdbc.sql(
            SELECT
                + " WHERE p.corporation_id = :corp AND p.cluster_id = :cluster"
                + " ORDER BY p.year, p.activity")
        .param("corp", corporationId)
        .param("cluster", clusterId)
        .query(MjobLinkRepository::line)
        .list();
  }

  /** Every MJOB line of the corporation, by complex, year and activity. */
  public List<Line> all(long corporationId) {
    return jdbc.sql(SELECT + " WHERE p.corporation_id = :corp ORDER BY c.code, p.year, p.activity")
        .param("corp", corporationId)
        .query(MjobLinkRepository::line)
        .list();
  }

  /** The lines a measure took up. */
  public List<Line> ofMeasure(long corporationId, long measureId) {
    return jdbc.sql(
            SELECT
                + " WHERE p.corporation_id = :corp AND l.measure_id = :measure ORDER BY p.year, p.activity")
        .param("corp", corporationId)
        .param("measure", measureId)
        .query(MjobLinkRepository::line)
        .list();
  }

  /**
   * Links lines of the corporation to a measure in one statement, each moved to its year (null
   * keeps its year); a line another measure holds moves to this one. Lines that are not the
   * corporation's are left out.
   */
  void link(long corporationId, long measureId, Map<Long, Integer> movedToYearByLine) {
    if (movedToYearByLine.isEmpty()) {
      return;
    }
    Long[] lines = movedToYearByLine.keySet().toArray(Long[]::new);
    Integer[] years = movedToYearByLine.values().toArray(Integer[]::new);
    jdbc.sql(
            """
            INSERT INTO planned_measure_mjob (measure_id, maintenance_plan_id, moved_to_year)
            SELECT :measure, p.id, l.year
              FROM unnest(CAST(:lines AS bigint[]), CAST(:years AS integer[])) AS l(line, year)
              JOIN maintenance_plan p ON p.id = l.line AND p.corporation_id = :corporation
            ON CONFLICT (maintenance_plan_id) DO UPDATE
               SET measure_id = excluded.measure_id, moved_to_year = excluded.moved_to_year""")
        .param("measure", measureId)
        .param("lines", lines)
        .param("years", years)
        .param("corporation", corporationId)
        .update();
  }

  void unlinkAll(long measureId) {
    jdbc.sql("DELETE FROM planned_measure_mjob WHERE measure_id = :measure")
        .param("measure", measureId)
        .update();
  }

  private static Line line(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
    return new Line(
        rs.getLong(1),
        rs.getString(2),
        rs.getInt(3),
        rs.getString(4),
        rs.getBigDecimal(5),
        (Long) rs.getObject(6),
        (Integer) rs.getObject(7));
  }
}
