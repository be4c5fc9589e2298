package nl.veerkracht.imports;

import java.time.OffsetDateTime;
import java.util.List;
import nl.veerkracht.common.Text;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Every import and fetch run with its outcome, rejected and failed ones too (those leave no
 * provenance record). Written outside the run's transaction, so a rolled-back run is still logged.
 */
@Component
public class RunLogRepository {

  private static final Logger log = LoggerFactory.getLogger(RunLogRepository.class);
  private static final int MAX_FILES_TEXT = 500;

  /** One logged run as the history page shows it. */
  public record Entry(
      OffsetDateTime at,
      String actor,
      String corporationCode,
      String files,
      String status,
      Text message) {}

  private final JdbcClient jdbc;
  private final nl.veerkracht.audit.AuditLog audit;

  public RunLogRepository(JdbcClient jdbc, nl.veerkracht.audit.AuditLog audit) {
    this.jdbc = jdbc;
    this.audit = audit;
  }

  /** Logs a run; a failure to log is itself only logged, never the run's failure. */
  public void record(
      String actor, Long corporationId, List<String> files, String status, Text message) {
    String names = String.join(", ", files);
    if (names.length() > MAX_FILES_TEXT) {
      names = names.substring(0, MAX_FILES_TEXT) + "…";
    }
    try {
      jdbc.sql(
              """
              INSERT INTO run_log (actor, corporation_id, files, status, message_nl, message_en)
              VALUES (:actor, :corporation, :files, :status, :nl, :en)
              """)
          .param("actor", actor)
          .param("corporation", corporationId)
          .param("files", names)
          .param("status", status)
          .param("nl", message.nl())
          .param("en", message.en())
          .update();
      audit.record(
          actor == null ? "unknown" : actor,
          "import." + status,
          corporationId,
          names,
          java.util.Map.of("message", message.en()));
    } catch (RuntimeException e) {
      log.warn("Could not log the run of {}: {}", names, e.getMessage());
    }
  }

  /** The newest runs of public data and of these corporations. */
  public List<Entry> recent(List<Long> corporationIds, int limit) {
    return jdbc.sql(
            """
            SELECT l.at, l.actor, c.code, l.files, l.status, l.message_nl, l.message_en
              FROM run_log l LEFT JOIN corporation c ON c.id = l.corporation_id
             WHERE l.corporation_id IS NULL OR l.corporation_id = ANY (:corporations)
             ORDER BY l.id DESC LIMIT :limit
            """)
        .param("corporations", corporationIds.toArray(Long[]::new))
        .param("limit", limit)
        .query(
            (rs, n) ->
                new Entry(
                    rs.getObject(1, OffsetDateTime.class),
                    rs.getString(2),
                    rs.getString(3),
                    rs.getString(4),
                    rs.getString(5),
                    Text.of(rs.getString(6), rs.getString(7))))
        .list();
  }
}
