package nl.veerkracht.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.veerkracht.analysis.AnalysisService;
import nl.veerkracht.demo.DemoDataLoader;
import nl.veerkracht.support.Accounts;
import nl.veerkracht.support.Axe;
import nl.veerkracht.support.Browser;
import nl.veerkracht.support.Demo;
import nl.veerkracht.support.Http;
import nl.veerkracht.support.Login;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * Must show 3 of issue 27: every page reachable from the navigation, for each role (analyst and
 * administrator, manager, facilitator, partner), in Dutch and in English: no year printed with a
 * thousands separator, no {placeholder} left, none of a list of words of the other language; at 390
 * px no page wider than the screen, at 1366 px the header fits; axe-core (WCAG 2.1 A/AA) finds no
 * violation, at both widths.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "veerkracht.db.embedded-database=it_crawl")
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CrawlBrowserIT {

  /**
   * A year printed with a Dutch or English thousands separator ("2.031", "2,031"): after an opening
   * bracket or a word that introduces a year, or before a dash to another number ("2.020–2.024"). A
   * count in the same range ("1.975 inwoners") is no year and is not matched.
   */
  static final Pattern YEAR_WITH_SEPARATOR =
      Pattern.compile(
          "(?:(?<=\\()|(?<=\\b(?:in|jaar|sinds|tot|t/m|vanaf|van|year|since|until|from|to|editie"
              + "|edition) ))(?:1[.,]9\\d\\d|2[.,]0\\d\\d)(?![\\d])"
              + "|(?<![\\d.,])(?:1[.,]9\\d\\d|2[.,]0\\d\\d)(?=\\s?[–-]\\s?\\d)");

  static final Pattern PLACEHOLDER = Pattern.compile("\\{[A-Za-z0-9_|]+\\}");

  /**
   * Words that give away English on a Dutch page (whole words, case-sensitive). "of" and "metadata"
   * are Dutch words too.
   */
  static final List<String> ENGLISH =
      List.of(
          "the",
          "and",
          "with",
          "Loading",
          "Source",
          "Sources",
          "Download",
          "Show",
          "Pins",
          "Sign in",
          "Log out",
          "No data",
          "Search",
          "Budget",
          "Measures");

  /**
   * Words that give away Dutch on an English page (whole words, case-sensitive). Names of places
   * and organisations ("Hof van Twente", "Centraal Bureau voor de Statistiek") and the terms of art
   * the glossary keeps in Dutch are not in it.
   */
  static final List<String> DUTCH =
      List.of(
          "het",
          "niet",
          "een",
          "Bron",
          "Bronnen",
          "Geen",
          "gegevens",
          "Laden",
          "Gemiddelde",
          "Zoeken",
          "Uitloggen",
          "Opslaan",
          "adressen",
          "verwijderen",
          "Maatregelen");

  /** Pages whose content is the same for everyone (only the header differs). */
  static final Set<String> PUBLIC = Set.of("/bronnen", "/begrippen", "/methode");

  final Set<String> publicSeen = java.util.concurrent.ConcurrentHashMap.newKeySet();

  @LocalServerPort int port;
  @Autowired DemoDataLoader demo;
  @Autowired AnalysisService analysis;

  @BeforeAll
  void demoAndItsPeople() {
    demo.load(Demo.CORPORATION);
    analysis.recompute();
    Http admin = new Http(port).as("admin", "admin-test-password");
    admin.postJson(
        "/api/admin/organisations",
        "{\"code\":\"GEMBAARN\",\"name\":\"Gemeente Baarn\",\"kind\":\"gemeente\"}");
    Accounts.staff(admin, "mia", "DEMO", "MANAGER");
    Accounts.staff(admin, "fay", "DEMO", "FACILITATOR");
    Accounts.partner(admin, "pia", "GEMBAARN");
    // something behind every kind of page: a measure (and so a beheerplan), an atelier, an
    // agreement
    var measure =
        admin.postJson(
            "/api/measures",
            "{\"corporation\":\"DEMO\",\"title\":\"Buurtconciërge Vlierlaan\","
                + "\"lever\":\"sociaal_beheer\",\"complexCode\":\"C0025\","
                + "\"startYear\":2027,\"endYear\":2028}");
    assertThat(measure.statusCode()).as(measure.body()).isEqualTo(201);
    long measureId = Http.JSON.readTree(measure.body()).get("id").longValue();
    var atelier =
        admin.postJson(
            "/api/ateliers",
            "{\"name\":\"Werkatelier Oude-Oosterhei\",\"type\":\"gebied\","
                + "\"corporation\":\"DEMO\",\"areaCodes\":[\"BU03080004\"],"
                + "\"complexCodes\":[\"C0025\"]}");
    assertThat(atelier.statusCode()).as(atelier.body()).isEqualTo(201);
    var agreement =
        admin.postJson(
            "/api/agreements",
            "{\"corporation\":\"DEMO\",\"title\":\"Prestatieafspraken Baarn\","
                + "\"text\":\"Samen werken aan leefbare buurten.\",\"gemeente\":\"GM0308\","
                + "\"startYear\":2025,\"endYear\":2028,\"parties\":[\"GEMBAARN\"],"
                + "\"areas\":[\"BU03080004\"],\"measures\":["
                + measureId
                + "]}");
    assertThat(agreement.statusCode()).as(agreement.body()).isEqualTo(201);
  }

  record Finding(String who, String lang, int width, String path, String what) {}

  @Test
  void everyPageForEveryRoleInBothLanguagesAtBothWidths() {
    Map<String, String> people =
        Map.of(
            "admin", "admin-test-password",
            "mia", "mia-password-1",
            "fay", "fay-password-1",
            "pia", "pia-password-1");
    List<Finding> found = java.util.Collections.synchronizedList(new ArrayList<>());
    java.util.concurrent.atomic.AtomicInteger visits =
        new java.util.concurrent.atomic.AtomicInteger();
    long started = System.nanoTime();
    // two browsers side by side (a browser is used by one thread): two roles each
    List<List<String>> halves = List.of(List.of("admin", "pia"), List.of("mia", "fay"));
    java.util.concurrent.ExecutorService pool =
        java.util.concurrent.Executors.newFixedThreadPool(2);
    List<java.util.concurrent.Future<?>> done = new ArrayList<>();
    for (List<String> roles : halves) {
      done.add(
          pool.submit(
              () -> {
                try (Browser own = new Browser()) {
                  for (String who : roles) {
                    crawl(own, who, people.get(who), found, visits);
                  }
                }
              }));
    }
    try {
      for (java.util.concurrent.Future<?> f : done) {
        f.get(10, java.util.concurrent.TimeUnit.MINUTES);
      }
    } catch (Exception e) {
      throw new AssertionError("the crawl failed", e);
    } finally {
      pool.shutdownNow();
    }
    found.forEach(f -> System.out.printf("[crawl] %s%n", f));
    System.out.printf(
        "[crawl] %d page views (4 roles, 2 languages, 2 widths) in %d s: %d findings%n",
        visits.get(), (System.nanoTime() - started) / 1_000_000_000L, found.size());
    assertThat(found).isEmpty();
  }

  /**
   * Deeper, on a phone: from every page of the navigation, two links down, one page of each kind (a
   * buurt profile, a complex and its profile, a measure, a beheerplan, an atelier and its screens,
   * an agreement ...), as the analyst and administrator of the demo corporation, in both languages
   * at 390 px, with the same checks.
   */
  @Test
  void everyKindOfStaffPageTwoLinksDeeperOnAPhoneInBothLanguages() {
    List<Finding> found = new ArrayList<>();
    Set<String> kinds = new LinkedHashSet<>();
    long started = System.nanoTime();
    List<String> deeper = new ArrayList<>();
    try (Browser own = new Browser()) {
      // in Dutch: find the pages (two steps down from the navigation, each new kind once) and
      // check each, axe included
      try (BrowserContext context = own.auditContext("nl-NL", 390, 900)) {
        Page page = context.newPage();
        Login.as(page, port, "admin", "admin-test-password");
        page.navigate(url("/?lang=nl"));
        Set<String> top = navigation(page);
        Set<String> seenKinds = new LinkedHashSet<>();
        top.forEach(t -> seenKinds.add(kind(t)));
        List<String> level = new ArrayList<>(top);
        for (int depth = 1; depth <= 2; depth++) {
          List<String> next = new ArrayList<>();
          for (String path : level) {
            page.navigate(url(path));
            page.waitForLoadState();
            if (depth > 1) {
              check(page, "admin", "nl", 390, path, found, true);
            }
            for (String href : links(page)) {
              if (seenKinds.add(kind(href))) {
                next.add(href);
                kinds.add(kind(href));
                deeper.add(href);
              }
            }
          }
          level = next;
        }
        for (String path : level) {
          page.navigate(url(path));
          page.waitForLoadState();
          check(page, "admin", "nl", 390, path, found, true);
        }
      }
      // the same pages in English: width, years, placeholders and words (the markup axe reads is
      // the same in both languages)
      try (BrowserContext context = own.auditContext("en-GB", 390, 900)) {
        Page page = context.newPage();
        Login.as(page, port, "admin", "admin-test-password");
        page.navigate(url("/?lang=en"));
        for (String path : deeper) {
          page.navigate(url(path));
          page.waitForLoadState();
          check(page, "admin", "en", 390, path, found, false);
        }
      }
    }
    System.out.printf("[crawl deeper] kinds: %s%n", kinds);
    found.forEach(f -> System.out.printf("[crawl deeper] %s%n", f));
    System.out.printf(
        "[crawl deeper] %d kinds of page up to two links deeper, 2 languages at 390 px, in %d s: %d"
            + " findings%n",
        kinds.size(), (System.nanoTime() - started) / 1_000_000_000L, found.size());
    assertThat(kinds)
        .as("kinds of page")
        .contains(
            "/gebied/#",
            "/voorraad/OND/#?corporation",
            "/voorraad/OND/#/profiel?corporation",
            "/maatregelen/#?corporation",
            "/ateliers/#",
            "/afspraken/#");
    assertThat(found).isEmpty();
  }

  /** The pages a page's main part links to (no downloads, API, language or sign-out links). */
  List<String> links(Page page) {
    List<String> out = new ArrayList<>();
    for (String h : hrefs(page, "main a[href^=\"/\"]")) {
      String href = h.split("#")[0];
      if (!href.isEmpty()
          && !href.startsWith("/api/")
          && !href.contains("lang=")
          && !href.startsWith("/logout")
          && !href.startsWith("/webjars/")
          && !href.matches(".*\\.(pdf|xlsx|csv|geojson|zip|json|png|svg)(\\?.*)?$")) {
        out.add(href);
      }
    }
    return out;
  }

  /**
   * The kind of a page: its path with every segment that holds a digit as '#', and the names of its
   * query parameters ({@code /voorraad/OND/C0025/profiel?corporation=DEMO} → {@code
   * /voorraad/OND/#/profiel?corporation}).
   */
  static String kind(String href) {
    String[] parts = href.split("\\?", 2);
    String path = parts[0].replaceAll("/[^/]*\\d[^/]*", "/#");
    if (parts.length == 1) {
      return path;
    }
    List<String> names = new ArrayList<>();
    for (String p : parts[1].split("&")) {
      names.add(p.split("=", 2)[0]);
    }
    java.util.Collections.sort(names);
    return path + "?" + String.join("&", names);
  }

  /** One role's pages in both languages at both widths. */
  void crawl(
      Browser own,
      String who,
      String password,
      List<Finding> found,
      java.util.concurrent.atomic.AtomicInteger visits) {
    for (String lang : List.of("nl", "en")) {
      for (int width : new int[] {1366, 390}) {
        try (BrowserContext context =
            own.auditContext(lang.equals("nl") ? "nl-NL" : "en-GB", width, 900)) {
          Page page = context.newPage();
          Login.as(page, port, who, password);
          page.navigate(url("/?lang=" + lang));
          for (String path : navigation(page)) {
            // the reference pages are the same for every role: read once per language and width
            if (PUBLIC.contains(path) && !publicSeen.add(path + " " + lang + " " + width)) {
              continue;
            }
            page.navigate(url(path));
            page.waitForLoadState();
            visits.incrementAndGet();
            check(page, who, lang, width, path, found);
          }
        }
      }
    }
  }

  /** The addresses of the links a selector finds on the page. */
  @SuppressWarnings("unchecked")
  static List<String> hrefs(Page page, String selector) {
    return (List<String>)
        page.evaluate(
            "s => [...document.querySelectorAll(s)].map(a => a.getAttribute('href'))", selector);
  }

  /** The pages the navigation leads to (and the home and the account page). */
  Set<String> navigation(Page page) {
    Set<String> out = new LinkedHashSet<>();
    out.add("/");
    for (String h : hrefs(page, "header a[href^=\"/\"], footer a[href^=\"/\"]")) {
      if (!h.startsWith("/api/") && !h.contains("lang=") && !h.equals("/logout")) {
        out.add(h);
      }
    }
    out.add("/mijn-account");
    return out;
  }

  void check(Page page, String who, String lang, int width, String path, List<Finding> found) {
    check(page, who, lang, width, path, found, true);
  }

  void check(
      Page page,
      String who,
      String lang,
      int width,
      String path,
      List<Finding> found,
      boolean withAxe) {
    // what a reader reads in the page's language: no scripts, no code (API paths such as
    // /api/areas/{code} are literal), no parts marked as another language
    String text =
        (String)
            page.evaluate(
                "l => { const b = document.body.cloneNode(true);"
                    + " b.querySelectorAll('script, style, code, pre, em, [lang]:not([lang=\"' + l + '\"])')"
                    + ".forEach(e => e.remove()); return b.innerText; }",
                lang);
    Matcher y = YEAR_WITH_SEPARATOR.matcher(text);
    while (y.find()) {
      found.add(new Finding(who, lang, width, path, "year with a separator: " + around(text, y)));
    }
    Matcher p = PLACEHOLDER.matcher(text);
    while (p.find()) {
      found.add(new Finding(who, lang, width, path, "placeholder: " + around(text, p)));
    }
    // a title quoted in its own language ("Veerkracht in het corporatiebezit") is no slip
    String prose = text.replaceAll("[\"“„][^\"”“]{1,120}[\"”]", " ");
    for (String word : lang.equals("nl") ? ENGLISH : DUTCH) {
      Matcher w =
          Pattern.compile("(?<![\\p{L}])" + Pattern.quote(word) + "(?![\\p{L}])").matcher(prose);
      if (w.find()) {
        found.add(new Finding(who, lang, width, path, "word '" + word + "': " + around(prose, w)));
      }
    }
    int scroll = ((Number) page.evaluate("() => document.documentElement.scrollWidth")).intValue();
    if (width == 390 && scroll > 390) {
      found.add(new Finding(who, lang, width, path, "page is " + scroll + " px wide"));
    }
    if (width == 1366) {
      Object fits =
          page.evaluate(
              "() => [...document.querySelectorAll('header .navbar-nav')].every(u =>"
                  + " u.getBoundingClientRect().right <= window.innerWidth + 0.5)"
                  + " && document.querySelector('header nav').scrollWidth"
                  + " <= document.querySelector('header nav').clientWidth + 1");
      if (!Boolean.TRUE.equals(fits)) {
        found.add(new Finding(who, lang, width, path, "the header does not fit"));
      }
    }
    for (String v : withAxe ? Axe.violations(page) : List.<String>of()) {
      found.add(new Finding(who, lang, width, path, "axe: " + v));
    }
  }

  static String around(String text, Matcher m) {
    int from = Math.max(0, m.start() - 30);
    int to = Math.min(text.length(), m.end() + 30);
    return "…" + text.substring(from, to).replace('\n', ' ') + "…";
  }

  String url(String path) {
    return "http://localhost:" + port + path;
  }
}
