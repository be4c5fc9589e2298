package nl.veerkracht.atelier;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.veerkracht.audit.AuditLog;
import nl.veerkracht.common.ForbiddenException;
import nl.veerkracht.common.Text;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What an atelier holds about one participant: everything, for that participant to take along (the
 * right of access), and, once an atelier has been closed for longer than {@code
 * veerkracht.ateliers.retention-days} (default 365), no names and no working tokens any more — the
 * pins, answers and votes stay as the anonymous record of what the room said.
 */
@Service
public class ParticipantData {

  private static final Logger log = LoggerFactory.getLogger(ParticipantData.class);
  private static final SecureRandom RANDOM = new SecureRandom();

  private final JdbcClient jdbc;
  private final AuditLog audit;
  private final int retentionDays;

  public ParticipantData(JdbcClient jdbc, AuditLog audit, AtelierSettings settings) {
    this.jdbc = jdbc;
    this.audit = audit;
    this.retentionDays = settings.retentionDays();
  }

  /** Everything held about the asking participant in this atelier. */
  public Map<String, Object> export(AtelierAccess.Asked asked) {
    if (!(asked.caller() instanceof Caller.Participant p)) {
      throw new ForbiddenException(Text.msg("atelier.refused.exportParticipant"));
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("atelier", Map.of("id", asked.atelier().id(), "name", asked.atelier().name()));
    out.put(
        "participant",
        jdbc.sql(
                "SELECT id, display_name AS \"displayName\", group_kind AS \"group\", joined_at AS"
                    + " \"joinedAt\" FROM atelier_participant WHERE id = ?")
            .param(p.id())
            .query()
            .singleRow());
    out.put(
        "pins",
        rows(
            "SELECT id, lat, lon, category, theme, body AS text, buurt_code AS \"buurtCode\","
                + " status, created_at AS \"createdAt\" FROM atelier_pin WHERE participant_id = ?"
                + " ORDER BY id",
            p.id()));
    out.put(
        "answers",
        rows(
            "SELECT card, answer, remark, answered_at AS \"answeredAt\" FROM atelier_answer WHERE"
                + " participant_id = ? ORDER BY card",
            p.id()));
    out.put(
        "votes",
        rows(
            "SELECT m.title AS measure, v.votes FROM atelier_vote v JOIN atelier_measure m ON m.id"
                + " = v.measure_id WHERE v.participant_id = ? ORDER BY m.id",
            p.id()));
    out.put("exportedAt", Instant.now().toString());
    out.put(
        "kept",
        "The token that identifies you is stored only as a hash. Names are erased and tokens stop"
            + " working "
            + retentionDays
            + " days after the atelier closed; pins, answers and votes stay without a name.");
    return out;
  }

  private List<Map<String, Object>> rows(String sql, long participantId) {
    return jdbc.sql(sql).param(participantId).query().listOfRows();
  }

  /** Daily, and at start: names erased and tokens revoked in ateliers closed long enough ago. */
  @Scheduled(cron = "${veerkracht.ateliers.retention-cron:0 30 3 * * *}")
  @EventListener(
      value = ApplicationReadyEvent.class,
      condition = nl.veerkracht.CommandProcess.NOT_IN_A_COMMAND)
  @Transactional
  public int applyRetention() {
    List<Map<String, Object>> due =
        jdbc.sql(
                "SELECT id, corporation_id FROM atelier WHERE phase = 'CLOSED' AND closed_at < now()"
                    + " - make_interval(days => ?) AND anonymised_at IS NULL")
            .param(retentionDays)
            .query()
            .listOfRows();
    for (Map<String, Object> a : due) {
      long id = ((Number) a.get("id")).longValue();
      int n =
          jdbc.sql(
                  "UPDATE atelier_participant SET display_name = NULL, token_hash ="
                      + " sha256(token_hash || ?::bytea) WHERE atelier_id = ?")
              .params(randomBytes(), id)
              .update();
      jdbc.sql("UPDATE atelier SET anonymised_at = now() WHERE id = ?").param(id).update();
      audit.record(
          "system",
          "atelier.retention",
          ((Number) a.get("corporation_id")).longValue(),
          "atelier " + id,
          Map.of("participants", n, "retentionDays", retentionDays));
      log.info("Atelier {}: names of {} participants erased and tokens revoked (retention)", id, n);
    }
    return due.size();
  }

  private static byte[] randomBytes() {
    byte[] b = new byte[16];
    RANDOM.nextBytes(b);
    return b;
  }
}
