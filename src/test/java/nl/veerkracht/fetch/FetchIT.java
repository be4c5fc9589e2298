package nl.veerkracht.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.List;
import nl.veerkracht.VeerkrachtProperties;
import nl.veerkracht.cli.CommandLine;
import nl.veerkracht.imports.ImportService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Must show 1 of the fetch issue: the fetcher against a local stub of PDOK, the CBS OData feed and
 * the Leefbaarometer site that serves real Baarn data — paging, a 503 followed by success, a
 * timeout and a malformed page each end in a correct import or a clean "nothing changed"; a second
 * run asks only for what is missing. Must show 3: without a network the command fails fast with
 * exit code 1.
 */
@SpringBootTest(properties = "veerkracht.db.embedded-database=it_fetch")
@ActiveProfiles("test")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FetchIT {

  static final StubServers STUB = StubServers.start();

  @DynamicPropertySource
  static void stub(DynamicPropertyRegistry r) {
    STUB.register(r);
    r.add("veerkracht.fetch.retries", () -> "2");
    // Baarn's 27 CBS rows come in pages of 10, against a stub that refuses more than 10 per query
    r.add("veerkracht.fetch.cbs-page-size", () -> "10");
    STUB.cbsRowLimit = 10;
    r.add("veerkracht.fetch.schedule.gemeenten", () -> "GM0308");
    r.add("veerkracht.fetch.schedule.years", () -> "2024");
  }

  @Autowired FetchSchedule schedule;

  @Autowired CommandLine commandLine;
  @Autowired JdbcClient jdbc;
  @Autowired nl.veerkracht.area.AreaNames areaNames;
  @Autowired ImportService imports;
  @Autowired VeerkrachtProperties properties;
  @Autowired FetchService fetch;
  @Autowired nl.veerkracht.imports.RunLogRepository runLog;

  @AfterAll
  static void stop() {
    STUB.stop();
  }

  record Run(int exit, String out, String err, long millis) {}

  Run cli(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    long t0 = System.nanoTime();
    int exit =
        commandLine.run(
            List.of(args),
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Run(
        exit,
        out.toString(StandardCharsets.UTF_8),
        err.toString(StandardCharsets.UTF_8),
        (System.nanoTime() - t0) / 1_000_000);
  }

  long runs() {
    return jdbc.sql("SELECT count(*) FROM import_run").query(Long.class).single();
  }

  long observations() {
    return jdbc.sql("SELECT count(*) FROM observation").query(Long.class).single();
  }

  FetchService with(String cbs, String pdok, String lbm, int readTimeout) {
    return with(cbs, pdok, lbm, readTimeout, 10);
  }

  FetchService with(String cbs, String pdok, String lbm, int readTimeout, int pageSize) {
    return new FetchService(
        new FetchSettings(cbs, pdok, lbm, null, null, 2, readTimeout, 1, 50L, pageSize),
        imports,
        properties,
        runLog);
  }

  FetchRequest baarn(boolean refresh) {
    return new FetchRequest(
        List.of("GM0308"),
        List.of(2024),
        EnumSet.allOf(FetchRequest.Source.class),
        2024,
        refresh,
        "test");
  }

  @Test
  @Order(1)
  void withoutANetworkTheCommandFailsFastAndChangesNothing() {
    long before = runs();
    // nothing listens on port 9 of this machine
    FetchService offline =
        with("http://127.0.0.1:9/cbs", "http://127.0.0.1:9/pdok", "http://127.0.0.1:9/lbm", 5);
    long t0 = System.nanoTime();
    try {
      offline.run(baarn(true), FetchService.Progress.NONE);
      throw new AssertionError("expected no connection");
    } catch (FetchException e) {
      assertThat(e.getMessage())
          .startsWith("No connection to PDOK")
          .contains("nothing was changed");
      assertThat(e.text().nl()).startsWith("Geen verbinding met PDOK").contains("niets veranderd");
    }
    // the failed fetch is in the history, although nothing was imported
    assertThat(runLog.recent(List.of(), 5))
        .anySatisfy(
            entry -> {
              assertThat(entry.status()).isEqualTo("failed");
              assertThat(entry.files()).startsWith("fetch GM0308");
            });
    assertThat((System.nanoTime() - t0) / 1_000_000).as("fails fast").isLessThan(3_000);
    // through the command, as a new user would: exit 1 and the message on stderr
    Run r = cliWith("http://127.0.0.1:9");
    assertThat(r.exit).isEqualTo(1);
    assertThat(r.err).contains("No connection to the CBS API", "nothing was changed");
    assertThat(runs()).isEqualTo(before);
  }

  Run cliWith(String base) {
    FetchCommand command =
        new FetchCommand(with(base + "/cbs", base + "/pdok", base + "/lbm", 5), areaNames);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int exit =
        command.run(
            List.of("--gemeente", "GM0308", "--year", "2024", "--source", "cbs", "--refresh"),
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Run(
        exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8), 0);
  }

  @Test
  @Order(2)
  void aTimeoutEndsInNothingChanged() {
    long before = observations();
    FetchService slow =
        with(STUB.base("slow") + "/cbs", STUB.base("ok") + "/pdok", STUB.base("ok") + "/lbm", 1);
    try {
      slow.run(baarn(true), FetchService.Progress.NONE);
      throw new AssertionError("expected a timeout");
    } catch (FetchException e) {
      assertThat(e.getMessage())
          .startsWith("the CBS API did not answer properly after 2 tries (no answer within 1 s)")
          .endsWith("nothing was changed");
    }
    assertThat(observations()).isEqualTo(before);
  }

  @Test
  @Order(3)
  void aMalformedPageEndsInNothingChangedAndTheNextRunFetchesOnlyWhatIsMissing() {
    long before = observations();
    FetchService bad =
        with(STUB.base("bad") + "/cbs", STUB.base("ok") + "/pdok", STUB.base("ok") + "/lbm", 5);
    try {
      bad.run(baarn(false), FetchService.Progress.NONE);
      throw new AssertionError("expected a malformed page");
    } catch (FetchException e) {
      assertThat(e.getMessage())
          .startsWith("the CBS API sent a malformed page (not JSON")
          .endsWith("nothing was changed");
    }
    assertThat(observations()).isEqualTo(before);
    // the same again, now that the CBS answers properly: PDOK is not asked again, only the
    // CBS pages (the first page of the malformed run was kept) and the Leefbaarometer zip
    int pdok = STUB.hits("ok/pdok");
    STUB.unavailableOnce.set(1);
    FetchService good =
        with(STUB.base("ok") + "/cbs", STUB.base("ok") + "/pdok", STUB.base("ok") + "/lbm", 5);
    FetchService.Result result = good.run(baarn(false), FetchService.Progress.NONE);
    assertThat(result.imported()).as(result.report().toText()).isTrue();
    assertThat(STUB.hits("ok/pdok")).isEqualTo(pdok);
    assertThat(result.fromCache()).isEqualTo(4); // the PDOK pages (gemeenten, wijken, 2 × buurten)
    assertThat(observations()).isGreaterThan(before);
  }

  @Test
  @Order(4)
  void theCommandFetchesPagesRetriesA503AndImportsBaarn() {
    STUB.unavailableOnce.set(1);
    Run r = cli("fetch", "--gemeente", "Baarn", "--year", "2024", "--refresh");
    assertThat(r.exit).as(r.out + r.err).isZero();
    assertThat(r.out).contains("CBS 85984NED: 27 rows");
    // PDOK buurten came in two pages, all 21 are there with their 2024 geometry
    assertThat(
            jdbc.sql(
                    "SELECT count(*) FROM area WHERE level = 'buurt' AND year = 2024 AND code LIKE 'BU0308%' AND geom IS NOT NULL")
                .query(Long.class)
                .single())
        .isEqualTo(21);
    // CBS rows: Baarn 2024 inhabitants as in the 85984NED extract; a buurt from the second page
    assertThat(value("GM0308", 2024, "inhabitants")).isEqualTo(25065);
    assertThat(value("BU03080000", 2024, "inhabitants")).isEqualTo(1825);
    assertThat(value("BU03080000", 2024, "households")).isEqualTo(1075);
    // Leefbaarometer: Baarn Centrum 2020 score 4.18; the Utrecht buurt in the zip was left out
    assertThat(value("BU03080000", 2020, "lbm_score")).isEqualTo(4.18);
    assertThat(
            jdbc.sql(
                    "SELECT count(*) FROM observation WHERE area_code LIKE 'BU0344%' AND indicator_id = 'lbm_score'")
                .query(Long.class)
                .single())
        .isZero();
    // provenance: each run names the URL it came from
    assertThat(
            jdbc.sql(
                    "SELECT source_url FROM import_run WHERE file_name LIKE 'kwb2024_85984NED_GM0308.json' ORDER BY id DESC LIMIT 1")
                .query(String.class)
                .single())
        .startsWith(STUB.base("ok") + "/cbs/85984NED/TypedDataSet?$format=json&$filter=startswith");
    // a second run: everything comes from the cache, nothing new is imported
    int hitsBefore = STUB.hits("ok");
    Run again = cli("fetch", "--gemeente", "GM0308", "--year", "2024");
    assertThat(again.exit).as(again.out + again.err).isZero();
    assertThat(STUB.hits("ok")).isEqualTo(hitsBefore);
    assertThat(again.out).contains("0 requests to the servers").contains("nothing new");
  }

  @Test
  @Order(5)
  void theScheduledRefreshAsksAgainAndReportsWhatChanged() {
    int before = STUB.hits("ok");
    FetchService.Result r = schedule.runOnce().orElseThrow();
    assertThat(r.imported()).isTrue();
    assertThat(STUB.hits("ok")).isGreaterThan(before); // it asked the servers again
    assertThat(r.report().status()).isEqualTo("unchanged"); // and nothing had changed
    assertThat(
            jdbc.sql("SELECT count(*) FROM import_run WHERE imported_by = 'schedule'")
                .query(Long.class)
                .single())
        .isZero(); // nothing new: no run recorded
  }

  @Test
  @Order(6)
  void theWholeCountryComesInPagesThatStayUnderTheApisLimitAndEveryRowIsImported() {
    // the real API refuses a query of more than 10,000 rows; here the stub refuses more than
    // 1,000, so the 3,756 rows of the country (every gemeente and wijk of the 85984NED extract and
    // Baarn's buurten) must come in pages
    STUB.cbsRowLimit = 1_000;
    FetchService country =
        with(
            STUB.base("ok") + "/cbs",
            STUB.base("ok") + "/pdok",
            STUB.base("ok") + "/lbm",
            5,
            1_000);
    FetchService.Result r =
        country.run(
            new FetchRequest(
                List.of(),
                List.of(2024),
                EnumSet.allOf(FetchRequest.Source.class),
                2024,
                true,
                "test"),
            FetchService.Progress.NONE);
    assertThat(r.imported()).as(r.report().toText()).isTrue();
    var kwb =
        r.report().files().stream()
            .filter(f -> f.file().equals("kwb2024_85984NED_alle_gemeenten.json"))
            .findFirst()
            .orElseThrow();
    assertThat(kwb.rowsRead()).isEqualTo(3_756);
    assertThat(kwb.rowsImported()).isEqualTo(3_756);
    assertThat(kwb.rejectionCount()).isZero();
    // every gemeente and wijk of 2024 has its boundary from the national PDOK answer
    assertThat(
            jdbc.sql(
                    "SELECT count(*) FROM area WHERE level = 'wijk' AND year = 2024 AND geom IS NOT NULL")
                .query(Long.class)
                .single())
        .isEqualTo(3_475);
    // a gemeente far from Baarn: Groningen's 2024 inhabitants as in the extract
    assertThat(value("GM0014", 2024, "inhabitants")).isEqualTo(243_768);
    // a query without $top for the whole country is refused, as by the real API
    STUB.cbsRowLimit = 1_000;
    assertThat(new Http(STUB.base("ok") + "/cbs/85984NED/TypedDataSet?$format=json").statusCode())
        .isEqualTo(500);
    STUB.cbsRowLimit = 10;
  }

  /** The status code of a GET. */
  record Http(String url) {
    int statusCode() {
      try {
        return java.net.http.HttpClient.newHttpClient()
            .send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create(url)).build(),
                java.net.http.HttpResponse.BodyHandlers.discarding())
            .statusCode();
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }
  }

  double value(String code, int year, String id) {
    return jdbc.sql(
            "SELECT value FROM observation WHERE area_code = ? AND year = ? AND indicator_id = ?")
        .params(code, year, id)
        .query(Double.class)
        .single();
  }
}
