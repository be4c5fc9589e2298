package nl.veerkracht.backup;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;
import nl.veerkracht.cli.Arguments;
import nl.veerkracht.cli.Command;
import org.springframework.stereotype.Component;

/**
 * {@code restore FILE}: loads a backup into an empty database of the same schema version, all or
 * nothing, every table checked against the backup's row count and checksum. Exit 0 when restored, 1
 * when refused or failed (then nothing changed).
 */
@Component
public class RestoreCommand implements Command {

  private final Backups backups;
  private final nl.veerkracht.audit.AuditLog audit;

  public RestoreCommand(Backups backups, nl.veerkracht.audit.AuditLog audit) {
    this.backups = backups;
    this.audit = audit;
  }

  @Override
  public String name() {
    return "restore";
  }

  @Override
  public String summary() {
    return "Load a backup into an empty database";
  }

  @Override
  public String usage() {
    return "restore FILE";
  }

  @Override
  public int run(List<String> args, PrintStream out, PrintStream err) {
    Arguments a = Arguments.parse(args, Set.of(), Set.of());
    if (a.positional().size() != 1) {
      throw new Arguments.UsageException("Name the backup file to restore.");
    }
    Path file = Path.of(a.positional().get(0));
    if (!Files.isRegularFile(file)) {
      err.println("veerkracht restore: no such file: " + file);
      return REJECTED;
    }
    try {
      Backups.Manifest m = backups.restore(file);
      BackupCommand.report(out, "Restored", file, m);
      audit.record(
          "restore",
          null,
          file.toAbsolutePath().toString(),
          java.util.Map.of("made", m.createdAt().toString()));
      out.println("Every table has the row count and checksum of the backup.");
      return OK;
    } catch (Backups.BackupException | IOException | SQLException e) {
      err.println("veerkracht restore: " + e.getMessage() + " Nothing was changed.");
      return REJECTED;
    }
  }
}
