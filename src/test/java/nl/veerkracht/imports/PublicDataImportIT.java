package nl.veerkracht.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import nl.veerkracht.cli.CommandLine;
import nl.veerkracht.demo.DemoData;
import nl.veerkracht.support.Demo;
import nl.veerkracht.support.Http;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;

/**
 * Must show 1 of the public-data issue: every bundled real file imports through the {@code import}
 * command with exit 0, and the API then returns the numbers that are in the files.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "veerkracht.db.embedded-database=it_public")
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PublicDataImportIT {

  @Autowired CommandLine commandLine;
  @LocalServerPort int port;
  Http http;

  @BeforeAll
  void importEveryBundledFileThroughTheCli() {
    http = new Http(port);
    List<String> files = new ArrayList<>(DemoData.FILES);
    files.addAll(DemoData.LEGACY);
    files.remove(DemoData.STOCK); // generated, not a file: see StockImportIT
    for (String name : files) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      ByteArrayOutputStream err = new ByteArrayOutputStream();
      int exit =
          commandLine.run(
              List.of("import", Demo.file(name).toString()),
              new PrintStream(out, true, StandardCharsets.UTF_8),
              new PrintStream(err, true, StandardCharsets.UTF_8));
      assertThat(exit).as(name + ":\n" + out + err).isZero();
    }
  }

  /** Runs the import command; the exit code and what it printed. */
  record Run(int exit, String output) {}

  Run importFile(java.nio.file.Path file) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int exit =
        commandLine.run(
            List.of("import", file.toString()),
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(out, true, StandardCharsets.UTF_8));
    return new Run(exit, out.toString(StandardCharsets.UTF_8));
  }

  /**
   * Issue 28, StatLine exports with names only: Baarn and its five wijken of the Kerncijfers 2024
   * (the figures of the bundled 85984NED extract) resolve to their codes against the 2024
   * boundaries held; a buurt name that many gemeenten share ("Centrum") refuses the file, naming
   * it, and changes nothing.
   */
  @Test
  void aStatLineExportWithNamesOnlyImportsWhenEveryNameIsOneArea() throws IOException {
    java.nio.file.Path dir = Files.createTempDirectory("statline-names");
    java.nio.file.Path names = dir.resolve("Kerncijfers_wijken_en_buurten_2024_namen.csv");
    Files.writeString(
        names,
        "\uFEFF\"Wijken en buurten\";\"Soort regio (omschrijving)\";\"Perioden\";"
            + "\"Aantal inwoners (aantal)\"\n"
            + "\"Baarn\";\"Gemeente\";\"2024\";\"25065\"\n"
            + "\"Wijk 00 Baarn\";\"Wijk\";\"2024\";\"11955\"\n"
            + "\"Wijk 01 Baarn-Noord, Eemdal en Eemland\";\"Wijk\";\"2024\";\"10200\"\n"
            + "\"Wijk 02 P.H.W.park\";\"Wijk\";\"2024\";\"1660\"\n"
            + "\"Wijk 04 Buitengebied\";\"Wijk\";\"2024\";\"965\"\n"
            + "\"Wijk 05 Lage Vuursche\";\"Wijk\";\"2024\";\"280\"\n",
        StandardCharsets.UTF_8);
    Run ok = importFile(names);
    assertThat(ok.exit()).as(ok.output()).isZero();
    assertThat(ok.output()).contains("6 areas matched by name to their code (2024 division)");
    assertThat(
            http.getJson("/api/areas/WK030802?year=2024")
                .path("indicators")
                .path("inhabitants")
                .path("value")
                .asDouble())
        .isEqualTo(1660);
    System.out.printf("[statline names] %s%n", ok.output().replaceAll("\\s+", " ").strip());

    java.nio.file.Path shared = dir.resolve("ses_woa_2024_namen.csv");
    Files.writeString(
        shared,
        "\"Wijken en buurten\";\"Perioden\";\"Gemiddelde SES-WOA score (score)\"\n"
            + "\"Centrum\";\"2024\";\".\"\n",
        StandardCharsets.UTF_8);
    Run refused = importFile(shared);
    assertThat(refused.exit()).isNotZero();
    assertThat(refused.output())
        .contains("More than one area: “Centrum”")
        .contains("download the CSV with codes");
  }

  @Test
  void amsterdam2019FiguresComeBackAsInTheCsv() {
    JsonNode gm = http.getJson("/api/areas/GM0363?year=2019");
    assertThat(gm.path("name").asString()).isEqualTo("Amsterdam");
    assertThat(gm.path("indicators").path("inhabitants").path("value").asDouble())
        .isEqualTo(862965);
    assertThat(gm.path("indicators").path("inhabitants").path("source").asString())
        .isEqualTo("CBS Kerncijfers wijken en buurten 2019");
    // Buurten of Amsterdam: % corporation homes as in the CSV (Kop Zeedijk 7, Oude Kerk e.o. 28)
    JsonNode kop = http.getJson("/api/areas/BU03630000?year=2019");
    assertThat(kop.path("indicators").path("pct_corporation_rent").path("value").asDouble())
        .isEqualTo(7);
    JsonNode oudeKerk = http.getJson("/api/areas/BU03630001?year=2019");
    assertThat(oudeKerk.path("indicators").path("pct_corporation_rent").path("value").asDouble())
        .isEqualTo(28);
    // "NA" in the CSV is missing with its reason, never 0
    JsonNode na =
        http.getJson("/api/areas/BU03630100?year=2019")
            .path("indicators")
            .path("pct_corporation_rent");
    assertThat(na.path("status").asString()).isEqualTo("missing");
    assertThat(na.path("value").isNull()).isTrue();
    List<JsonNode> buurten = list(http.getJson("/api/areas?level=buurt&year=2019&within=GM0363"));
    assertThat(buurten).hasSize(479);
  }

  /**
   * Issue 28, must show 2: the Utrecht compilation (CBS Kerncijfers 2020 joined with Leefbaarometer
   * and SES-WOA) no longer shows its Leefbaarometer and SES figures under "CBS Kerncijfers wijken
   * en buurten 2020"; the sources page counts them under their own publishers.
   */
  @Test
  void leefbaarometerAndSesFiguresOfACbsCompilationKeepTheirOwnSources() {
    JsonNode hof = http.getJson("/api/areas/BU03070100?year=2020").path("indicators");
    assertThat(hof.path("lbm_score").path("value").asDouble()).isEqualTo(4.22);
    assertThat(hof.path("lbm_score").path("source").asString())
        .isEqualTo("Leefbaarometer 3.0 (BZK)");
    assertThat(hof.path("ses_score").path("value").asDouble()).isEqualTo(-0.12);
    assertThat(hof.path("ses_score").path("source").asString()).isEqualTo("CBS SES-WOA");
    assertThat(hof.path("inhabitants").path("source").asString())
        .isEqualTo("CBS Kerncijfers wijken en buurten 2020");
    String sources = http.get("/bronnen").body();
    String table = sources.substring(sources.indexOf("id=\"figure-sources\""));
    assertThat(table)
        .contains("<td>Leefbaarometer 3.0 (BZK)</td>")
        .contains("<td>CBS SES-WOA</td>");
  }

  @Test
  void leefbaarometer2016WijkClass() {
    // lbm2_wijk_klassen: WK036300 (Burgwallen-Oude Zijde) KL16 = 9, KL02 = 9; WK000300 KL16 = 6
    JsonNode series = http.getJson("/api/areas/WK036300/series/lbm2_class");
    assertThat(list(series))
        .extracting(p -> p.path("year").asInt())
        .containsExactly(2002, 2008, 2012, 2014, 2016);
    assertThat(list(series).get(4).path("value").asDouble()).isEqualTo(9);
    assertThat(
            http.getJson("/api/areas/WK000300?year=2016")
                .path("indicators")
                .path("lbm2_class")
                .path("value")
                .asDouble())
        .isEqualTo(6);
  }

  @Test
  void gemeenten2022AreListedWithTheirShares() {
    List<JsonNode> gemeenten = list(http.getJson("/api/areas?level=gemeente&year=2022"));
    assertThat(gemeenten).hasSize(346);
    assertThat(gemeenten)
        .anyMatch(
            g ->
                g.path("code").asString().equals("GM0088")
                    && g.path("name").asString().equals("Schiermonnikoog")
                    && g.path("parentCode").asString().equals("NL00"));
    assertThat(
            http.getJson("/api/areas/GM0088?year=2022")
                .path("indicators")
                .path("pct_corporation_rent")
                .path("value")
                .asDouble())
        .isEqualTo(24);
  }

  @Test
  void baarnBuurtenHaveTheir2024Geometry() throws IOException {
    JsonNode map = http.getJson("/api/map/buurt.geojson?year=2024&within=GM0308&detail=full");
    List<JsonNode> features = list(map.path("features"));
    assertThat(features).hasSize(21);
    JsonNode centrum =
        features.stream()
            .filter(f -> f.path("id").asString().equals("BU03080000"))
            .findFirst()
            .orElseThrow();
    assertThat(centrum.path("properties").path("name").asString()).isEqualTo("Centrum");
    // the full geometry served is the one in the file (to 7 decimals, about 1 cm)
    JsonNode source =
        Http.JSON.readTree(
            Files.readString(Demo.file("geo/baarn_buurten_2024_wgs84_pdok_full.geojson")));
    JsonNode sourceFeature =
        list(source.path("features")).stream()
            .filter(f -> f.path("properties").path("buurtcode").asString().equals("BU03080000"))
            .findFirst()
            .orElseThrow();
    JsonNode first = firstPosition(sourceFeature.path("geometry").path("coordinates"));
    JsonNode served = firstPosition(centrum.path("geometry").path("coordinates"));
    assertThat(served.get(0).asDouble()).isCloseTo(first.get(0).asDouble(), within(0.0000001));
    assertThat(served.get(1).asDouble()).isCloseTo(first.get(1).asDouble(), within(0.0000001));
    assertThat(
            http.getJson("/api/areas/BU03080000?year=2024")
                .path("indicators")
                .path("inhabitants")
                .path("value")
                .asDouble())
        .isEqualTo(1825);
  }

  @Test
  void baarnTimeSeriesComesBackPerYear() {
    List<JsonNode> series =
        list(http.getJson("/api/areas/GM0308/series/pct_low_income_households"));
    assertThat(series)
        .anyMatch(p -> p.path("year").asInt() == 2016 && p.path("value").asDouble() == 5.8);
    assertThat(series)
        .anyMatch(p -> p.path("year").asInt() == 2023 && p.path("value").asDouble() == 2.6);
  }

  @Test
  void nationalWijken2024MatchTheOdataExtract() throws IOException {
    // kwb2024 core and the wijken GeoJSON agree on AantalInwoners (SOURCES.md): WK168000 has 3590
    assertThat(
            http.getJson("/api/areas/WK168000?year=2024")
                .path("indicators")
                .path("inhabitants")
                .path("value")
                .asDouble())
        .isEqualTo(3590);
    try (InputStream in =
        new GZIPInputStream(
            Files.newInputStream(Demo.file("geo/wijken_2024_wgs84_kwb.geojson.gz")))) {
      JsonNode wijken = Http.JSON.readTree(in);
      assertThat(list(http.getJson("/api/areas?level=wijk&year=2024")))
          .hasSize(wijken.path("features").size());
    }
  }

  @Test
  void indicatorsAreListedWithStableIds() {
    List<JsonNode> indicators = list(http.getJson("/api/indicators"));
    assertThat(indicators)
        .extracting(i -> i.path("id").asString())
        .contains(
            "inhabitants",
            "dwellings",
            "pct_corporation_rent",
            "avg_woz",
            "pct_low_income_households",
            "lbm_score",
            "lbm_class",
            "lbm_onv");
    assertThat(indicators)
        .allSatisfy(i -> assertThat(i.path("id").asString()).matches("[a-z][a-z0-9_]*"));
  }

  @Test
  void theMapOfAllWijkenIsCompact() {
    var response = http.get("/api/map/wijk.geojson?year=2024&indicator=inhabitants");
    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode map = Http.JSON.readTree(response.body());
    assertThat(map.path("features").size()).isEqualTo(3475);
    assertThat(map.path("legend").path("classes").size()).isEqualTo(5);
  }

  static List<JsonNode> list(JsonNode array) {
    List<JsonNode> list = new ArrayList<>();
    array.forEach(list::add);
    return list;
  }

  static JsonNode firstPosition(JsonNode coordinates) {
    JsonNode c = coordinates;
    while (c.isArray() && c.get(0).isArray()) {
      c = c.get(0);
    }
    return c;
  }
}
