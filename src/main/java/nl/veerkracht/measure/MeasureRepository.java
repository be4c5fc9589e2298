package nl.veerkracht.measure;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.veerkracht.measure.domain.Cost;
import nl.veerkracht.measure.domain.CostKind;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The SQL of planned measures and their cost lines. Every method takes the corporation and keeps to
 * its rows; callers have checked the caller is its staff.
 */
@Repository
public class MeasureRepository {

  private static final String SELECT =
      """
      SELECT m.id, m.corporation_id, m.title, m.lever, m.description, m.area_code, m.cluster_id, c.code,
             m.start_year, m.end_year, m.owner, m.partners, m.status, m.streefhuur_euro,
             m.target_indicator, m.target_value, m.target_year, m.package, m.units, m.units_counted_on,
             m.atelier_measure_id, m.atelier_id, m.problem_area_id, m.created_by, m.updated_at
        FROM planned_measure m LEFT JOIN stock_cluster c ON c.id = m.cluster_id
      """;

  private final JdbcClient jdbc;

  public MeasureRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** The fields a user sets; the scope is an area code or a cluster id. */
  record Fields(
      String title,
      String lever,
      String description,
      String areaCode,
      Long clusterId,
      int startYear,
      int endYear,
      String owner,
      String partners,
      String status,
      BigDecimal streefhuurEuro,
      PlannedMeasure.Target target,
      String packageName,
      int units,
      List<Cost> costs) {}

  long insert(long corporationId, Fields f, PlannedMeasure.AtelierLink link, String createdBy) {
    long id =
        fields(
                jdbc.sql(
                    """
                    INSERT INTO planned_measure (corporation_id, title, lever, description,
                           area_code, cluster_id, start_year, end_year, owner, partners, status,
                           streefhuur_euro, target_indicator, target_value, target_year, package,
                           units, atelier_measure_id, atelier_id, problem_area_id, created_by)
                    VALUES (:corp, :title, :lever, :description, :area, :cluster, :start, :end,
                            :owner, :partners, :status, :streefhuur, :targetIndicator,
                            :targetValue, :targetYear, :package, :units, :atelierMeasure,
                            :atelier, :problemArea, :by)
                    RETURNING id
                    """),
                f)
            .param("corp", corporationId)
            .param("atelierMeasure", link == null ? null : link.atelierMeasureId())
            .param("atelier", link == null ? null : link.atelierId())
            .param("problemArea", link == null ? null : link.problemAreaId())
            .param("by", createdBy)
            .query(Long.class)
            .single();
    writeCosts(id, f.costs());
    return id;
  }

  void update(long corporationId, long id, Fields f) {
    fields(
            jdbc.sql(
                """
                UPDATE planned_measure
                   SET title = :title, lever = :lever, description = :description,
                       area_code = :area, cluster_id = :cluster, start_year = :start,
                       end_year = :end, owner = :owner, partners = :partners, status = :status,
                       streefhuur_euro = :streefhuur, target_indicator = :targetIndicator,
                       target_value = :targetValue, target_year = :targetYear, package = :package,
                       units = :units, units_counted_on = current_date, updated_at = now()
                 WHERE corporation_id = :corp AND id = :id
                """),
            f)
        .param("corp", corporationId)
        .param("id", id)
        .update();
    jdbc.sql("DELETE FROM planned_measure_cost WHERE measure_id = :id").param("id", id).update();
    writeCosts(id, f.costs());
  }

  /** Binds the user-set fields (title … units) to their named parameters. */
  private static JdbcClient.StatementSpec fields(JdbcClient.StatementSpec s, Fields f) {
    return s.param("title", f.title())
        .param("lever", f.lever())
        .param("description", f.description())
        .param("area", f.areaCode())
        .param("cluster", f.clusterId())
        .param("start", f.startYear())
        .param("end", f.endYear())
        .param("owner", f.owner())
        .param("partners", f.partners())
        .param("status", f.status())
        .param("streefhuur", f.streefhuurEuro())
        .param("targetIndicator", f.target() == null ? null : f.target().indicator())
        .param("targetValue", f.target() == null ? null : f.target().value())
        .param("targetYear", f.target() == null ? null : f.target().year())
        .param("package", f.packageName())
        .param("units", f.units());
  }

  boolean delete(long corporationId, long id) {
    return jdbc.sql("DELETE FROM planned_measure WHERE corporation_id = :corp AND id = :id")
            .param("corp", corporationId)
            .param("id", id)
            .update()
        > 0;
  }

  private void writeCosts(long id, List<Cost> costs) {
    for (int i = 0; i < costs.size(); i++) {
      jdbc.sql(
              """
              INSERT INTO planned_measure_cost (measure_id, position, kind, amount_euro)
              VALUES (:id, :position, :kind, :amount)
              """)
          .param("id", id)
          .param("position", i)
          .param("kind", costs.get(i).kind().id())
          .param("amount", costs.get(i).amountEuro())
          .update();
    }
  }

  public Optional<PlannedMeasure> find(long corporationId, long id) {
    return withCosts(
            jdbc.sql(SELECT + " WHERE m.corporation_id = :corp AND m.id = :id")
                .param("corp", corporationId)
                .param("id", id)
                .query(MeasureRepository::row)
                .list())
        .stream()
        .findFirst();
  }

