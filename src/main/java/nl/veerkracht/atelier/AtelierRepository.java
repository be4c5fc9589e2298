package nl.veerkracht.atelier;

import java.sql.Array;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The SQL of ateliers, their participants and their events. */
@Repository
public class AtelierRepository {
  public record Event(long id, long atelierId, String kind, String data) {}

  /** A participant as the facilitator sees them. */
  public record ParticipantRow(long id, String displayName, String groupKind, Instant joinedAt) {}

  private static final String ATELIER_COLUMNS =
      "id, corporation_id, name, kind, area_codes, complex_codes, area_year, votes_per_participant,"
          + " categories, themes, cards, require_approval, held_on, join_code, phase, created_by, layers,"
          + " revealed, presented_card, starts_at, place, contact, groups";

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
              strings(rs.getArray(17)),
              rs.getBoolean(12),
              rs.getObject(13, java.time.LocalDate.class),
              rs.getString(14),
              Atelier.Phase.valueOf(rs.getString(15)),
              rs.getString(16),
              strings(rs.getArray(18)),
              rs.getInt(19),
              rs.getObject(20, java.time.LocalTime.class),
              rs.getString(21),
              rs.getString(22),
              rs.getArray(23) == null
                  ? AtelierService.GROUPS.get(Atelier.Kind.valueOf(rs.getString(4)))
                  : strings(rs.getArray(23)));

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
                + " join_code, created_by, layers, starts_at, place, contact, groups)"
                + " VALUES (:corporation,:name,:kind,:areas,:complexes,:areaYear,:votes,:categories,:themes,:cards,:approval,:heldOn,:joinCode,:by,:layers,:startsAt,:place,:contact,:groups) RETURNING id")
        .param("corporation", a.corporationId())
        .param("name", a.name())
        .param("kind", a.kind().name())
        .param("areas", a.areaCodes().toArray(String[]::new))
        .param("complexes", a.complexCodes().toArray(String[]::new))
        .param("areaYear", a.areaYear())
        .param("votes", a.votesPerParticipant())
        .param("categories", a.categories().toArray(String[]::new))
        .param("themes", a.themes().toArray(String[]::new))
        .param("cards", a.cards().toArray(String[]::new))
        .param("approval", a.requireApproval())
        .param("heldOn", a.heldOn())
        .param("joinCode", a.joinCode())
        .param("by", a.createdBy())
        .param("layers", a.layers().toArray(String[]::new))
        .param("startsAt", a.startsAt())
        .param("place", a.place())
        .param("contact", a.contact())
        .param("groups", a.groups().toArray(String[]::new))
        .query(Long.class)
        .single();
  }

  /** Stores an atelier's changed settings (what {@code a} holds of them). */
  void updateSettings(Atelier a) {
    jdbc.sql(
            "UPDATE atelier SET name = :name, held_on = :heldOn, starts_at = :startsAt, place ="
                + " :place, contact = :contact, votes_per_participant = :votes, require_approval ="
                + " :approval, cards = :cards, layers = :layers, categories = :categories, themes ="
                + " :themes, groups = :groups WHERE id = :id")
        .param("name", a.name())
        .param("heldOn", a.heldOn())
        .param("startsAt", a.startsAt())
        .param("place", a.place())
        .param("contact", a.contact())
        .param("votes", a.votesPerParticipant())
        .param("approval", a.requireApproval())
        .param("cards", a.cards().toArray(String[]::new))
        .param("layers", a.layers().toArray(String[]::new))
        .param("categories", a.categories().toArray(String[]::new))
        .param("themes", a.themes().toArray(String[]::new))
        .param("groups", a.groups().toArray(String[]::new))
        .param("id", a.id())
        .update();
  }

  /** The values of a column of the atelier's pins or participants that are in use. */
  List<String> inUse(long atelierId, String what) {
    String sql =
        switch (what) {
          case "category" -> "SELECT DISTINCT category FROM atelier_pin WHERE atelier_id = :a";
          case "theme" ->
              "SELECT DISTINCT theme FROM atelier_pin WHERE atelier_id = :a AND theme IS NOT NULL";
          case "group" ->
              "SELECT DISTINCT group_kind FROM atelier_participant WHERE atelier_id = :a AND"
                  + " group_kind IS NOT NULL AND group_kind <> ''";
          default -> throw new IllegalArgumentException(what);
        };
    return jdbc.sql(sql).param("a", atelierId).query(String.class).list();
  }

  boolean joinCodeTaken(String code) {
    return jdbc.sql("SELECT count(*) FROM atelier WHERE join_code = :code")
            .param("code", code)
            .query(Long.class)
            .single()
        > 0;
  }

  public Optional<Atelier> find(long id) {
    return jdbc.sql("SELECT " + ATELIER_COLUMNS + " FROM atelier WHERE id = :id")
        .param("id", id)
        .query(ATELIER)
        .optional();
  }

  Optional<Atelier> findByJoinCode(String code) {
    return jdbc.sql("SELECT " + ATELIER_COLUMNS + " FROM atelier WHERE join_code = :code")
        .param("code", code)
        .query(ATELIER)
        .optional();
  }

  public List<Atelier> listFor(Collection<Long> corporationIds) {
    if (corporationIds.isEmpty()) {
      return List.of();
    }
    return jdbc.sql(
            "SELECT "
                + ATELIER_COLUMNS
                + " FROM atelier WHERE corporation_id = ANY (:corporations) ORDER BY created_at DESC, id DESC")
        .param("corporations", corporationIds.toArray(Long[]::new))
        .query(ATELIER)
        .list();
  }

  void setPhase(long id, Atelier.Phase phase) {
    jdbc.sql(
            "UPDATE atelier SET phase = :phase, closed_at = CASE WHEN :phase = 'CLOSED' THEN now() END"
                + " WHERE id = :id")
        .param("phase", phase.name())
        .param("id", id)
        .update();
  }

  void setPresentedCard(long id, int card) {
    jdbc.sql("UPDATE atelier SET presented_card = :card WHERE id = :id")
        .param("card", card)
        .param("id", id)
        .update();
  }

  /** Shows or hides one blind round's tally to the room. */
  void setRevealed(long id, String round, boolean revealed) {
    if (revealed) {
      jdbc.sql(
              "UPDATE atelier SET revealed = array_append(array_remove(revealed, :round), :round) WHERE id = :id")
          .param("round", round)
          .param("id", id)
          .update();
    } else {
      jdbc.sql("UPDATE atelier SET revealed = array_remove(revealed, :round) WHERE id = :id")
          .param("round", round)
          .param("id", id)
          .update();
    }
  }

  long insertParticipant(long atelierId, byte[] tokenHash, String name, String group) {
    return jdbc.sql(
            "INSERT INTO atelier_participant (atelier_id, token_hash, display_name, group_kind)"
                + " VALUES (:atelier,:token,:name,:group) RETURNING id")
        .param("atelier", atelierId)
        .param("token", tokenHash)
        .param("name", name)
        .param("group", group)
        .query(Long.class)
        .single();
  }

  Optional<Caller.Participant> participantByToken(byte[] tokenHash) {
    return jdbc.sql(
            "SELECT id, atelier_id, display_name, group_kind FROM atelier_participant"
                + " WHERE token_hash = :token")
        .param("token", tokenHash)
        .query(
            (rs, n) ->
                new Caller.Participant(
                    rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4)))
        .optional();
  }

  int countParticipants(long atelierId) {
    return jdbc.sql("SELECT count(*) FROM atelier_participant WHERE atelier_id = :atelier")
        .param("atelier", atelierId)
        .query(Integer.class)
        .single();
  }

  List<ParticipantRow> participants(long atelierId) {
    return jdbc.sql(
            "SELECT id, display_name, group_kind, joined_at FROM atelier_participant"
                + " WHERE atelier_id = :atelier ORDER BY id")
        .param("atelier", atelierId)
        .query(
            (rs, n) ->
                new ParticipantRow(
                    rs.getLong(1),
                    rs.getString(2),
                    rs.getString(3),
                    rs.getTimestamp(4).toInstant()))
        .list();
  }

  /** Serialises joins to one atelier, so its most participants holds when a room joins at once. */
  void lockAtelier(long atelierId) {
    jdbc.sql("SELECT id FROM atelier WHERE id = :atelier FOR UPDATE")
        .param("atelier", atelierId)
        .query(Long.class)
        .single();
  }

  /** Serialises a participant's writes that count against a limit (pins, votes). */
  void lockParticipant(long participantId) {
    jdbc.sql("SELECT id FROM atelier_participant WHERE id = :participant FOR UPDATE")
        .param("participant", participantId)
        .query(Long.class)
        .single();
  }

  int eraseName(long atelierId, long participantId) {
    return jdbc.sql(
            "UPDATE atelier_participant SET display_name = NULL WHERE atelier_id = :atelier AND id = :participant")
        .param("atelier", atelierId)
        .param("participant", participantId)
        .update();
  }

  /**
   * Records an event in the caller's transaction, not yet numbered: {@link #sequence} numbers it
   * after the commit. No lock is taken here, so writes to one atelier commit side by side.
   */
  void event(long atelierId, String kind, String data) {
    jdbc.sql(
            "INSERT INTO atelier_event_pending (atelier_id, kind, data) VALUES (:atelier, :kind, :data)")
        .param("atelier", atelierId)
        .param("kind", kind)
        .param("data", data)
        .update();
  }

  /**
   * Numbers the atelier's committed pending events and tells every app instance (NOTIFY goes out
   * when this transaction commits). Run in a transaction of its own: the atelier's advisory lock,
   * held until commit, makes the numbered events commit in the order of their ids, so a screen that
   * saw event N has seen every earlier one, and catching up from N misses nothing.
   */
  List<Long> sequence(long atelierId) {
    jdbc.sql("SELECT pg_advisory_xact_lock(" + EVENT_LOCK + ", :atelier::int)")
        .param("atelier", atelierId)
        .query((rs, n) -> 1)
        .list();
    // a statement of its own, so its snapshot holds what a sequencer before us committed
    return jdbc.sql(
            "WITH moved AS (DELETE FROM atelier_event_pending WHERE atelier_id = :atelier"
                + " RETURNING id, atelier_id, kind, data, at),"
                + " numbered AS (INSERT INTO atelier_event (atelier_id, kind, data, at)"
                + " SELECT atelier_id, kind, data, at FROM moved ORDER BY id"
                + " RETURNING id, atelier_id, kind, data)"
                + " SELECT id, pg_notify('atelier_events',"
                + " atelier_id || '|' || id || '|' || kind || '|' || data) FROM numbered"
                + " ORDER BY id")
        .param("atelier", atelierId)
        .query((rs, n) -> rs.getLong(1))
        .list();
  }

  /** Ateliers with events that waited longer than this for their number (a stopped instance). */
  List<Long> waitingAteliers(java.time.Duration olderThan) {
    return jdbc.sql(
            "SELECT DISTINCT atelier_id FROM atelier_event_pending"
                + " WHERE at < now() - make_interval(secs => :seconds)")
        .param("seconds", (double) olderThan.toMillis() / 1000)
        .query(Long.class)
        .list();
  }

  List<Event> eventsAfter(long atelierId, long afterId, int limit) {
    return jdbc.sql(
            "SELECT id, atelier_id, kind, data FROM atelier_event WHERE atelier_id = :atelier AND id > :after"
                + " ORDER BY id LIMIT :limit")
        .param("atelier", atelierId)
        .param("after", afterId)
        .param("limit", limit)
        .query((rs, n) -> new Event(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4)))
        .list();
  }

  /** The newest division year that holds every one of these area codes, if any. */
  Optional<Integer> areaYear(List<String> codes) {
    return jdbc.sql(
            "SELECT year FROM area WHERE code = ANY (:codes) AND geom IS NOT NULL GROUP BY year"
                + " HAVING count(DISTINCT code) = :n ORDER BY year DESC LIMIT 1")
        .param("codes", codes.toArray(String[]::new))
        .param("n", codes.size())
        .query(Integer.class)
        .optional();
  }

  /** The codes among these that the corporation has as complexes (of its complex type). */
  List<String> knownComplexes(long corporationId, String type, List<String> codes) {
    return jdbc.sql(
            "SELECT code FROM stock_cluster WHERE corporation_id = :corp AND type = :type"
                + " AND code = ANY (:codes)")
        .param("corp", corporationId)
        .param("type", type)
        .param("codes", codes.toArray(String[]::new))
        .query(String.class)
        .list();
  }

  long lastEventId(long atelierId) {
    return jdbc.sql("SELECT coalesce(max(id), 0) FROM atelier_event WHERE atelier_id = :atelier")
        .param("atelier", atelierId)
        .query(Long.class)
        .single();
  }
}
