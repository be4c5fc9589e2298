package nl.veerkracht.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import nl.veerkracht.cli.CommandLine;
import nl.veerkracht.support.Browser;
import nl.veerkracht.support.Demo;
import nl.veerkracht.support.Login;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The fetch page as an analyst uses it: choose Baarn by name, follow the steps, read the report.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "veerkracht.db.embedded-database=it_fetch_page")
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FetchPageBrowserIT {

  static final StubServers STUB = StubServers.start();

  @DynamicPropertySource
  static void stub(DynamicPropertyRegistry r) {
    STUB.register(r);
  }

  @LocalServerPort int port;
  @Autowired CommandLine commandLine;
  Browser browser;

  @BeforeAll
  void setUp() {
    // the gemeenten to choose from come from the boundaries held
    int exit =
        commandLine.run(
            List.of("import", Demo.file("geo/gemeenten_2024_wgs84_kwb.geojson.gz").toString()),
            new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
            new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
    assertThat(exit).isZero();
    browser = new Browser();
  }

  @AfterAll
  void tearDown() {
    browser.close();
    STUB.stop();
  }

  @Test
  void chooseBaarnFetchAndReadTheReport() {
    try (BrowserContext context = browser.context("nl-NL")) {
      Page page = context.newPage();
      Login.as(page, port, "admin", "admin-test-password");
      page.navigate("http://localhost:" + port + "/gegevens");
      page.click("text=Open data ophalen");
      page.waitForURL("**/gegevens/ophalen");
      // an empty choice is refused with the reason, and the form keeps what was chosen
      page.uncheck("#source-LBM");
      page.click("#fetch-submit");
      assertThat(page.textContent("#fetch-error")).contains("Kies één tot 25 gemeenten");
      assertThat(page.isChecked("#source-LBM")).isFalse();
      page.check("#source-LBM");
      // the long list filters as one types
      page.fill("#gemeente-filter", "baa");
      assertThat(page.isVisible("label[for=gm-GM0308]")).isTrue();
      page.check("#gm-GM0308");
      assertThat(page.textContent("#gemeente-chosen")).contains("Baarn");
      assertThat(page.isChecked("#year-2025")).isTrue();
      page.uncheck("#year-2025");
      page.check("#year-2024");
      page.click("#fetch-submit");
      page.waitForSelector("#fetch-report[data-status=imported]");
      String text = page.textContent("#fetch-progress");
      assertThat(text)
          .contains("Klaar")
          .contains("PDOK buurten 2024")
          .contains("CBS 85984NED: 27 rijen")
          .contains("Leefbaarometer, meting 2024")
          .contains("Geladen:")
          .doesNotContain(" rows")
          .doesNotContain("Imported:")
          .contains("kwb2024_85984NED_GM0308.json");
      // after the fetch the form still shows what was fetched
      assertThat(page.isChecked("#gm-GM0308")).isTrue();
      assertThat(page.isChecked("#year-2024")).isTrue();
      assertThat(page.isChecked("#year-2025")).isFalse();
      page.screenshot(
          new Page.ScreenshotOptions()
              .setPath(Browser.screenshot("fetch-report.png"))
              .setFullPage(true));
    }
  }
}