  /** The corporation's measures, optionally of one complex or one area, by start year and title. */
  public List<PlannedMeasure> list(long corporationId, Long clusterId, String areaCode) {
    return withCosts(
        jdbc.sql(
                SELECT
                    + " WHERE m.corporation_id = :corp"
                    + " AND (CAST(:cluster AS bigint) IS NULL OR m.cluster_id = :cluster)"
                    + " AND (CAST(:area AS text) IS NULL OR m.area_code = :area)"
                    + " ORDER BY m.start_year, m.title, m.id")
            .param("corp", corporationId)
            .param("cluster", clusterId)
            .param("area", areaCode)
            .query(MeasureRepository::row)
            .list());
  }

  private List<PlannedMeasure> withCosts(List<PlannedMeasure> measures) {
    if (measures.isEmpty()) {
      return measures;
    }
    Map<Long, List<Cost>> costs = new HashMap<>();
    jdbc.sql(
            """
            SELECT measure_id, kind, amount_euro FROM planned_measure_cost
             WHERE measure_id = ANY(:ids) ORDER BY measure_id, position
            """)
        .param("ids", measures.stream().map(PlannedMeasure::id).toArray(Long[]::new))
        .query(
            rs -> {
              costs
                  .computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                  .add(new Cost(CostKind.find(rs.getString(2)).orElseThrow(), rs.getBigDecimal(3)));
            });
    return measures.stream()
        .map(
            m ->
                new PlannedMeasure(
                    m.id(),
                    m.corporationId(),
                    m.title(),
                    m.lever(),
                    m.description(),
                    m.areaCode(),
                    m.clusterId(),
                    m.clusterCode(),
                    m.startYear(),
                    m.endYear(),
                    m.owner(),
                    m.partners(),
                    m.status(),
                    m.streefhuurEuro(),
                    m.target(),
                    m.packageName(),
                    m.units(),
                    m.unitsCountedOn(),
                    m.atelier(),
                    m.createdBy(),
                    m.updatedAt(),
                    List.copyOf(costs.getOrDefault(m.id(), List.of()))))
        .toList();
  }

  private static PlannedMeasure row(ResultSet rs, int n) throws SQLException {
    String indicator = rs.getString(15);
    return new PlannedMeasure(
        rs.getLong(1),
        rs.getLong(2),
        rs.getString(3),
        rs.getString(4),
        rs.getString(5),
        rs.getString(6),
        (Long) rs.getObject(7),
        rs.getString(8),
        rs.getInt(9),
        rs.getInt(10),
        rs.getString(11),
        rs.getString(12),
        rs.getString(13),
        rs.getBigDecimal(14),
        indicator == null
            ? null
            : new PlannedMeasure.Target(indicator, rs.getDouble(16), rs.getInt(17)),
        rs.getString(18),
        rs.getInt(19),
        rs.getObject(20, LocalDate.class),
        rs.getObject(21) == null && rs.getObject(22) == null
            ? null
            : new PlannedMeasure.AtelierLink(
                (Long) rs.getObject(21), (Long) rs.getObject(22), (Long) rs.getObject(23)),
        rs.getString(24),
        rs.getTimestamp(25).toInstant(),
        List.of());
  }

  /** What the corporation's measures actually cost, per measure per year. */
  public java.util.Map<Long, java.util.SortedMap<Integer, BigDecimal>> spending(
      long corporationId) {
    java.util.Map<Long, java.util.SortedMap<Integer, BigDecimal>> out = new HashMap<>();
    jdbc.sql(
            """
            SELECT s.measure_id, s.year, s.amount_euro FROM planned_measure_spend s
              JOIN planned_measure m ON m.id = s.measure_id WHERE m.corporation_id = :corp
            """)
        .param("corp", corporationId)
        .query(
            (org.springframework.jdbc.core.RowCallbackHandler)
                rs ->
                    out.computeIfAbsent(rs.getLong(1), k -> new java.util.TreeMap<>())
                        .put(rs.getInt(2), rs.getBigDecimal(3)));
    return out;
  }

  /** Sets (or with null, removes) what a measure of the corporation cost in a year. */
  boolean spend(long corporationId, long id, int year, BigDecimal amount) {
    if (amount == null) {
      return jdbc.sql(
                  """
                  DELETE FROM planned_measure_spend s USING planned_measure m
                   WHERE m.id = s.measure_id AND m.corporation_id = :corp
                     AND s.measure_id = :id AND s.year = :year
                  """)
              .param("corp", corporationId)
              .param("id", id)
              .param("year", year)
              .update()
          >= 0;
    }
    return jdbc.sql(
                """
            INSERT INTO planned_measure_spend (measure_id, year, amount_euro)
            SELECT id, :year, :amount FROM planned_measure WHERE corporation_id = :corp AND id = :id
            ON CONFLICT (measure_id, year) DO UPDATE SET amount_euro = excluded.amount_euro""")
            .param("year", year)
            .param("amount", amount)
            .param("corp", corporationId)
            .param("id", id)
            .update()
        > 0;
  }

  /** Units of the corporation in an area, by the newest division year that places any. */
  public int unitsInArea(long corporationId, String areaCode) {
    return jdbc.sql(
            """
            SELECT count(*) FROM stock_unit_area a
             WHERE a.corporation_id = :corp
               AND a.year = (SELECT max(year) FROM stock_unit_area WHERE corporation_id = :corp)
               AND :code IN (a.buurt_code, a.wijk_code, a.gemeente_code)""")
        .param("corp", corporationId)
        .param("code", areaCode)
        .query(Integer.class)
        .single();
  }
}
