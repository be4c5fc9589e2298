package nl.veerkracht.atelier;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.Position;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import nl.veerkracht.analysis.AnalysisService;
import nl.veerkracht.cli.CommandLine;
import nl.veerkracht.support.Browser;
import nl.veerkracht.support.Demo;
import nl.veerkracht.support.Http;
import nl.veerkracht.support.Login;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * Must show 1 of the atelier issue, in Chromium: a facilitator prepares an atelier on the page and
 * runs it from the console while three participants in their own browser contexts (one a phone)
 * join by code, answer a figure card, pin on the map and see each other's pins without reloading,
 * vote, and the facilitator's results rank the measures; the PDF and XLSX are read back. A pin text
 * {@code <script>alert(1)</script>} stays text everywhere (no dialog opens). Screenshots go to
 * {@code target/screenshots/atelier-*.png}.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "veerkracht.db.embedded-database=it_atelier_browser")
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AtelierBrowserIT {

  static final String SCRIPT = "<script>alert(1)</script>";

  @LocalServerPort int port;
  @Autowired CommandLine commandLine;
  @Autowired AnalysisService analysis;
  Browser browser;
  final List<String> dialogs = new ArrayList<>();

  @BeforeAll
  void baarnAndAFacilitator() {
    for (String f :
        List.of(
            "geo/gemeenten_2024_wgs84_kwb.geojson.gz",
            "geo/baarn_buurten_2024_wgs84_pdok_full.geojson",
            "cbs/baarn_buurten_timeseries_2016_2025.json",
            "leefbaarometer/lbm3_2024_buurt_nl.csv.gz")) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      PrintStream p = new PrintStream(out, true, StandardCharsets.UTF_8);
      assertThat(commandLine.run(List.of("import", Demo.file(f).toString()), p, p))
          .as(out.toString(StandardCharsets.UTF_8))
          .isZero();
    }
    analysis.recompute();
    Http admin = new Http(port).as("admin", "admin-test-password");
    assertThat(
            admin
                .postJson("/api/corporations", "{\"code\":\"EEM\",\"name\":\"Eemland Wonen\"}")
                .statusCode())
        .isEqualTo(201);
    assertThat(
            admin
                .postJson(
                    "/api/admin/users",
                    """
        {"username":"fien","password":"fien-password","memberships":[{"corporation":"EEM","role":"FACILITATOR"}]}""")
                .statusCode())
        .isEqualTo(201);
    browser = new Browser();
  }

  @AfterAll
  void tearDown() {
    browser.close();
  }

  String url(String path) {
    return "http://localhost:" + port + path;
  }

  Page watched(BrowserContext context) {
    Page page = context.newPage();
    page.onDialog(
        d -> {
          dialogs.add(d.message());
          d.dismiss();
        });
    return page;
  }

  Page join(BrowserContext context, String code, String name, String group) {
    Page page = watched(context);
    page.navigate(url("/doe-mee?code=" + code));
    assertThat(page.textContent("#join-atelier")).contains("Werkatelier Baarn-Centrum");
    page.fill("#j-name", name);
    page.selectOption("#j-group", group);
    page.click("#join-submit");
    page.waitForURL("**/atelier/*");
    page.waitForSelector("#atelier-phase:text('Voorbereiding')");
    return page;
  }

  void phase(Page console, String phase, String label, List<Page> participants) {
    console.click("button[data-phase=" + phase + "]");
    console.waitForSelector("button[data-phase=" + phase + "][aria-pressed=true]");
    for (Page p : participants) {
      p.waitForSelector("#atelier-phase:text('" + label + "')");
    }
  }

  void pinOn(Page page, int x, int y, String category, String text) {
    page.waitForSelector("#atelier-map[data-pins]");
    page.click("#atelier-map", new Page.ClickOptions().setPosition(new Position(x, y)));
    page.waitForSelector("#pin-form");
    page.selectOption("#pin-form select[name=category]", category);
    page.selectOption("#pin-form select[name=theme]", "onv");
    page.fill("#pin-form textarea[name=text]", text);
    page.click("#pin-form button[type=submit]");
  }

  @Test
  void aFacilitatorAndThreeParticipantsRunAnAtelier() throws Exception {
    try (BrowserContext staffContext = browser.context("nl-NL");
        BrowserContext c1 = browser.context("nl-NL");
        BrowserContext c2 = browser.context("nl-NL");
        BrowserContext c3 = browser.phoneContext("nl-NL")) {
      Page console = watched(staffContext);
      Login.as(console, port, "fien", "fien-password");
      console.click("a[href='/ateliers']");
      console.waitForURL("**/ateliers");
      // without an area the form says so and keeps what was typed; areas are picked from a list
      console.fill("#a-name", "Werkatelier Baarn-Centrum");
      console.fill("#a-votes", "3");
      console.click("#atelier-create");
      console.waitForSelector(".vk-picker-status:text('Kies eerst minstens één gebied.')");
      assertThat(console.inputValue("#a-name")).isEqualTo("Werkatelier Baarn-Centrum");
      console.fill("#a-areas-search", "XX123");
      console.waitForSelector(".vk-picker-status:has-text('Niets gevonden')");
      for (String code : List.of("BU03080000", "BU03080001", "BU03080002")) {
        console.fill("#a-areas-search", code);
        console.waitForSelector("#a-areas-search-list [data-code='" + code + "']");
        console.keyboard().press("Enter");
        console.waitForSelector(".vk-chip[data-code='" + code + "']");
      }
      console.click("#atelier-create");
      console.waitForURL(u -> u.matches(".*/ateliers/\\d+$"));
      String code = console.textContent("#join-code").trim();
      assertThat(code).matches("[A-Z2-9]{6}");
      console.waitForSelector("#atelier-map[data-pins='0']");

      Page p1 = join(c1, code, "Gemeente Gerda", "gemeente");
      Page p2 = join(c2, code, "Politie Piet", "politie");
      Page phone = join(c3, code, "Huurder Hans", "huurdersorganisatie");
      List<Page> all = List.of(p1, p2, phone);
      console.waitForSelector("text=3 deelnemers");
      // the facilitator sees who joined; participants do not see each other
      assertThat(console.textContent("#atelier-body")).contains("Gemeente Gerda", "Politie Piet");
      assertThat(phone.textContent("body")).doesNotContain("Gemeente Gerda");

      // reading the figures together
      phase(console, "READING", "Cijfers duiden", all);
      p1.click("[data-card=lbm_class] button[data-answer=herkenbaar]");
      p2.click("[data-card=lbm_class] button[data-answer=herkenbaar]");
      phone.fill("[data-card=lbm_class] textarea", "Klopt niet met wat wij zien");
      phone.click("[data-card=lbm_class] button[data-answer=niet_herkenbaar]");
      console.waitForSelector(
          "[data-tally=lbm_class]:text('Herkenbaar 2 · niet herkenbaar 1 · weet niet 0')");
      phone.waitForSelector(
          "[data-card=lbm_class] button[data-answer=niet_herkenbaar][aria-pressed=true]");
      Page screen = watched(staffContext);
      screen.navigate(url(console.url().replaceAll(".*(/ateliers/\\d+)$", "$1") + "/scherm"));
      // a blind round: neither the projector nor a phone shows the room's tally until the
      // facilitator reveals the card
      screen.waitForSelector("[data-tally-hidden=lbm_class]");
      assertThat(p1.locator("[data-tally=lbm_class]").count()).isZero();
      console.click("[data-card=lbm_class] [data-reveal='card:lbm_class']");
      screen.waitForSelector("[data-tally=lbm_class]:text('Herkenbaar 2')");
      p1.waitForSelector("[data-tally=lbm_class]:text('Herkenbaar 2')");
      assertThat(screen.textContent("#atelier-body")).contains("Leefbaarheid", "Centrum");
      screen.screenshot(
          new Page.ScreenshotOptions().setPath(Browser.screenshot("atelier-screen-reading.png")));
      phone.screenshot(
          new Page.ScreenshotOptions()
              .setPath(Browser.screenshot("atelier-phone-reading.png"))
              .setFullPage(true));

      // pinning: each sees the others' pins without reloading
      phase(console, "PINNING", "Spelden prikken", all);
      pinOn(p1, 220, 200, "probleem", SCRIPT);
      p2.waitForSelector("#atelier-map[data-pins='1']");
      pinOn(p2, 260, 240, "kans", "Speelplek achter de school");
      pinOn(phone, 180, 220, "idee", "Bankje bij de bushalte");
      for (Page p : all) {
        p.waitForSelector("#atelier-map[data-pins='3']");
      }
      console.waitForSelector("#atelier-map[data-pins='3']");
      // what each typed survived the redraws the others' pins caused
      assertThat(phone.textContent("[data-pin]")).contains("Idee", "Bankje bij de bushalte");
      // the hostile text is text: on the phone's list, in the console's table
      p1.waitForSelector("[data-pin] .vk-pin-text");
      assertThat(p1.textContent("[data-pin] .vk-pin-text")).isEqualTo(SCRIPT);
      console.waitForSelector("#pin-table");
      assertThat(console.textContent("#pin-table")).contains(SCRIPT, "Gemeente Gerda");
      phone.screenshot(
          new Page.ScreenshotOptions().setPath(Browser.screenshot("atelier-phone-pinning.png")));
      screen.waitForSelector("#atelier-map[data-pins='3']");
      screen.screenshot(
          new Page.ScreenshotOptions().setPath(Browser.screenshot("atelier-screen-pinning.png")));
      // the projector colours the buurten by a layer the facilitator chose, with its legend
      screen.selectOption("#vk-layer-select", "lbm_class");
      screen.waitForSelector("#vk-layer-legend .vk-swatch");
      assertThat(screen.textContent("#vk-layer-legend")).isNotBlank();
      screen.screenshot(
          new Page.ScreenshotOptions().setPath(Browser.screenshot("atelier-screen-layer.png")));

      // problem area and measures
      console.fill("#area-form input[name=name]", "Rond het station");
      console.check("#area-form input[value=BU03080000]");
      console.locator("#area-form input[name=pin]").first().check();
      // and drawn on the map: three clicks make a triangle over most of the map
      console.click("#area-draw");
      var box = console.locator("#atelier-map").boundingBox();
      double[][] corners = {{0.2, 0.35}, {0.6, 0.35}, {0.4, 0.9}}; // clear of the controls
      for (double[] c : corners) {
        console.click(
            "#atelier-map",
            new Page.ClickOptions().setPosition(new Position(box.width * c[0], box.height * c[1])));
      }
      console.waitForSelector("#atelier-map[data-drawn='3']");
      console.click("#area-form button[type=submit]");
      console.waitForSelector("#measure-form");
      Object outline =
          console.evaluate(
              "fetch(location.pathname.replace('/ateliers/', '/api/ateliers/'))"
                  + ".then(r => r.json()).then(s => s.problemAreas[0].outline.length)");
      assertThat(((Number) outline).intValue()).isEqualTo(4);
      console.fill("#measure-form input[name=title]", "Buurtconciërge");
      console.selectOption("#measure-form select[name=lever]", "sociaal_beheer");
      console.click("#measure-form button[type=submit]");
      console.waitForSelector("[data-measure]:has-text('Buurtconciërge')");
      console.fill("#measure-form input[name=title]", "Betere verlichting");
      console.selectOption("#measure-form select[name=lever]", "fysiek");
      console.click("#measure-form button[type=submit]");
      console.waitForSelector("[data-measure]:has-text('Betere verlichting')");
      console.screenshot(
          new Page.ScreenshotOptions()
              .setPath(Browser.screenshot("atelier-console.png"))
              .setFullPage(true));

      // prioritising: three votes each; the budget holds on the page too
      phase(console, "PRIORITISING", "Prioriteren", all);
      vote(p1, "Buurtconciërge", 2);
      vote(p1, "Betere verlichting", 1);
      vote(p2, "Buurtconciërge", 3);
      vote(phone, "Betere verlichting", 2);
      vote(phone, "Buurtconciërge", 1);
      p2.waitForSelector(".vk-remaining:text('U hebt nog 0 stemmen')");
      assertThat(p2.isDisabled("[data-measure]:has-text('Betere verlichting') [data-vote=plus]"))
          .isTrue();
      phone.screenshot(
          new Page.ScreenshotOptions()
              .setPath(Browser.screenshot("atelier-phone-voting.png"))
              .setFullPage(true));
      // the votes are a blind round too: no totals on a phone or the projector before the reveal
      screen.waitForSelector(".vk-votes-hidden");
      assertThat(phone.locator(".vk-votes").count()).isZero();
      assertThat(screen.locator(".vk-votes").count()).isZero();
      console.click("[data-reveal=votes]");
      screen.waitForSelector(
          "[data-measure]:has-text('Buurtconciërge') .vk-votes:text('6 stemmen')");
      phone.waitForSelector(
          "[data-measure]:has-text('Buurtconciërge') .vk-votes:text('6 stemmen')");
      screen.screenshot(
          new Page.ScreenshotOptions().setPath(Browser.screenshot("atelier-screen-ranking.png")));

      phase(console, "CLOSED", "Afgesloten", all);
      console.navigate(console.url() + "/resultaten");
      String ranking = console.textContent("table.vk-ranking tbody tr:first-child");
      assertThat(ranking).contains("1", "Buurtconciërge", "Sociaal beheer", "6");
      assertThat(console.textContent("table.vk-ranking tbody tr:nth-child(2)"))
          .contains("2", "Betere verlichting", "3");
      assertThat(console.textContent("main")).contains("Klopt niet met wat wij zien");

      Download xlsx = console.waitForDownload(() -> console.click("#export-xlsx"));
      String sheet = AtelierApiIT.xlsxText(Files.readAllBytes(xlsx.path()));
      assertThat(sheet)
          .contains(SCRIPT, "Speelplek achter de school", "Buurtconciërge", "Rond het station")
          .doesNotContain("Gemeente Gerda");
      Download pdf = console.waitForDownload(() -> console.click("#export-pdf"));
      String text = AtelierApiIT.pdfText(Files.readAllBytes(pdf.path()));
      assertThat(text)
          .contains("Werkatelier Baarn-Centrum", "Buurtconciërge", "Rond het station")
          .contains("Klopt niet met wat wij zien");
      assertThat(text.replaceAll("\\s+", "")).contains(SCRIPT.replaceAll("\\s+", ""));
    }
    assertThat(dialogs).as("dialogs opened by a pin text").isEmpty();
  }

  void vote(Page page, String measure, int times) {
    String selector = "[data-measure]:has-text('" + measure + "')";
    for (int i = 0; i < times; i++) {
      int before = Integer.parseInt(page.textContent(selector + " .vk-mine").replaceAll("\\D", ""));
      page.click(selector + " [data-vote=plus]");
      page.waitForSelector(selector + " .vk-mine:text-is('van u: " + (before + 1) + "')");
    }
  }
}
