package nl.veerkracht.plan;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import nl.veerkracht.demo.DemoDataLoader;
import nl.veerkracht.support.Browser;
import nl.veerkracht.support.Demo;
import nl.veerkracht.support.Documents;
import nl.veerkracht.support.Http;
import nl.veerkracht.support.Login;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;

/**
 * Must show 1 of the planning issue, in Chromium: the top-ranked measure of an atelier on a demo
 * complex becomes a planned measure, takes up and moves an MJOB line, the manager approves the
 * beheerplan, its PDF and XLSX are downloaded and read back (measure, cost per year, target,
 * sources); a later edit makes version 2 and version 1 stays as approved. Screenshots go to {@code
 * target/screenshots/planning-*.png}.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "veerkracht.db.embedded-database=it_planning_browser")
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PlanningBrowserIT {

  @LocalServerPort int port;
  @Autowired DemoDataLoader demo;
  @Autowired JdbcClient jdbc;
  Browser browser;
  String complex;
  String buurt;
  int units;
  long atelierId;

  @BeforeAll
  void anAtelierThatRankedMeasuresForADemoComplex() {
    demo.load(Demo.CORPORATION);
    Http admin = new Http(port).as("admin", "admin-test-password");
    assertThat(
            admin
                .postJson(
                    "/api/admin/users",
                    """
        {"username":"mona","password":"mona-password-1","memberships":[{"corporation":"DEMO","role":"MANAGER"}]}""")
                .statusCode())
        .isEqualTo(201);
    complex =
        jdbc.sql(
                """
            SELECT c.code FROM stock_cluster c JOIN corporation k ON k.id = c.corporation_id
              JOIN maintenance_plan p ON p.cluster_id = c.id
             WHERE k.code = 'DEMO' AND c.type = k.complex_cluster_type
             GROUP BY c.code ORDER BY count(*) DESC, c.code LIMIT 1""")
            .query(String.class)
            .single();
    units =
        jdbc.sql(
                "SELECT count(*) FROM stock_unit_cluster uc JOIN stock_cluster c ON c.id ="
                    + " uc.cluster_id WHERE c.code = ?")
            .param(complex)
            .query(Integer.class)
            .single();
    buurt =
        jdbc.sql(
                "SELECT a.buurt_code FROM stock_unit_area a JOIN stock_unit_cluster uc ON"
                    + " uc.unit_id = a.unit_id JOIN stock_cluster c ON c.id = uc.cluster_id"
                    + " WHERE c.code = ? AND a.buurt_code IS NOT NULL LIMIT 1")
            .param(complex)
            .query(String.class)
            .single();
    JsonNode atelier =
        json(
            admin.postJson(
                "/api/ateliers",
                "{\"name\":\"Werkatelier Plan\",\"type\":\"gebied\",\"corporation\":\"DEMO\","
                    + "\"areaCodes\":[\""
                    + buurt
                    + "\"],\"complexCodes\":[\""
                    + complex
                    + "\"]}"));
    atelierId = atelier.get("id").asLong();
    long area =
        json(admin.postJson(
                "/api/ateliers/" + atelierId + "/problem-areas",
                "{\"name\":\"Rond het complex\",\"buurtCodes\":[\""
                    + buurt
                    + "\"],\"complexCodes\":[\""
                    + complex
                    + "\"]}"))
            .get("id")
            .asLong();
    long light = measure(admin, area, "Entree en verlichting vernieuwen", "onderhoud");
    long caretaker = measure(admin, area, "Buurtconciërge", "sociaal_beheer");
    Http ria =
        new Http(port)
            .bearer(
                json(new Http(port)
                        .postJson(
                            "/api/ateliers/join",
                            "{\"joinCode\":\""
                                + atelier.get("joinCode").asString()
                                + "\",\"displayName\":\"Ria\"}"))
                    .get("participantToken")
                    .asString());
    assertThat(
            admin
                .postJson("/api/ateliers/" + atelierId + "/phase", "{\"phase\":\"PRIORITISING\"}")
                .statusCode())
        .isEqualTo(200);
    vote(ria, light, 3);
    vote(ria, caretaker, 1);
    browser = new Browser();
  }

  static JsonNode json(HttpResponse<String> r) {
    assertThat(r.statusCode()).as(r.body()).isBetween(200, 201);
    return Http.JSON.readTree(r.body());
  }

  long measure(Http admin, long area, String title, String lever) {
    return json(admin.postJson(
            "/api/ateliers/" + atelierId + "/measures",
            "{\"problemAreaId\":"
                + area
                + ",\"title\":\""
                + title
                + "\",\"lever\":\""
                + lever
                + "\"}"))
        .get("id")
        .asLong();
  }

  void vote(Http who, long measure, int count) {
    json(
        who.postJson(
            "/api/ateliers/" + atelierId + "/votes",
            "{\"targetId\":" + measure + ",\"count\":" + count + "}"));
  }

  @AfterAll
  void tearDown() {
    browser.close();
  }

  String url(String path) {
    return "http://localhost:" + port + path;
  }

  static String euro(BigDecimal amount) {
    return nl.veerkracht.common.Text.euro(amount.doubleValue(), 2).nl();
  }

  @Test
  void theTopMeasureBecomesAPlannedMeasureInAnApprovedVersionedBeheerplan() throws Exception {
    try (BrowserContext context = browser.context("nl-NL")) {
      Page page = context.newPage();
      Login.as(page, port, "mona", "mona-password-1");
      page.navigate(url("/ateliers/" + atelierId + "/resultaten"));
      page.click(".vk-plan-measure[data-rank='1']");
      page.waitForURL("**/maatregelen/nieuw**");
      assertThat(page.textContent("#from-atelier")).contains("Werkatelier Plan", "plaats 1");
      assertThat(page.inputValue("#m-title")).isEqualTo("Entree en verlichting vernieuwen");
      assertThat(page.inputValue("#m-lever")).isEqualTo("onderhoud");
      assertThat(page.inputValue("#m-complex")).isEqualTo(complex);
      page.fill("#m-start", "2027");
      page.fill("#m-end", "2028");
      page.selectOption("#m-cost-0-kind", "per_unit_once");
      page.selectOption("#m-cost-1-kind", "per_year");
      // a wrong amount is refused beside its field, and nothing typed is lost
      page.fill("#m-cost-0-amount", "12,3,4");
      page.fill("#m-cost-1-amount", "1.250,50");
      page.fill("#m-owner", "Team Vastgoed");
      page.click("#measure-save");
      page.waitForSelector("#m-cost-0-amount.is-invalid");
      assertThat(page.textContent("#m-cost-0-amount-error")).contains("12,3,4", "geen getal");
      assertThat(page.getAttribute("#m-cost-0-amount", "aria-describedby"))
          .isEqualTo("m-cost-0-amount-error");
      assertThat(page.inputValue("#m-owner")).isEqualTo("Team Vastgoed");
      assertThat(page.inputValue("#m-cost-1-amount")).isEqualTo("1.250,50");
      // amounts as people type them in Dutch: a thousands point, a decimal comma
      page.fill("#m-start", "2027");
      page.fill("#m-end", "2028");
      page.fill("#m-cost-0-amount", "32.000");
      page.selectOption("#m-status", "gepland");
      page.fill("#m-owner", "Team Vastgoed");
      page.fill("#m-partners", "Gemeente Baarn");
      // the figure is chosen by its name from a grouped list, not typed as a code
      page.selectOption(
          "#m-target-indicator",
          new com.microsoft.playwright.options.SelectOption()
              .setLabel(page.locator("#m-target-indicator option[value=lbm_onv]").textContent()));
      assertThat(page.locator("#m-target-indicator option[value=lbm_onv]").textContent())
          .doesNotContain("lbm_onv");
      page.fill("#m-target-value", "0.05");
      page.fill("#m-target-year", "2030");
      page.click("#measure-save");
      page.waitForSelector("#measure-per-year");
      assertThat(page.textContent("#saved-notice")).isEqualTo("Opgeslagen.");
      BigDecimal perYear = new BigDecimal("1250.50");
      BigDecimal first = new BigDecimal(32000L * units).add(perYear);
      assertThat(page.textContent("#measure-per-year"))
          .contains("2027", euro(first), "2028", euro(perYear));
      String measureUrl = page.url();

      // take up the complex's first MJOB line and move it one year on
      String lineId = page.getAttribute("#mjob-form input[type=checkbox]", "id").substring(5);
      String lineYear = page.textContent("#mjob-form tbody tr:first-child td:nth-child(2)").trim();
      page.check("#line-" + lineId);
      page.fill("#move-" + lineId, String.valueOf(Integer.parseInt(lineYear) + 1));
      page.click("#mjob-save");
      page.waitForSelector("#mjob-shift tr.table-warning");
      Files.createDirectories(Browser.SCREENSHOTS);
      page.screenshot(
          new Page.ScreenshotOptions()
              .setPath(Browser.SCREENSHOTS.resolve("planning-measure.png"))
              .setFullPage(true));

      page.click("#to-plan");
      page.waitForSelector("#plan-version");
      assertThat(page.textContent("#plan-version")).contains("Versie 1 · concept");
      assertThat(page.textContent("#plan-ateliers")).isNotNull();
      assertThat(page.textContent("main"))
          .contains("Werkatelier Plan", "Rond het complex", "Entree en verlichting vernieuwen");
      // approving asks first: declined, nothing changes; accepted, version 1 is approved
      String[] asked = new String[1];
      page.onceDialog(
          d -> {
            asked[0] = d.message();
            d.dismiss();
          });
      page.click("#plan-approve");
      assertThat(asked[0]).contains("Versie 1 goedkeuren", "versie 2");
      assertThat(page.textContent("#plan-version")).contains("concept");
      page.onceDialog(com.microsoft.playwright.Dialog::accept);
      page.click("#plan-approve");
      page.waitForSelector("#plan-approved");
      assertThat(page.textContent("#plan-next-version")).contains("versie 2");
      assertThat(page.textContent("#plan-version")).contains("Versie 1 · goedgekeurd door mona");
      page.screenshot(
          new Page.ScreenshotOptions()
              .setPath(Browser.SCREENSHOTS.resolve("planning-beheerplan.png"))
              .setFullPage(true));

      Download pdf = page.waitForDownload(() -> page.click("#plan-pdf"));
      String text = Documents.pdfText(Files.readAllBytes(pdf.path()));
      assertThat(text)
          .contains("Entree en verlichting vernieuwen", "Versie 1", "goedgekeurd door mona")
          .contains(euro(first), euro(perYear))
          .contains("lbm_onv naar 0,05 in 2030")
          .contains("Werkatelier Plan", "MJOB", "Bronnen", "Leefbaarometer");
      Download xlsx = page.waitForDownload(() -> page.click("#plan-xlsx"));
      byte[] workbook = Files.readAllBytes(xlsx.path());
      assertThat(Documents.xlsxText(workbook))
          .contains(
              "Entree en verlichting vernieuwen", "lbm_onv", "Gemeente Baarn", "Leefbaarometer");
      try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(workbook))) {
        Sheet costs = wb.getSheet("Kosten per jaar");
        Row y2027 = costs.getRow(1);
        assertThat(y2027.getCell(2).getNumericCellValue()).isEqualTo(2027);
        assertThat(y2027.getCell(3).getNumericCellValue()).isEqualTo(first.doubleValue());
        assertThat(costs.getRow(2).getCell(3).getNumericCellValue()).isEqualTo(1250.50);
        Row m = wb.getSheet("Maatregelen").getRow(1);
        assertThat(m.getCell(10).getStringCellValue()).isEqualTo("lbm_onv");
        assertThat(m.getCell(11).getNumericCellValue()).isEqualTo(0.05);
        assertThat(m.getCell(12).getNumericCellValue()).isEqualTo(2030);
      }

      // a later edit: the plan's next version is a draft, version 1 stays as approved
      page.navigate(measureUrl);
      page.fill("#m-cost-1-amount", "1500");
      page.click("#measure-save");
      page.waitForSelector("#measure-per-year:has-text('" + euro(new BigDecimal(1500)) + "')");
      page.click("#to-plan");
      page.waitForSelector("#plan-version");
      assertThat(page.textContent("#plan-version")).contains("Versie 2 · concept");
      assertThat(page.textContent("#plan-versions")).contains("v1");
      page.click("#plan-versions a:text('v1')");
      page.waitForSelector("#plan-newer");
      assertThat(page.textContent("#plan-version")).contains("Versie 1 · goedgekeurd door mona");
      Download v1 = page.waitForDownload(() -> page.click("#plan-pdf"));
      String v1Text = Documents.pdfText(Files.readAllBytes(v1.path()));
      assertThat(v1Text)
          .contains(euro(perYear))
          .doesNotContain(euro(new BigDecimal(1500)))
          .isEqualTo(text);
    }
  }

  /** Must show 3 of the monitoring issue: the yearly report of the demo corporation, read back. */
  @Test
  void theYearlyReportDownloadsAsPdfAndXlsxWithTargetsBudgetAndSources() throws Exception {
    Http admin = new Http(port).as("admin", "admin-test-password");
    HttpResponse<String> created =
        admin.postJson(
            "/api/measures",
            "{\"corporation\":\"DEMO\",\"title\":\"Schuldhulp aan huis\",\"lever\":\"sociaal_beheer\","
                + "\"areaCode\":\""
                + buurt
                + "\",\"costs\":[{\"kind\":\"per_year\",\"amountEuro\":4000}],"
                + "\"startYear\":2020,\"endYear\":2027,"
                + "\"target\":{\"indicator\":\"lbm_class\",\"value\":7,\"year\":2028}}");
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    long id = Http.JSON.readTree(created.body()).get("id").longValue();
    int year = java.time.LocalDate.now().getYear();
    try (BrowserContext context = browser.context("nl-NL")) {
      Page page = context.newPage();
      Login.as(page, port, "mona", "mona-password-1");
      // what it actually cost this year, recorded on the measure's page
      page.navigate(url("/maatregelen/" + id + "?corporation=DEMO"));
      page.fill("#spend-year", String.valueOf(year));
      page.fill("#spend-amount", "3500");
      page.click("#spend-save");
      page.waitForSelector("#measure-per-year:has-text('" + euro(new BigDecimal(3500)) + "')");
      page.navigate(url("/maatregelen?corporation=DEMO"));
      page.click("#to-targets");
      page.waitForSelector("#target-table");
      assertThat(page.textContent("#target-table")).contains("Schuldhulp aan huis");
      Download pdf = page.waitForDownload(() -> page.click("#report-pdf"));
      String text = Documents.pdfText(Files.readAllBytes(pdf.path())).replaceAll("\\s+", " ");
      assertThat(text)
          .contains("Leefbaarheidsmonitor Woonstichting Voorbeeld")
          .contains("Doelen", "Schuldhulp aan huis", "Leefbaarometer klasse")
          .contains("Begroot " + year, euro(new BigDecimal(4000)))
          .contains("Uitgegeven " + year, euro(new BigDecimal(3500)))
          .contains("Bronnen", "Leefbaarometer");
      Download xlsx = page.waitForDownload(() -> page.click("#report-xlsx"));
      try (XSSFWorkbook wb =
          new XSSFWorkbook(new ByteArrayInputStream(Files.readAllBytes(xlsx.path())))) {
        Sheet measures = wb.getSheet("Maatregelen en begroting " + year);
        boolean found = false;
        for (Row r : measures) {
          if (r.getRowNum() > 0
              && r.getCell(0).getStringCellValue().equals("Schuldhulp aan huis")) {
            assertThat(r.getCell(5).getNumericCellValue()).isEqualTo(4000);
            assertThat(r.getCell(6).getNumericCellValue()).isEqualTo(3500);
            assertThat(r.getCell(7).getNumericCellValue()).isEqualTo(8 * 4000);
            assertThat(r.getCell(8).getNumericCellValue()).isEqualTo(3500);
            found = true;
          }
        }
        assertThat(found).isTrue();
        assertThat(Documents.xlsxText(Files.readAllBytes(xlsx.path())))
            .contains("Schuldhulp aan huis", "Leefbaarometer klasse", "Leefbaarometer")
            .containsPattern(
                "Maatregelen en begroting van Woonstichting Voorbeeld.*\\(eigen administratie\\)");
        assertThat(wb.getSheet("Doelen")).isNotNull();
        assertThat(wb.getSheet("Bronnen")).isNotNull();
        // issue 27: "Vorige meting" is the measurement before the newest, whichever year it was
        // (it was the literal year before, empty in every row); the complexes' own signals are in
        Sheet buurten = wb.getSheetAt(0);
        assertThat(buurten.getRow(0).getCell(2).getStringCellValue()).isEqualTo("Vorige meting");
        int filled = 0;
        int rows = 0;
        for (Row r : buurten) {
          if (r.getRowNum() == 0) {
            continue;
          }
          rows++;
          for (int c = 1; c + 1 < r.getLastCellNum(); c += 2) {
            String now = r.getCell(c).getStringCellValue();
            String before = r.getCell(c + 1).getStringCellValue();
            if (!before.equals("nog geen gegevens")) {
              filled++;
              assertThat(year(before)).as(before + " before " + now).isLessThan(year(now));
            }
          }
        }
        assertThat(filled).as("previous measurements filled").isPositive();
        Sheet signals = wb.getSheet("Eigen signalen per complex");
        assertThat(signals).isNotNull();
        assertThat(signals.getLastRowNum()).as("own signals listed").isPositive();
        System.out.printf(
            "[yearly report] %d buurten, %d previous measurements filled, %d own signals%n",
            rows, filled, signals.getLastRowNum());
      }
    }
  }

  /** The year in brackets at the end of a report cell ("klasse 6 (2024)"). */
  static int year(String cell) {
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\((\\d{4})\\)$").matcher(cell);
    assertThat(m.find()).as(cell).isTrue();
    return Integer.parseInt(m.group(1));
  }
}
