package nl.veerkracht.agreement;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import nl.veerkracht.analysis.AnalysisService;
import nl.veerkracht.demo.DemoDataLoader;
import nl.veerkracht.support.Accounts;
import nl.veerkracht.support.Browser;
import nl.veerkracht.support.Demo;
import nl.veerkracht.support.Http;
import nl.veerkracht.support.Login;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
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
 * Must show 6 of issue 27: a prestatieafspraak between the demo corporation, Gemeente Baarn and the
 * tenants' organisation over Baarn-Centrum, with two measures whose targets are one on track and
 * one off track, has status "aandacht" by the stated rule; its evaluation XLSX and PDF read back
 * with the agreed text, the measures, the spending and the figures; a partner of a party reads it,
 * a partner of another organisation and staff of another corporation get 404.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "veerkracht.db.embedded-database=it_agreement")
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AgreementIT {

  static final String CENTRUM = "BU03080000";
  static final String TEXT =
      "Partijen werken samen aan minder schulden in Baarn-Centrum: vroegsignalering bij"
          + " huurachterstand en een schuldhulpspreekuur in de wijk.";

  @LocalServerPort int port;
  @Autowired DemoDataLoader demo;
  @Autowired AnalysisService analysis;
  @Autowired JdbcClient jdbc;
  Http admin;
  Http pia;
  Http huub;
  Http piet;
  Http bob;
  long onTrack;
  long offTrack;

  @BeforeAll
  void demoWithTwoTargetsAndThreeOrganisations() {
    demo.load(Demo.CORPORATION);
    analysis.recompute();
    admin = new Http(port).as("admin", "admin-test-password");
    ok(admin.postJson("/api/corporations", "{\"code\":\"CORPX\",\"name\":\"Woonstad X\"}"));
    ok(
        admin.postJson(
            "/api/admin/organisations",
            "{\"code\":\"GEMBAARN\",\"name\":\"Gemeente Baarn\",\"kind\":\"gemeente\"}"));
    ok(
        admin.postJson(
            "/api/admin/organisations",
            "{\"code\":\"HUURBAARN\",\"name\":\"Huurdersvereniging Baarn\",\"kind\":\"HUURDERS\"}"));
    ok(
        admin.postJson(
            "/api/admin/organisations",
            "{\"code\":\"POLITIE\",\"name\":\"Politie Midden-Nederland\",\"kind\":\"POLITIE\"}"));
    Accounts.partner(admin, "pia", "GEMBAARN");
    Accounts.partner(admin, "huub", "HUURBAARN");
    Accounts.partner(admin, "piet", "POLITIE");
    Accounts.staff(admin, "bob", "CORPX", "MANAGER");
    pia = Accounts.as(port, "pia");
    huub = Accounts.as(port, "huub");
    piet = Accounts.as(port, "piet");
    bob = Accounts.as(port, "bob");
    // bijstand per 1,000 inhabitants in Centrum: 16.81 in 2020, 10.96 in 2024 (MonitorIT works
    // these out from the bundled CBS file). Towards 10 by 2026 the line stands at 12.27 in 2024:
    // on track. Towards 0 by 2024 the line stands at 0: off track.
    onTrack = measure("Schuldhulpspreekuur Centrum", 10, 2026, 25000);
    offTrack = measure("Vroegsignalering huurachterstand", 0, 2024, 12000);
    spend(onTrack, 2024, "8000");
    spend(onTrack, 2025, "9500.50");
    spend(offTrack, 2024, "4000");
  }

  long measure(String title, double target, int year, int once) {
    HttpResponse<String> r =
        admin.postJson(
            "/api/measures",
            """
            {"corporation":"DEMO","title":"%s","lever":"sociaal_beheer","areaCode":"%s",
             "costs":[{"kind":"once","amountEuro":%d}],"startYear":2020,"endYear":2026,
             "target":{"indicator":"social_assistance_per_1000","value":%s,"year":%d}}"""
                .formatted(title, CENTRUM, once, target, year));
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    return Http.JSON.readTree(r.body()).get("id").longValue();
  }

  void spend(long measure, int year, String amount) {
    HttpResponse<String> r =
        admin.send(
            "PUT",
            "/api/measures/" + measure + "/spending?corporation=DEMO",
            "{\"year\":" + year + ",\"amountEuro\":" + amount + "}");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
  }

  static void ok(HttpResponse<String> r) {
    assertThat(r.statusCode()).as(r.body()).isBetween(200, 201);
  }

  String request(String title, String gemeente, String parties) {
    return """
        {"corporation":"DEMO","title":"%s","text":"%s","gemeente":"%s","startYear":2020,
         "endYear":2026,"parties":[%s],"areas":["%s"],"measures":[%d,%d]}"""
        .formatted(title, TEXT, gemeente, parties, CENTRUM, onTrack, offTrack);
  }

  long agreements() {
    return jdbc.sql("SELECT count(*) FROM agreement").query(Long.class).single();
  }

  @Test
  void oneOnTrackOneOffMeansAttentionAndTheEvaluationReadsBackForThePartiesOnly() throws Exception {
    HttpResponse<String> created =
        admin.postJson(
            "/api/agreements",
            request("Prestatieafspraken Baarn 2020-2026", "GM0308", "\"GEMBAARN\",\"HUURBAARN\""));
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    JsonNode a = Http.JSON.readTree(created.body());
    long id = a.get("id").longValue();
    List<String> statuses = new ArrayList<>();
    a.get("targets").forEach(t -> statuses.add(t.get("assessment").get("status").asString()));
    assertThat(statuses).containsExactlyInAnyOrder("ON_TRACK", "OFF_TRACK");
    assertThat(a.get("status").asString()).isEqualTo("AANDACHT");
    assertThat(a.get("gemeente").get("name").asString()).isEqualTo("Baarn");
    assertThat(a.get("areas").get(0).get("name").asString()).isNotEqualTo(CENTRUM);
    assertThat(statusIn(admin.getJson("/api/agreements?corporation=DEMO"), id))
        .isEqualTo("AANDACHT");

    // the evaluation of 2025: JSON, XLSX and PDF say the same
    JsonNode e = admin.getJson("/api/agreements/" + id + "/evaluation?year=2025");
    assertThat(e.get("budgetTotalEuro").decimalValue()).isEqualByComparingTo("37000");
    assertThat(e.get("spentUpToYearEuro").decimalValue()).isEqualByComparingTo("21500.50");

    HttpResponse<byte[]> xlsx =
        admin.getBytes("/api/agreements/" + id + "/evaluation.xlsx?year=2025");
    assertThat(xlsx.statusCode()).isEqualTo(200);
    List<String> agreed;
    List<List<String>> done;
    List<List<String>> figures;
    try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
      assertThat(wb.getSheetName(0)).isEqualTo("Afgesproken");
      agreed = column(wb.getSheetAt(0), 1);
      done = rows(wb.getSheetAt(1));
      figures = rows(wb.getSheetAt(2));
    }
    assertThat(agreed)
        .contains("Prestatieafspraken Baarn 2020-2026", "Baarn (GM0308)", "2020-2026", TEXT);
    assertThat(String.join(" ", agreed))
        .contains("Gemeente Baarn (gemeente)", "Huurdersvereniging Baarn (huurdersorganisatie)")
        .contains("aandacht");
    assertThat(done).hasSize(3); // two measures and the total
    assertThat(done.get(0)).contains("Schuldhulpspreekuur Centrum", "25000.0", "17500.5");
    assertThat(done.get(1)).contains("Vroegsignalering huurachterstand", "12000.0", "4000.0");
    assertThat(done.get(2)).contains("Totaal", "37000.0", "21500.5");
    assertThat(figures).hasSize(2);
    assertThat(figures.get(0)).contains("Schuldhulpspreekuur Centrum", "op koers");
    assertThat(figures.get(1)).contains("Vroegsignalering huurachterstand", "niet op koers");
    assertThat(String.join(" ", figures.get(0))).contains("10,96 (2024)");

    HttpResponse<byte[]> pdf =
        admin.getBytes("/api/agreements/" + id + "/evaluation.pdf?year=2025");
    assertThat(pdf.statusCode()).isEqualTo(200);
    String text;
    try (PDDocument doc = Loader.loadPDF(pdf.body())) {
      text = new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
    }
    assertThat(text)
        .contains("Evaluatie 2025: Prestatieafspraken Baarn 2020-2026")
        .contains("vroegsignalering bij huurachterstand")
        .contains("Schuldhulpspreekuur Centrum", "Vroegsignalering huurachterstand")
        .contains("€ 37.000", "€ 21.500,50")
        .contains("op koers", "niet op koers", "aandacht")
        .contains("10,96 (2024)");
    System.out.printf(
        "[agreement] 2 targets (1 on track, 1 off) -> %s; evaluation 2025: budget %s, spent %s;"
            + " XLSX %d bytes, PDF %d bytes%n",
        a.get("status").asString(),
        e.get("budgetTotalEuro"),
        e.get("spentUpToYearEuro"),
        xlsx.body().length,
        pdf.body().length);

    // the parties' partners read it; another organisation's partner and another corporation's
    // staff get 404, and their lists are empty
    for (Http party : List.of(pia, huub)) {
      assertThat(statusIn(party.getJson("/api/agreements"), id)).isEqualTo("AANDACHT");
      assertThat(party.get("/api/agreements/" + id).statusCode()).isEqualTo(200);
      assertThat(party.getBytes("/api/agreements/" + id + "/evaluation.pdf").statusCode())
          .isEqualTo(200);
    }
    for (Http outsider : List.of(piet, bob)) {
      for (String path :
          List.of(
              "/api/agreements/" + id,
              "/api/agreements/" + id + "/evaluation",
              "/api/agreements/" + id + "/evaluation.xlsx")) {
        HttpResponse<String> r = outsider.get(path);
        assertThat(r.statusCode()).as(path).isEqualTo(404);
        assertThat(r.body()).doesNotContain("Baarn 2020");
      }
    }
    assertThat(piet.getJson("/api/agreements")).isEmpty();
    assertThat(bob.getJson("/api/agreements?corporation=CORPX")).isEmpty();
    assertThat(new Http(port).get("/api/agreements/" + id).statusCode()).isEqualTo(401);
    // a partner reads, it does not write
    assertThat(pia.delete("/api/agreements/" + id).statusCode()).isEqualTo(403);
    assertThat(pia.get("/api/agreements/" + id).statusCode()).isEqualTo(200);
  }

  @Test
  void aWrongPartIsRefusedByNameAndNothingIsStored() {
    long before = agreements();
    HttpResponse<String> r =
        admin.postJson("/api/agreements", request("Verkeerd", "GM9999", "\"GEMBAARN\""));
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(r.body()).contains("GM9999");
    r = admin.postJson("/api/agreements", request("Verkeerd", "GM0308", "\"ONBEKEND\""));
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(r.body()).contains("ONBEKEND");
    r = bob.postJson("/api/agreements", request("Van een ander", "GM0308", "\"GEMBAARN\""));
    assertThat(r.statusCode()).isEqualTo(403);
    assertThat(agreements()).isEqualTo(before);
  }

  /**
   * In a real browser: a planner makes an agreement on /afspraken choosing the gemeente, the party
   * and the measures by name; a wrong period is refused next to the form with everything typed
   * kept; the saved agreement shows its status. A partner of the party finds it on its own page on
   * a phone, reads it without a form to change it, and the page does not scroll sideways.
   */
  @Test
  void aPlannerMakesOneByNameAndAPartyReadsItOnAPhone() {
    try (Browser browser = new Browser();
        BrowserContext desk = browser.context("nl-NL");
        BrowserContext phone = browser.phoneContext("nl-NL")) {
      Page page = desk.newPage();
      Login.as(page, port, "admin", "admin-test-password");
      page.navigate("http://localhost:" + port + "/afspraken?corporation=DEMO");
      page.fill("#ag-title", "Leefbaar Centrum");
      page.fill("#ag-from", "2026");
      page.fill("#ag-to", "2022");
      page.fill("#ag-gemeente-search", "Baarn");
      page.click("#ag-gemeente-search-list [role=option]:has-text('GM0308')");
      page.check("#ag-party-GEMBAARN");
      page.check("#ag-measure-" + onTrack);
      page.fill("#ag-text", "Samen aan de slag.\nTweede alinea.");
      page.click("#agreement-submit");
      assertThat(page.textContent("#agreement-error")).contains("eindjaar");
      assertThat(page.inputValue("#ag-title")).isEqualTo("Leefbaar Centrum");
      assertThat(page.isChecked("#ag-party-GEMBAARN")).isTrue();
      assertThat(page.isChecked("#ag-measure-" + onTrack)).isTrue();
      assertThat(page.inputValue("#ag-text")).contains("Tweede alinea.");
      page.fill("#ag-to", "2030");
      page.click("#agreement-submit");
      page.waitForSelector("#agreement-notice");
      assertThat(page.textContent("#agreement-title")).isEqualTo("Leefbaar Centrum");
      assertThat(page.textContent("#agreement-status")).contains("op koers");
      assertThat(page.textContent("#agreement-facts"))
          .contains("Gemeente Baarn", "Baarn (GM0308)", "2026–2030");
      String url = page.url().replaceAll("\\?.*", "");

      Page p = phone.newPage();
      Login.as(p, port, "pia", "pia-password-1");
      p.navigate("http://localhost:" + port + "/partner");
      p.click("#partner-agreements a:has-text('Leefbaar Centrum')");
      p.waitForSelector("#agreement-title");
      assertThat(p.url()).startsWith(url);
      assertThat(p.textContent("#agreement-text")).contains("Tweede alinea.");
      assertThat(p.locator("#agreement-form").count()).isZero();
      assertThat(p.locator("#agreement-delete").count()).isZero();
      int width = ((Number) p.evaluate("document.documentElement.scrollWidth")).intValue();
      assertThat(width).as("page width at 390 px").isLessThanOrEqualTo(390);
      System.out.printf(
          "[agreement] made by name in the browser, read by a party on a phone: page %d px wide%n",
          width);
    }
  }

  /** The status of agreement {@code id} in a list, or null when the list does not hold it. */
  static String statusIn(JsonNode list, long id) {
    for (JsonNode a : list) {
      if (a.get("id").longValue() == id) {
        return a.get("status").asString();
      }
    }
    return null;
  }

  static List<String> column(Sheet s, int c) {
    List<String> out = new ArrayList<>();
    for (Row row : s) {
      if (row.getRowNum() > 0 && row.getCell(c) != null) {
        out.add(row.getCell(c).toString());
      }
    }
    return out;
  }

  static List<List<String>> rows(Sheet s) {
    List<List<String>> out = new ArrayList<>();
    for (Row row : s) {
      if (row.getRowNum() == 0) {
        continue;
      }
      List<String> cells = new ArrayList<>();
      row.forEach(c -> cells.add(c.toString()));
      out.add(cells);
    }
    return out;
  }
}
