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
      } finally {
        for (Process app : apps) {
          JarProcess.stop(app);
        }
      }
    }
  }

  private static int count(EmbeddedPostgres db, String sql) throws Exception {
    try (Connection c = db.getPostgresDatabase().getConnection();
        ResultSet rs = c.createStatement().executeQuery(sql)) {
      rs.next();
      return rs.getInt(1);
    }
  }
}
