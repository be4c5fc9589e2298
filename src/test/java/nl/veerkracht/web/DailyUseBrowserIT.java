package nl.veerkracht.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import nl.veerkracht.analysis.AnalysisService;
import nl.veerkracht.cli.CommandLine;
import nl.veerkracht.support.Accounts;
import nl.veerkracht.support.Browser;
import nl.veerkracht.support.Cli;
import nl.veerkracht.support.Demo;
import nl.veerkracht.support.Http;
import nl.veerkracht.support.Login;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * Must show 1 of issue 27, from demo to daily use, in Chromium: a new corporation's analyst takes
 * the stock template from *Gegevens laden*, fills in 30 units and loads it — "30 eenheden in 3
 * complexen"; a complex over its nuisance threshold in the first signals file is on the home's "Te
 * doen" at once; the manager's home lists a plan awaiting approval; a partner lands on what is
 * shared with it.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "veerkracht.db.embedded-database=it_daily_use")
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DailyUseBrowserIT {

  @LocalServerPort int port;
  @Autowired CommandLine commandLine;
  @Autowired AnalysisService analysis;
  Browser browser;
  Path tmp;

  @BeforeAll
  void baarnAndANewCorporation() throws Exception {
    tmp = Files.createTempDirectory("daily-use");
    for (String f :
        List.of(
            "geo/gemeenten_2024_wgs84_kwb.geojson.gz",
            "geo/baarn_buurten_2024_wgs84_pdok_full.geojson",
            "leefbaarometer/lbm3_2024_buurt_nl.csv.gz")) {
      Cli.run(commandLine, "import", Demo.file(f).toString());
    }
    analysis.recompute();
    Http admin = new Http(port).as("admin", "admin-test-password");
    assertThat(
            admin
                .postJson("/api/corporations", "{\"code\":\"NWB\",\"name\":\"Nieuw Wonen Baarn\"}")
                .statusCode())
        .isEqualTo(201);
    assertThat(
            admin
                .postJson(
                    "/api/admin/organisations",
                    "{\"code\":\"GEMBAARN\",\"name\":\"Gemeente Baarn\",\"kind\":\"gemeente\"}")
                .statusCode())
        .isEqualTo(201);
    Accounts.staff(admin, "ana", "NWB", "ANALYST");
    Accounts.staff(admin, "mia", "NWB", "MANAGER");
    Accounts.partner(admin, "pia", "GEMBAARN");
    browser = new Browser();
  }

  @AfterAll
  void tearDown() {
    browser.close();
  }

  String url(String path) {
    return "http://localhost:" + port + path;
  }

  @Test
  @Order(1)
  void theAnalystLoadsThirtyUnitsFromTheTemplateAndAComplexOverItsThresholdIsToDoAtOnce()
      throws Exception {
    try (BrowserContext context = browser.context("nl-NL")) {
      Page page = context.newPage();
      Login.as(page, port, "ana", "ana-password-1");
      page.navigate(url("/gegevens"));
      page.click("#template-link a");
      page.waitForSelector("#template-columns");
      assertThat(page.textContent("#template-columns"))
          .contains("VHE-nummer", "verhuureenheid", "Complexnummer", "Latitude");
      Download template = page.waitForDownload(() -> page.click("#template-xlsx"));
      Path filled = tmp.resolve("nwb_eenheden.xlsx");
      fill(template.path(), filled);

      page.navigate(url("/gegevens"));
      page.setInputFiles("#file", filled);
      page.selectOption("#corporation", "NWB");
      page.click("#upload-submit");
      page.waitForSelector("#import-report[data-status=imported]");
      String report = page.textContent("#import-report");
      assertThat(report).contains("30 eenheden in 3 complexen; 30 in een buurt geplaatst");
      assertThat(report).doesNotContain("cijfers en 0 gebieden");
      System.out.printf(
          "[daily use] stock from the template: %s%n", line(report, "complexen; 30 in een buurt"));

      // the first signals file: 4 nuisance reports in 2025 in Brinkhof's 10 homes (40 per 100,
      // threshold 10) — on Te doen at once, no second import needed
      Path signals = tmp.resolve("nwb_signalen.csv");
      Files.writeString(
          signals,
          "Clustersoort;Complexnummer;Jaar;Soort melding;Aantal\n"
              + "OND;A1;2025;overlast;4\n"
              + "OND;B1;2025;overlast;0\n");
      page.navigate(url("/gegevens"));
      page.setInputFiles("#file", signals);
      page.selectOption("#corporation", "NWB");
      page.click("#upload-submit");
      page.waitForSelector("#import-report[data-status=imported]");
      page.navigate(url("/"));
      String todo = page.textContent("#todo");
      assertThat(todo).contains("Brinkhof (A1)", "40,0 in 2025", "drempel van 10,0");
      assertThat(todo).doesNotContain("Eemhof");
      // the analyst's data: the buurten of Baarn hold CBS figures of 2024 (the PDOK map of
      // 2024), while the newest edition this server knows is 2025; the Leefbaarometer of 2024 is
      // the newest measurement, so nothing is said about it
      assertThat(todo)
          .contains(
              "De nieuwste CBS-cijfers voor de buurten van Baarn zijn van 2024",
              "Kerncijfers wijken en buurten 2025",
              "86165NED");
      assertThat(todo).doesNotContain("Leefbaarometer");
      page.click("#todo li[data-kind=signal] a");
      page.waitForURL("**/voorraad/OND/A1**");
      // the complex's profile shows its own signals against the threshold
      page.navigate(url("/voorraad/OND/A1/profiel?corporation=NWB"));
      assertThat(page.textContent("#cprofile-signals"))
          .contains("overlast", "40,0", "boven de drempel", "10,0");
      assertThat(page.locator("#cprofile-signals tr[data-over=true]").count()).isEqualTo(1);
      // no empty headings: no move-outs were loaded, and the page says so
      assertThat(page.textContent("#cp-turnover-none")).contains("geen verhuisgegevens");

      // a file that cannot be read changes nothing and is on Te doen, with the report behind it
      Path broken = tmp.resolve("kapot.csv");
      Files.writeString(broken, "dit is geen tabel\n\u0001\u0002\n");
      page.navigate(url("/gegevens"));
      page.setInputFiles("#file", broken);
      page.selectOption("#corporation", "NWB");
      page.click("#upload-submit");
      page.waitForSelector("#import-report[data-status=rejected]");
      page.navigate(url("/"));
      assertThat(page.textContent("#todo li[data-kind=import]"))
          .contains("Import van kapot.csv is niet geladen");
      page.click("#todo li[data-kind=import] a");
      page.waitForSelector("#import-report[data-status=rejected]");
      System.out.printf(
          "[daily use] Te doen of the analyst: %s%n", todo.replaceAll("\\s+", " ").strip());
      // the home map is the corporation's own gemeente with its complexes
      page.navigate(url("/"));
      assertThat(page.textContent("#home-own")).contains("Baarn", "Nieuw Wonen Baarn");
    }
  }

  @Test
  @Order(2)
  void theManagersHomeListsAPlanAwaitingApproval() {
    Http ana = Accounts.as(port, "ana");
    assertThat(
            ana.postJson(
                    "/api/measures",
                    "{\"corporation\":\"NWB\",\"title\":\"Buurtconciërge Brinkhof\","
                        + "\"lever\":\"sociaal_beheer\",\"complexCode\":\"A1\","
                        + "\"startYear\":2027,\"endYear\":2028}")
                .statusCode())
        .isEqualTo(201);
    try (BrowserContext context = browser.context("nl-NL")) {
      Page page = context.newPage();
      Login.as(page, port, "mia", "mia-password-1");
      page.navigate(url("/"));
      String todo = page.textContent("#todo");
      assertThat(todo).contains("Beheerplan Brinkhof wacht op goedkeuring (versie 1)");
      page.click("#todo li[data-kind=plan] a");
      page.waitForURL("**/beheerplan**");
      assertThat(page.url()).contains("complex=A1");
      System.out.printf(
          "[daily use] Te doen of the manager: %s%n", todo.replaceAll("\\s+", " ").strip());
    }
  }

  @Test
  @Order(3)
  void aPartnerLandsOnWhatIsSharedWithIt() {
    try (BrowserContext context = browser.context("nl-NL")) {
      Page page = context.newPage();
      Login.as(page, port, "pia", "pia-password-1");
      page.navigate(url("/"));
      page.waitForURL("**/partner");
      assertThat(page.textContent("h1")).isEqualTo("Gedeeld met uw organisatie");
    }
  }

  /** Fills the template: 30 units in three complexes in Baarn, by their coordinates. */
  static void fill(Path template, Path out) throws Exception {
    byte[] bytes;
    try (InputStream in = Files.newInputStream(template);
        XSSFWorkbook wb = new XSSFWorkbook(in)) {
      Sheet units = wb.getSheet("Eenheden");
      List<String> header = new ArrayList<>();
      units.getRow(0).forEach(c -> header.add(c.getStringCellValue()));
      String[][] complexes = {
        {"A1", "Brinkhof", "Brink", "3743AB", "52.2125", "5.2858"},
        {"B1", "Eemhof", "Eemweg", "3742BC", "52.2200", "5.2722"},
        {"C1", "Laanhof", "Eemnesserweg", "3741GA", "52.2180", "5.2790"}
      };
      int r = 1;
      for (String[] k : complexes) {
        for (int i = 1; i <= 10; i++) {
          Row row = units.createRow(r++);
          set(row, header, "VHE-nummer", k[0] + "-" + i);
          set(row, header, "Straat", k[2]);
          set(row, header, "Huisnummer", String.valueOf(i));
          set(row, header, "Postcode", k[3]);
          set(row, header, "Plaats", "Baarn");
          set(row, header, "Latitude", k[4]);
          set(row, header, "Longitude", k[5]);
          set(row, header, "Complexnummer", k[0]);
          set(row, header, "Complexnaam", k[1]);
        }
      }
      ByteArrayOutputStream o = new ByteArrayOutputStream();
      wb.write(o);
      bytes = o.toByteArray();
    }
    Files.write(out, bytes);
  }

  static void set(Row row, List<String> header, String column, String value) {
    row.createCell(header.indexOf(column)).setCellValue(value);
  }

  static String line(String text, String part) {
    return text.lines().filter(l -> l.contains(part)).findFirst().orElse("").strip();
  }
}
