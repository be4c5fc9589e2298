package nl.veerkracht.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import nl.veerkracht.cli.CommandLine;
import nl.veerkracht.corporation.CorporationRepository;
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
 * Must show 3 of the analysis issue: the API returns the derived indicators under stable ids with
 * status and explanation, for areas and for complexes, after the real files were imported through
 * the CLI; the resident view of a complex follows the small-numbers rule.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "veerkracht.db.embedded-database=it_analysis")
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AnalysisIT {

  @Autowired CommandLine commandLine;
  @Autowired CorporationRepository corporations;
  @LocalServerPort int port;
  Path tmp;
  Http admin;
  Http staff;

  @BeforeAll
  void realDataAndAComplexInBaarn() throws Exception {
    tmp = Files.createTempDirectory("analysis-it");
    for (String f :
        List.of(
            "geo/baarn_buurten_2024_wgs84_pdok_full.geojson",
            "cbs/baarn_buurten_timeseries_2016_2025.json",
            "cbs/prov_utrecht_buurten_2020_kwb_lbm_ses.csv",
            "cbs/kwb2019_amsterdam_gm_wk_bu.csv",
            "leefbaarometer/lbm2_wijk_klassen_2002_2016.csv",
            "leefbaarometer/lbm2_wijk_dimensiescores_2012_2016.csv",
            "leefbaarometer/lbm2_wijk_ontwikkeling_2012_2016.csv")) {
      cli("import", Demo.file(f).toString());
    }
    admin = new Http(port).as("admin", "admin-test-password");
    assertThat(
            admin
                .postJson("/api/corporations", "{\"code\":\"ANA\",\"name\":\"Analyse test\"}")
                .statusCode())
        .isEqualTo(201);
    assertThat(
            admin
                .postJson(
                    "/api/admin/users",
                    """
        {"username":"piet","password":"piet-password","memberships":[{"corporation":"ANA","role":"ANALYST"}]}""")
                .statusCode())
        .isEqualTo(201);
    staff = new Http(port).as("piet", "piet-password");
    // complex CX: 12 units in Centrum (BU03080000) at € 600, 4 in Transvaal (BU03080002) at € 950
    StringBuilder units =
        new StringBuilder("VHE-nummer;Buurtcode;Huurprijs;Complexnummer;Complexnaam\n");
    for (int i = 1; i <= 16; i++) {
      units.append("CX-").append(i).append(';').append(i <= 12 ? "BU03080000" : "BU03080002");
      units.append(';').append(i <= 12 ? "600,00" : "950,00").append(";CX;Complex X\n");
    }
    write("vhe.csv", units.toString());
    write(
        "mjob.csv",
        "Complexnummer;Jaar;Activiteit;Kosten\nCX;2027;Schilderwerk;12500\nCX;2029;Dak;40000\n"
            + "CX;2035;Keukens;184000\n");
    write(
        "toewijzingen.csv",
        "VHE-nummer;Toewijzingsdatum;Inkomensklasse;Urgentie\nCX-1;2025-02-01;passend;nee\n"
            + "CX-2;2025-05-01;passend;ja\nCX-13;2025-06-01;boven;nee\n");
    write(
        "mutaties.csv",
        "VHE-nummer;Vertrekdatum;Ingangsdatum\nCX-1;2025-01-10;2025-02-01\nCX-2;2025-04-01;2025-05-01\n"
            + "CX-13;2025-05-01;2025-06-01\n");
    write("meldingen.csv", "Complexnummer;Jaar;Soort melding;Aantal\nCX;2025;overlast;7\n");
    for (String f :
        List.of("vhe.csv", "mjob.csv", "toewijzingen.csv", "mutaties.csv", "meldingen.csv")) {
      cli("import", "--corporation", "ANA", tmp.resolve(f).toString());
    }
    HttpResponse<String> run = admin.postJson("/api/admin/analysis/recompute", "{}");
    assertThat(run.statusCode()).as(run.body()).isEqualTo(200);
  }

  void write(String name, String text) throws Exception {
    Files.writeString(tmp.resolve(name), text, StandardCharsets.UTF_8);
  }

  void cli(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int exit =
        commandLine.run(
            List.of(args),
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(out, true, StandardCharsets.UTF_8));
    assertThat(exit).as(String.join(" ", args) + "\n" + out).isZero();
  }

  @Test
  void areaApiReturnsDerivedIndicatorsWithStatusAndExplanation() {
    JsonNode kop = http().getJson("/api/areas/BU03630000?year=2019").path("indicators");
    assertThat(kop.path("pct_corporation_rent").path("value").asDouble()).isEqualTo(7);
    assertThat(kop.path("pct_corporation_rent").path("explanation").isNull()).isTrue();
    JsonNode band = kop.path("corporation_share_band");
    assertThat(band.path("value").asDouble()).isEqualTo(1);
    assertThat(band.path("status").asString()).isEqualTo("ok");
    assertThat(band.path("source").asString()).isEqualTo("Veerkracht (afgeleid)");
    assertThat(band.path("explanation").path("nl").asString()).startsWith("7 % corporatiewoningen");
    assertThat(band.path("explanation").path("en").asString()).contains("band 1");
    assertThat(kop.path("vulnerability_index").path("value").asDouble())
        .isCloseTo(94.376, within(0.001));

    // Baarn Centrum in 2024: the signal of 2023 and the wijk's nuisance change of 2016 are shown
    // with their own years
    JsonNode centrum = http().getJson("/api/areas/BU03080000?year=2024").path("indicators");
    JsonNode signal = centrum.path("veerkracht_signal");
    assertThat(signal.path("value").asDouble()).isEqualTo(4);
    assertThat(signal.path("year").asInt()).isEqualTo(2023);
    assertThat(signal.path("explanation").path("nl").asString()).contains("geen oordeel");
    assertThat(centrum.path("vulnerability_change").path("value").asDouble())
        .isCloseTo(0.8119, within(0.0001));
    assertThat(centrum.path("onv_change").path("year").asInt()).isEqualTo(2016);
    // no national mean for 2020: lbm_class is missing, with the reason in the explanation
    JsonNode cls = centrum.path("lbm_class");
    assertThat(cls.path("status").asString()).isEqualTo("missing");
    assertThat(cls.path("explanation").path("nl").asString()).contains("lbm-national-mean.2020");
    // published Leefbaarometer 2.0 class of a wijk
    JsonNode wijk = http().getJson("/api/areas/WK036300?year=2016").path("indicators");
    assertThat(wijk.path("lbm_class").path("value").asDouble()).isEqualTo(9);
    // the series of a derived indicator carries its explanations
    JsonNode series = http().getJson("/api/areas/BU03080000/series/vulnerability_index");
    assertThat(series.size()).isGreaterThanOrEqualTo(8);
    assertThat(series.get(0).path("explanation").path("nl").asString()).startsWith("V = 100 ×");
  }

  @Test
  void settingsAndPeersArePublicReads() {
    JsonNode settings = http().getJson("/api/analysis/settings");
    assertThat(settings.path("settings").path("vulnerabilityRise").asDouble()).isEqualTo(2.0);
    assertThat(settings.path("lastRun").path("results").asInt()).isPositive();
    JsonNode peers = http().getJson("/api/areas/BU03630000/peers");
    assertThat(peers.path("peers").size()).isEqualTo(10);
    assertThat(peers.path("peers").get(0).path("name").asString()).isNotBlank();
    assertThat(http().get("/api/areas/XX/peers").statusCode()).isEqualTo(400);
    assertThat(http().get("/methode").body()).contains("Kop Zeedijk", "vulnerability-rise");
    assertThat(
            new Http(port)
                .as("piet", "piet-password")
                .postJson("/api/admin/analysis/recompute", "{}")
                .statusCode())
        .isEqualTo(403);
  }

  @Test
  void complexProfileWeighsBuurtFiguresByUnits() {
    JsonNode p = staff.getJson("/api/complexes/CX/profile?corporation=ANA&from=2026");
    assertThat(p.path("complex").path("units").asInt()).isEqualTo(16);
    JsonNode ind = p.path("indicators");
    // % low income 2023: Centrum 4.3, Transvaal 2.7 -> (12 × 4.3 + 4 × 2.7) / 16 = 3.9
    JsonNode low = ind.path("pct_low_income_households");
    assertThat(low.path("value").asDouble()).isCloseTo(3.9, within(1e-9));
    assertThat(low.path("explanation").path("nl").asString())
        .contains("12 × 4,3 (Centrum BU03080000, 2023)")
        .contains("/ 16 = 3,9");
    // next to its main gemeente (Baarn 2023: 2.6, baarn_buurten_timeseries) and the peer group
    assertThat(low.path("gemeente").path("value").asDouble()).isEqualTo(2.6);
    assertThat(low.path("gemeente").path("year").asInt()).isEqualTo(2023);
    assertThat(low.path("peers").path("value").isNumber()).isTrue();
    // signal: 12 units in 'stabiel' (Centrum, 4), 4 in 'kwetsbaarheid stijgt' (Transvaal, 2)
    JsonNode signal = ind.path("veerkracht_signal");
    assertThat(signal.path("value").asDouble()).isEqualTo(4);
    assertThat(signal.path("explanation").path("nl").asString())
        .contains("4 in 'kwetsbaarheid stijgt, overlast niet'", "12 in 'stabiel of verbeterend'");
    assertThat(ind.has("lbm_class")).isTrue();
    assertThat(ind.has("pct_corporation_rent")).isTrue();
    // own share: Centrum 12 / 1066 = 1.126 %, Transvaal 4 / 387 = 1.034 %;
    // weighted (12 × 1.126 + 4 × 1.034) / 16 = 1.103
    assertThat(ind.path("own_corporation_share").path("value").asDouble())
        .isCloseTo((12 * 1200.0 / 1066 + 4 * 400.0 / 387) / 16, within(1e-9));
    // MJOB 2026-2030: 12,500 (2027) + 40,000 (2029); 2035 lies outside
    assertThat(p.path("maintenance").path("total").asDouble()).isEqualTo(52500);
    assertThat(p.path("maintenance").path("years").size()).isEqualTo(2);
    // rents vs limits valid in 2026: DAEB 932.93 (2026) -> 4 above; aftopping 1-2 (2025) 682.96
    JsonNode rents = p.path("rents");
    assertThat(rents.path("aboveDaeb").asInt()).isEqualTo(4);
    assertThat(rents.path("upToLowAftopping").asInt()).isEqualTo(12);
    assertThat(rents.path("mean").asDouble()).isEqualTo(687.5);
    // turnover 2025: 3 move-outs / 16 units = 18.8 %; allocations 2 of 3 low income, 1 urgent
    assertThat(p.path("turnover").get(0).path("ratePct").asDouble()).isEqualTo(18.8);
    assertThat(p.path("allocations").get(0).path("lowIncomePct").asDouble()).isEqualTo(66.7);
    assertThat(p.path("allocations").get(0).path("urgentPct").asDouble()).isEqualTo(33.3);
    assertThat(p.path("signals").get(0).path("count").asInt()).isEqualTo(7);
  }

  @Test
  void residentViewSuppressesSmallNumbersAndMoney() {
    JsonNode p =
        staff.getJson("/api/complexes/CX/profile?corporation=ANA&from=2026&audience=resident");
    assertThat(p.path("audience").asString()).isEqualTo("resident");
    assertThat(p.path("complex").path("units").asInt()).isEqualTo(15); // 16 rounded to 5
    assertThat(p.path("buurten").get(0).path("units").asInt()).isEqualTo(10); // 12 -> 10
    assertThat(p.path("buurten").get(1).path("units").isNull()).isTrue(); // 4 < 10
    assertThat(p.path("maintenance").path("total").isNull()).isTrue();
    assertThat(p.path("turnover").get(0).path("moveOuts").isNull()).isTrue();
    assertThat(p.path("turnover").get(0).path("ratePct").isNull()).isTrue();
    assertThat(p.path("allocations").get(0).path("lowIncomePct").isNull()).isTrue();
    assertThat(p.path("signals").get(0).path("count").isNull()).isTrue();
    assertThat(p.toString()).doesNotContain("CX-1");
    assertThat(staff.get("/api/complexes/CX/profile?corporation=ANA&audience=buurman").statusCode())
        .isEqualTo(400);
  }

  @Test
  void ownSharesPerBuurtNextToTheCbsShare() {
    JsonNode areas = staff.getJson("/api/stock/areas?corporation=ANA");
    JsonNode centrum = null;
    for (JsonNode a : areas) {
      if (a.path("buurtCode").asString().equals("BU03080000")) {
        centrum = a;
      }
    }
    assertThat(centrum).isNotNull();
    assertThat(centrum.path("units").asInt()).isEqualTo(12);
    assertThat(centrum.path("dwellings").asDouble()).isEqualTo(1066);
    assertThat(centrum.path("ownPct").asDouble()).isCloseTo(1200.0 / 1066, within(1e-9));
    assertThat(centrum.path("ownBand").asInt()).isEqualTo(1);
    assertThat(centrum.path("explanation").path("nl").asString())
        .startsWith("Eigen aandeel = 12 eigen eenheden / 1066 woningen (CBS 2020)");
    assertThat(new Http(port).get("/api/stock/areas?corporation=ANA").statusCode()).isEqualTo(401);
  }

  @Test
  void complexProfilePageAndPdfForStaffAndForResidents() throws Exception {
    HttpResponse<String> page = staff.get("/voorraad/OND/CX/profiel?corporation=ANA");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body())
        .contains("Complexprofiel", "Complex X", "stabiel of verbeterend", "Centrum");
    byte[] pdf = bytes("/voorraad/OND/CX/profiel.pdf?corporation=ANA&audience=resident");
    try (org.apache.pdfbox.pdmodel.PDDocument doc = org.apache.pdfbox.Loader.loadPDF(pdf)) {
      String text = new org.apache.pdfbox.text.PDFTextStripper().getText(doc);
      assertThat(text)
          .contains("Complexprofiel Complex X")
          .contains("bewonersweergave")
          .contains("minder dan 10 (weggelaten)")
          .contains("Bronnen:")
          .doesNotContain("12500");
    }
    assertThat(new Http(port).get("/voorraad/OND/CX/profiel.pdf?corporation=ANA").statusCode())
        .isIn(302, 401);
    // the buurt's profile lists the complexes in it, for the corporation's staff only
    assertThat(staff.get("/gebied/BU03080000").body()).contains("area-complexes", "Complex X");
    assertThat(new Http(port).get("/gebied/BU03080000").body())
        .contains("Centrum")
        .doesNotContain("Complex X");
  }

  byte[] bytes(String path) throws Exception {
    java.net.http.HttpClient client = java.net.http.HttpClient.newHttpClient();
    java.net.http.HttpResponse<byte[]> r =
        client.send(
            java.net.http.HttpRequest.newBuilder(
                    java.net.URI.create("http://localhost:" + port + path))
                .header(
                    "Authorization",
                    "Basic "
                        + java.util.Base64.getEncoder()
                            .encodeToString("piet:piet-password".getBytes(StandardCharsets.UTF_8)))
                .build(),
            java.net.http.HttpResponse.BodyHandlers.ofByteArray());
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/pdf");
    return r.body();
  }

  Http http() {
    return new Http(port);
  }
}
