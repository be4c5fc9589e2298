package nl.veerkracht.stock;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reads a corporation's stock. Every method takes the corporation id first and every statement is
 * filtered by it: no query here can return another corporation's rows.
 */
@Repository
public class StockRepository {

  /** A cluster with its number of units and the buurten they stand in (newest division held). */
  public record ClusterSummary(
      long id,
      String type,
      String code,
      String name,
      int units,
      List<String> buurtCodes,
      Integer buurtYear) {}

  /** A unit with its address (staff only). */
  public record UnitView(
      long id,
      String unitCode,
      String street,
      Integer houseNumber,
      String houseLetter,
      String houseAddition,
      String postcode,
      String city,
      Double lon,
      Double lat,
      Integer buildYear,
      String kind,
      String energyLabel,
      BigDecimal targetRent,
      BigDecimal rent,
      Integer wwsPoints,
      String targetGroup,
      String status,
      String buurtCode) {}

  /** A line of the maintenance plan. */
  public record MaintenanceView(
      String clusterType, String clusterCode, int year, String activity, BigDecimal costEuro) {}

  /** An allocation. */
  public record AllocationView(
      String unitCode,
      LocalDate allocatedOn,
      String householdType,
      Integer householdSize,
      String incomeClass,
      boolean urgent,
      BigDecimal rentEuro) {}

  /** A move. */
  public record TurnoverView(String unitCode, LocalDate movedOutOn, LocalDate movedInOn) {}

  /** A signal count. */
  public record SignalView(
      String clusterType, String clusterCode, int year, String signalType, int count) {}

  private final JdbcClient jdbc;

  public StockRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public List<ClusterSummary> clusters(long corporationId, String type) {
    return jdbc.sql(
            """
            WITH newest AS (
              SELECT uc.cluster_id, max(a.year) AS year
                FROM stock_unit_cluster uc JOIN stock_unit_area a ON a.unit_id = uc.unit_id AND a.buurt_code IS NOT NULL
               WHERE uc.corporation_id = :corp GROUP BY uc.cluster_id)
            SELECT c.id, c.type, c.code, c.name,
                   (SELECT count(*) FROM stock_unit_cluster uc WHERE uc.cluster_id = c.id) AS units,
                   coalesce((SELECT string_agg(DISTINCT a.buurt_code, ',' ORDER BY a.buurt_code)
                               FROM stock_unit_cluster uc JOIN stock_unit_area a ON a.unit_id = uc.unit_id
                              WHERE uc.cluster_id = c.id AND a.year = n.year AND a.buurt_code IS NOT NULL), '') AS buurten,
                   n.year
              FROM stock_cluster c LEFT JOIN newest n ON n.cluster_id = c.id
             WHERE c.corporation_id = :corp AND (CAST(:type AS text) IS NULL OR c.type = :type)
             ORDER BY c.type, c.code
            """)
        .param("corp", corporationId)
        .param("type", type)
        .query(
            (rs, n) ->
                new ClusterSummary(
                    rs.getLong(1),
                    rs.getString(2),
                    rs.getString(3),
                    rs.getString(4),
                    rs.getInt(5),
                    rs.getString(6).isEmpty()
                        ? List.of()
                        : Arrays.asList(rs.getString(6).split(",")),
                    (Integer) rs.getObject(7)))
        .list();
  }

  public Optional<ClusterSummary> cluster(long corporationId, String type, String code) {
    return clusters(corporationId, type).stream().filter(c -> c.code().equals(code)).findFirst();
  }

  public List<UnitView> units(long corporationId, Long clusterId, int limit, int offset) {
    return jdbc.sql(
            """
            SELECT u.id, u.unit_code, u.street, u.house_number, u.house_letter, u.house_addition, u.postcode, u.city,
                   u.lon, u.lat, u.build_year, u.kind, u.energy_label, u.target_rent, u.rent, u.wws_points,
                   u.target_group, u.status,
                   (SELECT a.buurt_code FROM stock_unit_area a WHERE a.unit_id = u.id AND a.buurt_code IS NOT NULL
                     ORDER BY a.year DESC LIMIT 1)
              FROM stock_unit u
             WHERE u.corporation_id = :corp
               AND (CAST(:cluster AS bigint) IS NULL OR EXISTS (SELECT 1 FROM stock_unit_cluster uc WHERE uc.unit_id = u.id AND uc.cluster_id = :cluster))
             ORDER BY u.unit_code LIMIT :limit OFFSET :offset
            """)
        .param("corp", corporationId)
        .param("cluster", clusterId)
        .param("limit", limit)
        .param("offset", offset)
        .query(
            (rs, n) ->
                new UnitView(
                    rs.getLong(1),
                    rs.getString(2),
                    rs.getString(3),
                    (Integer) rs.getObject(4),
                    rs.getString(5),
                    rs.getString(6),
                    rs.getString(7),
                    rs.getString(8),
                    (Double) rs.getObject(9),
                    (Double) rs.getObject(10),
                    rs.getObject(11) == null ? null : rs.getInt(11),
                    rs.getString(12),
                    rs.getString(13),
                    rs.getBigDecimal(14),
                    rs.getBigDecimal(15),
                    (Integer) rs.getObject(16),
                    rs.getString(17),
                    rs.getString(18),
                    rs.getString(19)))
        .list();
  }

