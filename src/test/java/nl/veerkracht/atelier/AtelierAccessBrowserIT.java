package nl.veerkracht.atelier;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.veerkracht.support.Axe;
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
 * Without the map and without a pointer (must show 9 of the room issue): a participant pins by
 * choosing a buurt from a list and votes with the keyboard alone; focus stays on the button pressed
 * while others vote; axe-core finds no WCAG 2.1 A/AA violation on the phone (pinning and voting),
 * the console and the projector.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "veerkracht.db.embedded-database=it_atelier_api")
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AtelierAccessBrowserIT {

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  @Autowired nl.veerkracht.cli.CommandLine commandLine;
  Browser browser;
  Http kees;

  @BeforeAll
  void aCorporationAndItsFacilitator() {
    kees =
        nl.veerkracht.support.Rooms.facilitator(
            commandLine, port, "TOEG", "Toegankelijk Wonen", "kees");
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
  void aParticipantPinsAndVotesWithTheKeyboardAloneAndAxeFindsNothing() throws Exception {
    JsonNode created =
        Http.JSON.readTree(
            kees.postJson(
                    "/api/ateliers",
                    "{\"name\":\"Toegankelijkheid\",\"type\":\"gebied\",\"corporation\":\"TOEG\","
                        + "\"areaCodes\":[\"BU03080000\",\"BU03080001\"],\"votesPerParticipant\":3}")
                .body());
    long id = created.get("id").asLong();
    String code = created.get("joinCode").asString();
    String api = "/api/ateliers/" + id;
    Map<String, List<String>> found = new LinkedHashMap<>();
    try (BrowserContext phoneContext = browser.auditContext("nl-NL", 390, 844);
        BrowserContext laptop = browser.auditContext("nl-NL", 1366, 768);
        BrowserContext projector = browser.auditContext("nl-NL", 1920, 1080)) {
      Page phone = phoneContext.newPage();
      phone.onPageError(e -> System.out.println("[page error] " + e));
      phone.navigate(url("/doe-mee?code=" + code));
      phone.locator("#j-name").focus();
      phone.keyboard().type("Toetsenbord Tineke");
      phone.keyboard().press("Enter");
      phone.waitForURL("**/atelier/*");
      found.put("phone, waiting", Axe.violations(phone));

      kees.postJson(api + "/phase", "{\"phase\":\"PINNING\"}");
      phone.waitForTimeout(3000);
      phone.screenshot(
          new Page.ScreenshotOptions()
              .setPath(Browser.screenshot("debug-a11y.png"))
              .setFullPage(true));
      phone.waitForSelector("#pin-list-buurt");
      found.put("phone, pinning", Axe.violations(phone));
      // keyboard only: the buurt from the list, the pin's fields, Enter
      phone.locator("#pin-list-buurt").focus();
      phone.keyboard().press("ArrowDown");
      phone.locator("#pin-list-place").focus();
      phone.keyboard().press("Enter");
      phone.waitForSelector("#pin-form");
      assertThat(phone.evaluate("() => document.activeElement.closest('#pin-form') !== null"))
          .as("focus moves into the pin's form")
          .isEqualTo(true);
      phone.keyboard().press("Tab");
      phone.keyboard().press("Tab");
      phone.keyboard().type("Hier is het 's avonds donker");
      phone.keyboard().press("Tab");
      phone.keyboard().press("Enter");
      phone.waitForSelector("[data-pin] .vk-pin-text:has-text('donker')");
      JsonNode pins = kees.getJson(api + "/pins");
      assertThat(pins.size()).isEqualTo(1);
      assertThat(pins.get(0).get("buurtCode").asString())
          .as("the pin stands in the buurt chosen from the list")
          .isEqualTo("BU03080001");

      // voting with the keyboard, while someone else votes: focus stays on the button
      long area =
          Http.JSON
              .readTree(
                  kees.postJson(
                          api + "/problem-areas",
                          "{\"name\":\"Stationsgebied\",\"buurtCodes\":[\"BU03080000\"]}")
                      .body())
              .get("id")
              .asLong();
      long measure =
          Http.JSON
              .readTree(
                  kees.postJson(
                          api + "/measures",
                          "{\"problemAreaId\":"
                              + area
                              + ",\"title\":\"Betere verlichting\",\"lever\":\"fysiek\"}")
                      .body())
              .get("id")
              .asLong();
      Http other =
          new Http(port)
              .bearer(
                  Http.JSON
                      .readTree(
                          new Http(port)
                              .postJson(
                                  "/api/ateliers/join",
                                  "{\"joinCode\":\"" + code + "\",\"displayName\":\"Ander\"}")
                              .body())
                      .get("participantToken")
                      .asString());
      kees.postJson(api + "/phase", "{\"phase\":\"PRIORITISING\"}");
      String plus = "[data-measure='" + measure + "'] [data-vote=plus]";
      phone.waitForSelector(plus);
      phone.locator(plus).focus();
      phone.keyboard().press("Space");
      phone.waitForSelector("[data-measure='" + measure + "'] .vk-mine:text-is('van u: 1')");
      other.postJson(api + "/votes", "{\"targetId\":" + measure + ",\"count\":2}");
      phone.keyboard().press("Enter");
      phone.waitForSelector("[data-measure='" + measure + "'] .vk-mine:text-is('van u: 2')");
      assertThat(phone.evaluate("() => document.activeElement.dataset.keep"))
          .as("focus stays on the button pressed, through the redraws")
          .isEqualTo("vote-plus-" + measure);
      found.put("phone, voting", Axe.violations(phone));

      Page console = laptop.newPage();
      Login.as(console, port, "kees", "kees-password");
      console.navigate(url("/ateliers/" + id));
      console.waitForSelector("#atelier-map");
      found.put("console", Axe.violations(console));
      Page screen = projector.newPage();
      Login.as(screen, port, "kees", "kees-password");
      screen.navigate(url("/ateliers/" + id + "/scherm"));
      screen.waitForSelector("#atelier-body section, #atelier-body p");
      found.put("projector", Axe.violations(screen));
    }
    found.forEach(
        (view, v) ->
            System.out.printf(
                "[a11y] axe WCAG 2.1 A/AA on %s: %d violations %s%n", view, v.size(), v));
    assertThat(found.values().stream().mapToInt(List::size).sum()).isZero();
  }
}
