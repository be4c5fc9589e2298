package nl.veerkracht.changes;

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
        "VHE-nummer;Straat;Huisnummer;Postcode;Latitude;Longitude\n"
            + "CHG-1;Brink;1;3743AB;52.2125;5.2870\nCHG-2;Brink;2;3743AB;52.2126;5.2871\n");
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
      if (c.get("areaCode").stringValue().equals(CENTRUM)
          && c.get("indicator").stringValue().equals("lbm_class")) {
        assertThat(centrum).as("listed once").isNull();
        centrum = c;
      }
    }
    assertThat(centrum).as(list.toString()).isNotNull();
    assertThat(centrum.get("yearFrom").intValue()).isEqualTo(2024);
    assertThat(centrum.get("yearTo").intValue()).isEqualTo(2025);
    assertThat(centrum.get("areaName").stringValue()).isEqualTo("Centrum");

    long after = changes();
    HttpResponse<String> again = admin.upload("/api/imports", "lbm_2025_fixture.csv", fixture);
    assertThat(again.statusCode()).isEqualTo(200);
    analysis.recompute();
    assertThat(changes()).isEqualTo(after);

    // staff of CHG see it on the home page; others get 403 on the API
    assertThat(admin.get("/").body()).contains("Wat is er veranderd");
    assertThat(new Http(port).get("/api/changes?corporation=CHG").statusCode()).isEqualTo(401);
  }
}
