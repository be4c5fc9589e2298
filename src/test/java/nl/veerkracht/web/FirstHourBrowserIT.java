package nl.veerkracht.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.BoundingBox;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import nl.veerkracht.analysis.AnalysisService;
import nl.veerkracht.cli.CommandLine;
import nl.veerkracht.support.Browser;
import nl.veerkracht.support.Cli;
import nl.veerkracht.support.Demo;
import nl.veerkracht.support.Login;
import nl.veerkracht.support.SmallCounts;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
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
 * The first hour of a new corporation, in Chromium as its people would do it: the administrator
 * creates the corporation and an analyst on the admin pages; the analyst uploads a unit file,
 * follows the link to the complexes, sees them on the map with a legend, opens a complex profile
 * and downloads the staff and the resident PDF (under different names). Then the resident page and
 * PDF of the 5-unit complex are read back and scanned for any count under 10; and the map, a buurt
 * profile and a complex profile are shot at phone size (390×844), map and legend in view.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "veerkracht.db.embedded-database=it_first_hour")
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FirstHourBrowserIT {

  static final String ANALYST = "analist.wbv";
  static final String PASSWORD = "een-goed-wachtwoord";

  /** The analyst's own password, chosen at the first sign-in (the admin typed the first one). */
  static final String OWN_PASSWORD = "mijn eigen zin van woorden";

  @LocalServerPort int port;
  @Autowired CommandLine commandLine;
  @Autowired AnalysisService analysis;
  Path tmp;
  Browser browser;

  @BeforeAll
  void publicDataOfBaarn() throws Exception {
    tmp = Files.createTempDirectory("first-hour");
    for (String f :
        List.of(
            "geo/gemeenten_2024_wgs84_kwb.geojson.gz",
            "geo/baarn_buurten_2024_wgs84_pdok_full.geojson",
            "cbs/baarn_buurten_timeseries_2016_2025.json",
            "leefbaarometer/lbm3_2024_buurt_nl.csv.gz")) {
      cli("import", Demo.file(f).toString());
    }
    analysis.recompute();
    browser = new Browser();
  }

  @AfterAll
  void tearDown() {
    browser.close();
  }

  String url(String path) {
    return "http://localhost:" + port + path;
  }

  void cli(String... args) {
    Cli.run(commandLine, args);
  }

  @Test
  @Order(1)
  void administratorCreatesTheCorporationAndAnAnalyst() {
    try (BrowserContext context = browser.context("nl-NL")) {
      Page page = context.newPage();
      Login.as(page, port, "admin", "admin-test-password");
      page.click("a[href='/beheer']");
      page.waitForURL("**/beheer");
      // a bad code is refused next to the form, which keeps what was typed
      // a server without corporations shows the form for one open
      assertThat(page.getAttribute("#corporation-form", "id")).isNotNull();
      assertThat(page.isVisible("#corp-code")).isTrue();
      page.fill("#corp-code", "W");
      page.fill("#corp-name", "Woonstichting Eemland (test)");
      page.evaluate("() => document.getElementById('corp-code').removeAttribute('pattern')");
      page.click("#corporation-form button[type=submit]");
      assertThat(page.textContent("#admin-error")).contains("2 tot 32");
      assertThat(page.inputValue("#corp-name")).isEqualTo("Woonstichting Eemland (test)");
      page.fill("#corp-code", "WBV");
      page.click("#corporation-form button[type=submit]");
      assertThat(page.textContent("#admin-done")).contains("Woonstichting Eemland (test)", "WBV");
      assertThat(page.textContent("#corporations")).contains("WBV");
      // the administrator did not tick "make me its analyst": it is not silently its staff
      for (var u :
          new nl.veerkracht.support.Http(port)
              .as("admin", "admin-test-password")
              .getJson("/api/admin/users")) {
        if (u.get("username").asString().equals("admin")) {
          assertThat(u.toString()).doesNotContain("WBV");
        }
      }

      if (!page.isVisible("#user-name")) {
        page.click("summary:has-text('Nieuwe gebruiker')");
      }
      page.fill("#user-name", ANALYST);
      page.fill("#user-display", "Anna Analist");
      page.fill("#user-password", PASSWORD);
      page.selectOption("#user-corp", "WBV");
      page.selectOption("#user-role", "ANALYST");
      page.click("#user-form button[type=submit]");
      assertThat(page.textContent("#admin-done")).contains(ANALYST);
      assertThat(page.textContent("#users")).contains(ANALYST, "analist bij Woonstichting Eemland");
    }
  }

  @Test
  @Order(2)
  void theAnalystUploadsUnitsAndFindsTheComplexesOnTheMap() throws Exception {
    Path units = tmp.resolve("vhe_wbv.csv");
    StringBuilder csv =
        new StringBuilder(
            "VHE-nummer;Straat;Huisnummer;Postcode;Latitude;Longitude;Complexnummer;Complexnaam\n");
    for (int i = 1; i <= 5; i++) {
      csv.append("W-").append(i).append(";Brinkstraat;").append(i);
      csv.append(";3743AB;52.2125;5.2858;K5;Brink\n");
    }
    for (int i = 1; i <= 12; i++) {
      csv.append("E-").append(i).append(";Eemweg;").append(i);
      csv.append(";3742BC;52.2200;5.2722;K12;Eemweg\n");
    }
    Files.writeString(units, csv.toString());
    try (BrowserContext context = browser.context("nl-NL")) {
      Page page = context.newPage();
      // first sign-in of an account the administrator made: choose your own password first
      Login.as(page, port, ANALYST, PASSWORD);
      assertThat(page.url()).contains("/mijn-account");
      assertThat(page.textContent("#password-required")).contains("eigen wachtwoord");
      page.navigate(url("/gegevens"));
      assertThat(page.url()).as("every page leads back").contains("/mijn-account");
      page.fill("#pw-current", PASSWORD);
      page.fill("#pw-new", OWN_PASSWORD);
      page.fill("#pw-repeat", OWN_PASSWORD + " anders");
      page.click("#pw-save");
      assertThat(page.textContent("#account-error")).contains("niet gelijk");
      page.fill("#pw-current", PASSWORD);
      page.fill("#pw-new", OWN_PASSWORD);
      page.fill("#pw-repeat", OWN_PASSWORD);
      page.click("#pw-save");
      assertThat(page.textContent("#account-done")).contains("gewijzigd");
      assertThat(page.locator("#password-required").count()).isZero();
      page.navigate(url("/gegevens"));
      page.setInputFiles("#file", units);
      page.selectOption("#corporation", "WBV");
      page.click("#upload-submit");
      page.waitForSelector("#import-report[data-status=imported]");
      assertThat(page.textContent("#import-report")).contains("Eigen bezit: verhuureenheden");
      page.click("#loaded-link");
      page.waitForURL("**/voorraad?corporation=WBV");
      String list = page.textContent("main");
      assertThat(list).contains("Brink", "Eemweg", "Centrum").doesNotContain("BU03080000 ");

      // the rest of the own data comes in by the command line, as a script would load it
      loadEventsOfK5();

      page.click("a:text-is('K5')");
      page.click("#complex-page-map");
      page.waitForSelector("#map.vk-map-ready");
      page.waitForSelector("#complex-legend:not([hidden])");
      assertThat(page.getAttribute("#map", "data-complex-count")).isEqualTo("2");
      assertThat(page.getAttribute("#map", "data-highlighted")).isEqualTo("BU03080000");
      assertThat(page.textContent("#complex-legend")).contains("Woonstichting Eemland");
      assertThat(page.inputValue("#complexes")).isEqualTo("WBV");

      page.navigate(url("/voorraad/OND/K5/profiel?corporation=WBV"));
      assertThat(page.textContent("#story")).contains("Brink telt 5 verhuureenheden");
      Download staff = page.waitForDownload(() -> page.click("#cprofile-pdf"));
      page.click("#resident-view");
      page.waitForURL("**audience=resident");
      Download resident = page.waitForDownload(() -> page.click("#cprofile-pdf"));
      assertThat(staff.suggestedFilename()).isEqualTo("complexprofiel_K5_medewerkers.pdf");
      assertThat(resident.suggestedFilename()).isEqualTo("complexprofiel_K5_bewoners.pdf");
      assertThat(pdfText(staff)).contains("Brink", "medewerkers");
    }
  }

  void loadEventsOfK5() throws Exception {
    Files.writeString(
        tmp.resolve("mutaties.csv"),
        "VHE-nummer;Vertrekdatum;Ingangsdatum\nW-1;2025-01-10;2025-02-01\n"
            + "W-2;2025-04-01;2025-05-01\nW-3;2025-05-01;2025-06-01\n");
    Files.writeString(
        tmp.resolve("toewijzingen.csv"),
        "VHE-nummer;Toewijzingsdatum;Inkomensklasse;Urgentie\nW-1;2025-02-01;passend;nee\n"
            + "W-2;2025-05-01;passend;ja\n");
    Files.writeString(
        tmp.resolve("meldingen.csv"),
        "Complexnummer;Jaar;Soort melding;Aantal\nK5;2025;overlast;4\n");
    Files.writeString(
        tmp.resolve("mjob.csv"),
        "Complexnummer;Jaar;Activiteit;Kosten\nK5;2028;Schilderwerk;8500\n");
    for (String f : List.of("mutaties.csv", "toewijzingen.csv", "meldingen.csv", "mjob.csv")) {
      cli("import", "--corporation", "WBV", tmp.resolve(f).toString());
    }
  }

  @Test
  @Order(3)
  void theResidentPageAndPdfOfTheFiveUnitComplexHoldNoCountUnderTen() throws Exception {
    try (BrowserContext context = browser.context("nl-NL")) {
      Page page = context.newPage();
      Login.as(page, port, ANALYST, OWN_PASSWORD);
      // the staff view has the small numbers, so the resident view has something to hide
      page.navigate(url("/voorraad/OND/K5/profiel?corporation=WBV"));
      String staffText = page.innerText("main");
      assertThat(staffText).contains("5 verhuureenheden");
      assertThat(SmallCounts.in(staffText)).isNotEmpty();

      page.navigate(url("/voorraad/OND/K5/profiel?corporation=WBV&audience=resident"));
      String text = page.innerText("main");
      Download download = page.waitForDownload(() -> page.click("#cprofile-pdf"));
      String pdf = pdfText(download);
      assertThat(text).contains("Bewonersweergave", "Brink").doesNotContain("Brinkstraat");
      assertThat(pdf).contains("Brink").doesNotContain("Brinkstraat").doesNotContain("8500");
      assertThat(SmallCounts.in(text)).as("counts under 10 on the resident page").isEmpty();
      assertThat(SmallCounts.in(pdf)).as("counts under 10 in the resident PDF").isEmpty();
      assertThat(SmallCounts.in(download.suggestedFilename())).isEmpty();
    }
  }

  @Test
  @Order(4)
  void onAPhoneTheMapAndItsLegendAreInViewAndProfilesFit() {
    try (BrowserContext context = browser.phoneContext("nl-NL")) {
      Page page = context.newPage();
      Login.as(page, port, ANALYST, OWN_PASSWORD);
      page.navigate(url("/kaart?level=buurt&within=GM0308&indicator=lbm_class&year=2024"));
      page.waitForSelector("#map.vk-map-ready");
      page.waitForSelector("#map-legend-overlay");
      BoundingBox map = page.locator("#map").boundingBox();
      BoundingBox legend = page.locator("#map-legend-overlay").boundingBox();
      assertThat(map.y).as("the map starts on the first screen").isLessThan(300);
      assertThat(legend.y + legend.height).as("the legend is in view").isLessThanOrEqualTo(844);
      assertThat(page.isVisible("#map-form")).as("filters folded").isFalse();
      page.screenshot(new Page.ScreenshotOptions().setPath(Browser.screenshot("phone_map.png")));

      page.navigate(url("/gebied/BU03080000"));
      assertThat(page.isVisible("#story")).isTrue();
      noSidewaysScroll(page);
      page.screenshot(
          new Page.ScreenshotOptions().setPath(Browser.screenshot("phone_buurt_profile.png")));

      page.navigate(url("/voorraad/OND/K12/profiel?corporation=WBV"));
      assertThat(page.isVisible("#story")).isTrue();
      noSidewaysScroll(page);
      page.screenshot(
          new Page.ScreenshotOptions().setPath(Browser.screenshot("phone_complex_profile.png")));
    }
  }

  static void noSidewaysScroll(Page page) {
    Number overflow =
        (Number)
            page.evaluate(
                "() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
    assertThat(overflow.intValue()).as("page wider than the phone").isLessThanOrEqualTo(0);
  }

  static String pdfText(Download download) throws Exception {
    try (PDDocument doc = Loader.loadPDF(Files.readAllBytes(download.path()))) {
      return new PDFTextStripper().getText(doc);
    }
  }
}
