package nl.veerkracht.agreement;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The agreement tables: an agreement, its parties, what it covers and its measures. */
@Repository
public class AgreementRepository {

  /** What is written for an agreement (the parts are replaced as a whole on update). */
  public record Draft(
      String title,
      String body,
      String gemeenteCode,
      int startYear,
      int endYear,
      List<Long> organisationIds,
      List<String> areaCodes,
      List<Long> clusterIds,
      List<Long> measureIds) {}

  private static final String SELECT =
      """
      SELECT a.id, a.corporation_id, c.code, c.name, a.title, a.body, a.gemeente_code,
             (SELECT g.name FROM area g WHERE g.code = a.gemeente_code ORDER BY g.year DESC LIMIT 1),
             a.start_year, a.end_year, a.created_by, a.updated_at
        FROM agreement a JOIN corporation c ON c.id = a.corporation_id
      """;

  private final JdbcClient jdbc;

  public AgreementRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public List<Agreement> ofCorporation(long corporationId) {
    return load(
        SELECT + " WHERE a.corporation_id = :id ORDER BY a.start_year DESC, a.title",
        corporationId);
  }

  /** The agreements an organisation is party to, of every corporation. */
  public List<Agreement> ofOrganisation(long organisationId) {
    return load(
        SELECT
            + " WHERE EXISTS (SELECT 1 FROM agreement_party p WHERE p.agreement_id = a.id"
            + " AND p.organisation_id = :id) ORDER BY c.name, a.start_year DESC, a.title",
        organisationId);
  }

  public Optional<Agreement> find(long id) {
    return load(SELECT + " WHERE a.id = :id", id).stream().findFirst();
  }

  public long insert(long corporationId, Draft d, String by) {
    long id =
        draft(
                jdbc.sql(
                    """
                INSERT INTO agreement (corporation_id, title, body, gemeente_code, start_year, end_year,
                                       created_by)
                VALUES (:corporation, :title, :body, :gemeente, :start, :end, :by) RETURNING id
                """),
                d)
            .param("corporation", corporationId)
            .param("by", by)
            .query(Long.class)
            .single();
    writeParts(id, d);
    return id;
  }

  public void update(long id, Draft d) {
    draft(
            jdbc.sql(
                """
            UPDATE agreement SET title = :title, body = :body, gemeente_code = :gemeente,
                   start_year = :start, end_year = :end, updated_at = now()
             WHERE id = :id
            """),
            d)
        .param("id", id)
        .update();
    for (String table : List.of("agreement_party", "agreement_scope", "agreement_measure")) {
      jdbc.sql("DELETE FROM " + table + " WHERE agreement_id = :id").param("id", id).update();
    }
    writeParts(id, d);
  }

  /** Binds a draft's fields to their named parameters. */
  private static JdbcClient.StatementSpec draft(JdbcClient.StatementSpec s, Draft d) {
    return s.param("title", d.title())
        .param("body", d.body())
        .param("gemeente", d.gemeenteCode())
        .param("start", d.startYear())
        .param("end", d.endYear());
  }

  public boolean delete(long id) {
    return jdbc.sql("DELETE FROM agreement WHERE id = :id").param("id", id).update() == 1;
  }

  private void writeParts(long id, Draft d) {
    for (long o : d.organisationIds()) {
      jdbc.sql("INSERT INTO agreement_party (agreement_id, organisation_id) VALUES (:id, :part)")
          .param("id", id)
          .param("part", o)
          .update();
    }
    for (String a : d.areaCodes()) {
      jdbc.sql("INSERT INTO agreement_scope (agreement_id, area_code) VALUES (:id, :part)")
          .param("id", id)
          .param("part", a)
          .update();
    }
    for (long c : d.clusterIds()) {
      jdbc.sql("INSERT INTO agreement_scope (agreement_id, cluster_id) VALUES (:id, :part)")
          .param("id", id)
          .param("part", c)
          .update();
    }
    for (long m : d.measureIds()) {
      jdbc.sql("INSERT INTO agreement_measure (agreement_id, measure_id) VALUES (:id, :part)")
          .param("id", id)
          .param("part", m)
          .update();
    }
  }

