package nl.veerkracht.backup;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import nl.veerkracht.cli.Arguments;
import nl.veerkracht.cli.Command;
import org.springframework.stereotype.Component;

/**
 * {@code backup FILE [--corporation CODE]}: a consistent backup of the database (one snapshot), or
 * of one corporation's rows with the public data. Exit 0 when written, 1 when it failed.
 */
@Component
public class BackupCommand implements Command {

  private final Backups backups;
  private final nl.veerkracht.audit.AuditLog audit;

  public BackupCommand(Backups backups, nl.veerkracht.audit.AuditLog audit) {
    this.backups = backups;
    this.audit = audit;
  }

  @Override
  public String name() {
    return "backup";
  }

  @Override
  public String summary() {
    return "Write a consistent backup of the database (or of one corporation) to a file";
  }

  @Override
  public String usage() {
    return "backup FILE [--corporation CODE]";
  }

  @Override
  public int run(List<String> args, PrintStream out, PrintStream err) {
    Arguments a = Arguments.parse(args, Set.of("corporation"), Set.of());
    if (a.positional().size() != 1) {
      throw new Arguments.UsageException("Name one file to write the backup to.");
    }
    Path file = Path.of(a.positional().get(0));
    try {
      Backups.Manifest m = backups.backup(file, a.find("corporation").orElse(null));
      report(out, "Backed up", file, m);
      audit.record(
          "backup",
          null,
          file.toAbsolutePath().toString(),
          java.util.Map.of("corporation", String.valueOf(m.corporation())));
      return OK;
    } catch (Backups.BackupException | IOException | SQLException e) {
      err.println("veerkracht backup: " + e.getMessage());
      return REJECTED;
    }
  }

  static void report(PrintStream out, String what, Path file, Backups.Manifest m) {
    long rows = m.tables().stream().mapToLong(Backups.TableSum::rows).sum();
    out.printf(
        Locale.ROOT,
        "%s %s: %d tables, %,d rows, schema version %s%s%n",
        what,
        file,
        m.tables().size(),
        rows,
        m.schemaVersion(),
        m.corporation() == null ? "" : ", corporation " + m.corporation());
    for (Backups.TableSum t : m.tables()) {
      if (t.rows() > 0) {
        out.printf(Locale.ROOT, "  %-32s %,10d rows  sha256 %s%n", t.name(), t.rows(), t.sha256());
      }
    }
  }
}
