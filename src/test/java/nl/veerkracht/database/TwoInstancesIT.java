package nl.veerkracht.database;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nl.veerkracht.demo.DemoData;
import nl.veerkracht.support.Browser;
import nl.veerkracht.support.Http;
import nl.veerkracht.support.JarProcess;
import nl.veerkracht.support.Login;
import nl.veerkracht.support.RoundRobinProxy;
import nl.veerkracht.support.TestHome;
import org.junit.jupiter.api.Test;

/**
 * Finding 14 of the second trust review: two instances behind one address. Two servers (the jar,
 * each its own home folder) start at once on one empty PostgreSQL, behind a plain round-robin proxy
 * with no sticky sessions. A person signs in once in a real browser and opens ten pages: each is
 * signed in, whichever instance answers (sessions live in the database). The demo is loaded once,
 * not twice (one instance takes its lock, the other leaves it).
 */
class TwoInstancesIT {

  @Test
  void signedInOnceIsSignedInOnBothAndTheDemoLoadsOnce() throws Exception {
    Path folder = TestHome.home().resolve("two-instances-server");
    try (EmbeddedPostgres db =
        EmbeddedPostgres.builder()
            .setDataDirectory(folder.resolve("data"))
            .setOverrideWorkingDirectory(folder.resolve("bin").toFile())
            .start()) {
      Map<String, String> env =
          Map.of(
              "VEERKRACHT_DB_URL", db.getJdbcUrl("postgres", "postgres"),
              "VEERKRACHT_DB_USER", "postgres",
              "VEERKRACHT_DB_PASSWORD", "",
              // behind a proxy: redirects name the address the person used (README)
              "SERVER_FORWARD_HEADERS_STRATEGY", "native");
      List<Process> apps = new ArrayList<>();
      List<Integer> ports = new ArrayList<>();
      long started = System.nanoTime();
      try {
        for (String name : List.of("a", "b")) {
          Path home = Files.createDirectories(TestHome.home().resolve("two-instances-" + name));
          int port = JarProcess.freePort();
          apps.add(JarProcess.startServer(home, port, "two-password", env));
          ports.add(port);
        }
        for (int i = 0; i < apps.size(); i++) {
          JarProcess.awaitHealthy(
              apps.get(i),
              TestHome.home().resolve("two-instances-" + (i == 0 ? "a" : "b")),
              ports.get(i),
              started);
        }
        try (RoundRobinProxy proxy = new RoundRobinProxy(ports);
            Browser browser = new Browser();
            BrowserContext context = browser.context("nl-NL")) {
          Page page = context.newPage();
          Login.as(page, proxy.port(), "admin", "two-password");
          List<String> paths = List.of("/beheer", "/", "/bronnen", "/begrippen", "/beheer");
          int signedIn = 0;
          int pages = 0;
          for (int round = 0; round < 2; round++) {
            for (String path : paths) {
              page.navigate("http://localhost:" + proxy.port() + path);
              pages++;
              if (!page.url().contains("/login")
                  && page.locator("form[action='/logout']").count() == 1) {
                signedIn++;
              }
            }
          }
          System.out.printf(
              "[two instances] signed in once through a round-robin proxy: %d of %d pages signed"
                  + " in; instance A answered %d requests, instance B %d%n",
              signedIn, pages, proxy.served(0), proxy.served(1));
          assertThat(signedIn).isEqualTo(pages);
          assertThat(proxy.served(0)).isGreaterThanOrEqualTo(10);
          assertThat(proxy.served(1)).isGreaterThanOrEqualTo(10);
        }

        // the demo, loaded by one of the two: each file once
        long deadline = System.nanoTime() + Duration.ofSeconds(240).toNanos();
        int files = 0;
        while (System.nanoTime() < deadline) {
          files = count(db, "SELECT count(*) FROM demo_file");
          if (files == DemoData.FILES.size()) {
            break;
          }
          Thread.sleep(500);
        }
        int runs = count(db, "SELECT count(*) FROM import_run WHERE imported_by = 'demo'");
        int twice =
            count(
                db,
                "SELECT count(*) - count(DISTINCT file_name) FROM import_run"
                    + " WHERE imported_by = 'demo'");
        System.out.printf(
            "[two instances] demo on one empty database: %d of %d files, %d import runs, %d files"
                + " imported twice%n",
            files, DemoData.FILES.size(), runs, twice);
        assertThat(files).isEqualTo(DemoData.FILES.size());
        assertThat(runs).isPositive();
        assertThat(twice).as("no demo file imported twice").isZero();

        try (RoundRobinProxy proxy = new RoundRobinProxy(ports)) {
          writeLimitHoldsAcrossInstances(proxy.port());
        }
      } finally {
        for (Process app : apps) {
          JarProcess.stop(app);
        }
      }
    }
  }

