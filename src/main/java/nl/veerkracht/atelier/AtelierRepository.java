package nl.veerkracht.atelier;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The SQL of ateliers, participants, pins, answers, problem areas, measures, votes and events. */
@Repository
public class AtelierRepository {

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
      Instant createdAt) {}

  /** One participant's answer on one figure card, with their group for the per-group reading. */
  public record Answer(
      long participantId, String groupKind, String card, String answer, String remark) {}

  public record ProblemArea(
      long id,
      String name,
      List<String> buurtCodes,
      List<String> complexCodes,
      List<Long> pinIds) {}

  public record Measure(
      long id, long problemAreaId, String title, String lever, String description) {}

  public record Vote(long participantId, String groupKind, long measureId, int votes) {}

  public record Event(long id, long atelierId, String kind, String data) {}

  /** A participant as the facilitator sees them. */
  public record ParticipantRow(long id, String displayName, String groupKind, Instant joinedAt) {}

  private static final String ATELIER_COLUMNS =
      "id, corporation_id, name, kind, area_codes, complex_codes, area_year, votes_per_participant,"
          + " categories, themes, cards, require_approval, held_on, join_code, phase, created_by";

  private static final String PIN_COLUMNS =
      "id, atelier_id, participant_id, author, client_id, lat, lon, category, theme, body,"
          + " buurt_code, buurt_year, complex_code, near_home, status, merged_into, created_at";

  private static final RowMapper<Atelier> ATELIER =
      (rs, n) ->
          new Atelier(
              rs.getLong(1),
              rs.getLong(2),
              rs.getString(3),
              Atelier.Kind.valueOf(rs.getString(4)),
              strings(rs.getArray(5)),
              strings(rs.getArray(6)),
              rs.getInt(7),
              rs.getInt(8),
              strings(rs.getArray(9)),
              strings(rs.getArray(10)),
              strings(rs.getArray(11)),
              rs.getBoolean(12),
              rs.getObject(13, java.time.LocalDate.class),
              rs.getString(14),
              Atelier.Phase.valueOf(rs.getString(15)),
              rs.getString(16));

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
              rs.getTimestamp(17).toInstant());

  /** The first key of the advisory locks that order an atelier's events. */
  private static final int EVENT_LOCK = 7_311;

  private final JdbcClient jdbc;

  public AtelierRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  static List<String> strings(Array a) throws SQLException {
    return a == null ? List.of() : Arrays.asList((String[]) a.getArray());
  }

  static List<Long> longs(Array a) throws SQLException {
    return a == null ? List.of() : Arrays.asList((Long[]) a.getArray());
  }

  long insert(Atelier a) {
    return jdbc.sql(
            "INSERT INTO atelier (corporation_id, name, kind, area_codes, complex_codes, area_year,"
                + " votes_per_participant, categories, themes, cards, require_approval, held_on,"
                + " join_code, created_by) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?) RETURNING id")
        .params(
            a.corporationId(),
            a.name(),
            a.kind().name(),
            a.areaCodes().toArray(String[]::new),
            a.complexCodes().toArray(String[]::new),
            a.areaYear(),
            a.votesPerParticipant(),
            a.categories().toArray(String[]::new),
            a.themes().toArray(String[]::new),
            a.cards().toArray(String[]::new),
            a.requireApproval(),
            a.heldOn(),
            a.joinCode(),
            a.createdBy())
        .query(Long.class)
        .single();
  }

  boolean joinCodeTaken(String code) {
    return jdbc.sql("SELECT count(*) FROM atelier WHERE join_code = ?")
            .param(code)
            .query(Long.class)
            .single()
        > 0;
  }

  public Optional<Atelier> find(long id) {
    return jdbc.sql("SELECT " + ATELIER_COLUMNS + " FROM atelier WHERE id = ?")
        .param(id)
        .query(ATELIER)
        .optional();
  }

  Optional<Atelier> findByJoinCode(String code) {
    return jdbc.sql("SELECT " + ATELIER_COLUMNS + " FROM atelier WHERE join_code = ?")
        .param(code)
        .query(ATELIER)
        .optional();
  }

  List<Atelier> listFor(Collection<Long> corporationIds) {
    if (corporationIds.isEmpty()) {
      return List.of();
    }
    return jdbc.sql(
            "SELECT "
                + ATELIER_COLUMNS
                + " FROM atelier WHERE corporation_id = ANY (?) ORDER BY created_at DESC, id DESC")
        .param(corporationIds.toArray(Long[]::new))
        .query(ATELIER)
        .list();
  }

  void setPhase(long id, Atelier.Phase phase) {
    jdbc.sql(
            "UPDATE atelier SET phase = ?, closed_at = CASE WHEN ? = 'CLOSED' THEN now() END"
                + " WHERE id = ?")
        .params(phase.name(), phase.name(), id)
        .update();
  }

  long insertParticipant(long atelierId, byte[] tokenHash, String name, String group) {
    return jdbc.sql(
            "INSERT INTO atelier_participant (atelier_id, token_hash, display_name, group_kind)"
                + " VALUES (?,?,?,?) RETURNING id")
        .params(atelierId, tokenHash, name, group)
        .query(Long.class)
        .single();
  }

  Optional<Caller.Participant> participantByToken(byte[] tokenHash) {
    return jdbc.sql(
            "SELECT id, atelier_id, display_name, group_kind FROM atelier_participant"
                + " WHERE token_hash = ?")
        .param(tokenHash)
        .query(
            (rs, n) ->
                new Caller.Participant(
                    rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4)))
        .optional();
  }

  List<ParticipantRow> participants(long atelierId) {
    return jdbc.sql(
            "SELECT id, display_name, group_kind, joined_at FROM atelier_participant"
                + " WHERE atelier_id = ? ORDER BY id")
        .param(atelierId)
        .query(
            (rs, n) ->
                new ParticipantRow(
                    rs.getLong(1),
                    rs.getString(2),
                    rs.getString(3),
                    rs.getTimestamp(4).toInstant()))
        .list();
  }

  /** Serialises a participant's writes that count against a limit (pins, votes). */
  void lockParticipant(long participantId) {
    jdbc.sql("SELECT id FROM atelier_participant WHERE id = ? FOR UPDATE")
        .param(participantId)
        .query(Long.class)
        .single();
  }

  int eraseName(long atelierId, long participantId) {
    return jdbc.sql(
            "UPDATE atelier_participant SET display_name = NULL WHERE atelier_id = ? AND id = ?")
        .params(atelierId, participantId)
        .update();
  }

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
                + " category, theme, body, buurt_code, buurt_year, complex_code, near_home, status)"
                + " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?) ON CONFLICT DO NOTHING RETURNING "
                + PIN_COLUMNS)
        .params(
            atelierId,
            participantId,
            author,
            clientId,
            lat,
            lon,
            category,
            theme,
            body,
            buurtCode,
            buurtYear,
            complexCode,
            nearHome,
            status)
        .query(PIN)
        .optional();
  }

  Optional<Pin> pinByClient(long atelierId, Long participantId, String author, String clientId) {
    return jdbc.sql(
            "SELECT "
                + PIN_COLUMNS
                + " FROM atelier_pin WHERE atelier_id = ? AND coalesce(participant_id, 0) = ?"
                + " AND coalesce(author, '') = ? AND client_id = ?")
        .params(
            atelierId,
            participantId == null ? 0L : participantId,
            author == null ? "" : author,
            clientId)
        .query(PIN)
        .optional();
  }

  Optional<Pin> pin(long atelierId, long pinId) {
    return jdbc.sql("SELECT " + PIN_COLUMNS + " FROM atelier_pin WHERE atelier_id = ? AND id = ?")
        .params(atelierId, pinId)
        .query(PIN)
        .optional();
  }

  public List<Pin> pins(long atelierId) {
    return jdbc.sql("SELECT " + PIN_COLUMNS + " FROM atelier_pin WHERE atelier_id = ? ORDER BY id")
        .param(atelierId)
        .query(PIN)
        .list();
  }

  int countPins(long participantId) {
    return jdbc.sql("SELECT count(*) FROM atelier_pin WHERE participant_id = ?")
        .param(participantId)
        .query(Integer.class)
        .single();
  }

  void updatePin(long pinId, String category, String theme, String body) {
    jdbc.sql(
            "UPDATE atelier_pin SET category = ?, theme = ?, body = ?, updated_at = now()"
                + " WHERE id = ?")
        .params(category, theme, body, pinId)
        .update();
  }

  void deletePin(long pinId) {
    jdbc.sql("DELETE FROM atelier_pin WHERE id = ?").param(pinId).update();
  }

  void setPinStatus(long pinId, String status, Long mergedInto) {
    jdbc.sql("UPDATE atelier_pin SET status = ?, merged_into = ?, updated_at = now() WHERE id = ?")
        .params(status, mergedInto, pinId)
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
            SELECT c.code, sqrt(power((u.lon - ?) * ?, 2) + power((u.lat - ?) * ?, 2)) AS d
              FROM stock_unit u
              LEFT JOIN stock_unit_cluster uc ON uc.unit_id = u.id
              LEFT JOIN stock_cluster c ON c.id = uc.cluster_id AND c.type = ?
             WHERE u.corporation_id = ? AND u.lon BETWEEN ? AND ? AND u.lat BETWEEN ? AND ?
             ORDER BY d, c.code NULLS LAST
             LIMIT 1
            """)
        .params(
            lon,
            kx,
            lat,
            ky,
            complexType,
            corporationId,
            lon - 0.015,
            lon + 0.015,
            lat - 0.01,
            lat + 0.01)
        .query(
            (ResultSet rs) -> {
              if (!rs.next()) {
                return new Nearby(null, false);
              }
              return new Nearby(rs.getString(1), rs.getDouble(2) <= nearMetres);
            });
  }

  void upsertAnswer(long atelierId, long participantId, String card, String answer, String remark) {
    jdbc.sql(
            "INSERT INTO atelier_answer (atelier_id, participant_id, card, answer, remark)"
                + " VALUES (?,?,?,?,?) ON CONFLICT (participant_id, card) DO UPDATE"
                + " SET answer = excluded.answer, remark = excluded.remark, answered_at = now()")
        .params(atelierId, participantId, card, answer, remark)
        .update();
  }

  List<Answer> answers(long atelierId) {
    return jdbc.sql(
            "SELECT a.participant_id, p.group_kind, a.card, a.answer, a.remark"
                + " FROM atelier_answer a JOIN atelier_participant p ON p.id = a.participant_id"
                + " WHERE a.atelier_id = ? ORDER BY a.answered_at, a.participant_id")
        .param(atelierId)
        .query(
            (rs, n) ->
                new Answer(
                    rs.getLong(1),
                    rs.getString(2),
                    rs.getString(3),
                    rs.getString(4),
                    rs.getString(5)))
        .list();
  }

  long insertProblemArea(
      long atelierId, String name, List<String> buurten, List<String> complexes, List<Long> pins) {
    return jdbc.sql(
            "INSERT INTO atelier_problem_area (atelier_id, name, buurt_codes, complex_codes,"
                + " pin_ids) VALUES (?,?,?,?,?) RETURNING id")
        .params(
            atelierId,
            name,
            buurten.toArray(String[]::new),
            complexes.toArray(String[]::new),
            pins.toArray(Long[]::new))
        .query(Long.class)
        .single();
  }

  List<ProblemArea> problemAreas(long atelierId) {
    return jdbc.sql(
            "SELECT id, name, buurt_codes, complex_codes, pin_ids FROM atelier_problem_area"
                + " WHERE atelier_id = ? ORDER BY id")
        .param(atelierId)
        .query(
            (rs, n) ->
                new ProblemArea(
                    rs.getLong(1),
                    rs.getString(2),
                    strings(rs.getArray(3)),
                    strings(rs.getArray(4)),
                    longs(rs.getArray(5))))
        .list();
  }

  long insertMeasure(
      long atelierId, long problemAreaId, String title, String lever, String description) {
    return jdbc.sql(
            "INSERT INTO atelier_measure (atelier_id, problem_area_id, title, lever, description)"
                + " VALUES (?,?,?,?,?) RETURNING id")
        .params(atelierId, problemAreaId, title, lever, description)
        .query(Long.class)
        .single();
  }

  List<Measure> measures(long atelierId) {
    return jdbc.sql(
            "SELECT id, problem_area_id, title, lever, description FROM atelier_measure"
                + " WHERE atelier_id = ? ORDER BY id")
        .param(atelierId)
        .query(
            (rs, n) ->
                new Measure(
                    rs.getLong(1),
                    rs.getLong(2),
                    rs.getString(3),
                    rs.getString(4),
                    rs.getString(5)))
        .list();
  }

  /** The votes a participant has on the other measures of a problem area. */
  int votesElsewhereInArea(long participantId, long problemAreaId, long measureId) {
    return jdbc.sql(
            "SELECT coalesce(sum(votes), 0) FROM atelier_vote WHERE participant_id = ?"
                + " AND problem_area_id = ? AND measure_id <> ?")
        .params(participantId, problemAreaId, measureId)
        .query(Integer.class)
        .single();
  }

  void setVotes(long atelierId, long participantId, long problemAreaId, long measureId, int n) {
    jdbc.sql(
            "INSERT INTO atelier_vote (participant_id, measure_id, problem_area_id, atelier_id,"
                + " votes) VALUES (?,?,?,?,?) ON CONFLICT (participant_id, measure_id)"
                + " DO UPDATE SET votes = excluded.votes")
        .params(participantId, measureId, problemAreaId, atelierId, n)
        .update();
  }

  List<Vote> votes(long atelierId) {
    return jdbc.sql(
            "SELECT v.participant_id, p.group_kind, v.measure_id, v.votes FROM atelier_vote v"
                + " JOIN atelier_participant p ON p.id = v.participant_id"
                + " WHERE v.atelier_id = ? AND v.votes > 0")
        .param(atelierId)
        .query((rs, n) -> new Vote(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getInt(4)))
        .list();
  }

  /**
   * Records an event and tells every app instance (NOTIFY is delivered when the transaction
   * commits, and not at all when it rolls back).
   */
  long event(long atelierId, String kind, String data) {
    // The atelier's lock, held until commit, makes its events commit in the order of their ids:
    // a screen that saw event N has seen every earlier one, and catching up from N misses nothing.
    return jdbc.sql(
            "WITH l AS (SELECT pg_advisory_xact_lock("
                + EVENT_LOCK
                + ", ?::int)),"
                + " e AS (INSERT INTO atelier_event (atelier_id, kind, data)"
                + " SELECT ?, ?, ? FROM l RETURNING id, atelier_id, kind, data)"
                + " SELECT e.id, pg_notify('atelier_events',"
                + " e.atelier_id || '|' || e.id || '|' || e.kind || '|' || e.data) FROM e")
        .params(atelierId, atelierId, kind, data)
        .query((rs, n) -> rs.getLong(1))
        .single();
  }

  List<Event> eventsAfter(long atelierId, long afterId, int limit) {
    return jdbc.sql(
            "SELECT id, atelier_id, kind, data FROM atelier_event WHERE atelier_id = ? AND id > ?"
                + " ORDER BY id LIMIT ?")
        .params(atelierId, afterId, limit)
        .query((rs, n) -> new Event(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4)))
        .list();
  }

  List<Event> events(Collection<Long> ids) {
    return jdbc.sql(
            "SELECT id, atelier_id, kind, data FROM atelier_event WHERE id = ANY (?) ORDER BY id")
        .param(ids.toArray(Long[]::new))
        .query((rs, n) -> new Event(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4)))
        .list();
  }

  /** The newest division year that holds every one of these area codes, if any. */
  Optional<Integer> areaYear(List<String> codes) {
    return jdbc.sql(
            "SELECT year FROM area WHERE code = ANY (?) AND geom IS NOT NULL GROUP BY year"
                + " HAVING count(DISTINCT code) = ? ORDER BY year DESC LIMIT 1")
        .params(codes.toArray(String[]::new), codes.size())
        .query(Integer.class)
        .optional();
  }

  /** The codes among these that the corporation has as complexes (of its complex type). */
  List<String> knownComplexes(long corporationId, String type, List<String> codes) {
    return jdbc.sql(
            "SELECT code FROM stock_cluster WHERE corporation_id = ? AND type = ?"
                + " AND code = ANY (?)")
        .params(corporationId, type, codes.toArray(String[]::new))
        .query(String.class)
        .list();
  }

  long lastEventId(long atelierId) {
    return jdbc.sql("SELECT coalesce(max(id), 0) FROM atelier_event WHERE atelier_id = ?")
        .param(atelierId)
        .query(Long.class)
        .single();
  }
}
