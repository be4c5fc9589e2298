package nl.veerkracht.measure;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The SQL of beheerplannen: the draft's texts per scope and the frozen approved versions. */
@Repository
public class PlanRepository {

  /** A plan's row; {@code areaCode} or {@code clusterId} is its scope. */
  record Plan(long id, String summary, String agreements) {}

  /** An approved version, without its content. */
  public record Version(int version, String approvedBy, Instant approvedAt) {}

  private final JdbcClient jdbc;

  public PlanRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  Optional<Plan> find(long corporationId, String areaCode, Long clusterId) {
    return jdbc.sql(
            """
            SELECT id, summary, agreements FROM management_plan
             WHERE corporation_id = :corp
               AND (area_code = CAST(:area AS text) OR cluster_id = CAST(:cluster AS bigint))""")
        .param("corp", corporationId)
        .param("area", areaCode)
        .param("cluster", clusterId)
        .query((rs, n) -> new Plan(rs.getLong(1), rs.getString(2), rs.getString(3)))
        .optional();
  }

  /** The plan of the scope, made when absent; locked for the rest of the transaction. */
  long lock(long corporationId, String areaCode, Long clusterId) {
    jdbc.sql(
            "INSERT INTO management_plan (corporation_id, area_code, cluster_id) VALUES (?,?,?)"
                + " ON CONFLICT DO NOTHING")
        .params(corporationId, areaCode, clusterId)
        .update();
    return jdbc.sql(
            """
            SELECT id FROM management_plan WHERE corporation_id = :corp
               AND (area_code = CAST(:area AS text) OR cluster_id = CAST(:cluster AS bigint)) FOR UPDATE""")
        .param("corp", corporationId)
        .param("area", areaCode)
        .param("cluster", clusterId)
        .query(Long.class)
        .single();
  }

  void saveTexts(long planId, String summary, String agreements) {
    jdbc.sql(
            "UPDATE management_plan SET summary = ?, agreements = ?, updated_at = now() WHERE id = ?")
        .params(summary, agreements, planId)
        .update();
  }

  List<Version> versions(long planId) {
    return jdbc.sql(
            "SELECT version, approved_by, approved_at FROM management_plan_version"
                + " WHERE plan_id = ? ORDER BY version")
        .param(planId)
        .query(
            (rs, n) -> new Version(rs.getInt(1), rs.getString(2), rs.getTimestamp(3).toInstant()))
        .list();
  }

  Optional<String> content(long planId, int version) {
    return jdbc.sql(
            "SELECT content::text FROM management_plan_version WHERE plan_id = ? AND version = ?")
        .params(planId, version)
        .query(String.class)
        .optional();
  }

  void insertVersion(long planId, int version, String contentJson, String approvedBy) {
    jdbc.sql(
            "INSERT INTO management_plan_version (plan_id, version, content, approved_by)"
                + " VALUES (?,?,?::jsonb,?)")
        .params(planId, version, contentJson, approvedBy)
        .update();
  }
}
