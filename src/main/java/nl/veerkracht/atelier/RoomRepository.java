package nl.veerkracht.atelier;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The SQL of what the room decides: answers on figure cards, problem areas, measures and votes. */
@Repository
public class RoomRepository {

  /**
   * One participant's answer on one figure card, with their group for the per-group reading; the
   * remark as written, as others see it until approved ({@link PrivacyGuard}), and whether the
   * facilitator approved it.
   */
  public record Answer(
      long participantId,
      String groupKind,
      String card,
      String answer,
      String remark,
      String remarkMasked,
      boolean remarkApproved) {

    /** The remark as someone other than its author and the facilitator sees it. */
    public String shownRemark() {
      return PrivacyGuard.shown(remark, remarkMasked, remarkApproved);
    }
  }

  public record ProblemArea(
      long id,
      String name,
      List<String> buurtCodes,
      List<String> complexCodes,
      List<Long> pinIds,
      List<List<Double>> outline) {}

  private static final tools.jackson.databind.json.JsonMapper JSON =
      tools.jackson.databind.json.JsonMapper.builder().build();
  private static final tools.jackson.core.type.TypeReference<List<List<Double>>> RING =
      new tools.jackson.core.type.TypeReference<>() {};

  public record Measure(
      long id, long problemAreaId, String title, String lever, String description) {}

  public record Vote(long participantId, String groupKind, long measureId, int votes) {}

  void upsertAnswer(long atelierId, long participantId, String card, String answer, String remark) {
    jdbc.sql(
            "INSERT INTO atelier_answer (atelier_id, participant_id, card, answer, remark,"
                + " remark_masked) VALUES (:atelier,:participant,:card,:answer,:remark,:masked) ON CONFLICT (participant_id, card) DO"
                + " UPDATE SET answer = excluded.answer, remark = excluded.remark, remark_masked ="
                + " excluded.remark_masked, remark_approved = atelier_answer.remark_approved AND"
                + " atelier_answer.remark = excluded.remark, answered_at = now()")
        .param("atelier", atelierId)
        .param("participant", participantId)
        .param("card", card)
        .param("answer", answer)
        .param("remark", remark)
        .param("masked", PrivacyGuard.mask(remark))
        .update();
  }

  List<Answer> answers(long atelierId) {
    return jdbc.sql(
            "SELECT a.participant_id, p.group_kind, a.card, a.answer, a.remark,"
                + " a.remark_masked, a.remark_approved"
                + " FROM atelier_answer a JOIN atelier_participant p ON p.id = a.participant_id"
                + " WHERE a.atelier_id = :atelier ORDER BY a.answered_at, a.participant_id")
        .param("atelier", atelierId)
        .query(
            (rs, n) ->
                new Answer(
                    rs.getLong(1),
                    rs.getString(2),
                    rs.getString(3),
                    rs.getString(4),
                    rs.getString(5),
                    rs.getString(6),
                    rs.getBoolean(7)))
        .list();
  }

  /** The facilitator approves a remark as it stands; false when there is no such answer. */
  boolean approveRemark(long atelierId, long participantId, String card) {
    return jdbc.sql(
                "UPDATE atelier_answer SET remark_approved = true WHERE atelier_id = :atelier AND"
                    + " participant_id = :participant AND card = :card")
            .param("atelier", atelierId)
            .param("participant", participantId)
            .param("card", card)
            .update()
        == 1;
  }

  long insertProblemArea(
      long atelierId,
      String name,
      List<String> buurten,
      List<String> complexes,
      List<Long> pins,
      List<List<Double>> outline) {
    return jdbc.sql(
            "INSERT INTO atelier_problem_area (atelier_id, name, buurt_codes, complex_codes,"
                + " pin_ids, outline) VALUES (:atelier,:name,:buurten,:complexes,:pins,:outline::jsonb) RETURNING id")
        .param("atelier", atelierId)
        .param("name", name)
        .param("buurten", buurten.toArray(String[]::new))
        .param("complexes", complexes.toArray(String[]::new))
        .param("pins", pins.toArray(Long[]::new))
        .param("outline", outline == null ? null : JSON.writeValueAsString(outline))
        .query(Long.class)
        .single();
  }

  List<ProblemArea> problemAreas(long atelierId) {
    return jdbc.sql(
            "SELECT id, name, buurt_codes, complex_codes, pin_ids, outline::text FROM"
                + " atelier_problem_area"
                + " WHERE atelier_id = :atelier ORDER BY id")
        .param("atelier", atelierId)
        .query(
            (rs, n) ->
                new ProblemArea(
                    rs.getLong(1),
                    rs.getString(2),
                    AtelierRepository.strings(rs.getArray(3)),
                    AtelierRepository.strings(rs.getArray(4)),
                    AtelierRepository.longs(rs.getArray(5)),
                    rs.getString(6) == null ? null : JSON.readValue(rs.getString(6), RING)))
        .list();
  }

