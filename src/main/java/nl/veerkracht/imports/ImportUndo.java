package nl.veerkracht.imports;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.veerkracht.audit.AuditLog;
import nl.veerkracht.common.ConflictException;
import nl.veerkracht.common.DataChangedEvent;
import nl.veerkracht.common.ForbiddenException;
import nl.veerkracht.common.NotFoundException;
import nl.veerkracht.common.Text;
import nl.veerkracht.security.CurrentUser;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Undoes an import of figures in one transaction: the figures it wrote are removed, the ones it
 * replaced come back (with the import that had written them), indicators that only it brought (kept
 * from unknown columns) go, and the run is marked undone; derived figures are recomputed after the
 * commit. Only whoever ran the import or an administrator may undo it, only the newest change of a
 * figure can be undone (a later import that changed the same figures must be undone first), and
 * imports of boundaries or of a corporation's own stock are refused: their earlier state is not
 * kept.
 */
@Service
public class ImportUndo {

  /** What undoing wrote. */
  public record Undone(
      long importId, long removed, long restored, List<String> indicatorsRemoved) {}

  private record Run(
      long id, Long corporationId, String importedBy, int areasWritten, boolean undone) {}

  private final JdbcClient jdbc;
  private final TransactionTemplate transactions;
  private final CurrentUser currentUser;
  private final AuditLog audit;
  private final ApplicationEventPublisher events;

  public ImportUndo(
      JdbcClient jdbc,
      TransactionTemplate transactions,
      CurrentUser currentUser,
      AuditLog audit,
      ApplicationEventPublisher events) {
    this.jdbc = jdbc;
    this.transactions = transactions;
    this.currentUser = currentUser;
    this.audit = audit;
    this.events = events;
  }

  public Undone undo(long importId) {
    String caller =
        currentUser
            .findUsername()
            .orElseThrow(() -> new ForbiddenException(Text.msg("error.logInFirst")));
    Undone done = transactions.execute(status -> undoLocked(importId, caller));
    events.publishEvent(new DataChangedEvent("import undone"));
    return done;
  }

  private Undone undoLocked(long importId, String caller) {
    Run run =
        find(importId)
            .orElseThrow(
                () ->
                    new NotFoundException(
                        Text.msg("error.imports.noImport", "id", String.valueOf(importId))));
    if (!currentUser.isAdministrator() && !caller.equals(run.importedBy())) {
      throw new ForbiddenException(
          Text.msg("error.imports.undoRole", "id", String.valueOf(importId)));
    }
    if (run.undone()) {
      throw new ConflictException(
          Text.msg("error.imports.undoneAlready", "id", String.valueOf(importId)));
    }
    if (run.areasWritten() > 0 || run.corporationId() != null) {
      throw new ConflictException(
          Text.msg("error.imports.undoNotFigures", "id", String.valueOf(importId)));
    }
    List<Long> later =
        jdbc.sql(
                "SELECT DISTINCT import_id FROM observation_replaced WHERE previous_import_id = ?"
                    + " ORDER BY 1")
            .param(importId)
            .query(Long.class)
            .list();
    if (!later.isEmpty()) {
      throw new ConflictException(
          Text.msg(
              "error.imports.undoLater",
              "later",
              String.valueOf(later),
              "id",
              String.valueOf(importId)));
    }
    List<String> indicators =
        jdbc.sql("DELETE FROM observation WHERE import_id = ? RETURNING indicator_id")
            .param(importId)
            .query(String.class)
            .list();
    long restored =
        jdbc.sql(
                """
            INSERT INTO observation (area_code, year, indicator_id, value, status, reason, division_year, import_id)
            SELECT area_code, year, indicator_id, value, status, reason, division_year, previous_import_id
              FROM observation_replaced WHERE import_id = ?""")
            .param(importId)
            .update();
    jdbc.sql("DELETE FROM observation_replaced WHERE import_id = ?").param(importId).update();
    List<String> gone =
        jdbc.sql(
                """
            DELETE FROM indicator i WHERE i.origin = 'source' AND i.id = ANY(?)
               AND NOT EXISTS (SELECT 1 FROM observation o WHERE o.indicator_id = i.id)
            RETURNING i.id""")
            .param(indicators.stream().distinct().toArray(String[]::new))
            .query(String.class)
            .list();
    jdbc.sql("UPDATE import_run SET undone_at = now(), undone_by = ? WHERE id = ?")
        .params(caller, importId)
        .update();
    audit.record(
        "import.undo",
        run.corporationId(),
        "import " + importId,
        Map.of("removed", indicators.size(), "restored", restored, "indicators", gone.size()));
    return new Undone(importId, indicators.size(), restored, gone);
  }

  private Optional<Run> find(long importId) {
    return jdbc.sql(
            "SELECT id, corporation_id, imported_by, areas_written, undone_at IS NOT NULL"
                + " FROM import_run WHERE id = ? FOR UPDATE")
        .param(importId)
        .query(
            (rs, n) ->
                new Run(
                    rs.getLong(1),
                    (Long) rs.getObject(2),
                    rs.getString(3),
                    rs.getInt(4),
                    rs.getBoolean(5)))
        .optional();
  }
}
