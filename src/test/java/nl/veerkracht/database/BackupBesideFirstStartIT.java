package nl.veerkracht.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import nl.veerkracht.support.Http;
import nl.veerkracht.support.JarProcess;
import nl.veerkracht.support.TestHome;
import org.junit.jupiter.api.Test;

/**
 * Finding 1 of the second trust review: {@code backup} run next to a server that is starting on a
 * new home folder (unpacking, initdb, migrations, demo load) stopped the server's database, because
 * the server's own probe of the lock file dropped its lock. A fresh home, ten backups (the first
 * started with the server, the others 1.5 s apart while it unpacks, migrates and loads the demo):
 * every backup completes, the server keeps answering signed-in calls, and it still holds the lock
 * afterwards.
 */
class BackupBesideFirstStartIT {

  private static final int HOMES = 1;
  private static final int BACKUPS_PER_HOME = 10;

  @Test
  void backupsBesideAFirstStartNeverStopTheServersDatabase() throws Exception {
    int completed = 0;
    int peak = 0;
    int perCommand = 0;
    for (int i = 0; i < HOMES; i++) {
      Path home = Files.createDirectories(TestHome.home().resolve("backup-beside-" + i));
      int port = JarProcess.freePort();
      long started = System.nanoTime();
      Process app = JarProcess.startServer(home, port, "beside-password");
      ConnectionWatch watch = new ConnectionWatch(home);
      try {
        // the first with the server, the others while it unpacks, migrates and loads the demo
        List<CompletableFuture<JarProcess.Result>> backups = new java.util.ArrayList<>();
        for (int b = 0; b < BACKUPS_PER_HOME; b++) {
          backups.add(backup(home, "backup-" + b));
          Thread.sleep(1_500);
        }
        for (JarProcess.Result r : backups.stream().map(CompletableFuture::join).toList()) {
          assertThat(r.exitCode()).as(r.output()).isZero();
          assertThat(r.output()).contains("Backed up").doesNotContain("still serving");
          completed++;
        }
        JarProcess.awaitHealthy(app, home, port, started);
        peak = Math.max(peak, watch.stop());
        perCommand = Math.max(perCommand, watch.mostPerCommand());
        // a command holds the connections it uses, not a full pool: ten of them at ten each
        // passed the database's 100 connections on a slower machine (the server could then not
        // connect); one connection for the backup and one for the lookups around it is the most
        assertThat(perCommand)
            .as("most connections one backup held at once")
            .isLessThanOrEqualTo(3);
        Http admin = new Http(port).as("admin", "beside-password");
        var corporations = admin.get("/api/corporations");
        assertThat(corporations.statusCode()).as(corporations.body()).isEqualTo(200);
        assertThat(Files.readString(home.resolve("logs/app.log")))
            .doesNotContain("still serving")
            .doesNotContain("terminating connection due to administrator command");
        assertThat(locksHeldBy(app.pid(), home.resolve("pgdata.lock")))
            .as("the server still holds the home folder's lock")
            .isTrue();
      } finally {
        watch.stop();
        JarProcess.stop(app);
      }
    }
    System.out.printf(
        "[backup beside a first start] %d fresh homes, %d of %d backups completed, server answered"
            + " after each; at most %d database connections open at once, at most %d by one"
            + " backup%n",
        HOMES, completed, BACKUPS_PER_HOME * HOMES, peak, perCommand);
  }

  /** A thread each, so that ten really run at once whatever the number of cores. */
  private static final java.util.concurrent.ExecutorService EACH_OWN_THREAD =
      java.util.concurrent.Executors.newCachedThreadPool();

  private static CompletableFuture<JarProcess.Result> backup(Path home, String name) {
    return CompletableFuture.supplyAsync(
        () -> {
          try {
            return JarProcess.command(
                home, "backup", home.resolve(name + ".zip").toAbsolutePath().toString());
          } catch (Exception e) {
            throw new IllegalStateException(e);
          }
        },
        EACH_OWN_THREAD);
  }

  /** Counts the database's client connections every 100 ms, once the server serves. */
  private static final class ConnectionWatch {
    private final java.util.concurrent.atomic.AtomicInteger peak =
        new java.util.concurrent.atomic.AtomicInteger();
    private final java.util.concurrent.atomic.AtomicInteger perCommand =
        new java.util.concurrent.atomic.AtomicInteger();
    private volatile boolean running = true;
    private final Thread thread;

    ConnectionWatch(Path home) {
      thread =
          new Thread(
              () -> {
                java.sql.Connection c = null;
                while (running) {
                  try {
                    if (c == null) {
                      c = connect(home);
                    }
                    if (c != null) {
                      try (var rs =
                          c.createStatement()
                              .executeQuery(
                                  "select count(*) from pg_stat_activity"
                                      + " where backend_type = 'client backend'")) {
                        rs.next();
                        peak.accumulateAndGet(rs.getInt(1), Math::max);
                      }
                      try (var rs =
                          c.createStatement()
                              .executeQuery(
                                  "select coalesce(max(n), 0) from (select count(*) as n from"
                                      + " pg_stat_activity where application_name like '"
                                      + DatabaseConfiguration.COMMAND_APPLICATION
                                      + "%' group by application_name) a")) {
                        rs.next();
                        perCommand.accumulateAndGet(rs.getInt(1), Math::max);
                      }
                    }
                  } catch (java.sql.SQLException e) {
                    c = null; // not serving yet, or full: try again
                  }
                  try {
                    Thread.sleep(100);
                  } catch (InterruptedException e) {
                    break;
                  }
                }
                if (c != null) {
                  try {
                    c.close();
                  } catch (java.sql.SQLException e) {
                    // the server is stopping
                  }
                }
              },
              "connection-watch");
      thread.setDaemon(true);
      thread.start();
    }

    private static java.sql.Connection connect(Path home) throws java.sql.SQLException {
      Path portFile = home.resolve(EmbeddedPostgresServer.PORT_FILE);
      var password = EmbeddedPostgresServer.passwordOf(home);
      if (!Files.exists(portFile) || password.isEmpty()) {
        return null;
      }
      String port;
      try {
        port = Files.readString(portFile).trim().split("\\s+")[0];
      } catch (java.io.IOException e) {
        return null;
      }
      return java.sql.DriverManager.getConnection(
          "jdbc:postgresql://localhost:" + port + "/postgres", "postgres", password.get());
    }

    int mostPerCommand() {
      return perCommand.get();
    }

    int stop() {
      running = false;
      try {
        thread.join(5_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return peak.get();
    }
  }

  /**
   * Whether /proc/locks lists a lock of this process on the file (true where there is no /proc).
   */
  private static boolean locksHeldBy(long pid, Path file) throws Exception {
    Path locks = Path.of("/proc/locks");
    if (!Files.exists(locks)) {
      return true;
    }
    long inode = (Long) Files.getAttribute(file, "unix:ino");
    return Files.readAllLines(locks).stream()
        .map(l -> l.trim().split("\\s+"))
        .anyMatch(
            f -> f.length > 5 && f[4].equals(Long.toString(pid)) && f[5].endsWith(":" + inode));
  }
}
