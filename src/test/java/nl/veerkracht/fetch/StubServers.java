package nl.veerkracht.fetch;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import nl.veerkracht.support.Demo;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A local stand-in for PDOK, the CBS OData feed and the Leefbaarometer site, serving real bundled
 * data for Baarn (GM0308) in the shape of the real services, under three prefixes:
 *
 * <ul>
 *   <li>{@code /ok/…}: paged answers (PDOK links rel=next, CBS $top/$skip with the API's limit of
 *       rows per query); the first request for a later CBS page gets a 503, the next one succeeds;
 *   <li>{@code /slow/…}: never answers within the client's timeout;
 *   <li>{@code /bad/…}: the second CBS page is an HTML error page with status 200.
 * </ul>
 */
final class StubServers {

  static final JsonMapper JSON = JsonMapper.builder().build();

  final HttpServer server;
  final Map<String, AtomicInteger> hits = new ConcurrentHashMap<>();
  final AtomicInteger unavailableOnce = new AtomicInteger(1);
  private final byte[] pdokGemeenten;
  private final byte[] pdokWijken;
  private final byte[] pdokAllGemeenten;
  private final byte[] pdokAllWijken;
  private final ArrayNode cbsAll;

  /** The most rows one CBS query may ask; more is refused as the real API does. */
  volatile int cbsRowLimit = 10_000;

  private final List<JsonNode> buurten;
  private final ArrayNode cbsGmWk;
  private final ArrayNode cbsBu;
  private final byte[] tableInfos;
  private final byte[] dataProperties;
  private final byte[] lbmZip;

  StubServers() throws IOException {
    List<JsonNode> features = new java.util.ArrayList<>();
    readJson(Demo.file("geo/baarn_buurten_2024_wgs84_pdok_full.geojson"), false)
        .path("features")
        .forEach(features::add);
    buurten = List.copyOf(features);
    pdokGemeenten =
        collection(
            filter(
                readJson(Demo.file("geo/gemeenten_2024_wgs84_kwb.geojson.gz"), true),
                "gemeentecode",
                "GM0308"),
            null);
    pdokWijken =
        collection(
            filter(
                readJson(Demo.file("geo/wijken_2024_wgs84_kwb.geojson.gz"), true),
                "wijkcode",
                "WK0308"),
            null);
    pdokAllGemeenten =
        collection(
            filter(
                readJson(Demo.file("geo/gemeenten_2024_wgs84_kwb.geojson.gz"), true),
                "gemeentecode",
                "GM"),
            null);
    pdokAllWijken =
        collection(
            filter(
                readJson(Demo.file("geo/wijken_2024_wgs84_kwb.geojson.gz"), true),
                "wijkcode",
                "WK"),
            null);
    tableInfos = Files.readAllBytes(Demo.file("cbs/kwb2024_85984NED_TableInfos.json"));
    dataProperties = Files.readAllBytes(Demo.file("cbs/kwb2024_85984NED_DataProperties.json"));
    // CBS rows for Baarn, built from the real bundled figures: gemeente and wijken from the
    // 85984NED extract, buurten from the PDOK 2024 attributes (same CBS figures, other names)
    JsonNode core = readJson(Demo.file("cbs/kwb2024_85984NED_gm_wk_core.json"), false);
    cbsGmWk = JSON.createArrayNode();
    core.properties()
        .forEach(
            e -> {
              if (e.getKey().equals("GM0308") || e.getKey().startsWith("WK0308")) {
                ObjectNode row = JSON.createObjectNode();
                row.put("WijkenEnBuurten", pad(e.getKey()));
                row.put("Gemeentenaam_1", "Baarn                                   ");
                row.put("SoortRegio_2", e.getKey().startsWith("GM") ? "Gemeente  " : "Wijk      ");
                row.put("Codering_3", pad(e.getKey()));
                e.getValue().properties().forEach(p -> row.set(p.getKey(), p.getValue()));
                cbsGmWk.add(row);
              }
            });
    // every gemeente and wijk of the 85984NED extract, for a fetch of the whole country
    cbsAll = JSON.createArrayNode();
    core.properties()
        .forEach(
            e -> {
              ObjectNode row = JSON.createObjectNode();
              row.put("WijkenEnBuurten", pad(e.getKey()));
              row.put("SoortRegio_2", e.getKey().startsWith("GM") ? "Gemeente  " : "Wijk      ");
              row.put("Codering_3", pad(e.getKey()));
              e.getValue().properties().forEach(p -> row.set(p.getKey(), p.getValue()));
              cbsAll.add(row);
            });
    cbsBu = JSON.createArrayNode();
    for (JsonNode f : buurten) {
      JsonNode p = f.path("properties");
      ObjectNode row = JSON.createObjectNode();
      row.put("WijkenEnBuurten", p.path("buurtcode").asString());
      row.put("Gemeentenaam_1", "Baarn                                   ");
      row.put("SoortRegio_2", "Buurt     ");
      row.put("Codering_3", p.path("buurtcode").asString());
      row.set("AantalInwoners_5", p.path("aantal_inwoners"));
      row.set("Mannen_6", p.path("mannen"));
      row.set("Vrouwen_7", p.path("vrouwen"));
      row.set("HuishoudensTotaal_29", p.path("aantal_huishoudens"));
      cbsBu.add(row);
    }
    cbsBu.forEach(cbsAll::add);
    lbmZip = lbmZip();
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
    server.createContext("/", this::handle);
    server.start();
  }

