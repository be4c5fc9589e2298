package nl.veerkracht.imports;

import java.util.List;
import nl.veerkracht.security.CurrentUser;
import nl.veerkracht.security.Membership;
import org.springframework.stereotype.Service;

/**
 * What was imported, as the history and sources pages show it: the caller's own imports and runs
 * (of the corporations they are staff of, and public data), and the public sources held.
 */
@Service
public class ImportHistory {

  /** The caller's imports (newest first) and every run with its outcome. */
  public record Mine(
      List<ImportHistoryRepository.Entry> entries, List<RunLogRepository.Entry> runs) {}

  /** The public data held: what was loaded, and per source how many figures. */
  public record Sources(
      List<LoadedSource> loaded, List<ImportHistoryRepository.FigureSource> figures) {}

  private final ImportHistoryRepository history;
  private final RunLogRepository runLog;
  private final CurrentUser currentUser;

  public ImportHistory(
      ImportHistoryRepository history, RunLogRepository runLog, CurrentUser currentUser) {
    this.history = history;
    this.runLog = runLog;
    this.currentUser = currentUser;
  }

  /** The caller's history: at most 500 imports and 100 runs. */
  public Mine mine() {
    List<Long> mine = currentUser.memberships().stream().map(Membership::corporationId).toList();
    return new Mine(history.list(mine, 500), runLog.recent(mine, 100));
  }

  public Sources sources() {
    return new Sources(history.publicSources(), history.figureSources());
  }
}
