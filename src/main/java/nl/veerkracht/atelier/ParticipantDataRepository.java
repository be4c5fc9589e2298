package nl.veerkracht.atelier;

import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * One participant's rows across an atelier's tables, for the participant to take along, and the
 * erasing of names and tokens once an atelier has been closed long enough. {@link ParticipantData}
 * holds the rules.
 */
@Repository
class ParticipantDataRepository {

  private final JdbcClient jdbc;

  ParticipantDataRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  Map<String, Object> participant(long participantId) {
    return jdbc.sql(
            """
            SELECT id, display_name AS "displayName", group_kind AS "group",
                   joined_at AS "joinedAt"
              FROM atelier_participant WHERE id = :participant
            """)
        .param("participant", participantId)
        .query()
        .singleRow();
  }

  List<Map<String, Object>> pins(long participantId) {
    return jdbc.sql(
            """
            SELECT id, lat, lon, category, theme, body AS text, buurt_code AS "buurtCode",
                   status, created_at AS "createdAt"
              FROM atelier_pin WHERE participant_id = :participant ORDER BY id
            """)
        .param("participant", participantId)
        .query()
        .listOfRows();
  }

  List<Map<String, Object>> answers(long participantId) {
    return jdbc.sql(
            """
            SELECT card, answer, remark, answered_at AS "answeredAt"
              FROM atelier_answer WHERE participant_id = :participant ORDER BY card
            """)
        .param("participant", participantId)
        .query()
        .listOfRows();
  }

  List<Map<String, Object>> votes(long participantId) {
    return jdbc.sql(
            """
            SELECT m.title AS measure, v.votes
              FROM atelier_vote v JOIN atelier_measure m ON m.id = v.measure_id
             WHERE v.participant_id = :participant ORDER BY m.id
            """)
        .param("participant", participantId)
        .query()
        .listOfRows();
  }

  /**
   * Ateliers closed more than {@code days} ago whose participants still have names: id and
   * corporation_id.
   */
  List<Map<String, Object>> dueForRetention(int days) {
    return jdbc.sql(
            """
            SELECT id, corporation_id FROM atelier
             WHERE phase = 'CLOSED' AND closed_at < now() - make_interval(days => :days)
               AND anonymised_at IS NULL
            """)
        .param("days", days)
        .query()
        .listOfRows();
  }

  /**
   * Erases the names of an atelier's participants and makes their tokens unusable (the hash is
   * hashed again with salt nobody keeps); marks the atelier anonymised. How many participants.
   */
  int anonymise(long atelierId, byte[] salt) {
    int n =
        jdbc.sql(
                """
                UPDATE atelier_participant
                   SET display_name = NULL, token_hash = sha256(token_hash || :salt)
                 WHERE atelier_id = :atelier
                """)
            .param("salt", salt)
            .param("atelier", atelierId)
            .update();
    jdbc.sql("UPDATE atelier SET anonymised_at = now() WHERE id = :atelier")
        .param("atelier", atelierId)
        .update();
    return n;
  }
}