  /** A started stub, for a test class's static field. */
  static StubServers start() {
    try {
      return new StubServers();
    } catch (IOException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  /** Points the application's fetch settings at the well-behaved part of this stub. */
  void register(org.springframework.test.context.DynamicPropertyRegistry r) {
    r.add("veerkracht.fetch.cbs-url", () -> base("ok") + "/cbs");
    r.add("veerkracht.fetch.pdok-url", () -> base("ok") + "/pdok");
    r.add("veerkracht.fetch.lbm-url", () -> base("ok") + "/lbm");
    r.add("veerkracht.fetch.backoff-millis", () -> "50");
  }

  String base(String mode) {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/" + mode;
  }

  int hits(String mode) {
    return hits.computeIfAbsent(mode, k -> new AtomicInteger()).get();
  }

  void stop() {
    server.stop(0);
  }

  private void handle(HttpExchange x) throws IOException {
    String path = x.getRequestURI().getPath();
    String query = x.getRequestURI().getRawQuery() == null ? "" : x.getRequestURI().getRawQuery();
    String mode = path.split("/")[1];
    String rest = path.substring(mode.length() + 1);
    hits.computeIfAbsent(mode, k -> new AtomicInteger()).incrementAndGet();
    hits.computeIfAbsent(mode + "/" + rest.split("/")[1], k -> new AtomicInteger())
        .incrementAndGet();
    if (mode.equals("slow")) {
      try {
        Thread.sleep(5_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      send(x, 200, "{}".getBytes(StandardCharsets.UTF_8));
      return;
    }
    if (rest.startsWith("/pdok/wijken-en-buurten-2024/ogc/v1/collections/")) {
      boolean all = !query.contains("gemeentecode=");
      if (!all && !query.contains("gemeentecode=GM0308")) {
        send(x, 200, collection(JSON.createArrayNode(), null));
      } else if (all && rest.endsWith("/gemeenten/items")) {
        send(x, 200, pdokAllGemeenten);
      } else if (all && rest.endsWith("/wijken/items")) {
        send(x, 200, pdokAllWijken);
      } else if (rest.endsWith("/gemeenten/items")) {
        send(x, 200, pdokGemeenten);
      } else if (rest.endsWith("/wijken/items")) {
        send(x, 200, pdokWijken);
      } else if (rest.endsWith("/buurten/items")) {
        // two pages of 11 and 10 buurten
        boolean second = query.contains("offset=11");
        ArrayNode page = JSON.createArrayNode();
        buurten.subList(second ? 11 : 0, second ? buurten.size() : 11).forEach(page::add);
        String next =
            second
                ? null
                : base(mode)
                    + "/pdok/wijken-en-buurten-2024/ogc/v1/collections/buurten/items?f=json&limit=11&gemeentecode=GM0308&offset=11";
        send(x, 200, collection(page, next));
      } else {
        send(x, 404, "{}".getBytes(StandardCharsets.UTF_8));
      }
      return;
    }
    if (rest.equals("/cbs/85984NED/TableInfos")) {
      send(x, 200, tableInfos);
    } else if (rest.equals("/cbs/85984NED/DataProperties")) {
      send(x, 200, dataProperties);
    } else if (rest.equals("/cbs/85984NED/TypedDataSet")) {
      typedDataSet(x, mode, query);
    } else if (rest.equals("/lbm/open-data-leefbaarometer-meting-2024.zip")) {
      send(x, 200, lbmZip);
    } else {
      send(x, 404, "not here".getBytes(StandardCharsets.UTF_8));
    }
  }

  /**
   * CBS rows paged with $top and $skip: Baarn's for a startswith filter, every gemeente and wijk
   * without one. Like the real API, a query that would return more than {@link #cbsRowLimit} rows
   * is refused with HTTP 500. The first request for a later page may get a 503 ({@code
   * unavailableOnce}); under {@code /bad/} a later page is an HTML error page with status 200.
   */
  private void typedDataSet(HttpExchange x, String mode, String query) throws IOException {
    String q = java.net.URLDecoder.decode(query, StandardCharsets.UTF_8);
    ArrayNode rows = JSON.createArrayNode();
    if (q.contains("$filter=")) {
      if (!q.contains("startswith(WijkenEnBuurten,'GM0308')")) {
        send(x, 400, "{\"odata.error\":{}}".getBytes(StandardCharsets.UTF_8));
        return;
      }
      cbsGmWk.forEach(rows::add);
      cbsBu.forEach(rows::add);
    } else {
      rows = cbsAll;
    }
    int skip = intParam(q, "$skip", 0);
    int top = intParam(q, "$top", Integer.MAX_VALUE);
    if (Math.min(top, rows.size() - skip) > cbsRowLimit) {
      send(
          x,
          500,
          ("{\"odata.error\":{\"message\":{\"value\":\"query returns more than "
                  + cbsRowLimit
                  + " records\"}}}")
              .getBytes(StandardCharsets.UTF_8));
      return;
    }
    boolean later = skip > 0;
    if (later && mode.equals("bad")) {
      send(
          x,
          200,
          "<html><body>Service tijdelijk niet beschikbaar</body></html>"
              .getBytes(StandardCharsets.UTF_8));
      return;
    }
    if (later && unavailableOnce.getAndDecrement() > 0) {
      send(x, 503, "Service Unavailable".getBytes(StandardCharsets.UTF_8));
      return;
    }
    ArrayNode page = JSON.createArrayNode();
    for (int i = skip; i < rows.size() && i - skip < top; i++) {
      page.add(rows.get(i));
    }
    ObjectNode doc = JSON.createObjectNode();
    doc.put("odata.metadata", base(mode) + "/cbs/85984NED/$metadata#Cbs.OData.WebAPI.TypedDataSet");
    doc.set("value", page);
    send(x, 200, JSON.writeValueAsBytes(doc));
  }

  private static int intParam(String query, String name, int fallback) {
    for (String part : query.split("&")) {
      if (part.startsWith(name + "=")) {
        return Integer.parseInt(part.substring(name.length() + 1));
      }
    }
    return fallback;
  }

  private static void send(HttpExchange x, int status, byte[] body) throws IOException {
    x.sendResponseHeaders(status, body.length);
    try (OutputStream out = x.getResponseBody()) {
      out.write(body);
    }
  }

  private static String pad(String code) {
    return String.format("%-10s", code);
  }

  private static JsonNode readJson(java.nio.file.Path p, boolean gz) throws IOException {
    try (InputStream in =
        gz ? new GZIPInputStream(Files.newInputStream(p)) : Files.newInputStream(p)) {
      return JSON.readTree(in);
    }
  }

  private static ArrayNode filter(JsonNode fc, String property, String prefix) {
    ArrayNode out = JSON.createArrayNode();
    for (JsonNode f : fc.path("features")) {
      if (f.path("properties").path(property).asString("").startsWith(prefix)) {
        out.add(f);
      }
    }
    return out;
  }

  private static byte[] collection(ArrayNode features, String next) {
    ObjectNode fc = JSON.createObjectNode();
    fc.put("type", "FeatureCollection");
    fc.set("features", features);
    fc.put("numberReturned", features.size());
    ArrayNode links = fc.putArray("links");
    if (next != null) {
      links.addObject().put("rel", "next").put("type", "application/geo+json").put("href", next);
    }
    return JSON.writeValueAsBytes(fc);
  }

  /**
   * A zip like the Leefbaarometer's open data, with a buurt CSV built from the real 2020 scores in
   * the bundled provincie Utrecht file (Baarn and one Utrecht buurt, which the fetch leaves out);
   * that file gives no afw or won, so those cells are empty.
   */
  private static byte[] lbmZip() throws IOException {
    StringBuilder csv = new StringBuilder("bu_code,bu_naam,jaar,lbm,afw,fys,onv,soc,vrz,won\n");
    boolean utrecht = false;
    try (var reader =
        Files.newBufferedReader(Demo.file("cbs/prov_utrecht_buurten_2020_kwb_lbm_ses.csv"))) {
      for (org.apache.commons.csv.CSVRecord c :
          org.apache.commons.csv.CSVFormat.DEFAULT
              .builder()
              .setHeader()
              .setSkipHeaderRecord(true)
              .setAllowMissingColumnNames(true)
              .get()
              .parse(reader)) {
        String code = c.get("buurt_code");
        boolean baarn = code.startsWith("BU0308");
        if (baarn || (!utrecht && code.startsWith("BU0344"))) {
          utrecht |= !baarn;
          csv.append(
                  String.join(
                      ",",
                      code,
                      "\"" + c.get("regio").replace("\"", "\"\"") + "\"",
                      "2020",
                      c.get("leefbarometer_score"),
                      "",
                      c.get("leefbarometer_fysieke_omgeving"),
                      c.get("leefbarometer_fysieke_overlast"),
                      c.get("leefbarometer_sociale_samenhang"),
                      c.get("leefbarometer_voorzieningen"),
                      ""))
              .append('\n');
        }
      }
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      zip.putNextEntry(new ZipEntry("leesmij.txt"));
      zip.write("Open data Leefbaarometer (test stand-in)".getBytes(StandardCharsets.UTF_8));
      zip.putNextEntry(new ZipEntry("Leefbaarometer-scores buurten 2020.csv"));
      zip.write(csv.toString().getBytes(StandardCharsets.UTF_8));
      zip.closeEntry();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }
}
