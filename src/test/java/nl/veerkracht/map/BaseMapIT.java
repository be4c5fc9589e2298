package nl.veerkracht.map;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import nl.veerkracht.cli.CommandLine;
import nl.veerkracht.support.Browser;
import nl.veerkracht.support.Cli;
import nl.veerkracht.support.Demo;
import nl.veerkracht.support.Http;
import nl.veerkracht.support.Login;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * A base map Veerkracht serves itself (must show 7 of the room issue): tiles come from an upstream
 * stub once and from the cache after that, with Cache-Control and ETag; prefetching an atelier
 * reports tiles and bytes (API and command line); with the upstream unreachable and an empty cache
 * a phone and the projector still draw the buurten's outlines and names, and their pages contact no
 * host but Veerkracht.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "veerkracht.db.embedded-database=it_tiles",
      "veerkracht.tiles.prefetch-min-zoom=12",
      "veerkracht.tiles.prefetch-max-zoom=15"
    })
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BaseMapIT {

  /** A 1×1 PNG, as the stub's every tile. */
  static final byte[] PNG =
      Base64.getDecoder()
          .decode(
              "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");

  static HttpServer upstream;
  static final AtomicInteger upstreamHits = new AtomicInteger();
  static Path cache;

  static {
    try {
      upstream = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
      upstream.createContext(
          "/",
          ex -> {
            upstreamHits.incrementAndGet();
            ex.getResponseHeaders().add("Content-Type", "image/png");
            ex.sendResponseHeaders(200, PNG.length);
            ex.getResponseBody().write(PNG);
            ex.close();
          });
      upstream.start();
      cache = Files.createTempDirectory("vk-tiles");
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  @DynamicPropertySource
  static void tiles(DynamicPropertyRegistry r) {
    r.add(
        "veerkracht.tiles.upstream",
        () -> "http://127.0.0.1:" + upstream.getAddress().getPort() + "/{z}/{x}/{y}.png");
    r.add("veerkracht.tiles.cache-dir", () -> cache.toString());
  }

  @LocalServerPort int port;
  @Autowired CommandLine commandLine;
  Http tess;
  Browser browser;

  @BeforeAll
  void baarnAndAFacilitator() {
    Cli.run(
        commandLine,
        "import",
        Demo.file("geo/baarn_buurten_2024_wgs84_pdok_full.geojson").toString());
    Http admin = new Http(port).as("admin", "admin-test-password");
    admin.postJson("/api/corporations", "{\"code\":\"KAART\",\"name\":\"Kaart Wonen\"}");
    admin.postJson(
        "/api/admin/users",
        "{\"username\":\"tess\",\"password\":\"tess-password\",\"memberships\":"
            + "[{\"corporation\":\"KAART\",\"role\":\"FACILITATOR\"}]}");
    tess = new Http(port).as("tess", "tess-password");
    browser = new Browser();
  }

  @AfterAll
  void tearDown() throws IOException {
    browser.close();
    upstream.stop(0);
    try (Stream<Path> files = Files.walk(cache)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }

  @Test
  void tilesAreKeptAndServedByVeerkrachtAndTheMapReadsWithoutThem() throws Exception {
    JsonNode created =
        Http.JSON.readTree(
            tess.postJson(
                    "/api/ateliers",
                    "{\"name\":\"Kaartproef\",\"type\":\"bewoners\",\"corporation\":\"KAART\","
                        + "\"areaCodes\":[\"BU03080000\"]}")
                .body());
    long id = created.get("id").asLong();
    String code = created.get("joinCode").asString();

    // prefetch: tiles and bytes, fetched once
    HttpResponse<String> first = tess.postJson("/api/ateliers/" + id + "/tiles", "{}");
    assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
    JsonNode p = Http.JSON.readTree(first.body());
    int tiles = p.get("tiles").asInt();
    System.out.printf(
        "[tiles] prefetch of atelier %d at zoom 12-15: %d tiles, %d bytes, %d fetched, %d failed%n",
        id, tiles, p.get("bytes").asLong(), p.get("fetched").asInt(), p.get("failed").asInt());
    assertThat(tiles).isBetween(4, 200);
    assertThat(p.get("fetched").asInt()).isEqualTo(tiles);
    assertThat(p.get("bytes").asLong()).isEqualTo((long) tiles * PNG.length);
    int hits = upstreamHits.get();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PrintStream ps = new PrintStream(out, true, StandardCharsets.UTF_8);
    assertThat(commandLine.run(List.of("prefetch-tiles", Long.toString(id)), ps, ps)).isZero();
    String printed = out.toString(StandardCharsets.UTF_8);
    System.out.print("[tiles] command line: " + printed);
    assertThat(printed)
        .contains(String.format(java.util.Locale.ROOT, "%,d tiles at zoom 12-15", tiles))
        .contains("0 fetched, " + tiles + " kept already");
    assertThat(upstreamHits.get()).as("nothing fetched twice").isEqualTo(hits);

    // a tile as the browser gets it: from the cache, with Cache-Control and ETag
    int z = 14;
    int x = TileCache.x(5.287, z);
    int y = TileCache.y(52.212, z);
    HttpResponse<byte[]> tile = new Http(port).getBytes("/tiles/" + z + "/" + x + "/" + y + ".png");
    assertThat(tile.statusCode()).isEqualTo(200);
    assertThat(tile.body()).isEqualTo(PNG);
    assertThat(tile.headers().firstValue("Cache-Control").orElse("")).contains("max-age=604800");
    String etag = tile.headers().firstValue("ETag").orElseThrow();
    assertThat(
            new Http(port)
                .send(
                    "GET",
                    "/tiles/" + z + "/" + x + "/" + y + ".png",
                    "",
                    Map.of("If-None-Match", etag))
                .statusCode())
        .isEqualTo(304);
    assertThat(new Http(port).getBytes("/tiles/5/0/0.png").statusCode())
        .as("no open proxy: outside the Netherlands")
        .isEqualTo(404);
    assertThat(upstreamHits.get()).isEqualTo(hits);

    // no upstream and an empty cache: outlines and names still drawn; only Veerkracht contacted
    upstream.stop(0);
    try (Stream<Path> files = Files.walk(cache)) {
      files
          .sorted(Comparator.reverseOrder())
          .filter(f -> !f.equals(cache))
          .forEach(f -> f.toFile().delete());
    }
    tess.postJson("/api/ateliers/" + id + "/phase", "{\"phase\":\"PINNING\"}");
    String origin = "http://localhost:" + port;
    try (BrowserContext phoneContext = browser.phoneContext("nl-NL");
        BrowserContext projector = browser.context("nl-NL", 1920, 1080)) {
      List<String> requests = new CopyOnWriteArrayList<>();
      phoneContext.onRequest(r -> requests.add(r.url()));
      projector.onRequest(r -> requests.add(r.url()));
      Page phone = phoneContext.newPage();
      phone.navigate(origin + "/doe-mee?code=" + code);
      phone.fill("#j-name", "Bea");
      phone.click("#join-submit");
      phone.waitForURL("**/atelier/*");
      Page screen = projector.newPage();
      Login.as(screen, port, "tess", "tess-password");
      screen.navigate(origin + "/ateliers/" + id + "/scherm");
      for (Page page : List.of(phone, screen)) {
        page.waitForSelector("#atelier-map path.leaflet-interactive");
        page.waitForSelector("#atelier-map .vk-buurt-label span");
        assertThat(page.textContent("#atelier-map .vk-buurt-label span")).isNotBlank();
      }
      phone.screenshot(
          new Page.ScreenshotOptions().setPath(Browser.screenshot("basemap-phone-no-tiles.png")));
      screen.screenshot(
          new Page.ScreenshotOptions()
              .setPath(Browser.screenshot("basemap-projector-no-tiles.png")));
      List<String> elsewhere = new ArrayList<>();
      for (String u : requests) {
        if (!u.startsWith(origin + "/") && !u.startsWith("data:") && !u.startsWith("blob:")) {
          elsewhere.add(u);
        }
      }
      System.out.printf(
          "[tiles] phone and projector made %d requests, %d to another host%n",
          requests.size(), elsewhere.size());
      assertThat(requests.stream().filter(u -> u.contains("/tiles/")).count())
          .as("the map asked Veerkracht for tiles")
          .isPositive();
      assertThat(elsewhere).isEmpty();
    }
  }
}
