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
}
