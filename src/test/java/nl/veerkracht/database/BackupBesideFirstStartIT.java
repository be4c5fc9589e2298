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
    for (int i = 0; i < HOMES; i++) {
      Path home = Files.createDirectories(TestHome.home().resolve("backup-beside-" + i));
      int port = JarProcess.freePort();
      long started = System.nanoTime();
      Process app = JarProcess.startServer(home, port, "beside-password");
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
        JarProcess.stop(app);
      }
    }
    System.out.printf(
        "[backup beside a first start] %d fresh homes, %d of %d backups completed, server answered"
            + " after each%n",
        HOMES, completed, BACKUPS_PER_HOME * HOMES);
  }

  private static CompletableFuture<JarProcess.Result> backup(Path home, String name) {
    return CompletableFuture.supplyAsync(
        () -> {
          try {
            return JarProcess.command(
                home, "backup", home.resolve(name + ".zip").toAbsolutePath().toString());
          } catch (Exception e) {
            throw new IllegalStateException(e);
          }
        });
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
