package nl.veerkracht.atelier;

import java.sql.ResultSet;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The SQL of an atelier's pins, and the corporation's homes and complexes near a pin. */
@Repository
public class PinRepository {

  /** A pin as stored. */
  public record Pin(
      long id,
      long atelierId,
      Long participantId,
      String author,
      String clientId,
      double lat,
      double lon,
      String category,
      String theme,
      String body,
      String buurtCode,
      Integer buurtYear,
      String complexCode,
      boolean nearHome,
      String status,
      Long mergedInto,
      Instant createdAt,
      String bodyMasked,
      boolean bodyApproved) {

    /** The text as someone other than its author and the facilitator sees it. */
    public String shownBody() {
      return PrivacyGuard.shown(body, bodyMasked, bodyApproved);
    }

    /** Whether others see this text masked (something in it identifies a household). */
    public boolean masked() {
      return !bodyApproved && !shownBody().equals(body);
    }
  }

  private static final String PIN_COLUMNS =
      "id, atelier_id, participant_id, author, client_id, lat, lon, category, theme, body,"
          + " buurt_code, buurt_year, complex_code, near_home, status, merged_into, created_at,"
          + " body_masked, body_approved";

  private static final RowMapper<Pin> PIN =
      (rs, n) ->
          new Pin(
              rs.getLong(1),
              rs.getLong(2),
              (Long) rs.getObject(3),
              rs.getString(4),
              rs.getString(5),
              rs.getDouble(6),
              rs.getDouble(7),
              rs.getString(8),
              rs.getString(9),
              rs.getString(10),
              rs.getString(11),
              (Integer) rs.getObject(12),
              rs.getString(13),
              rs.getBoolean(14),
              rs.getString(15),
              (Long) rs.getObject(16),
              rs.getTimestamp(17).toInstant(),
              rs.getString(18),
              rs.getBoolean(19));

  /** Stores a pin unless the same author already sent this client id; empty when it was there. */
  Optional<Pin> insertPin(
      long atelierId,
      Long participantId,
      String author,
      String clientId,
      double lat,
      double lon,
      String category,
      String theme,
      String body,
      String buurtCode,
      Integer buurtYear,
      String complexCode,
      boolean nearHome,
      String status) {
    return jdbc.sql(
            "INSERT INTO atelier_pin (atelier_id, participant_id, author, client_id, lat, lon,"
                + " category, theme, body, buurt_code, buurt_year, complex_code, near_home, status,"
                + " body_masked) VALUES (:atelier,:participant,:author,:client,:lat,:lon,:category,:theme,:body,:buurt,:buurtYear,:complex,:nearHome,:status,:masked) ON CONFLICT DO NOTHING"
                + " RETURNING "
                + PIN_COLUMNS)
        .param("atelier", atelierId)
        .param("participant", participantId)
        .param("author", author)
        .param("client", clientId)
        .param("lat", lat)
        .param("lon", lon)
        .param("category", category)
        .param("theme", theme)
        .param("body", body)
        .param("buurt", buurtCode)
        .param("buurtYear", buurtYear)
        .param("complex", complexCode)
        .param("nearHome", nearHome)
        .param("status", status)
        .param("masked", PrivacyGuard.mask(body))
        .query(PIN)
        .optional();
  }

  Optional<Pin> pinByClient(long atelierId, Long participantId, String author, String clientId) {
    return jdbc.sql(
            "SELECT "
                + PIN_COLUMNS
                + " FROM atelier_pin WHERE atelier_id = :atelier AND coalesce(participant_id, 0) = :participant"
                + " AND coalesce(author, '') = :author AND client_id = :client")
        .param("atelier", atelierId)
        .param("participant", participantId == null ? 0L : participantId)
        .param("author", author == null ? "" : author)
        .param("client", clientId)
        .query(PIN)
        .optional();
  }

  Optional<Pin> pin(long atelierId, long pinId) {
    return jdbc.sql(
            "SELECT " + PIN_COLUMNS + " FROM atelier_pin WHERE atelier_id = :atelier AND id = :pin")
        .param("atelier", atelierId)
        .param("pin", pinId)
        .query(PIN)
        .optional();
  }

  public List<Pin> pins(long atelierId) {
    return jdbc.sql(
            "SELECT " + PIN_COLUMNS + " FROM atelier_pin WHERE atelier_id = :atelier ORDER BY id")
        .param("atelier", atelierId)
        .query(PIN)
        .list();
  }

  int countPins(long participantId) {
    return jdbc.sql("SELECT count(*) FROM atelier_pin WHERE participant_id = :participant")
        .param("participant", participantId)
        .query(Integer.class)
        .single();
  }

  void updatePin(long pinId, String category, String theme, String body) {
    jdbc.sql(
            "UPDATE atelier_pin SET category = :category, theme = :theme, body_approved = body_approved AND"
                + " body = :body, body = :body, body_masked = :masked, updated_at = now() WHERE id = :pin")
        .param("category", category)
        .param("theme", theme)
        .param("body", body)
        .param("masked", PrivacyGuard.mask(body))
        .param("pin", pinId)
        .update();
  }

  /** The facilitator approves a pin's text as it stands. */
  void approveBody(long pinId) {
    jdbc.sql("UPDATE atelier_pin SET body_approved = true, updated_at = now() WHERE id = :pin")
        .param("pin", pinId)
        .update();
  }

  void deletePin(long pinId) {
    jdbc.sql("DELETE FROM atelier_pin WHERE id = :pin").param("pin", pinId).update();
  }

  void setPinStatus(long pinId, String status, Long mergedInto) {
    jdbc.sql(
            "UPDATE atelier_pin SET status = :status, merged_into = :mergedInto, updated_at = now() WHERE id = :pin")
        .param("status", status)
        .param("mergedInto", mergedInto)
        .param("pin", pinId)
        .update();
  }

  /**
   * The corporation's complex nearest to a point within about a kilometre, and whether one of its
   * homes lies within {@code nearMetres}.
   */
  record Nearby(String complexCode, boolean nearHome) {}

  Nearby nearby(long corporationId, String complexType, double lat, double lon, double nearMetres) {
    double kx = 111_320 * Math.cos(Math.toRadians(lat));
    double ky = 110_540;
    return jdbc.sql(
            """
            SELECT c.code, sqrt(power((u.lon - :lon) * :kx, 2) + power((u.lat - :lat) * :ky, 2)) AS d
              FROM stock_unit u
              LEFT JOIN stock_unit_cluster uc ON uc.unit_id = u.id
              LEFT JOIN stock_cluster c ON c.id = uc.cluster_id AND c.type = :type
             WHERE u.corporation_id = :corp AND u.lon BETWEEN :west AND :east AND u.lat BETWEEN :south AND :north
             ORDER BY d, c.code NULLS LAST
             LIMIT 1
            """)
        .param("lon", lon)
        .param("kx", kx)
        .param("lat", lat)
        .param("ky", ky)
        .param("type", complexType)
        .param("corp", corporationId)
        .param("west", lon - 0.015)
        .param("east", lon + 0.015)
        .param("south", lat - 0.01)
        .param("north", lat + 0.01)
        .query(
            (ResultSet rs) -> {
              if (!rs.next()) {
                return new Nearby(null, false);
              }
              return new Nearby(rs.getString(1), rs.getDouble(2) <= nearMetres);
            });
  }

  private final JdbcClient jdbc;

  public PinRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }
}