  private record Head(
      long id,
      long corporationId,
      String corporationCode,
      String corporationName,
      String title,
      String body,
      String gemeenteCode,
      String gemeenteName,
      int startYear,
      int endYear,
      String createdBy,
      java.time.Instant updatedAt) {}

  private List<Agreement> load(String sql, long param) {
    List<Head> heads =
        jdbc.sql(sql)
            .param("id", param)
            .query(
                (rs, n) ->
                    new Head(
                        rs.getLong(1),
                        rs.getLong(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getString(6),
                        rs.getString(7),
                        rs.getString(8),
                        rs.getInt(9),
                        rs.getInt(10),
                        rs.getString(11),
                        rs.getTimestamp(12).toInstant()))
            .list();
    if (heads.isEmpty()) {
      return List.of();
    }
    Long[] ids = heads.stream().map(Head::id).toArray(Long[]::new);
    Map<Long, List<Agreement.Party>> parties = parties(ids);
    Map<Long, List<Agreement.Scope>> scopes = scopes(ids);
    Map<Long, List<Long>> measures = measures(ids);
    List<Agreement> out = new ArrayList<>();
    for (Head h : heads) {
      out.add(
          new Agreement(
              h.id(),
              h.corporationId(),
              h.corporationCode(),
              h.corporationName(),
              h.title(),
              h.body(),
              h.gemeenteCode(),
              h.gemeenteName(),
              h.startYear(),
              h.endYear(),
              h.createdBy(),
              h.updatedAt(),
              parties.getOrDefault(h.id(), List.of()),
              scopes.getOrDefault(h.id(), List.of()),
              measures.getOrDefault(h.id(), List.of())));
    }
    return out;
  }

  /** The parties of each agreement, by kind and name. */
  private Map<Long, List<Agreement.Party>> parties(Long[] ids) {
    Map<Long, List<Agreement.Party>> parties = new LinkedHashMap<>();
    jdbc.sql(
            """
            SELECT p.agreement_id, o.id, o.code, o.name, o.kind FROM agreement_party p
              JOIN organisation o ON o.id = p.organisation_id
             WHERE p.agreement_id = ANY (:ids) ORDER BY o.kind, o.name""")
        .param("ids", ids)
        .query(
            (rs, n) ->
                parties
                    .computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                    .add(
                        new Agreement.Party(
                            rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5))))
        .list();
    return parties;
  }

  /** The buurten, wijken and complexes each agreement is about. */
  private Map<Long, List<Agreement.Scope>> scopes(Long[] ids) {
    Map<Long, List<Agreement.Scope>> scopes = new LinkedHashMap<>();
    jdbc.sql(
            """
            SELECT s.agreement_id, s.area_code, k.code,
                   coalesce(k.name, (SELECT g.name FROM area g WHERE g.code = s.area_code
                                      ORDER BY g.year DESC LIMIT 1))
              FROM agreement_scope s LEFT JOIN stock_cluster k ON k.id = s.cluster_id
             WHERE s.agreement_id = ANY (:ids) ORDER BY s.area_code NULLS LAST, k.code""")
        .param("ids", ids)
        .query(
            (rs, n) ->
                scopes
                    .computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                    .add(new Agreement.Scope(rs.getString(2), rs.getString(3), rs.getString(4))))
        .list();
    return scopes;
  }

  /** The measures linked to each agreement. */
  private Map<Long, List<Long>> measures(Long[] ids) {
    Map<Long, List<Long>> measures = new LinkedHashMap<>();
    jdbc.sql(
            """
            SELECT agreement_id, measure_id FROM agreement_measure
             WHERE agreement_id = ANY (:ids) ORDER BY measure_id
            """)
        .param("ids", ids)
        .query(
            (rs, n) ->
                measures.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getLong(2)))
        .list();
    return measures;
  }
}