  /**
   * The participant write limit (finding 14: it doubled with two instances, each counting in its
   * own memory). A participant sends 100 answers at once through the round-robin proxy: the two
   * instances together accept no more than one bucket allows (its burst plus what refilled while
   * they ran), the rest get 429.
   */
  private static void writeLimitHoldsAcrossInstances(int port) throws Exception {
    Http admin = new Http(port).as("admin", "two-password");
    var corporation =
        admin.postJson("/api/corporations", "{\"code\":\"TWEE\",\"name\":\"Twee Wonen\"}");
    assertThat(corporation.statusCode()).as(corporation.body()).isEqualTo(201);
    var created =
        admin.postJson(
            "/api/ateliers",
            "{\"name\":\"Snelheid\",\"type\":\"gebied\",\"corporation\":\"TWEE\","
                + "\"areaCodes\":[\"BU03080000\"],\"votesPerParticipant\":5}");
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    var atelier = Http.JSON.readTree(created.body());
    long id = atelier.get("id").asLong();
    var phase = admin.postJson("/api/ateliers/" + id + "/phase", "{\"phase\":\"READING\"}");
    assertThat(phase.statusCode()).as(phase.body()).isEqualTo(200);
    var joined =
        new Http(port)
            .postJson(
                "/api/ateliers/join",
                "{\"joinCode\":\""
                    + atelier.get("joinCode").asString()
                    + "\",\"displayName\":\"Snelle Sam\"}");
    assertThat(joined.statusCode()).as(joined.body()).isEqualTo(200);
    Http phone =
        new Http(port).bearer(Http.JSON.readTree(joined.body()).get("participantToken").asString());
    int writes = 100;
    java.util.concurrent.ExecutorService pool =
        java.util.concurrent.Executors.newFixedThreadPool(20);
    long t0 = System.nanoTime();
    List<java.util.concurrent.Future<Integer>> sent = new ArrayList<>();
    for (int i = 0; i < writes; i++) {
      String answer = i % 2 == 0 ? "herkenbaar" : "niet_herkenbaar";
      sent.add(
          pool.submit(
              () ->
                  phone
                      .postJson(
                          "/api/ateliers/" + id + "/answers",
                          "{\"card\":\"lbm_class\",\"answer\":\"" + answer + "\"}")
                      .statusCode()));
    }
    int accepted = 0;
    int refused = 0;
    for (var f : sent) {
      int status = f.get();
      if (status == 200) {
        accepted++;
      } else if (status == 429) {
        refused++;
      } else {
        throw new AssertionError("unexpected status " + status);
      }
    }
    double seconds = (System.nanoTime() - t0) / 1e9;
    pool.shutdown();
    // one bucket: 30 at once, 5 a second more
    double allowed = 30 + 5 * seconds;
    System.out.printf(
        "[two instances] one participant, %d answers at once through the proxy in %.1f s: %d"
            + " accepted, %d refused (429); one bucket allows %.0f%n",
        writes, seconds, accepted, refused, allowed);
    assertThat(accepted).isLessThanOrEqualTo((int) Math.ceil(allowed) + 1);
    assertThat(refused).isPositive();
  }

  private static int count(EmbeddedPostgres db, String sql) throws Exception {
    try (Connection c = db.getPostgresDatabase().getConnection();
        ResultSet rs = c.createStatement().executeQuery(sql)) {
      rs.next();
      return rs.getInt(1);
    }
  }
}
