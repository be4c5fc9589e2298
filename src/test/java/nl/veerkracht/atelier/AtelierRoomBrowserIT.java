package nl.veerkracht.atelier;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
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
 * The atelier in the room (must show 1 of its issue, in part): a facilitator's console at 1366×768,
 * a projector at 1920×1080 and three phones at 390×844 in one prioritising round, while ten other
 * participants vote through the API at the same time from other threads. Each phone taps measures
 * by name; the votes stored for each phone are exactly what it meant (0 misplaced); no phone and no
 * projector shows a tally before the facilitator reveals the votes; after the reveal the phones
 * show totals and results per group, small groups merged into "overige".
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "veerkracht.db.embedded-database=it_atelier_api")
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AtelierRoomBrowserIT {

  private static final List<String> MEASURES =
      List.of("Buurtconciërge", "Betere verlichting", "Speeltuin opknappen", "Huismeester");

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  @Autowired nl.veerkracht.cli.CommandLine commandLine;
  Browser browser;
  Http rita;

  @BeforeAll
  void aCorporationAndItsFacilitator() {
    // the same context and database as AtelierApiIT (one server for both); the import is
    // idempotent, whichever runs first
    nl.veerkracht.support.Cli.run(
        commandLine,
        "import",
        nl.veerkracht.support.Demo.file("geo/baarn_buurten_2024_wgs84_pdok_full.geojson")
            .toString());
    Http admin = new Http(port).as("admin", "admin-test-password");
    admin.postJson("/api/corporations", "{\"code\":\"ROOM\",\"name\":\"Zaal Wonen\"}");
    admin.postJson(
        "/api/admin/users",
        "{\"username\":\"rita\",\"password\":\"rita-password\",\"displayName\":\"Rita Begeleider\","
            + "\"memberships\":[{\"corporation\":\"ROOM\",\"role\":\"FACILITATOR\"}]}");
    rita = new Http(port).as("rita", "rita-password");
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
  void threePhonesVoteByNameWhileTenOthersVoteAtOnceAndNothingIsMisplaced() throws Exception {
    JsonNode created =
        Http.JSON.readTree(
            rita.postJson(
                    "/api/ateliers",
                    "{\"name\":\"Zaalproef\",\"type\":\"gebied\",\"corporation\":\"ROOM\","
                        + "\"areaCodes\":[\"BU03080000\"],\"votesPerParticipant\":5}")
                .body());
    long id = created.get("id").asLong();
    String code = created.get("joinCode").asString();
    long area =
        Http.JSON
            .readTree(
                rita.postJson(
                        "/api/ateliers/" + id + "/problem-areas",
                        "{\"name\":\"Stationsbuurt\",\"buurtCodes\":[\"BU03080000\"]}")
                    .body())
            .get("id")
            .asLong();
    Map<String, Long> measureIds = new LinkedHashMap<>();
    for (String title : MEASURES) {
      measureIds.put(
          title,
          Http.JSON
              .readTree(
                  rita.postJson(
                          "/api/ateliers/" + id + "/measures",
                          "{\"problemAreaId\":"
                              + area
                              + ",\"title\":\""
                              + title
                              + "\",\"lever\":\"sociaal_beheer\"}")
                      .body())
              .get("id")
              .asLong());
    }
    // ten others by script: five gemeente (a group of its own), five in small groups
    List<Http> others = new ArrayList<>();
    String[] groups = {
      "gemeente",
      "gemeente",
      "gemeente",
      "gemeente",
      "gemeente",
      "politie",
      "zorg",
      "zorg",
      "corporatie",
      "anders"
    };
    for (int i = 0; i < 10; i++) {
      HttpResponse joined =
          new HttpResponse(
              new Http(port)
                  .postJson(
                      "/api/ateliers/join",
                      "{\"joinCode\":\""
                          + code
                          + "\",\"displayName\":\"Script "
                          + i
                          + "\",\"group\":\""
                          + groups[i]
                          + "\"}")
                  .body());
      others.add(new Http(port).bearer(joined.token()));
    }

    try (BrowserContext laptop = browser.context("nl-NL", 1366, 768);
        BrowserContext projector = browser.context("nl-NL", 1920, 1080);
        BrowserContext phoneA = browser.phoneContext("nl-NL");
        BrowserContext phoneB = browser.phoneContext("nl-NL");
        BrowserContext phoneC = browser.phoneContext("nl-NL")) {
      Page console = laptop.newPage();
      Login.as(console, port, "rita", "rita-password");
      console.navigate(url("/ateliers/" + id));
      Page screen = projector.newPage();
      Login.as(screen, port, "rita", "rita-password");
      screen.navigate(url("/ateliers/" + id + "/scherm"));
      List<Page> phones = new ArrayList<>();
      String[][] people = {
        {"Bewoner Bea", "bewoner"}, {"Gemeente Gijs", "gemeente"}, {"Agent Anja", "politie"}
      };
      for (String[] who : people) {
        Page phone =
            (who[0].startsWith("Bewoner")
                    ? phoneA
                    : who[0].startsWith("Gemeente") ? phoneB : phoneC)
                .newPage();
        phone.navigate(url("/doe-mee?code=" + code));
        phone.fill("#j-name", who[0]);
        phone.selectOption("#j-group", who[1]);
        phone.click("#join-submit");
        phone.waitForURL("**/atelier/*");
        phones.add(phone);
      }
      rita.postJson("/api/ateliers/" + id + "/phase", "{\"phase\":\"PRIORITISING\"}");
      for (Page phone : phones) {
        phone.waitForSelector("[data-measure] [data-vote=plus]");
      }

      // the script votes from ten threads, changing its mind, all through the phones' taps
      AtomicBoolean going = new AtomicBoolean(true);
      AtomicInteger scriptVotes = new AtomicInteger();
      ExecutorService pool = Executors.newFixedThreadPool(10);
      List<Future<?>> running = new ArrayList<>();
      List<Long> ids = new ArrayList<>(measureIds.values());
      for (int i = 0; i < others.size(); i++) {
        Http other = others.get(i);
        Random random = new Random(31 + i);
        running.add(
            pool.submit(
                () -> {
                  while (going.get()) {
                    long target = ids.get(random.nextInt(ids.size()));
                    var r =
                        other.postJson(
                            "/api/ateliers/" + id + "/votes",
                            "{\"targetId\":" + target + ",\"count\":" + random.nextInt(2) + "}");
                    if (r.statusCode() == 200) {
                      scriptVotes.incrementAndGet();
                    }
                  }
                  return null;
                }));
      }
      // the ballot holds still: while the others vote, the button under a finger stays the same
      // element (a redraw replaces only what changed, and in a blind round nothing on it does)
      phones.get(0).evaluate("() => { document.querySelector('[data-vote=plus]').vkMark = 1; }");
      long waitUntil = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
      while (scriptVotes.get() < 30 && System.nanoTime() < waitUntil) {
        Thread.sleep(20);
      }
      assertThat(scriptVotes.get()).as("the others voted meanwhile").isGreaterThanOrEqualTo(30);
      phones.get(0).waitForTimeout(300);
      assertThat(
              phones
                  .get(0)
                  .evaluate(
                      "() => { const b = document.querySelector('[data-vote=plus]');"
                          + " return b.vkMark === 1 && b.isConnected; }"))
          .as("the phone's + button is the very element it was before 30 votes of others")
          .isEqualTo(true);
      // what each phone means to cast, by name, taps interleaved between the phones
      String[][] intents = {
        {"Huismeester", "Buurtconciërge", "Huismeester", "Speeltuin opknappen", "Huismeester"},
        {"Betere verlichting", "Betere verlichting", "Huismeester", "Buurtconciërge"},
        {"Speeltuin opknappen", "Buurtconciërge", "Betere verlichting"}
      };
      List<Map<String, Integer>> meant = new ArrayList<>();
      for (int p = 0; p < phones.size(); p++) {
        meant.add(new LinkedHashMap<>());
      }
      for (int step = 0; step < 5; step++) {
        for (int p = 0; p < phones.size(); p++) {
          if (step < intents[p].length) {
            String title = intents[p][step];
            tap(phones.get(p), title);
            meant.get(p).merge(title, 1, Integer::sum);
          }
        }
      }
      going.set(false);
      for (Future<?> f : running) {
        f.get(30, TimeUnit.SECONDS);
      }
      pool.shutdown();

      // 0 misplaced: the stored votes of each phone are what it tapped
      int misplaced = 0;
      for (int p = 0; p < phones.size(); p++) {
        Map<String, Integer> stored = new LinkedHashMap<>();
        jdbc.sql(
                "SELECT m.title, v.votes FROM atelier_vote v JOIN atelier_measure m ON m.id ="
                    + " v.measure_id JOIN atelier_participant p ON p.id = v.participant_id"
                    + " WHERE p.display_name = ? AND p.atelier_id = ? AND v.votes > 0")
            .params(people[p][0], id)
            .query(
                (org.springframework.jdbc.core.RowCallbackHandler)
                    rs -> stored.put(rs.getString(1), rs.getInt(2)));
        for (String title : MEASURES) {
          misplaced +=
              Math.abs(stored.getOrDefault(title, 0) - meant.get(p).getOrDefault(title, 0));
        }
        assertThat(stored).as(people[p][0]).isEqualTo(meant.get(p));
      }
      System.out.printf(
          "[room] 3 phones tapped 12 votes by name while 10 scripted participants cast %d votes at"
              + " once: %d misplaced%n",
          scriptVotes.get(), misplaced);
      assertThat(scriptVotes.get()).as("the script really voted meanwhile").isGreaterThan(20);

      // no tally anywhere in the room before the reveal
      for (Page phone : phones) {
        assertThat(phone.locator(".vk-votes").count()).isZero();
        assertThat(phone.locator(".vk-votes-hidden").count()).isEqualTo(1);
      }
      screen.waitForSelector(".vk-votes-hidden");
      assertThat(screen.locator(".vk-votes").count()).isZero();
      screen.screenshot(
          new Page.ScreenshotOptions().setPath(Browser.screenshot("room-projector-blind.png")));

      // the facilitator reveals: totals and groups on every phone, gemeente on its own, the
      // small groups together as "overige", the phones' order unchanged
      List<String> orderBefore = titles(phones.get(0));
      console.click("[data-reveal=votes]");
      for (Page phone : phones) {
        phone.waitForSelector("[data-measure] .vk-votes");
      }
      screen.waitForSelector("[data-measure] .vk-votes");
      assertThat(titles(phones.get(0))).isEqualTo(orderBefore).isEqualTo(MEASURES);
      String phoneText = phones.get(0).textContent("body");
      assertThat(phoneText).contains("Overige (kleine groepen samen)");
      phones
          .get(0)
          .screenshot(
              new Page.ScreenshotOptions()
                  .setPath(Browser.screenshot("room-phone-revealed.png"))
                  .setFullPage(true));
      screen.screenshot(
          new Page.ScreenshotOptions().setPath(Browser.screenshot("room-projector-revealed.png")));
    }
  }

  /**
   * Must show 2 of the room issue: presenter mode at 1920×1080 — the join slide, one card at a time
   * moved on by the console's button and the projector's arrow key, the map filling the screen with
   * numbered pins, the ranking as bars; card text at least 28 px and key figures at least 64 px; no
   * user name or staff menu anywhere in the projector's DOM.
   */
  @Test
  void theProjectorPresentsOneThingAtATimeLargeAndWithoutStaffChrome() throws Exception {
    JsonNode created =
        Http.JSON.readTree(
            rita.postJson(
                    "/api/ateliers",
                    "{\"name\":\"Presentatieproef\",\"type\":\"gebied\",\"corporation\":\"ROOM\","
                        + "\"areaCodes\":[\"BU03080000\"],\"votesPerParticipant\":3}")
                .body());
    long id = created.get("id").asLong();
    String code = created.get("joinCode").asString();
    Http resident =
        new Http(port)
            .bearer(
                new HttpResponse(
                        new Http(port)
                            .postJson(
                                "/api/ateliers/join",
                                "{\"joinCode\":\"" + code + "\",\"displayName\":\"Bea\"}")
                            .body())
                    .token());
    try (BrowserContext laptop = browser.context("nl-NL", 1366, 768);
        BrowserContext projector = browser.context("nl-NL", 1920, 1080)) {
      Page console = laptop.newPage();
      Login.as(console, port, "rita", "rita-password");
      console.navigate(url("/ateliers/" + id));
      Page screen = projector.newPage();
      Login.as(screen, port, "rita", "rita-password");
      screen.navigate(url("/ateliers/" + id + "/scherm"));

      // the join slide
      screen.waitForSelector("#join-box:not([hidden]) img.vk-qr");
      assertThat(px(screen, "#join-code")).isGreaterThanOrEqualTo(64);
      String dom = screen.content();
      assertThat(dom)
          .doesNotContain("Uitloggen")
          .doesNotContain("rita")
          .doesNotContain("vk-header");
      assertThat(screen.locator("nav").count()).isZero();
      screen.screenshot(
          new Page.ScreenshotOptions().setPath(Browser.screenshot("present-join.png")));

      // one card at a time, large
      console.click("button[data-phase=READING]");
      console.waitForSelector("button[data-phase=READING][aria-pressed=true]");
      screen.waitForSelector(".vk-present-card[data-card]");
      String first = screen.getAttribute(".vk-present-card", "data-card");
      assertThat(screen.locator(".vk-present-card").count()).isEqualTo(1);
      assertThat(screen.isHidden("#join-box")).isTrue();
      assertThat(px(screen, ".vk-present-meaning")).isGreaterThanOrEqualTo(28);
      assertThat(px(screen, ".vk-present-figure")).isGreaterThanOrEqualTo(64);
      screen.screenshot(
          new Page.ScreenshotOptions().setPath(Browser.screenshot("present-card.png")));
      console.click("#present-next");
      screen.waitForSelector(".vk-present-card:not([data-card='" + first + "'])");
      String second = screen.getAttribute(".vk-present-card", "data-card");
      screen.keyboard().press("ArrowRight");
      screen.waitForSelector(
          ".vk-present-card:not([data-card='" + first + "']):not([data-card='" + second + "'])");
      console.waitForSelector("#present-now:has-text('kaart 3 van')");
      screen.keyboard().press("ArrowLeft");
      screen.waitForSelector(".vk-present-card[data-card='" + second + "']");

      // the map fills the screen, every pin numbered and inside the viewport
      console.click("button[data-phase=PINNING]");
      console.waitForSelector("button[data-phase=PINNING][aria-pressed=true]");
      for (double[] at : new double[][] {{52.2125, 5.2858}, {52.2131, 5.2872}}) {
        var r =
            resident.postJson(
                "/api/ateliers/" + id + "/pins",
                "{\"lat\":"
                    + at[0]
                    + ",\"lon\":"
                    + at[1]
                    + ",\"category\":\"probleem\",\"theme\":\"onv\",\"text\":\"Hier\"}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
      }
      screen.waitForSelector(".vk-pin-number >> nth=1");
      var map = screen.locator("#atelier-map").boundingBox();
      assertThat(map.y + map.height).isLessThanOrEqualTo(1080);
      assertThat(map.height).isGreaterThan(800);
      assertThat(screen.locator(".vk-pin-number").allTextContents()).containsExactly("1", "2");
      for (int i = 0; i < 2; i++) {
        var pin = settledBox(screen.locator(".vk-pin-number").nth(i));
        assertThat(pin.x).isBetween(0.0, 1920.0 - pin.width);
        assertThat(pin.y).isBetween(0.0, 1080.0 - pin.height);
      }
      screen.screenshot(
          new Page.ScreenshotOptions().setPath(Browser.screenshot("present-map.png")));

      // the ranking as bars, after the reveal
      long area =
          Http.JSON
              .readTree(
                  rita.postJson(
                          "/api/ateliers/" + id + "/problem-areas",
                          "{\"name\":\"Centrum\",\"buurtCodes\":[\"BU03080000\"]}")
                      .body())
              .get("id")
              .asLong();
      for (String title : List.of("Meer licht", "Buurtconciërge")) {
        rita.postJson(
            "/api/ateliers/" + id + "/measures",
            "{\"problemAreaId\":" + area + ",\"title\":\"" + title + "\",\"lever\":\"fysiek\"}");
      }
      console.click("button[data-phase=PRIORITISING]");
      console.waitForSelector("button[data-phase=PRIORITISING][aria-pressed=true]");
      screen.waitForSelector(".vk-votes-hidden");
      console.click("[data-reveal=votes]");
      screen.waitForSelector("[data-measure] .vk-bar");
      assertThat(px(screen, ".vk-measure-title")).isGreaterThanOrEqualTo(28);
      screen.screenshot(
          new Page.ScreenshotOptions().setPath(Browser.screenshot("present-ranking.png")));
      System.out.printf(
          "[presenter] 1920x1080: join code %.0f px, card text %.1f px, figures %.1f px; map %.0f"
              + " px high; no staff menu in the DOM%n",
          px(screen, ".vk-join-code"), 1920 * 0.015, 1920 * 0.04, map.height);
    }
  }

  /** The computed font size of the first element matching the selector, in CSS pixels. */
  static double px(Page page, String selector) {
    return ((Number)
            page.evaluate(
                "s => parseFloat(getComputedStyle(document.querySelector(s)).fontSize)", selector))
        .doubleValue();
  }

  /**
   * Taps "+" on the measure with this title and waits until the phone shows the vote as its own.
   */
  static void tap(Page phone, String title) {
    String measure = "[data-measure]:has(.vk-measure-title:text-is('" + title + "'))";
    int before = Integer.parseInt(phone.textContent(measure + " .vk-mine").replaceAll("\\D", ""));
    phone.click(measure + " [data-vote=plus]");
    phone.waitForSelector(measure + " .vk-mine:text-is('van u: " + (before + 1) + "')");
  }

  static List<String> titles(Page phone) {
    return phone.locator("[data-measure] .vk-measure-title").allTextContents();
  }

  /** The token from a join answer. */
  record HttpResponse(String body) {
    String token() {
      return Http.JSON.readTree(body).get("participantToken").asString();
    }
  }

  /**
   * The box of a map marker once the map has settled: while the map fits itself to the pins the
   * marker is briefly redrawn and has no box (seen once in a fresh-clone CI run).
   */
  static com.microsoft.playwright.options.BoundingBox settledBox(
      com.microsoft.playwright.Locator marker) throws InterruptedException {
    long deadline = System.nanoTime() + 5_000_000_000L;
    while (true) {
      var box = marker.boundingBox();
      if (box != null || System.nanoTime() > deadline) {
        assertThat(box).as("the pin has a place on the screen").isNotNull();
        return box;
      }
      Thread.sleep(100);
    }
  }
}
