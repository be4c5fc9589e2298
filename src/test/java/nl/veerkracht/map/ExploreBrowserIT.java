package nl.veerkracht.map;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import nl.veerkracht.analysis.AnalysisService;
import nl.veerkracht.cli.CommandLine;
import nl.veerkracht.support.Browser;
import nl.veerkracht.support.Demo;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
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
import org.springframework.test.context.ActiveProfiles;

/**
 * Must show 1 and 3 of the explore issue, in Debian's chromium: the map page switches level,
 * gemeente, indicator and year (and the address reproduces the view), a click on a buurt opens its
 * profile, and the PDF profile and the XLSX of the map are downloaded and read back (PDFBox, POI):
 * every figure names source and year, a missing figure is never 0.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "veerkracht.db.embedded-database=it_explore")
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExploreBrowserIT {

  @LocalServerPort int port;
  @Autowired CommandLine commandLine;
  @Autowired AnalysisService analysis;
  Browser browser;

  @BeforeAll
  void baarnAndTheGemeenten() {
    for (String f :
        List.of(
            "geo/gemeenten_2024_wgs84_kwb.geojson.gz",
            "geo/baarn_buurten_2024_wgs84_pdok_full.geojson",
            "cbs/kwb2024_85984NED_gm_wk_core.json",
            "cbs/baarn_buurten_timeseries_2016_2025.json",
            "cbs/prov_utrecht_buurten_2020_kwb_lbm_ses.csv",
            "leefbaarometer/lbm2_wijk_ontwikkeling_2012_2016.csv")) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      int exit =
          commandLine.run(
              List.of("import", Demo.file(f).toString()),
              new PrintStream(out, true, StandardCharsets.UTF_8),
              new PrintStream(out, true, StandardCharsets.UTF_8));
      assertThat(exit).as(f + "\n" + out).isZero();
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

  void waitForMap(Page page) {
    page.waitForSelector("#map.vk-map-ready");
  }

  /** Runs axe-core's WCAG 2 A and AA rules on the page and returns the violations found. */
  @SuppressWarnings("unchecked")
  static List<String> axe(Page page) throws Exception {
    try (InputStream in =
        ExploreBrowserIT.class.getResourceAsStream(
            "/META-INF/resources/webjars/axe-core/4.6.3/axe.min.js")) {
      page.addScriptTag(
          new Page.AddScriptTagOptions()
              .setContent(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
    }
    return (List<String>)
        page.evaluate(
            "async () => { const r = await axe.run(document, {runOnly: {type: 'tag', values:"
                + " ['wcag2a', 'wcag2aa']}}); return r.violations.map(v => v.id + ' (' + v.impact"
                + " + '): ' + v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(', ')); }");
  }

  @Test
  void mapAndProfilePassTheWcagAaRulesOfAxe() throws Exception {
    try (BrowserContext context = browser.auditContext("nl-NL")) {
      Page page = context.newPage();
      for (String path :
          List.of(
              "/kaart?level=buurt&indicator=pct_low_income_households&year=2023&within=GM0308",
              "/gebied/BU03080000",
              "/methode",
              "/zoeken?q=baarn")) {
        page.navigate(url(path));
        if (path.startsWith("/kaart")) {
          waitForMap(page);
        }
        assertThat(axe(page)).as(path).isEmpty();
      }
    }
  }

  /**
   * Issue 27, maps and keyboard: figures are chosen from themes by name with unit and years; the
   * map says what it shows; a skip link passes the areas' tab stops; at street zoom the buurten are
   * named on the map; on the profile a comparison figure of another year says so.
   */
  @Test
  void choicesByThemeAMapLabelASkipLinkAndBuurtNamesAtStreetZoom() {
    try (BrowserContext context = browser.context("nl-NL")) {
      Page page = context.newPage();
      page.navigate(
          url("/kaart?level=buurt&indicator=pct_low_income_households&year=2023&within=GM0308"));
      waitForMap(page);
      @SuppressWarnings("unchecked")
      List<String> groups =
          (List<String>)
              page.evaluate(
                  "() => [...document.querySelectorAll('#indicator optgroup')].map(g => g.label)");
      assertThat(groups).contains("Bevolking", "Inkomen", "Leefbaarheid (Leefbaarometer)");
      assertThat(groups).doesNotContain("population", "income", "livability");
      assertThat(page.textContent("#indicator option[value=pct_low_income_households]"))
          .isEqualTo("% huishoudens met een laag inkomen (%, 2016–2023)");
      assertThat(page.getAttribute("#map", "aria-label"))
          .isEqualTo("Kaart van % huishoudens met een laag inkomen: buurten in Baarn, 2023");

      // the keyboard passes the map's 21 areas with one key
      page.focus("#map-show");
      page.keyboard().press("Tab");
      assertThat(page.evaluate("() => document.activeElement.id")).isEqualTo("skip-map");
      page.keyboard().press("Enter");
      assertThat(page.evaluate("() => document.activeElement.id")).isEqualTo("map-status");

      // the gemeente view names no buurt; at street zoom the buurten in view are named
      assertThat(page.getAttribute("#map", "data-names-shown")).isEqualTo("0");
      // (the same address with another fragment would not load the page again)
      page.navigate("about:blank");
      page.navigate(
          url(
              "/kaart?level=buurt&indicator=pct_low_income_households&year=2023&within=GM0308"
                  + "#15/52.21170/5.28770"));
      waitForMap(page);
      page.waitForFunction("() => Number(document.getElementById('map').dataset.namesShown) > 0");
      @SuppressWarnings("unchecked")
      List<String> names =
          (List<String>)
              page.evaluate(
                  "() => [...document.querySelectorAll('.vk-area-name')].map(e => e.textContent)");
      String table = page.textContent("#map-table");
      assertThat(names).isNotEmpty().allSatisfy(n -> assertThat(table).contains(n));
      assertThat(page.locator(".vk-area-label[tabindex]").count()).isZero();
      page.screenshot(
          new Page.ScreenshotOptions().setPath(Browser.screenshot("explore-map-names.png")));

      // a comparison figure of another year than the buurt's own says so, and only then
      page.navigate(url("/gebied/BU03080000"));
      @SuppressWarnings("unchecked")
      List<String> wrong =
          (List<String>)
              page.evaluate(
                  "() => [...document.querySelectorAll('#key-figures tbody tr')].flatMap(tr => {"
                      + " const cells = [...tr.querySelectorAll('td.text-end')];"
                      + " const year = s => { const m = /(\\d{4})/.exec(s); return m ? m[1] : null; };"
                      + " const own = year(cells[0].textContent);"
                      + " return cells.slice(1).filter(td => { const y = year(td.textContent);"
                      + " const marked = td.textContent.includes('ander jaar');"
                      + " return y !== null && own !== null && (y !== own) !== marked; })"
                      + " .map(td => tr.querySelector('th').textContent.trim() + ': ' + td.textContent.trim()); })");
      assertThat(wrong).isEmpty();
    }
  }

  @Test
  void switchLevelGemeenteIndicatorAndYearThenOpenABuurt() throws Exception {
    try (BrowserContext context = browser.context("nl-NL")) {
      Page page = context.newPage();
      page.navigate(url("/kaart"));
      waitForMap(page);
      assertThat(Integer.parseInt(page.getAttribute("#map", "data-features"))).isGreaterThan(300);
      assertThat(page.locator("#legend li").count())
          .as(page.getAttribute("#map", "data-geojson") + " " + page.textContent("#legend"))
          .isGreaterThanOrEqualTo(3);
      page.screenshot(
          new Page.ScreenshotOptions().setPath(Browser.screenshot("explore-map-gemeenten.png")));

      // level -> buurt and Baarn, sent with the button (a choice alone sends nothing and keeps the
      // focus, WCAG 3.2.2), then the indicator, then the year
      String before = page.url();
      page.focus("#level");
      page.selectOption("#level", "buurt");
      assertThat(page.url()).isEqualTo(before);
      assertThat(page.evaluate("() => document.activeElement.id")).isEqualTo("level");
      assertThat(page.isEnabled("#within")).as("gemeente can be chosen at once").isTrue();
      page.selectOption("#within", "GM0308");
      page.click("#map-show");
      page.waitForURL("**within=GM0308**");
      assertThat(page.url()).contains("level=buurt");
      page.selectOption("#indicator", "pct_low_income_households");
      page.click("#map-show");
      page.waitForURL("**indicator=pct_low_income_households**");
      page.selectOption("#year", "2023");
      page.click("#map-show");
      page.waitForURL("**year=2023**");
      waitForMap(page);
      assertThat(page.getAttribute("#map", "data-features")).isEqualTo("21");
      assertThat(page.url())
          .contains(
              "level=buurt", "indicator=pct_low_income_households", "year=2023", "within=GM0308");
      // the table alternative in Dutch notation: Centrum 4,3 %
      page.click("text=Toon de cijfers als tabel");
      assertThat(page.textContent("#map-table")).contains("Centrum").contains("4,3 %");
      // every figure names its source and year
      assertThat(page.textContent("#legend-title + p")).contains("2023");
      assertThat(page.textContent("#map-credits")).contains("CBS");
      // an attention area is outlined
      assertThat(
              (Integer)
                  page.evaluate("document.querySelectorAll('#map path[stroke-dasharray]').length"))
          .isPositive();
      page.screenshot(
          new Page.ScreenshotOptions().setPath(Browser.screenshot("explore-map-baarn.png")));

      // the address reproduces the view, extent included
      String shared = page.url();
      Page again = context.newPage();
      again.navigate(shared);
      waitForMap(again);
      assertThat(again.inputValue("#indicator")).isEqualTo("pct_low_income_households");
      assertThat(again.inputValue("#year")).isEqualTo("2023");
      again.close();

      // a click on a buurt opens its profile
      page.locator("#map path[aria-label^='Centrum:']").click();
      page.waitForURL("**/gebied/BU03080000**");
      assertThat(page.textContent("h1")).contains("Centrum");
      assertThat(page.textContent("#key-figures")).contains("Baarn").contains("Nederland");
      assertThat(page.textContent("#analysis-title")).contains("Analyse");
      assertThat(page.textContent(".vk-analysis"))
          .contains("stabiel of verbeterend")
          .contains("geen oordeel");
      page.screenshot(
          new Page.ScreenshotOptions()
              .setPath(Browser.screenshot("explore-profile-centrum.png"))
              .setFullPage(true));

      // the PDF profile
      Download pdf = page.waitForDownload(() -> page.click("#profile-pdf"));
      Path pdfFile = Browser.screenshot("profiel_BU03080000.pdf");
      pdf.saveAs(pdfFile);
      try (PDDocument doc = Loader.loadPDF(pdfFile.toFile())) {
        String text = new PDFTextStripper().getText(doc);
        assertThat(text)
            .contains("Buurtprofiel Centrum")
            .contains("Kerncijfers vergeleken")
            .contains("Bron: Kadaster / CBS, 2024")
            .contains("stabiel of verbeterend")
            .contains("Alle cijfers van")
            .contains("Dimensies van de Leefbaarometer")
            .contains("CBS Kerncijfers");
        ImageIO.write(
            new PDFRenderer(doc).renderImageWithDPI(0, 80),
            "png",
            Browser.screenshot("profiel_BU03080000_page1.png").toFile());
      }

      // the XLSX of the map
      page.navigate(shared);
      waitForMap(page);
      Download xlsx = page.waitForDownload(() -> page.click("#export-xlsx"));
      Path xlsxFile = Browser.screenshot("kaart_baarn.xlsx");
      xlsx.saveAs(xlsxFile);
      try (InputStream in = Files.newInputStream(xlsxFile);
          XSSFWorkbook wb = new XSSFWorkbook(in)) {
        Sheet sheet = wb.getSheetAt(0);
        assertThat(sheet.getRow(0).getCell(0).getStringCellValue())
            .contains("laag inkomen")
            .contains("2023");
        Row header = sheet.getRow(2);
        assertThat(header.getCell(0).getStringCellValue()).isEqualTo("code");
        assertThat(header.getCell(2).getStringCellValue()).isEqualTo("waarde");
        Map<String, Row> byCode = new HashMap<>();
        for (int r = 3; r <= sheet.getLastRowNum(); r++) {
          Row row = sheet.getRow(r);
          if (row != null
              && row.getCell(0) != null
              && row.getCell(0).getStringCellValue().startsWith("BU")) {
            byCode.put(row.getCell(0).getStringCellValue(), row);
          }
        }
        assertThat(byCode).hasSize(21);
        // baarn_buurten_timeseries: BU03080000 huishoudens_laag_inkomen 2023 = 4.3
        assertThat(byCode.get("BU03080000").getCell(2).getNumericCellValue()).isEqualTo(4.3);
        assertThat(byCode.get("BU03080000").getCell(6).getStringCellValue()).contains("2023");
        // a buurt without a 2023 figure says so, never 0
        Row missing =
            byCode.values().stream()
                .filter(r -> !"ok".equals(r.getCell(3).getStringCellValue()))
                .findFirst()
                .orElseThrow();
        assertThat(missing.getCell(2).getStringCellValue()).isEqualTo("onbekend");
      }
    }
  }
}
