package nl.veerkracht.plan;

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

  /** A scope that has a plan or measures, with its newest approved version (0 when none). */
  public record Listed(String scopeKind, String scopeCode, int measures, int newestVersion) {}

  List<Listed> list(long corporationId) {
    return jdbc.sql(
            """
            WITH scopes AS (
              SELECT area_code, cluster_id FROM planned_measure WHERE corporation_id = :corp
              UNION SELECT area_code, cluster_id FROM management_plan WHERE corporation_id = :corp)
            SELECT CASE WHEN s.area_code IS NULL THEN 'complex' ELSE 'area' END,
                   coalesce(s.area_code, c.code),
                   (SELECT count(*) FROM planned_measure m WHERE m.corporation_id = :corp
                       AND m.area_code IS NOT DISTINCT FROM s.area_code
                       AND m.cluster_id IS NOT DISTINCT FROM s.cluster_id),
                   coalesce((SELECT max(v.version) FROM management_plan p
                              JOIN management_plan_version v ON v.plan_id = p.id
                             WHERE p.corporation_id = :corp
                               AND p.area_code IS NOT DISTINCT FROM s.area_code
                               AND p.cluster_id IS NOT DISTINCT FROM s.cluster_id), 0)
              FROM scopes s LEFT JOIN stock_cluster c ON c.id = s.cluster_id
             ORDER BY 1, 2""")
        .param("corp", corporationId)
        .query((rs, n) -> new Listed(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getInt(4)))
        .list();
  }

  /**
   * A plan waiting for a manager's approval: a scope with measures whose draft (its measures or
   * texts) changed after its newest approved version, or that has none yet.
   *
   * @param name the area's or complex's name (the code when it has none)
   */
  public record Awaiting(String scopeKind, String scopeCode, String name, int newestVersion) {}

  public List<Awaiting> awaitingApproval(long corporationId) {
    return jdbc.sql(
            """
            WITH scopes AS (
              SELECT area_code, cluster_id, max(updated_at) AS changed
                FROM planned_measure WHERE corporation_id = :corp GROUP BY area_code, cluster_id),
            drafts AS (
              SELECT s.area_code, s.cluster_id,
                     greatest(s.changed, p.updated_at) AS changed,
                     (SELECT max(v.approved_at) FROM management_plan_version v WHERE v.plan_id = p.id) AS approved,
                     coalesce((SELECT max(v.version) FROM management_plan_version v WHERE v.plan_id = p.id), 0) AS version
                FROM scopes s
                LEFT JOIN management_plan p ON p.corporation_id = :corp
                      AND p.area_code IS NOT DISTINCT FROM s.area_code
                      AND p.cluster_id IS NOT DISTINCT FROM s.cluster_id)
            SELECT CASE WHEN d.area_code IS NULL THEN 'complex' ELSE 'area' END,
                   coalesce(d.area_code, c.code),
                   coalesce(nullif(c.name, ''),
                            (SELECT a.name FROM area a WHERE a.code = d.area_code ORDER BY a.year DESC LIMIT 1),
                            d.area_code, c.code),
                   d.version
              FROM drafts d LEFT JOIN stock_cluster c ON c.id = d.cluster_id
             WHERE d.approved IS NULL OR d.changed > d.approved
             ORDER BY 3""")
        .param("corp", corporationId)
        .query(
            (rs, n) ->
                new Awaiting(rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4)))
        .list();
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
            "INSERT INTO management_plan (corporation_id, area_code, cluster_id) VALUES (:corp,:area,:cluster)"
                + " ON CONFLICT DO NOTHING")
        .param("corp", corporationId)
        .param("area", areaCode)
        .param("cluster", clusterId)
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
            "UPDATE management_plan SET summary = :summary, agreements = :agreements, updated_at = now() WHERE id = :plan")
        .param("summary", summary)
        .param("agreements", agreements)
        .param("plan", planId)
        .update();
  }

  List<Version> versions(long planId) {
    return jdbc.sql(
            "SELECT version, approved_by, approved_at FROM management_plan_version"
                + " WHERE plan_id = :plan ORDER BY version")
        .param("plan", planId)
        .query(
            (rs, n) -> new Version(rs.getInt(1), rs.getString(2), rs.getTimestamp(3).toInstant()))
        .list();
  }

  Optional<String> content(long planId, int version) {
    return jdbc.sql(
            "SELECT content::text FROM management_plan_version WHERE plan_id = :plan AND version = :version")
        .param("plan", planId)
        .param("version", version)
        .query(String.class)
        .optional();
  }

  void insertVersion(long planId, int version, String contentJson, String approvedBy) {
    jdbc.sql(
            "INSERT INTO management_plan_version (plan_id, version, content, approved_by)"
                + " VALUES (:plan,:version,:content::jsonb,:approvedBy)")
        .param("plan", planId)
        .param("version", version)
        .param("content", contentJson)
        .param("approvedBy", approvedBy)
        .update();
  }
}
