package nl.veerkracht.partner;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** What corporations shared with which partner organisation: an area or one complex each. */
@Repository
public class PartnerShareRepository {

  /**
   * One share.
   *
   * @param areaCode a buurt, wijk or gemeente code, or null for a complex
   * @param complexCode the complex's code, or null for an area
   */
  public record Share(
      long id,
      long corporationId,
      String corporationCode,
      String corporationName,
      long organisationId,
      String organisationCode,
      String organisationName,
      String areaCode,
      Long clusterId,
      String complexCode,
      String complexName,
      String sharedBy,
      Instant sharedAt,
      String areaName) {

    public String scopeKind() {
      return areaCode != null ? "area" : "complex";
    }

    public String scopeCode() {
      return areaCode != null ? areaCode : complexCode;
    }

    /** The area's or complex's name with its code after it. */
    public String scopeLabel() {
      if (areaCode != null) {
        return areaName == null ? areaCode : areaName + " (" + areaCode + ")";
      }
      return complexName == null || complexName.equals(complexCode)
          ? scopeCode()
          : complexName + " (" + complexCode + ")";
    }
  }

  private static final String SELECT =
      """
      SELECT s.id, c.id, c.code, c.name, o.id, o.code, o.name, s.area_code, s.cluster_id,
             k.code, k.name, s.shared_by, s.shared_at,
             (SELECT a.name FROM area a WHERE a.code = s.area_code ORDER BY a.year DESC LIMIT 1)
        FROM partner_share s
        JOIN corporation c ON c.id = s.corporation_id
        JOIN organisation o ON o.id = s.organisation_id
        LEFT JOIN stock_cluster k ON k.id = s.cluster_id
      """;

  private static final RowMapper<Share> ROW =
      (rs, n) ->
          new Share(
              rs.getLong(1),
              rs.getLong(2),
              rs.getString(3),
              rs.getString(4),
              rs.getLong(5),
              rs.getString(6),
              rs.getString(7),
              rs.getString(8),
              rs.getObject(9, Long.class),
              rs.getString(10),
              rs.getString(11),
              rs.getString(12),
              rs.getTimestamp(13).toInstant(),
              rs.getString(14));

  private final JdbcClient jdbc;

  public PartnerShareRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public List<Share> ofCorporation(long corporationId) {
    return jdbc.sql(SELECT + " WHERE s.corporation_id = :corp ORDER BY o.name, s.area_code, k.code")
        .param("corp", corporationId)
        .query(ROW)
        .list();
  }

  public List<Share> ofOrganisation(long organisationId) {
    return jdbc.sql(
            SELECT
                + " WHERE s.organisation_id = :organisation ORDER BY c.name, s.area_code, k.code")
        .param("organisation", organisationId)
        .query(ROW)
        .list();
  }

  public Optional<Share> find(long id) {
    return jdbc.sql(SELECT + " WHERE s.id = :id").param("id", id).query(ROW).optional();
  }

  /** Shares the scope; sharing it again changes nothing and answers the existing share. */
  public long insert(
      long corporationId, long organisationId, String areaCode, Long clusterId, String by) {
    jdbc.sql(
            "INSERT INTO partner_share (corporation_id, organisation_id, area_code, cluster_id,"
                + " shared_by) VALUES (:corp, :organisation, :area, :cluster, :by) ON CONFLICT DO NOTHING")
        .param("corp", corporationId)
        .param("organisation", organisationId)
        .param("area", areaCode)
        .param("cluster", clusterId)
        .param("by", by)
        .update();
    return jdbc.sql(
            """
            SELECT id FROM partner_share WHERE corporation_id = :corp AND organisation_id = :org
               AND (area_code = CAST(:area AS text) OR cluster_id = CAST(:cluster AS bigint))""")
        .param("corp", corporationId)
        .param("org", organisationId)
        .param("area", areaCode)
        .param("cluster", clusterId)
        .query(Long.class)
        .single();
  }

  public void delete(long id) {
    jdbc.sql("DELETE FROM partner_share WHERE id = :id").param("id", id).update();
  }
}
