package nl.veerkracht.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import java.util.ArrayList;
import java.util.List;
import nl.veerkracht.demo.DemoDataLoader;
import nl.veerkracht.support.Browser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/** The home page in a real browser: the map draws every gemeente, the legend and the source. */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "veerkracht.db.embedded-database=it_web")
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HomePageBrowserIT {

  @LocalServerPort int port;
  @Autowired DemoDataLoader demo;
  Browser browser;

  @BeforeAll
  void setUp() {
    demo.load(List.of("geo/gemeenten_2022_wgs84_kwb.geojson.gz"));
    browser = new Browser();
  }

  @AfterAll
  void tearDown() {
    browser.close();
  }

  @Test
  void homePageDrawsTheGemeentenWithLegendAndSource() {
    try (BrowserContext context = browser.context("nl-NL")) {
      Page page = context.newPage();
      List<String> problems = new ArrayList<>();
      page.onConsoleMessage(
          m -> {
            if (m.type().equals("error")) {
              problems.add(m.text());
            }
          });
      page.navigate("http://localhost:" + port + "/");
      page.waitForSelector("#map.vk-map-ready");
      assertThat(page.locator("#map path.leaflet-interactive").count()).isEqualTo(346);
      assertThat(page.getAttribute("#map", "data-features")).isEqualTo("346");
      assertThat(page.locator("#legend li").count()).isEqualTo(6); // five classes and "no data"
      assertThat(page.textContent("#legend")).contains("Geen gegevens");
      assertThat(page.textContent("#map-source")).contains("CBS").contains("Kadaster");
      assertThat(page.textContent(".leaflet-control-attribution"))
          .contains("Kadaster / Centraal Bureau voor de Statistiek");
      assertThat(page.textContent("h1")).isEqualTo("Kaart van Nederland");
      page.screenshot(
          new Page.ScreenshotOptions().setPath(Browser.screenshot("home.png")).setFullPage(true));
      assertThat(problems).as("browser console errors (a CSP violation shows here)").isEmpty();
    }
  }

  @Test
  void clickingAGemeenteOpensItsPage() {
    try (BrowserContext context = browser.context("nl-NL")) {
      Page page = context.newPage();
      page.navigate("http://localhost:" + port + "/");
      page.waitForSelector("#map.vk-map-ready");
      page.locator("#map-table tbody a").first().evaluate("a => a.click()");
      page.waitForURL("**/gebied/GM*");
      assertThat(page.url()).contains("/gebied/GM");
      assertThat(page.textContent("h1")).contains("Gemeente");
      assertThat(page.locator("table tbody tr").count()).isGreaterThan(10);
      assertThat(page.textContent(".vk-source")).contains("Kadaster");
    }
  }

  @Test
  void englishIsOneClickAway() {
    try (BrowserContext context = browser.context("nl-NL")) {
      Page page = context.newPage();
      page.navigate("http://localhost:" + port + "/");
      page.click("text=English");
      assertThat(page.textContent("h1")).isEqualTo("Map of the Netherlands");
      page.waitForSelector("#map.vk-map-ready");
      assertThat(page.textContent("#legend")).contains("No data");
    }
  }

  /**
   * Issue 24 (API tokens): a person makes a token on their own page, sees it once, uses it, sees
   * when it was last used, and revokes it with a button, after which it no longer works.
   */
  @Test
  void aTokenIsMadeSeenOnceUsedAndRevokedOnTheAccountPage() throws Exception {
    try (BrowserContext context = browser.context("nl-NL")) {
      Page page = context.newPage();
      nl.veerkracht.support.Login.as(page, port, "admin", "admin-test-password");
      page.click("a.vk-user");
      assertThat(page.url()).endsWith("/mijn-account");
      assertThat(page.locator("h1").textContent()).isEqualTo("Mijn account");
      page.fill("#token-name", "QGIS op de laptop");
      page.click("#token-form button[type=submit]");
      String token = page.inputValue("#token-secret");
      assertThat(token).startsWith("vkt_");
      assertThat(page.locator("#token-created").textContent())
          .contains("QGIS op de laptop")
          .contains("alleen nu");

      nl.veerkracht.support.Http script = new nl.veerkracht.support.Http(port).bearer(token);
      var used = script.get("/api/tokens");
      assertThat(used.statusCode()).as(used.body()).isEqualTo(200);
      assertThat(used.body()).contains("QGIS op de laptop");

      page.navigate("http://localhost:" + port + "/mijn-account");
      assertThat(page.content()).as("the secret is never shown again").doesNotContain(token);
      var row =
          page.locator("#token-list tr", new Page.LocatorOptions().setHasText("QGIS op de laptop"));
      assertThat(row.textContent())
          .as("last used: a date, not 'nog niet'")
          .containsPattern("(?s)20[0-9]{2}-[0-9]{2}-[0-9]{2}.*20[0-9]{2}-[0-9]{2}-[0-9]{2}")
          .doesNotContain("nog niet")
          .contains("in gebruik");
      String[] asked = new String[1];
      page.onceDialog(
          d -> {
            asked[0] = d.message();
            d.accept();
          });
      row.locator("button").click();
      assertThat(page.locator("#account-done").textContent())
          .contains("QGIS op de laptop")
          .contains("ingetrokken");
      assertThat(asked[0]).as("asked before revoking").contains("QGIS op de laptop", "intrekken");
      assertThat(script.get("/api/tokens").statusCode()).isEqualTo(401);

      // a name that is too long: the form says why and keeps what was typed
      page.fill("#token-name", "");
      page.evaluate("document.getElementById('token-name').removeAttribute('required')");
      page.click("#token-form button[type=submit]");
      assertThat(page.locator("#account-error").textContent()).contains("Geef het token een naam");
    }
  }
}
