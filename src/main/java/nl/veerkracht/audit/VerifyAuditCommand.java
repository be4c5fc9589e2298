package nl.veerkracht.audit;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import nl.veerkracht.cli.Command;
import org.springframework.stereotype.Component;

/**
 * {@code verify-audit}: recomputes every audit row's hash from its content and its predecessor's
 * hash (migration V28) in id order. Exit 0 with "n rows, chain intact" and the newest hash (note it
 * somewhere else: a log emptied entirely leaves no chain to break); exit 1 naming the first row
 * whose content or link does not match.
 */
@Component
public class VerifyAuditCommand implements Command {

  /** The first row where the chain breaks, and how. */
  public record Break(long id, String at, String action, String reason) {}

  /** What a check found. */
  public record Result(long rows, Optional<Break> firstBreak, String newestHash) {}

  private final AuditLogRepository rows;

  public VerifyAuditCommand(AuditLogRepository rows) {
    this.rows = rows;
  }

  @Override
  public String name() {
    return "verify-audit";
  }

  @Override
  public String summary() {
    return "Check the audit log's hash chain";
  }

  @Override
  public String usage() {
    return "verify-audit";
  }

  @Override
  public int run(List<String> args, PrintStream out, PrintStream err) {
    Result r = verify();
    if (r.firstBreak().isPresent()) {
      Break b = r.firstBreak().get();
      err.printf(
          Locale.ROOT,
          "veerkracht verify-audit: the chain breaks at row %d (%s, %s): %s; %,d rows checked%n",
          b.id(),
          b.at(),
          b.action(),
          b.reason(),
          r.rows());
      return REJECTED;
    }
    out.printf(Locale.ROOT, "%,d rows, chain intact (newest hash %s)%n", r.rows(), r.newestHash());
    return OK;
  }

  /** Walks the chain in id order; stops at the first row that does not match. */
  public Result verify() {
    long[] count = {0};
    Break[] found = {null};
    String[] newest = {""};
    rows.chain(
        rs -> {
          if (found[0] != null) {
            return;
          }
          count[0]++;
          newest[0] = rs.getString(6);
          if (!rs.getBoolean(4)) {
            found[0] =
                new Break(
                    rs.getLong(1),
                    rs.getString(2),
                    rs.getString(3),
                    "its content does not match its hash (changed after it was written)");
          } else if (!rs.getBoolean(5)) {
            found[0] =
                new Break(
                    rs.getLong(1),
                    rs.getString(2),
                    rs.getString(3),
                    "it does not follow the row before it (a row was removed or inserted)");
          }
        });
    return new Result(count[0], Optional.ofNullable(found[0]), newest[0]);
  }
}