  public int unitCount(long corporationId) {
    return jdbc.sql("SELECT count(*) FROM stock_unit WHERE corporation_id = :c")
        .param("c", corporationId)
        .query(Integer.class)
        .single();
  }

  public List<MaintenanceView> maintenance(long corporationId, Long clusterId) {
    return jdbc.sql(
            """
            SELECT c.type, c.code, p.year, p.activity, p.cost_euro
              FROM maintenance_plan p JOIN stock_cluster c ON c.id = p.cluster_id
             WHERE p.corporation_id = :corp AND (CAST(:cluster AS bigint) IS NULL OR p.cluster_id = :cluster)
             ORDER BY p.year, c.code, p.activity
            """)
        .param("corp", corporationId)
        .param("cluster", clusterId)
        .query(
            (rs, n) ->
                new MaintenanceView(
                    rs.getString(1),
                    rs.getString(2),
                    rs.getInt(3),
                    rs.getString(4),
                    rs.getBigDecimal(5)))
        .list();
  }

  public List<AllocationView> allocations(long corporationId, Long clusterId) {
    return jdbc.sql(
            """
            SELECT u.unit_code, a.allocated_on, a.household_type, a.household_size, a.income_class, a.urgent, a.rent_euro
              FROM allocation a JOIN stock_unit u ON u.id = a.unit_id
             WHERE a.corporation_id = :corp
               AND (CAST(:cluster AS bigint) IS NULL OR EXISTS (SELECT 1 FROM stock_unit_cluster uc WHERE uc.unit_id = a.unit_id AND uc.cluster_id = :cluster))
             ORDER BY a.allocated_on, u.unit_code
            """)
        .param("corp", corporationId)
        .param("cluster", clusterId)
        .query(
            (rs, n) ->
                new AllocationView(
                    rs.getString(1),
                    rs.getObject(2, LocalDate.class),
                    rs.getString(3),
                    (Integer) rs.getObject(4) == null
                        ? null
                        : ((Number) rs.getObject(4)).intValue(),
                    rs.getString(5),
                    rs.getBoolean(6),
                    rs.getBigDecimal(7)))
        .list();
  }

  public List<TurnoverView> turnover(long corporationId, Long clusterId) {
    return jdbc.sql(
            """
            SELECT u.unit_code, t.moved_out_on, t.moved_in_on
              FROM turnover t JOIN stock_unit u ON u.id = t.unit_id
             WHERE t.corporation_id = :corp
               AND (CAST(:cluster AS bigint) IS NULL OR EXISTS (SELECT 1 FROM stock_unit_cluster uc WHERE uc.unit_id = t.unit_id AND uc.cluster_id = :cluster))
             ORDER BY t.moved_out_on, u.unit_code
            """)
        .param("corp", corporationId)
        .param("cluster", clusterId)
        .query(
            (rs, n) ->
                new TurnoverView(
                    rs.getString(1),
                    rs.getObject(2, LocalDate.class),
                    rs.getObject(3, LocalDate.class)))
        .list();
  }

  public List<SignalView> signals(long corporationId, Long clusterId) {
    return jdbc.sql(
            """
            SELECT c.type, c.code, s.year, s.signal_type, s.count
              FROM stock_signal s JOIN stock_cluster c ON c.id = s.cluster_id
             WHERE s.corporation_id = :corp AND (CAST(:cluster AS bigint) IS NULL OR s.cluster_id = :cluster)
             ORDER BY s.year, c.code, s.signal_type
            """)
        .param("corp", corporationId)
        .param("cluster", clusterId)
        .query(
            (rs, n) ->
                new SignalView(
                    rs.getString(1), rs.getString(2), rs.getInt(3), rs.getString(4), rs.getInt(5)))
        .list();
  }
}
