package nl.veerkracht.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import nl.veerkracht.analysis.AnalysisService;
import nl.veerkracht.cli.CommandLine;
import nl.veerkracht.support.Cli;
import nl.veerkracht.support.Demo;
import nl.veerkracht.support.Http;
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
 * Must show 2 of the monitoring issue: importing a later year that changes a buurt's livability
 * class adds that buurt to "what changed" for a corporation with homes there, and importing the
 * same file again adds nothing. The later year is a test fixture (the Leefbaarometer has no 2025
 * edition); the 2024 classes are the real bundled ones.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "veerkracht.db.embedded-database=it_changes")
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ChangesIT {

  static final String CENTRUM = "BU03080000";

  @LocalServerPort int port;
  @Autowired CommandLine commandLine;
  @Autowired AnalysisService analysis;
  @Autowired JdbcClient jdbc;
  Http admin;

  @BeforeAll
  void baarnWithLivabilityAndACorporationInCentrum() throws Exception {
    for (String f :
        java.util.List.of(
            "geo/baarn_buurten_2024_wgs84_pdok_full.geojson",
            "leefbaarometer/lbm3_2024_buurt_nl.csv.gz")) {
      Cli.run(commandLine, "import", Demo.file(f).toString());
    }
    analysis.recompute();
    admin = new Http(port).as("admin", "admin-test-password");
    assertThat(
            admin
                .postJson("/api/corporations", "{\"code\":\"CHG\",\"name\":\"Centrum Wonen\"}")
                .statusCode())
        .isEqualTo(201);
    java.nio.file.Path units = java.nio.file.Files.createTempFile("units", ".csv");
    java.nio.file.Files.writeString(
        units,
        "VHE-nummer;Straat;Huisnummer;Postcode;Latitude;Longitude;Complexnummer;Complexnaam\n"
            + "CHG-1;Brink;1;3743AB;52.2125;5.2870;C1;Brink\n"
            + "CHG-2;Brink;2;3743AB;52.2126;5.2871;C1;Brink\n");
    Cli.run(commandLine, "import", "--corporation", "CHG", units.toString());
    analysis.recompute();
  }

  int class2024() {
    return jdbc.sql(
            "SELECT value FROM figure WHERE area_code = ? AND indicator_id = 'lbm_class' AND year = 2024")
        .param(CENTRUM)
        .query(Double.class)
        .single()
        .intValue();
  }

  long changes() {
    return jdbc.sql("SELECT count(*) FROM area_change").query(Long.class).single();
  }

  @Test
  void aLaterYearThatChangesTheClassIsListedOnceAndAReimportAddsNothing() {
    assertThat(
            jdbc.sql(
                    "SELECT buurt_code FROM stock_unit_area WHERE corporation_id ="
                        + " (SELECT id FROM corporation WHERE code = 'CHG') LIMIT 1")
                .query(String.class)
                .single())
        .isEqualTo(CENTRUM);
    long before = changes();
    int old = class2024();
    int later = old == 9 ? 8 : old + 1;
    byte[] fixture =
        ("code;year;indicator;value\n" + CENTRUM + ";2025;lbm_class;" + later + "\n")
            .getBytes(StandardCharsets.UTF_8);
    HttpResponse<String> r = admin.upload("/api/imports", "lbm_2025_fixture.csv", fixture);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    analysis.recompute();
    assertThat(changes()).isGreaterThan(before);

    JsonNode list = admin.getJson("/api/changes?corporation=CHG&since=2020-01-01");
    JsonNode centrum = null;
    for (JsonNode c : list) {
      if (c.get("code").stringValue().equals(CENTRUM)
          && c.get("indicator").stringValue().equals("lbm_class")) {
        assertThat(centrum).as("listed once").isNull();
        centrum = c;
      }
    }
    assertThat(centrum).as(list.toString()).isNotNull();
    assertThat(centrum.get("yearFrom").intValue()).isEqualTo(2024);
    assertThat(centrum.get("yearTo").intValue()).isEqualTo(2025);
    assertThat(centrum.get("name").stringValue()).isEqualTo("Centrum");

    long after = changes();
    HttpResponse<String> again = admin.upload("/api/imports", "lbm_2025_fixture.csv", fixture);
    assertThat(again.statusCode()).isEqualTo(200);
    analysis.recompute();
    assertThat(changes()).isEqualTo(after);

    // staff of CHG see it on the home page; others get 403 on the API
    assertThat(admin.get("/").body()).contains("Wat is er veranderd");
    assertThat(new Http(port).get("/api/changes?corporation=CHG").statusCode()).isEqualTo(401);
  }

  long ownChanges(String kind) {
    return jdbc.sql("SELECT count(*) FROM own_change WHERE kind = ?")
        .param(kind)
        .query(Long.class)
        .single();
  }

  void importAndAnalyse(String name, String csv, String... fields) {
    HttpResponse<String> r =
        admin.upload("/api/imports", name, csv.getBytes(StandardCharsets.UTF_8), fields);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    assertThat(r.body()).doesNotContain("\"rejected\"");
    analysis.recompute();
  }

  JsonNode change(String kind, String code) {
    JsonNode found = null;
    for (JsonNode c : admin.getJson("/api/changes?corporation=CHG&since=2020-01-01")) {
      if (c.get("kind").stringValue().equals(kind) && c.get("code").stringValue().equals(code)) {
        found = found == null ? c : found;
      }
    }
    return found;
  }

  /**
   * Issue 27, flags on first sight: a new corporation's first signals file puts complex F1 (five
   * homes, two nuisance reports in 2024: 40 per 100 against a threshold of 10) over its threshold
   * at once. It is listed as a change from "new in the data", not left out as a first import.
   */
  @Test
  void aComplexOverItsThresholdInTheFirstImportIsFlaggedAtOnce() throws Exception {
    assertThat(
            admin
                .postJson("/api/corporations", "{\"code\":\"FRS\",\"name\":\"Eerste Wonen\"}")
                .statusCode())
        .isEqualTo(201);
    StringBuilder csv =
        new StringBuilder(
            "VHE-nummer;Straat;Huisnummer;Postcode;Latitude;Longitude;Complexnummer;Complexnaam\n");
    for (int i = 1; i <= 5; i++) {
      csv.append("FRS-")
          .append(i)
          .append(";Brink;")
          .append(10 + i)
          .append(";3743AB;52.2125;5.2870;F1;Brinkhof\n");
    }
    importAndAnalyse("frs_vhe.csv", csv.toString(), "corporation", "FRS");
    importAndAnalyse(
        "frs_signalen.csv",
        "Clustersoort;Complexnummer;Jaar;Soort melding;Aantal\nOND;F1;2024;overlast;2\n",
        "corporation",
        "FRS");
    JsonNode found = null;
    for (JsonNode c : admin.getJson("/api/changes?corporation=FRS&since=2020-01-01")) {
      if (c.get("kind").stringValue().equals("signal")
          && c.get("code").stringValue().equals("F1")) {
        found = c;
      }
    }
    assertThat(found).as("F1 flagged on its first import").isNotNull();
    assertThat(found.get("from").get("nl").stringValue()).isEqualTo("nieuw in de gegevens");
    assertThat(found.get("to").get("nl").stringValue())
        .isEqualTo("boven de drempel: 40,0 per 100 woningen (drempel 10,0)");
    assertThat(admin.get("/wijzigingen?corporation=FRS").body())
        .contains("Brinkhof")
        .doesNotContain("Geen veranderingen");
  }

  /**
   * Two units in complex C1: one nuisance report in 2024 is 50 per 100 units, over the default
   * threshold of 10; 2023's none was under it. Raising the threshold to 60 brings it back under.
   */
  @Test
  void aComplexWhoseSignalCrossesItsThresholdIsListed() {
    String header = "Clustersoort;Complexnummer;Jaar;Soort melding;Aantal\n";
    importAndAnalyse(
        "signalen_2023.csv", header + "OND;C1;2023;overlast;0\n", "corporation", "CHG");
    long before = ownChanges("signal");
    importAndAnalyse(
        "signalen_2024.csv", header + "OND;C1;2024;overlast;1\n", "corporation", "CHG");
    assertThat(ownChanges("signal")).isEqualTo(before + 1);
    JsonNode c = change("signal", "C1");
    assertThat(c).isNotNull();
    assertThat(c.get("yearFrom").intValue()).isEqualTo(2023);
    assertThat(c.get("yearTo").intValue()).isEqualTo(2024);
    assertThat(c.get("href").stringValue()).isEqualTo("/voorraad/OND/C1?corporation=CHG");
    assertThat(c.get("to").get("nl").stringValue())
        .isEqualTo("boven de drempel: 50,0 per 100 woningen (drempel 10,0)");

    importAndAnalyse(
        "signalen_2024.csv", header + "OND;C1;2024;overlast;1\n", "corporation", "CHG");
    assertThat(ownChanges("signal")).as("the same file again").isEqualTo(before + 1);

    HttpResponse<String> set =
        admin.send(
            "PUT",
            "/api/signal-thresholds",
            "{\"corporation\":\"CHG\",\"signalType\":\"overlast\",\"per100Units\":60}");
    assertThat(set.statusCode()).as(set.body()).isEqualTo(200);
    assertThat(set.body()).contains("\"per100Units\":60.0").contains("\"isDefault\":false");
    assertThat(ownChanges("signal")).as("back under a higher threshold").isEqualTo(before + 2);

    // a wrong value changes nothing; another corporation's staff may not see or set them
    assertThat(
            admin
                .send(
                    "PUT",
                    "/api/signal-thresholds",
                    "{\"corporation\":\"CHG\",\"signalType\":\"overlast\",\"per100Units\":-1}")
                .statusCode())
        .isEqualTo(400);
    assertThat(admin.getJson("/api/signal-thresholds?corporation=CHG").toString()).contains("60.0");
    // finding 15 of the second trust review: a kind the corporation holds no signals of was stored
    HttpResponse<String> unknown =
        admin.send(
            "PUT",
            "/api/signal-thresholds",
            "{\"corporation\":\"CHG\",\"signalType\":\"vuurwerk\",\"per100Units\":5}");
    assertThat(unknown.statusCode()).as(unknown.body()).isEqualTo(400);
    assertThat(unknown.body()).contains("vuurwerk").contains("overlast");
    assertThat(admin.getJson("/api/signal-thresholds?corporation=CHG").toString())
        .doesNotContain("vuurwerk");
    assertThat(new Http(port).get("/api/signal-thresholds?corporation=CHG").statusCode())
        .isEqualTo(401);
    String page = admin.get("/wijzigingen?corporation=CHG").body();
    assertThat(page).contains("Drempels voor eigen signalen").contains("Brink");
  }

  /**
   * A target of 5 in 2030 from 10 in 2020 expects 9 in 2022 and 8.5 in 2023: 9 in 2022 is on track,
   * 10 in 2023 is not — that change of status is listed.
   */
  @Test
  void aTargetWhoseStatusChangesIsListed() {
    // an indicator the catalogue does not know is stored as src_<name> ("Eigen bestand")
    String header = "code;year;indicator;value\n";
    importAndAnalyse(
        "meldingen.csv",
        header + CENTRUM + ";2020;test_meldingen;10\n" + CENTRUM + ";2022;test_meldingen;9\n");
    HttpResponse<String> created =
        admin.postJson(
            "/api/measures",
            "{\"corporation\":\"CHG\",\"title\":\"Buurtconciërge\",\"lever\":\"sociaal_beheer\","
                + "\"areaCode\":\""
                + CENTRUM
                + "\",\"costs\":[],\"startYear\":2020,\"endYear\":2030,"
                + "\"target\":{\"indicator\":\"src_test_meldingen\",\"value\":5,\"year\":2030}}");
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    String id = Http.JSON.readTree(created.body()).get("id").asString();
    analysis.recompute();
    long before = ownChanges("target");
    importAndAnalyse("meldingen_2023.csv", header + CENTRUM + ";2023;test_meldingen;10\n");
    assertThat(ownChanges("target")).isEqualTo(before + 1);
    JsonNode c = change("target", id);
    assertThat(c).isNotNull();
    assertThat(c.get("from").get("nl").stringValue()).isEqualTo("op koers");
    assertThat(c.get("yearFrom").intValue()).isEqualTo(2022);
    assertThat(c.get("to").get("nl").stringValue()).isEqualTo("niet op koers");
    assertThat(c.get("yearTo").intValue()).isEqualTo(2023);
    assertThat(c.get("name").stringValue()).isEqualTo("Buurtconciërge");

    importAndAnalyse("meldingen_2023.csv", header + CENTRUM + ";2023;test_meldingen;10\n");
    assertThat(ownChanges("target")).as("the same file again").isEqualTo(before + 1);
  }
}
