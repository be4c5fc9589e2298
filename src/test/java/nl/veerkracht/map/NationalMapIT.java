package nl.veerkracht.map;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import nl.veerkracht.analysis.AnalysisService;
import nl.veerkracht.cli.CommandLine;
import nl.veerkracht.geo.GeoJsonGeometries;
import nl.veerkracht.support.Browser;
import nl.veerkracht.support.Demo;
import nl.veerkracht.support.Http;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.locationtech.jts.geom.Geometry;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;

/**
 * The national maps of the "Measure, hardened" issue on the bundled files: the national wijk map
 * and the Leaflet script are gzipped on the wire; every display geometry is valid after
 * simplification and rounding (also the four wijken GDAL found invalid before); the buurten of 2024
 * carry the published Leefbaarometer class and a class for each of the five dimensions.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "veerkracht.db.embedded-database=it_national")
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NationalMapIT {

  static final HttpClient CLIENT = HttpClient.newHttpClient();

  @LocalServerPort int port;
  @Autowired CommandLine commandLine;
  @Autowired AnalysisService analysis;

  @BeforeAll
  void nationalWijkenBuurtenAndLeefbaarometer() {
    for (String f :
        List.of(
            "geo/wijken_2024_wgs84_kwb.geojson.gz",
            "geo/buurten_2024_nl_lbm_simplified_wgs84.geojson.gz",
            "leefbaarometer/lbm3_2024_buurt_nl.csv.gz")) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      PrintStream p = new PrintStream(out, true, StandardCharsets.UTF_8);
      assertThat(commandLine.run(List.of("import", Demo.file(f).toString()), p, p))
          .as(out.toString(StandardCharsets.UTF_8))
          .isZero();
    }
    analysis.recompute();
  }

  HttpResponse<byte[]> gzipped(String path) throws Exception {
    return CLIENT.send(
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
            .header("Accept-Encoding", "gzip")
            .build(),
        HttpResponse.BodyHandlers.ofByteArray());
  }

  @Test
  void theNationalWijkMapAndTheLeafletScriptAreGzipped() throws Exception {
    HttpResponse<byte[]> map = gzipped("/api/map/wijk.geojson?year=2024");
    assertThat(map.statusCode()).isEqualTo(200);
    assertThat(map.headers().firstValue("Content-Encoding")).hasValue("gzip");
    assertThat(map.headers().firstValue("ETag").orElse("")).startsWith("W/");
    HttpResponse<byte[]> leaflet = gzipped("/webjars/leaflet/dist/leaflet.js");
    assertThat(leaflet.statusCode()).isEqualTo(200);
    assertThat(leaflet.headers().firstValue("Content-Encoding")).hasValue("gzip");
  }

  @Test
  void everyDisplayGeometryOfTheNationalWijkMapIsValid() throws Exception {
    List<String> invalid = new ArrayList<>();
    int n = 0;
    for (String detail : List.of("national", "overview", "detail")) {
      HttpResponse<byte[]> r = gzipped("/api/map/wijk.geojson?year=2024&detail=" + detail);
      JsonNode doc =
          Http.JSON.readTree(new GZIPInputStream(new java.io.ByteArrayInputStream(r.body())));
      for (JsonNode f : doc.path("features")) {
        Geometry g = GeoJsonGeometries.read(f.path("geometry"));
        n++;
        if (!g.isValid()) {
          invalid.add(detail + " " + f.path("properties").path("code").asString());
        }
      }
    }
    assertThat(n).isEqualTo(3 * 3_475);
    assertThat(invalid).isEmpty();
  }

  @Test
  void buurtenOf2024CarryThePublishedClassAndFiveDimensionClasses() {
    JsonNode centrum = new Http(port).getJson("/api/areas/BU03080000?year=2024");
    JsonNode ind = centrum.path("indicators");
    assertThat(ind.path("lbm_class").path("value").asDouble()).isEqualTo(7.0);
    assertThat(ind.path("lbm_class").path("status").asString()).isEqualTo("ok");
    // published, not derived: it is an imported figure with the Leefbaarometer as its source
    assertThat(ind.path("lbm_class").path("source").asString()).contains("Leefbaarometer");
    for (String d : List.of("won", "fys", "vrz", "soc", "onv")) {
      assertThat(ind.path("lbm_" + d + "_class").path("value").isNumber()).as(d).isTrue();
    }
    assertThat(ind.path("lbm_vrz_class").path("value").asDouble()).isEqualTo(7.0);
  }

  @Test
  void theNationalBuurtMapFitsOnTheWire() throws Exception {
    HttpResponse<byte[]> r = gzipped("/api/map/buurt.geojson?year=2024&indicator=lbm_class");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body().length).isLessThan(1_500_000);
    JsonNode doc =
        Http.JSON.readTree(new GZIPInputStream(new java.io.ByteArrayInputStream(r.body())));
    assertThat(doc.path("features").size()).isEqualTo(12_147);
    assertThat(doc.path("legend").path("method").asString()).isEqualTo("fixed");
  }

  /**
   * The map page at buurt level for the whole country: every buurt is on the map, the legend shows
   * the nine Leefbaarometer classes, and the canvas is painted in many class colours (not only the
   * colour for "no figure").
   */
  @Test
  void theMapPageDrawsTheClassesOfEveryBuurtOfTheCountry() {
    try (Browser browser = new Browser();
        BrowserContext context = browser.context("nl-NL")) {
      Page page = context.newPage();
      page.setViewportSize(1280, 900);
      page.navigate(
          "http://localhost:" + port + "/kaart?level=buurt&indicator=lbm_class&year=2024");
      page.waitForSelector(
          "#map.vk-map-ready", new Page.WaitForSelectorOptions().setTimeout(60_000));
      assertThat(page.getAttribute("#map", "data-features")).isEqualTo("12147");
      List<String> legend = page.locator("#legend li").allInnerTexts();
      assertThat(legend).hasSize(10);
      assertThat(legend.get(0)).containsIgnoringCase("onvoldoende");
      Number colours =
          (Number)
              page.evaluate(
                  "() => { const c = document.querySelector('.leaflet-overlay-pane canvas');"
                      + " const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;"
                      + " const n = {}; for (let i = 0; i < d.length; i += 4) { if (d[i + 3] > 200)"
                      + " { const k = d[i] + ',' + d[i + 1] + ',' + d[i + 2]; n[k] = (n[k] || 0) + 1; } }"
                      + " return Object.values(n).filter(x => x > 500).length; }");
      assertThat(colours.intValue())
          .as("colours covering more than 500 pixels")
          .isGreaterThanOrEqualTo(7);
      page.screenshot(
          new Page.ScreenshotOptions().setPath(Browser.screenshot("kaart_nederland_buurten.png")));
    }
  }
}
