package nl.veerkracht;

import java.nio.file.Path;
import nl.veerkracht.database.EmbeddedPostgresServer;

/**
 * Starts the embedded PostgreSQL before Spring, so that its start (seconds on a first run:
 * unpacking and initdb) overlaps with building the application context. Reads the two settings that
 * decide it the way Spring would from the command line and the environment; when Spring later binds
 * another home folder, that one is started instead and this one merely idles.
 */
final class EarlyStart {

  private EarlyStart() {}

  static void embeddedDatabase(String[] args) {
    String home = System.getenv("VEERKRACHT_HOME");
    String dbUrl = System.getenv("VEERKRACHT_DB_URL");
    for (String arg : args) {
      if (arg.startsWith("--veerkracht.home=")) {
        home = arg.substring("--veerkracht.home=".length());
      } else if (arg.startsWith("--veerkracht.db.url=")) {
        dbUrl = arg.substring("--veerkracht.db.url=".length());
      }
    }
    if (dbUrl != null && !dbUrl.isBlank()) {
      return;
    }
    Path path =
        home != null && !home.isBlank()
            ? Path.of(home)
            : new VeerkrachtProperties(null, null, null, null, null, null).home();
    quietLibraries();
    try {
      EmbeddedPostgresServer.startInBackground(path);
    } catch (RuntimeException e) {
      // The regular start reports the problem.
    }
  }

  /** Before Spring configures logging, keep the database library's start-up chatter out. */
  private static void quietLibraries() {
    if (org.slf4j.LoggerFactory.getLogger("io.zonky")
        instanceof ch.qos.logback.classic.Logger logger) {
      logger.setLevel(ch.qos.logback.classic.Level.WARN);
    }
  }
}
