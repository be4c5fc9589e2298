package nl.veerkracht.imports;

import java.util.List;
import java.util.Map;
import nl.veerkracht.audit.AuditLog;
import nl.veerkracht.common.ConflictException;
import nl.veerkracht.common.DataChangedEvent;
import nl.veerkracht.common.ForbiddenException;
import nl.veerkracht.common.NotFoundException;
import nl.veerkracht.common.Text;
import nl.veerkracht.security.CurrentUser;
import org.springframework.context.ApplicationEventPublisher;
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

  private final ImportUndoRepository rows;
  private final TransactionTemplate transactions;
  private final CurrentUser currentUser;
  private final AuditLog audit;
  private final ApplicationEventPublisher events;

  public ImportUndo(
      ImportUndoRepository rows,
      TransactionTemplate transactions,
      CurrentUser currentUser,
      AuditLog audit,
      ApplicationEventPublisher events) {
    this.rows = rows;
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
    ImportUndoRepository.Run run =
        rows.lockRun(importId)
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
    List<Long> later = rows.laterImports(importId);
    if (!later.isEmpty()) {
      throw new ConflictException(
          Text.msg(
              "error.imports.undoLater",
              "later",
              String.valueOf(later),
              "id",
              String.valueOf(importId)));
    }
    List<String> indicators = rows.removeFigures(importId);
    long restored = rows.restoreReplaced(importId);
    List<String> gone = rows.removeUnusedIndicators(indicators);
    rows.markUndone(importId, caller);
    audit.record(
        "import.undo",
        run.corporationId(),
        "import " + importId,
        Map.of("removed", indicators.size(), "restored", restored, "indicators", gone.size()));
    return new Undone(importId, indicators.size(), restored, gone);
  }
}
