package nl.veerkracht.cli;

import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.springframework.stereotype.Component;

/** Finds the sub-command named by the first argument and runs it. */
@Component
public class CommandLine {

  /** Names and one-line summaries; kept here too so {@code --help} needs no database. */
  private static final Map<String, String> COMMANDS =
      new TreeMap<>(
          Map.of(
              "import",
                  "import [--kind KIND] [--year YYYY] [--corporation CODE] [--mapping NAME] FILE...\n"
                      + "        Import data files (CBS, PDOK, Leefbaarometer, own stock). Exit 0 when all\n"
                      + "        was imported, 1 when rejected (then nothing was written), 2 on a usage error.",
              "fetch",
                  "fetch --gemeente GM0308 [--gemeente ...] --year 2024 [--source cbs|pdok|lbm ...]\n"
                      + "        Download the public data of these gemeenten and import it.",
              "bench",
                  "bench [import|stock|analysis|map|atelier ...]\n"
                      + "        Run the benchmarks and print their figures.",
              "backup",
                  "backup FILE [--corporation CODE]\n"
                      + "        Write a consistent backup of the database (or of one corporation's rows\n"
                      + "        with the public data) to FILE, with row counts and checksums per table.",
              "restore",
                  "restore FILE\n"
                      + "        Load a backup into an empty database of the same schema version; all or\n"
                      + "        nothing, every table checked against the backup.",
              "verify-audit",
                  "verify-audit\n"
                      + "        Check the audit log's hash chain: exit 0 with 'N rows, chain intact', or 1\n"
                      + "        naming the first row whose content or link was changed."));

  private final List<Command> commands;

  public CommandLine(List<Command> commands) {
    this.commands = commands;
  }

  public static boolean isHelp(List<String> args) {
    return !args.isEmpty() && Set.of("--help", "-h", "help").contains(args.get(0));
  }

  public static boolean isCommand(List<String> args) {
    return !args.isEmpty() && COMMANDS.containsKey(args.get(0));
  }

  public static String help() {
    StringBuilder sb =
        new StringBuilder(
            "Veerkracht - livability and resilience for housing corporations\n\n"
                + "Usage: java -jar veerkracht.jar [COMMAND] [OPTIONS]\n\n"
                + "Without a command the web UI and API start on port 8080 (--server.port=N).\n\n"
                + "Commands:\n");
    COMMANDS.values().forEach(line -> sb.append("  ").append(line).append("\n"));
    sb.append(
        "\nSettings (environment): VEERKRACHT_HOME (data folder, default ~/.veerkracht),\n"
            + "VEERKRACHT_DB_URL / _USER / _PASSWORD (external PostgreSQL), VEERKRACHT_ADMIN_PASSWORD.\n"
            + "--veerkracht.demo=false skips loading the demo data on first start.\n");
    return sb.toString();
  }

  public int run(List<String> args, PrintStream out, PrintStream err) {
    String name = args.get(0);
    Command command =
        commands.stream()
            .filter(c -> c.name().equals(name))
            .findFirst()
            .orElseThrow(() -> new IllegalStateException("Command " + name + " is not available"));
    try {
      return command.run(args.subList(1, args.size()), out, err);
    } catch (Arguments.UsageException e) {
      err.println("veerkracht " + name + ": " + e.getMessage());
      err.println("Usage: java -jar veerkracht.jar " + command.usage());
      return Command.USAGE;
    }
  }
}
