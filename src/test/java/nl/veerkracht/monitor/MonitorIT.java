package nl.veerkracht.monitor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import nl.veerkracht.analysis.AnalysisService;
import nl.veerkracht.demo.DemoDataLoader;
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
 * Must show 1 of the monitoring issue: a target on a Baarn buurt (bijstandsontvangers per 1,000
 * inhabitants, start year 2020) gives the baseline, newest value, status and the
 * difference-in-differences against its peer group, each equal to the numbers worked out here from
 * the bundled CBS file {@code cbs/baarn_buurten_timeseries_2016_2025.json}.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "veerkracht.db.embedded-database=it_monitor")
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MonitorIT {

  static final String CENTRUM = "BU03080000";

  @LocalServerPort int port;
  @Autowired DemoDataLoader demo;
  @Autowired AnalysisService analysis;
  Http admin;
  JsonNode file;

  @BeforeAll
  void demoWithATarget() throws Exception {
    demo.load(Demo.CORPORATION);
    analysis.recompute();
    admin = new Http(port).as("admin", "admin-test-password");
    file =
        Http.JSON.readTree(
            Files.readString(Demo.file("cbs/baarn_buurten_timeseries_2016_2025.json")));
  }

  /** Bijstandsontvangers per 1,000 inhabitants by year, from the bundled file. */
  SortedMap<Integer, Double> perThousand(String buurt) {
    JsonNode series = file.get("buurten").get(buurt).get("tijdreeksen");
    SortedMap<Integer, Double> out = new TreeMap<>();
    for (int y = 2016; y <= 2025; y++) {
      JsonNode n = series.get("bijstandsontvangers").get(String.valueOf(y));
      JsonNode d = series.get("aantal_inwoners").get(String.valueOf(y));
      if (n != null && !n.isNull() && d != null && !d.isNull() && d.doubleValue() > 0) {
        out.put(y, n.doubleValue() / d.doubleValue() * 1000);
      }
    }
    return out;
  }

  static double mean(SortedMap<Integer, Double> s) {
    return s.values().stream().mapToDouble(Double::doubleValue).average().orElseThrow();
  }

  JsonNode target(String area, int start, String indicator, double value, int year) {
    HttpResponse<String> r =
        admin.postJson(
            "/api/measures",
            """
            {"corporation":"DEMO","title":"Schuldhulp %s %d","lever":"sociaal_beheer","areaCode":"%s",
             "startYear":%d,"endYear":2026,"target":{"indicator":"%s","value":%s,"year":%d}}"""
                .formatted(indicator, start, area, start, indicator, value, year));
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    long id = Http.JSON.readTree(r.body()).get("id").longValue();
    for (JsonNode t : admin.getJson("/api/targets?corporation=DEMO")) {
      if (t.get("measureId").longValue() == id) {
        return t;
      }
    }
    throw new AssertionError("no target for measure " + id);
  }

  @Test
  void aBijstandTargetOnCentrumHasTheBaselineNewestStatusAndDifferenceWorkedOutByHand() {
    JsonNode t = target(CENTRUM, 2020, "social_assistance_per_1000", 10, 2026);
    SortedMap<Integer, Double> own = perThousand(CENTRUM);
    JsonNode a = t.get("assessment");
    // baseline 2020: 30 / 1,785 x 1,000; newest 2024 (2025 not published): 20 / 1,825 x 1,000
    assertThat(a.get("baselineYear").intValue()).isEqualTo(2020);
    assertThat(a.get("baseline").doubleValue()).isCloseTo(30.0 / 1785 * 1000, within(1e-9));
    assertThat(a.get("newestYear").intValue()).isEqualTo(2024);
    assertThat(a.get("newest").doubleValue()).isCloseTo(20.0 / 1825 * 1000, within(1e-9));
    // the line from 16.81 (2020) to 10 (2026) stands at 12.27 in 2024; 10.96 is beyond it
    double expected = own.get(2020) + (10 - own.get(2020)) * 4 / 6;
    assertThat(a.get("expectedNow").doubleValue()).isCloseTo(expected, within(1e-9));
    assertThat(a.get("status").stringValue()).isEqualTo("ON_TRACK");
    assertThat(a.get("trendPerYear").doubleValue())
        .isCloseTo((own.get(2024) - own.get(2020)) / 4, within(1e-9));

    // the peers: Baarn buurten (the only ones with this series in the bundle), each with two
    // years or more on either side of 2020, the acted-on area itself left out
    List<String> peers = new ArrayList<>();
    t.get("peers").forEach(p -> peers.add(p.stringValue()));
    assertThat(peers).hasSizeBetween(3, 10).doesNotContain(CENTRUM);
    double peerChange = 0;
    for (String p : peers) {
      SortedMap<Integer, Double> s = perThousand(p);
      assertThat(s.headMap(2020)).as(p).hasSizeGreaterThanOrEqualTo(2);
      assertThat(s.tailMap(2021)).as(p).hasSizeGreaterThanOrEqualTo(2);
      peerChange += mean(s.tailMap(2021)) - mean(s.headMap(2020));
    }
    peerChange /= peers.size();
    double before = mean(own.headMap(2020));
    double after = mean(own.tailMap(2021));
    JsonNode d = t.get("comparison");
    assertThat(d.get("areaBefore").doubleValue()).isCloseTo(before, within(1e-9));
    assertThat(d.get("areaAfter").doubleValue()).isCloseTo(after, within(1e-9));
    assertThat(d.get("peerChange").doubleValue()).isCloseTo(peerChange, within(1e-9));
    assertThat(d.get("difference").doubleValue())
        .isCloseTo(after - before - peerChange, within(1e-9));
    assertThat(d.get("peers").intValue()).isEqualTo(peers.size());
    assertThat(d.get("missing").isNull()).isTrue();

    String page = admin.get("/doelen?corporation=DEMO").body();
    assertThat(page).contains("op koers").contains("Bijstandsontvangers per 1.000 inwoners");
    // per area: Centrum's targets, and none in a buurt the measure is not in
    assertThat(admin.get("/doelen?corporation=DEMO&area=" + CENTRUM).body())
        .contains("Bijstandsontvangers per 1.000 inwoners")
        .contains("id=\"targets-scope\"");
    assertThat(admin.get("/doelen?corporation=DEMO&area=BU03080199").body())
        .doesNotContain("data-measure=")
        .contains("Nog geen maatregelen met een doel.");
  }

  @Test
  void aSeriesTooShortOrNotYetHeldIsSaidNeverGuessed() {
    JsonNode late = target(CENTRUM, 2024, "social_assistance_per_1000", 10, 2028);
    assertThat(late.get("comparison").get("missing").stringValue())
        .as(late.toString())
        .isEqualTo("SERIES_TOO_SHORT");
    assertThat(late.get("comparison").get("difference").isNull()).as(late.toString()).isTrue();
    // 2024 is the baseline and nothing newer is held
    assertThat(late.get("assessment").get("status").stringValue()).isEqualTo("NO_DATA");
    assertThat(late.get("assessment").get("newest").isNull()).isTrue();
  }

  @Test
  void targetsAreForStaffOfTheCorporationOnly() {
    assertThat(new Http(port).get("/api/targets?corporation=DEMO").statusCode()).isEqualTo(401);
    assertThat(
            admin
                .postJson("/api/corporations", "{\"code\":\"MON\",\"name\":\"Monitor Wonen\"}")
                .statusCode())
        .isEqualTo(201);
    assertThat(
            admin
                .postJson(
                    "/api/admin/users",
                    "{\"username\":\"otto\",\"password\":\"otto-password-1\","
                        + "\"memberships\":[{\"corporation\":\"MON\",\"role\":\"ANALYST\"}]}")
                .statusCode())
        .isEqualTo(201);
    Http otto = new Http(port).as("otto", "otto-password-1");
    assertThat(otto.get("/api/targets?corporation=DEMO").statusCode()).isEqualTo(403);
    assertThat(otto.get("/doelen?corporation=DEMO").statusCode()).isEqualTo(403);
  }
}
