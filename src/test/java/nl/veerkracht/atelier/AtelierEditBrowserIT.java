package nl.veerkracht.atelier;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.BoundingBox;
import java.util.ArrayList;
import java.util.List;
import nl.veerkracht.support.Browser;
import nl.veerkracht.support.Http;
import nl.veerkracht.support.Login;
import org.junit.jupiter.api.AfterAll;
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
 * Everything editable while the atelier runs (must show 4 and 5 of the room issue): the facilitator
 * changes the date and place, redraws a problem area's outline with four clicks on the console's
 * map (one where the layer box stands) and renames a measure; each change is on three phones and
 * the projector within a second, and audited. Deleting a measure asks once more and gives its votes
 * back. The console at 1366×768 shows the map without scrolling.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "veerkracht.db.embedded-database=it_atelier_api")
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AtelierEditBrowserIT {

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  @Autowired nl.veerkracht.cli.CommandLine commandLine;
  Browser browser;
  Http edna;

  @BeforeAll
  void aCorporationAndItsFacilitator() {
    edna =
        nl.veerkracht.support.Rooms.facilitator(commandLine, port, "EDIT", "Bewerk Wonen", "edna");
    browser = new Browser();
  }

  @AfterAll
  void tearDown() {
    browser.close();
  }

  String url(String path) {
    return "http://localhost:" + port + path;
  }

  @Test
  void anEditDuringTheSessionIsOnEveryScreenWithinASecondAndAudited() throws Exception {
    JsonNode created =
        Http.JSON.readTree(
            edna.postJson(
                    "/api/ateliers",
                    "{\"name\":\"Bewerkproef\",\"type\":\"gebied\",\"corporation\":\"EDIT\","
                        + "\"areaCodes\":[\"BU03080000\",\"BU03080001\"],\"votesPerParticipant\":5,"
                        + "\"heldOn\":\"2027-01-20\",\"startsAt\":\"19:30\","
                        + "\"place\":\"Buurthuis De Kern\"}")
                .body());
    long id = created.get("id").asLong();
    String code = created.get("joinCode").asString();
    String api = "/api/ateliers/" + id;
    long area =
        Http.JSON
            .readTree(
                edna.postJson(
                        api + "/problem-areas",
                        "{\"name\":\"Stationsbuurt\",\"outline\":[[5.280,52.210],[5.290,52.210],"
                            + "[5.285,52.216]]}")
                    .body())
            .get("id")
            .asLong();
    long measure =
        Http.JSON
            .readTree(
                edna.postJson(
                        api + "/measures",
                        "{\"problemAreaId\":"
                            + area
                            + ",\"title\":\"Buurtconciërge\",\"lever\":\"sociaal_beheer\"}")
                    .body())
            .get("id")
            .asLong();
    long second =
        Http.JSON
            .readTree(
                edna.postJson(
                        api + "/measures",
                        "{\"problemAreaId\":"
                            + area
                            + ",\"title\":\"Betere verlichting\",\"lever\":\"fysiek\"}")
                    .body())
            .get("id")
            .asLong();
    edna.postJson(api + "/phase", "{\"phase\":\"PINNING\"}");

    try (BrowserContext laptop = browser.context("nl-NL", 1366, 768);
        BrowserContext projector = browser.context("nl-NL", 1920, 1080);
        BrowserContext phoneA = browser.phoneContext("nl-NL");
        BrowserContext phoneB = browser.phoneContext("nl-NL");
        BrowserContext phoneC = browser.phoneContext("nl-NL")) {
      Page console = laptop.newPage();
      Login.as(console, port, "edna", "edna-password");
      console.navigate(url("/ateliers/" + id));
      Page screen = projector.newPage();
      Login.as(screen, port, "edna", "edna-password");
      screen.navigate(url("/ateliers/" + id + "/scherm"));
      List<Page> room = new ArrayList<>();
      String[] names = {"Bea", "Gijs", "Anja"};
      BrowserContext[] contexts = {phoneA, phoneB, phoneC};
      for (int i = 0; i < 3; i++) {
        Page phone = contexts[i].newPage();
        phone.navigate(url("/doe-mee?code=" + code));
        phone.fill("#j-name", names[i]);
        phone.click("#join-submit");
        phone.waitForURL("**/atelier/*");
        phone.waitForSelector("#atelier-map .leaflet-tile-pane, #atelier-map");
        room.add(phone);
      }
      room.add(screen);
      for (Page p : room) {
        p.waitForFunction(
            "() => (document.getElementById('atelier-when')||{}).textContent.includes('Buurthuis De Kern')");
      }
      assertThat(room.get(0).textContent("#atelier-when"))
          .as("the date in words, the time and the place on a phone")
          .contains("woensdag 20 januari 2027", "om 19:30 uur", "Buurthuis De Kern");

      // the console at 1366×768: the map without scrolling
      console.waitForSelector(".vk-layer-switch");
      BoundingBox mapBox = console.locator("#atelier-map").boundingBox();
      System.out.printf(
          "[edit] console 1366×768: map from y=%.0f to y=%.0f (viewport 768)%n",
          mapBox.y, mapBox.y + mapBox.height);
      console.screenshot(
          new Page.ScreenshotOptions().setPath(Browser.screenshot("edit-console-start.png")));
      assertThat(mapBox.y + mapBox.height).isLessThanOrEqualTo(768);

      // 1. date and place, in the console's settings
      console.click("#settings-panel summary");
      console.fill("#settings-form input[name=heldOn]", "2027-01-27");
      console.fill("#settings-form input[name=place]", "Wijkcentrum Oost");
      console.locator("#settings-save").scrollIntoViewIfNeeded();
      long t0 = System.nanoTime();
      console.click("#settings-save");
      List<Long> latencies = new ArrayList<>();
      for (Page p : room) {
        p.waitForFunction(
            "() => { const t = (document.getElementById('atelier-when')||{}).textContent || '';"
                + " return t.includes('27 januari 2027') && t.includes('Wijkcentrum Oost'); }");
        latencies.add((System.nanoTime() - t0) / 1_000_000);
      }
      System.out.printf(
          "[edit] date and place on 3 phones and the projector after %s ms%n", latencies);
      assertThat(latencies).allMatch(ms -> ms <= 1000);

      // 2. the outline, redrawn with four clicks, one where the layer box stands
      console.click("[data-edit-area='" + area + "']");
      console.click("#area-draw");
      // drawing brings the map into view; the layer box steps aside where it stood
      console.waitForSelector("#atelier-map.vk-drawing");
      BoundingBox layerBox = console.locator(".vk-layer-switch").boundingBox();
      BoundingBox m = console.locator("#atelier-map").boundingBox();
      assertThat(m.y).as("the map in view").isBetween(0.0, 768.0 - m.height / 2);
      double[][] clicks = {
        {m.x + m.width * 0.25, m.y + m.height * 0.30},
        {layerBox.x + layerBox.width / 2, layerBox.y + layerBox.height / 2},
        {m.x + m.width * 0.75, m.y + m.height * 0.80},
        {m.x + m.width * 0.25, m.y + m.height * 0.80}
      };
      for (double[] c : clicks) {
        console.mouse().click(c[0], c[1]);
      }
      console.screenshot(
          new Page.ScreenshotOptions().setPath(Browser.screenshot("edit-console-drawn.png")));
      assertThat(console.getAttribute("#atelier-map", "data-drawn"))
          .as("four clicks, four points: none fell on an overlay")
          .isEqualTo("4");
      assertThat(console.textContent("#area-draw-count")).startsWith("4 punten");
      String before = screen.getAttribute("#atelier-map", "data-outlines");
      console.locator("#area-save").scrollIntoViewIfNeeded();
      t0 = System.nanoTime();
      console.click("#area-save");
      latencies.clear();
      for (Page p : room) {
        p.waitForFunction(
            "b => { const m = document.getElementById('atelier-map');"
                + " return m && m.dataset.outlines && m.dataset.outlines !== b; }",
            before);
        latencies.add((System.nanoTime() - t0) / 1_000_000);
      }
      System.out.printf(
          "[edit] new outline on 3 phones and the projector after %s ms%n", latencies);
      assertThat(latencies).allMatch(ms -> ms <= 1000);
      JsonNode outline = problemArea(edna.getJson(api), area).get("outline");
      assertThat(outline.size())
          .as("a closed quadrilateral: 4 corners and the first again")
          .isEqualTo(5);

      // 3. a measure's title, while the room votes
      edna.postJson(api + "/phase", "{\"phase\":\"PRIORITISING\"}");
      for (Page p : room) {
        p.waitForSelector("[data-measure='" + measure + "']");
      }
      Page bea = room.get(0);
      bea.click("[data-measure='" + second + "'] [data-vote=plus]");
      bea.waitForSelector(
          "[data-area='"
              + area
              + "'] .vk-remaining:text-is('U hebt nog 4 stemmen voor dit gebied.')");
      // the room's votes redraw the console; a redraw that replaces the form while it is being
      // filled (seen once in a fresh-clone run) is met by opening and filling it again
      for (int attempt = 0; ; attempt++) {
        try {
          console.click("[data-edit-measure='" + measure + "']");
          console.fill("#measure-edit-form input[name=title]", "Huismeester in de buurt");
          console.locator("#measure-save").scrollIntoViewIfNeeded();
          break;
        } catch (com.microsoft.playwright.PlaywrightException e) {
          if (attempt == 2) {
            throw e;
          }
        }
      }
      t0 = System.nanoTime();
      console.click("#measure-save");
      latencies.clear();
      for (Page p : room) {
        p.waitForSelector(
            "[data-measure='"
                + measure
                + "'] .vk-measure-title:has-text('Huismeester in de buurt')");
        latencies.add((System.nanoTime() - t0) / 1_000_000);
      }
      System.out.printf("[edit] new title on 3 phones and the projector after %s ms%n", latencies);
      assertThat(latencies).allMatch(ms -> ms <= 1000);

      // deleting asks once more; the votes go back to the voter
      console.click("[data-edit-measure='" + second + "']");
      console.click("[data-delete='measure-" + second + "']");
      assertThat(problemArea(edna.getJson(api), area).get("measures").size())
          .as("nothing deleted on the first click")
          .isEqualTo(2);
      console.click("[data-confirm-delete='measure-" + second + "']");
      bea.waitForSelector(
          "[data-area='"
              + area
              + "'] .vk-remaining:text-is('U hebt nog 5 stemmen voor dit gebied.')");
      assertThat(bea.locator("[data-measure='" + second + "']").count()).isZero();
      console.screenshot(
          new Page.ScreenshotOptions().setPath(Browser.screenshot("edit-console.png")));
    }

    long[] reads = new long[10];
    for (int i = 0; i < reads.length; i++) {
      long s0 = System.nanoTime();
      edna.getJson(api);
      reads[i] = (System.nanoTime() - s0) / 1_000_000;
    }
    System.out.printf("[edit] one state read takes %s ms%n", java.util.Arrays.toString(reads));
    List<String> audited =
        jdbc.sql(
                "SELECT action FROM audit_event WHERE target LIKE ? AND action LIKE 'atelier.%'"
                    + " ORDER BY id")
            .param("atelier " + id + "%")
            .query(String.class)
            .list();
    assertThat(audited)
        .contains(
            "atelier.settings",
            "atelier.area.edit",
            "atelier.measure.edit",
            "atelier.measure.delete");
    String detail =
        jdbc.sql(
                "SELECT detail::text FROM audit_event WHERE action = 'atelier.settings' AND target"
                    + " = ?")
            .param("atelier " + id)
            .query(String.class)
            .single();
    assertThat(detail)
        .contains("Buurthuis De Kern", "Wijkcentrum Oost", "2027-01-20", "2027-01-27");
  }

  static JsonNode problemArea(JsonNode state, long id) {
    for (JsonNode pa : state.get("problemAreas")) {
      if (pa.get("id").asLong() == id) {
        return pa;
      }
    }
    throw new AssertionError("no problem area " + id);
  }
}
