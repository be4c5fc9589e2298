package nl.veerkracht.imports;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import nl.veerkracht.support.Browser;
import nl.veerkracht.support.Demo;
import nl.veerkracht.support.Login;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/** The upload page, the column-mapping editor and the history, as a staff member uses them. */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "veerkracht.db.embedded-database=it_upload")
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ImportPagesBrowserIT {

  @LocalServerPort int port;
  @TempDir Path tmp;
  Browser browser;

  @BeforeAll
  void setUp() {
    browser = new Browser();
  }

  @AfterAll
  void tearDown() {
    browser.close();
  }

  @Test
  void uploadShowsProgressAndTheReport() {
    try (BrowserContext context = browser.context("nl-NL")) {
      Page page = context.newPage();
      Login.as(page, port, "admin", "admin-test-password");
      page.navigate("http://localhost:" + port + "/gegevens");
      page.setInputFiles(
          "#file", Demo.file("leefbaarometer/lbm2_wijk_dimensiescores_2012_2016.csv"));
      page.click("#upload-submit");
      page.waitForSelector("#import-report[data-status=imported]");
      assertThat(page.textContent("#import-report"))
          .contains("geladen")
          .contains("8.886 gelezen")
          .contains("lbm2");
      page.screenshot(
          new Page.ScreenshotOptions()
              .setPath(Browser.screenshot("upload-report.png"))
              .setFullPage(true));

      page.navigate("http://localhost:" + port + "/gegevens/geschiedenis");
      assertThat(page.textContent("table"))
          .contains("lbm2_wijk_dimensiescores_2012_2016.csv")
          .contains("admin");
    }
  }

  @Test
  void aFileOfUnknownLayoutGetsAColumnMappingAndImports() throws IOException {
    Path own = tmp.resolve("eigen_telling.csv");
    Files.writeString(
        own,
        "buurtcode;aantal bewoners;peiljaar;opmerking\nBU03080000;1825;2024;centrum\nBU03080001;2100;2024;oud\n",
        StandardCharsets.UTF_8);
    try (BrowserContext context = browser.context("nl-NL")) {
      Page page = context.newPage();
      Login.as(page, port, "admin", "admin-test-password");
      page.navigate("http://localhost:" + port + "/gegevens");
      page.setInputFiles("#file", own);
      page.click("#upload-submit");
      page.waitForSelector("#import-report[data-status=rejected]");
      assertThat(page.textContent("#import-report")).contains("no known layout fits these columns");
      page.click("text=Kolomkoppeling maken voor dit bestand");
      page.waitForURL("**/gegevens/koppeling**");
      // suggestions: codes → area code, peiljaar → year, numbers → figure, text → kept as text
      assertThat(page.inputValue("select[name=role_0]")).isEqualTo("code");
      assertThat(page.inputValue("select[name=role_1]")).isEqualTo("figure");
      assertThat(page.inputValue("select[name=role_2]")).isEqualTo("year");
      assertThat(page.inputValue("select[name=role_3]")).isEqualTo("text");
      page.selectOption("select[name=indicator_1]", "inhabitants");
      page.fill("#name", "eigen-telling");
      page.click("#mapping-submit");
      page.waitForSelector("#import-report");
      page.screenshot(
          new Page.ScreenshotOptions()
              .setPath(Browser.screenshot("mapping-report.png"))
              .setFullPage(true));
      assertThat(page.getAttribute("#import-report", "data-status"))
          .as(page.textContent("#import-report"))
          .isEqualTo("imported");
      assertThat(page.textContent("#import-report")).contains("Kolomkoppeling eigen-telling");
    }
  }
}
