package nl.veerkracht.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import nl.veerkracht.support.Http;
import nl.veerkracht.support.TestHome;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Must shows 2 and 3 of the foundation issue, with the real jar: a first start on an empty home
 * folder (demo included) and a later start answer health UP and show the map; data written before a
 * {@code kill -9} is there after the next start, which recovers from the orphaned PostgreSQL on its
 * own. Start-up times are printed (they are reported, not asserted: speed is measured, not tested).
 */
class KillRecoveryIT {

  private Process app;

  @AfterEach
  void stop() throws InterruptedException {
    if (app != null && app.isAlive()) {
      app.destroy();
      app.waitFor(60, TimeUnit.SECONDS);
    }
  }

  @Test
  void comesBackAfterKill9WithItsData() throws Exception {
    Path home = Files.createDirectories(TestHome.home().resolve("kill-test"));
    int port = freePort();
    Http http = new Http(port);

    long first = start(home, port);
    System.out.printf(
        "[startup] first start with an empty home (demo included): health UP after %d ms%n", first);
    assertThat(http.get("/").body()).contains("id=\"map\"").contains("data-geojson");
    assertThat(
            http.getJson("/api/map/gemeente.geojson?year=2022&indicator=pct_corporation_rent")
                .path("features")
                .size())
        .isEqualTo(346);
    var created =
        http.as("admin", "kill-test-password")
            .postJson("/api/corporations", "{\"code\":\"KILL\",\"name\":\"Na kill -9\"}");
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);

    long pid = app.pid();
    app.destroyForcibly().waitFor(30, TimeUnit.SECONDS); // SIGKILL: no shutdown hooks run
    assertThat(Files.exists(home.resolve("pgdata/postmaster.pid")))
        .as("PostgreSQL orphaned by kill -9")
        .isTrue();

    long second = start(home, port);
    System.out.printf(
        "[startup] start after kill -9 of pid %d: health UP after %d ms%n", pid, second);
    assertThat(http.as("admin", "kill-test-password").get("/api/corporations").body())
        .contains("\"code\":\"KILL\"");
    assertThat(Files.readString(home.resolve("logs/app.log")))
        .contains("from an earlier run is still serving");

    app.destroy();
    assertThat(app.waitFor(60, TimeUnit.SECONDS)).isTrue();
    long third = start(home, port);
    System.out.printf("[startup] later start after a clean stop: health UP after %d ms%n", third);
  }

  private long start(Path home, int port) throws IOException, InterruptedException {
    Path jar = Path.of("target", "veerkracht.jar").toAbsolutePath();
    assertThat(jar).exists();
    ProcessBuilder pb =
        new ProcessBuilder(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar",
                jar.toString(),
                "--server.port=" + port));
    pb.environment().put("VEERKRACHT_HOME", home.toString());
    pb.environment().put("VEERKRACHT_ADMIN_PASSWORD", "kill-test-password");
    pb.environment().remove("VEERKRACHT_DB_URL");
    pb.redirectErrorStream(true);
    pb.redirectOutput(
        ProcessBuilder.Redirect.appendTo(
            Files.createDirectories(home.resolve("logs")).resolve("app.log").toFile()));
    long started = System.nanoTime();
    app = pb.start();
    Http http = new Http(port);
    long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
    while (System.nanoTime() < deadline) {
      if (!app.isAlive()) {
        throw new AssertionError(
            "The application stopped: " + Files.readString(home.resolve("logs/app.log")));
      }
      try {
        if (http.get("/actuator/health").body().contains("\"status\":\"UP\"")) {
          return (System.nanoTime() - started) / 1_000_000;
        }
      } catch (IllegalStateException notYet) {
        // not listening yet
      }
      Thread.sleep(200);
    }
    throw new AssertionError("No health UP within 120 s");
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }
}
