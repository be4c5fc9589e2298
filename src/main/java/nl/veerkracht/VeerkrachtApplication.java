package nl.veerkracht;

import java.util.Arrays;
import java.util.List;
import nl.veerkracht.cli.CommandLine;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Entry point. Without a command (or with only settings such as {@code --server.port=9090}) it
 * serves the web UI and API; {@code import}, {@code bench}, {@code fetch} and {@code --help} run a
 * command against the configured database without a web server and exit with its code.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class VeerkrachtApplication {

  /** The clock of "this year" and "today"; tests may replace it. */
  @org.springframework.context.annotation.Bean
  public java.time.Clock clock() {
    return java.time.Clock.systemDefaultZone();
  }

  public static void main(String[] args) {
    List<String> argList = Arrays.asList(args);
    if (CommandLine.isHelp(argList)) {
      System.out.print(CommandLine.help());
      return;
    }
    if (CommandLine.isCommand(argList)) {
      System.exit(runCommand(args));
    }
    EarlyStart.embeddedDatabase(args);
    SpringApplication.run(VeerkrachtApplication.class, args);
  }

  private static int runCommand(String[] args) {
    nl.veerkracht.database.EmbeddedPostgresServer.markCommandProcess();
    EarlyStart.embeddedDatabase(args);
    SpringApplication app = new SpringApplication(VeerkrachtApplication.class);
    app.setWebApplicationType(WebApplicationType.NONE);
    app.setLogStartupInfo(false);
    java.util.Map<String, Object> defaults = new java.util.HashMap<>();
    defaults.put(CommandProcess.PROPERTY, "true");
    defaults.put("logging.level.root", "WARN");
    defaults.put("logging.level.nl.veerkracht", "WARN");
    if (args[0].equals("bench")) {
      // Benchmarks empty their tables: they get a scratch database of their own.
      defaults.put("veerkracht.db.embedded-database", "veerkracht_bench");
    }
    if (args[0].equals("restore")) {
      // a restore needs the database as empty as it is: no first administrator is made
      defaults.put("veerkracht.restoring", "true");
    }
    app.setDefaultProperties(defaults);
    try (ConfigurableApplicationContext context = app.run(args)) {
      return context.getBean(CommandLine.class).run(Arrays.asList(args), System.out, System.err);
    } catch (RuntimeException | LinkageError e) {
      org.slf4j.LoggerFactory.getLogger(VeerkrachtApplication.class).debug("Command failed", e);
      System.err.println("veerkracht: " + rootMessage(e));
      return 1;
    }
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    return t.getMessage() != null ? t.getMessage() : t.toString();
  }
}
