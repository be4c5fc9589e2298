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
import org.springframework.context.i18n.LocaleContextHolder;
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

  private final ParticipantDataRepository rows;
  private final AuditLog audit;
  private final int retentionDays;

  ParticipantData(ParticipantDataRepository rows, AuditLog audit, AtelierSettings settings) {
    this.rows = rows;
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
    out.put("participant", rows.participant(p.id()));
    out.put("pins", rows.pins(p.id()));
    out.put("answers", rows.answers(p.id()));
    out.put("votes", rows.votes(p.id()));
    out.put("exportedAt", Instant.now().toString());
    out.put(
        "kept",
        Text.msg("atelier.export.kept", "days", String.valueOf(retentionDays))
            .in(LocaleContextHolder.getLocale()));
    return out;
  }

  /** Daily, and at start: names erased and tokens revoked in ateliers closed long enough ago. */
  @Scheduled(cron = "${veerkracht.ateliers.retention-cron:0 30 3 * * *}")
  @EventListener(
      value = ApplicationReadyEvent.class,
      condition = nl.veerkracht.CommandProcess.NOT_IN_A_COMMAND)
  @Transactional
  public int applyRetention() {
    List<Map<String, Object>> due = rows.dueForRetention(retentionDays);
    for (Map<String, Object> a : due) {
      long id = ((Number) a.get("id")).longValue();
      int n = rows.anonymise(id, randomBytes());
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