  void updateProblemArea(
      long areaId,
      String name,
      List<String> buurten,
      List<String> complexes,
      List<Long> pins,
      List<List<Double>> outline) {
    jdbc.sql(
            "UPDATE atelier_problem_area SET name = :name, buurt_codes = :buurten, complex_codes ="
                + " :complexes, pin_ids = :pins, outline = :outline::jsonb WHERE id = :id")
        .param("name", name)
        .param("buurten", buurten.toArray(String[]::new))
        .param("complexes", complexes.toArray(String[]::new))
        .param("pins", pins.toArray(Long[]::new))
        .param("outline", outline == null ? null : JSON.writeValueAsString(outline))
        .param("id", areaId)
        .update();
  }

  /** The votes cast in a problem area (or on one measure): what goes back when it is deleted. */
  int votesOn(String column, long id) {
    String where =
        switch (column) {
          case "problem_area_id" -> "problem_area_id = :id";
          case "measure_id" -> "measure_id = :id";
          default -> throw new IllegalArgumentException(column);
        };
    return jdbc.sql("SELECT coalesce(sum(votes), 0) FROM atelier_vote WHERE " + where)
        .param("id", id)
        .query(Integer.class)
        .single();
  }

  void deleteProblemArea(long areaId) {
    jdbc.sql("DELETE FROM atelier_problem_area WHERE id = :id").param("id", areaId).update();
  }

  void updateMeasure(long measureId, String title, String lever, String description) {
    jdbc.sql(
            "UPDATE atelier_measure SET title = :title, lever = :lever, description = :description"
                + " WHERE id = :id")
        .param("title", title)
        .param("lever", lever)
        .param("description", description)
        .param("id", measureId)
        .update();
  }

  void deleteMeasure(long measureId) {
    jdbc.sql("DELETE FROM atelier_measure WHERE id = :id").param("id", measureId).update();
  }

  /** The most votes one participant has spent in one problem area of this atelier. */
  int mostVotesSpent(long atelierId) {
    return jdbc.sql(
            "SELECT coalesce(max(s), 0) FROM (SELECT sum(votes) AS s FROM atelier_vote WHERE"
                + " atelier_id = :atelier GROUP BY participant_id, problem_area_id) x")
        .param("atelier", atelierId)
        .query(Integer.class)
        .single();
  }

  long insertMeasure(
      long atelierId, long problemAreaId, String title, String lever, String description) {
    return jdbc.sql(
            "INSERT INTO atelier_measure (atelier_id, problem_area_id, title, lever, description)"
                + " VALUES (:atelier,:problemArea,:title,:lever,:description) RETURNING id")
        .param("atelier", atelierId)
        .param("problemArea", problemAreaId)
        .param("title", title)
        .param("lever", lever)
        .param("description", description)
        .query(Long.class)
        .single();
  }

  List<Measure> measures(long atelierId) {
    return jdbc.sql(
            "SELECT id, problem_area_id, title, lever, description FROM atelier_measure"
                + " WHERE atelier_id = :atelier ORDER BY id")
        .param("atelier", atelierId)
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
            "SELECT coalesce(sum(votes), 0) FROM atelier_vote WHERE participant_id = :participant"
                + " AND problem_area_id = :problemArea AND measure_id <> :measure")
        .param("participant", participantId)
        .param("problemArea", problemAreaId)
        .param("measure", measureId)
        .query(Integer.class)
        .single();
  }

  void setVotes(long atelierId, long participantId, long problemAreaId, long measureId, int n) {
    jdbc.sql(
            "INSERT INTO atelier_vote (participant_id, measure_id, problem_area_id, atelier_id,"
                + " votes) VALUES (:participant,:measure,:problemArea,:atelier,:votes) ON CONFLICT (participant_id, measure_id)"
                + " DO UPDATE SET votes = excluded.votes")
        .param("participant", participantId)
        .param("measure", measureId)
        .param("problemArea", problemAreaId)
        .param("atelier", atelierId)
        .param("votes", n)
        .update();
  }

  List<Vote> votes(long atelierId) {
    return jdbc.sql(
            "SELECT v.participant_id, p.group_kind, v.measure_id, v.votes FROM atelier_vote v"
                + " JOIN atelier_participant p ON p.id = v.participant_id"
                + " WHERE v.atelier_id = :atelier AND v.votes > 0")
        .param("atelier", atelierId)
        .query((rs, n) -> new Vote(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getInt(4)))
        .list();
  }

  private final JdbcClient jdbc;

  public RoomRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }
}
