package nl.veerkracht.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.veerkracht.analysis.AnalysisService;
import nl.veerkracht.cli.CommandLine;
import nl.veerkracht.support.Cli;
import nl.veerkracht.support.Demo;
import nl.veerkracht.support.Http;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * Follows every link of the pages, from the start page, in Dutch and in English, anonymous and
 * logged in (an administrator who is also a corporation's analyst): no link may answer 4xx or 5xx
 * (a 401 or 403 only where the page is deliberately closed), and the Dutch pages hold none of a
 * list of common English words. Pages of the same shape (say every buurt profile) are visited a few
 * times each, downloads are fetched but not read.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "veerkracht.db.embedded-database=it_crawl")
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NavigationCrawlIT {

  /** English words that have no business on a Dutch page (whole words, case-insensitive). */
  static final List<String> ENGLISH =
      List.of(
          "the",
          "and",
          "with",
          "from",
          "this",
          "which",
          "rows",
          "units",
          "figures",
          "areas",
          "imported",
          "loading",
          "layers",
          "nothing",
          "search",
          "download",
          "show",
          "error",
          "failed",
          "unknown",
          "missing",
          "source",
          "sources",
          "year",
          "years",
          "level",
          "value",
          "values",
          "click",
          "placed",
          "problems",
          "corporation",
          "settings",
          "drawn",
          "complexes");

  static final Pattern HREF = Pattern.compile("href=\"([^\"#]*)(#[^\"]*)?\"");
  static final Pattern DOWNLOAD = Pattern.compile("\\.(pdf|xlsx|csv|geojson)(\\?|$)");
  static final int PER_SHAPE = 3;
  static final int MAX_PAGES = 400;

  @LocalServerPort int port;
  @Autowired CommandLine commandLine;
  @Autowired AnalysisService analysis;

  @BeforeAll
  void baarnAndACorporationWithUnits() throws Exception {
    for (String f :
        List.of(
            "geo/gemeenten_2024_wgs84_kwb.geojson.gz",
            "geo/baarn_buurten_2024_wgs84_pdok_full.geojson",
            "cbs/baarn_buurten_timeseries_2016_2025.json")) {
      cli("import", Demo.file(f).toString());
    }
    Http admin = new Http(port).as("admin", "admin-test-password");
    assertThat(
            admin
                .postJson("/api/corporations", "{\"code\":\"CRW\",\"name\":\"Crawl Wonen\"}")
                .statusCode())
        .isEqualTo(201);
    Path units = Files.createTempFile("crawl-vhe", ".csv");
    StringBuilder csv =
        new StringBuilder("VHE-nummer;Buurtcode;Huurprijs;Complexnummer;Complexnaam\n");
    for (int i = 1; i <= 14; i++) {
      csv.append("C-").append(i).append(";BU03080000;640,00;K1;Brink\n");
    }
    for (int i = 1; i <= 3; i++) {
      csv.append("D-").append(i).append(";BU03080100;700,00;K2;K2\n");
    }
    Files.writeString(units, csv.toString());
    cli("import", "--corporation", "CRW", units.toString());
    analysis.recompute();
  }

  void cli(String... args) {
    Cli.run(commandLine, args);
  }

  @ParameterizedTest(name = "{0}, logged in: {1}")
  @CsvSource({"nl, false", "en, false", "nl, true", "en, true"})
  void everyLinkWorksAndDutchPagesSpeakDutch(String lang, boolean loggedIn) throws Exception {
    HttpClient client =
        HttpClient.newBuilder()
            .cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NORMAL)
            .build();
    String auth =
        "Basic "
            + Base64.getEncoder()
                .encodeToString("admin:admin-test-password".getBytes(StandardCharsets.UTF_8));
    // the start page, and a search, whose results are links in the page itself (the map's
    // areas are drawn by script)
    Deque<String> queue = new ArrayDeque<>(List.of("/?lang=" + lang, "/zoeken?q=Baarn"));
    Set<String> seen = new LinkedHashSet<>();
    Map<String, Integer> shapes = new HashMap<>();
    List<String> broken = new ArrayList<>();
    Set<String> english = new TreeSet<>();
    Set<String> otherLanguage = new LinkedHashSet<>();
    int pages = 0;
    while (!queue.isEmpty() && pages < MAX_PAGES) {
      String path = queue.poll();
      if (!seen.add(path) || shapes.merge(shape(path), 1, Integer::sum) > PER_SHAPE) {
        continue;
      }
      pages++;
      HttpRequest.Builder request =
          HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET();
      if (loggedIn) {
        request.header("Authorization", auth);
      }
      HttpResponse<byte[]> r =
          client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
      if (r.statusCode() >= 400) {
        broken.add(r.statusCode() + " " + path);
        continue;
      }
      String type = r.headers().firstValue("Content-Type").orElse("");
      if (!type.startsWith("text/html") || DOWNLOAD.matcher(path).find()) {
        continue;
      }
      String html = new String(r.body(), StandardCharsets.UTF_8);
      if (lang.equals("nl")) {
        for (String word : englishWords(visibleText(html))) {
          english.add(word + " on " + path);
        }
      }
      Matcher m = HREF.matcher(html);
      while (m.find()) {
        String link = m.group(1).replace("&amp;", "&");
        if (link.isEmpty()
            || !link.startsWith("/")
            || link.startsWith("//")
            || link.startsWith("/webjars")
            || link.startsWith("/css")
            || link.startsWith("/js")
            || link.startsWith("/img")
            || link.startsWith("/logout")) {
          continue;
        }
        if (link.contains("lang=") && !link.contains("lang=" + lang)) {
          // the other language's link: checked with a client of its own, so that this crawl
          // stays in its language
          otherLanguage.add(link);
          continue;
        }
        queue.add(link);
      }
    }
    HttpClient fresh = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).build();
    for (String link : otherLanguage) {
      HttpRequest.Builder request =
          HttpRequest.newBuilder(URI.create("http://localhost:" + port + link)).GET();
      if (loggedIn) {
        request.header("Authorization", auth);
      }
      int status = fresh.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
      if (status >= 400) {
        broken.add(status + " " + link);
      }
    }
    assertThat(pages).as("pages visited").isGreaterThan(loggedIn ? 25 : 15);
    assertThat(broken).as("links answering 4xx or 5xx").isEmpty();
    assertThat(english).as("English words on Dutch pages").isEmpty();
  }

  /** The kind of page: digits and query values left out, so similar pages count together. */
  static String shape(String path) {
    String p = path.replaceAll("[0-9]+", "#");
    int q = p.indexOf('?');
    if (q < 0) {
      return p;
    }
    TreeSet<String> names = new TreeSet<>();
    for (String part : p.substring(q + 1).split("&")) {
      names.add(part.split("=", 2)[0]);
    }
    return p.substring(0, q) + "?" + String.join("&", names);
  }

  /** The text a reader sees: no scripts, styles, tags or attribute values. */
  static String visibleText(String html) {
    return html.replaceAll("(?s)<script.*?</script>", " ")
        .replaceAll("(?s)<style.*?</style>", " ")
        .replaceAll("(?s)<code.*?</code>", " ")
        .replaceAll("(?s)<[^>]*>", " ")
        .replace("&nbsp;", " ")
        .replace("&amp;", "&");
  }

  static Set<String> englishWords(String text) {
    Set<String> found = new TreeSet<>();
    for (String word : text.toLowerCase(Locale.ROOT).split("[^\\p{L}]+")) {
      if (ENGLISH.contains(word)) {
        found.add(word);
      }
    }
    return found;
  }
}
