package nl.veerkracht.ogc;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
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
 * The OGC API with GDAL as the client (issue 29, must show 1): GDAL's own OAPIF driver lists the
 * collections, counts the buurten as the database does, copies them with their figures into a
 * GeoPackage whose values equal the API's, and its box and property filters give the subset the
 * same filters give on that copy; RD New output agrees with PROJ's own conversion to 1 m.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "veerkracht.db.embedded-database=it_ogc")
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OgcApiIT {

  @LocalServerPort int port;
  @Autowired CommandLine commandLine;
  @Autowired JdbcClient jdbc;
  Http anonymous;
  Path work;

  @BeforeAll
  void baarnWithItsFigures() throws IOException {
    for (String f :
        List.of(
            "geo/baarn_buurten_2024_wgs84_pdok_full.geojson",
            "cbs/baarn_buurten_timeseries_2016_2025.json")) {
      Cli.run(commandLine, "import", Demo.file(f).toString());
    }
    anonymous = new Http(port);
    work = Files.createTempDirectory("vk-ogc");
  }

  String ogc() {
    return "OAPIF:http://localhost:" + port + "/ogc";
  }

  @Test
  void gdalListsCountsCopiesAndFiltersTheBuurten() throws Exception {
    // the collections, as GDAL sees them
    String list = gdal("ogrinfo", "-ro", "-q", ogc());
    assertThat(list).contains("buurten");

    // the count GDAL reads equals the database's
    long held =
        jdbc.sql(
                "SELECT count(*) FROM area WHERE level = 'buurt' AND year = 2024 AND geom IS NOT NULL")
            .query(Long.class)
            .single();
    assertThat(held).isGreaterThan(10);
    String summary = gdal("ogrinfo", "-ro", "-so", ogc(), "buurten");
    assertThat(summary).contains("Feature Count: " + held);

    // a copy into a GeoPackage holds the API's values
    Path gpkg = work.resolve("buurten.gpkg");
    gdal("ogr2ogr", "-f", "GPKG", gpkg.toString(), ogc(), "buurten");
    Map<String, Map<String, String>> copied = csvOf(gpkg, List.of());
    assertThat(copied).hasSize((int) held);
    JsonNode api =
        Http.JSON.readTree(anonymous.get("/ogc/collections/buurten/items?limit=1000").body());
    assertThat(api.get("numberMatched").asLong()).isEqualTo(held);
    int compared = 0;
    for (JsonNode f : api.get("features")) {
      Map<String, String> row = copied.get(f.get("id").asString());
      assertThat(row).as(f.get("id").asString()).isNotNull();
      for (Map.Entry<String, JsonNode> p : f.get("properties").properties()) {
        if (p.getValue().isNumber()) {
          // GDAL writes CSV numbers with 15 significant digits
          double v = p.getValue().asDouble();
          assertThat(Double.parseDouble(row.get(p.getKey())))
              .as(f.get("id").asString() + " " + p.getKey())
              .isCloseTo(v, org.assertj.core.data.Offset.offset(Math.max(1, Math.abs(v)) * 1e-13));
          compared++;
        } else if (p.getValue().isString()) {
          assertThat(row.get(p.getKey())).isEqualTo(p.getValue().asString());
        }
      }
    }
    assertThat(compared).as("figures compared").isGreaterThan(100);
    System.out.printf(
        Locale.ROOT,
        "OGC API via GDAL %s: %d buurten, %d figures equal in the GeoPackage%n",
        gdal("ogrinfo", "--version").strip(),
        held,
        compared);

    // the same view downloaded as a GeoPackage in RD New (a map view's file for the GIS)
    var download =
        anonymous.getBytes(
            "/ogc/collections/buurten/items?f=gpkg&gemeente_code=GM0308&crs="
                + "http://www.opengis.net/def/crs/EPSG/0/28992");
    assertThat(download.statusCode()).isEqualTo(200);
    Path view = work.resolve("view.gpkg");
    Files.write(view, download.body());
    String viewInfo = gdal("ogrinfo", "-ro", "-so", view.toString(), "buurten");
    assertThat(viewInfo).contains("Feature Count: " + held).contains("28992");

    // a box: GDAL through the API gives what the same box gives on the copy
    String[] box = {"5.27", "52.20", "5.29", "52.215"};
    TreeSet<String> viaApi = codes(ogc(), List.of("-spat", box[0], box[1], box[2], box[3]));
    TreeSet<String> onCopy =
        codes(gpkg.toString(), List.of("-spat", box[0], box[1], box[2], box[3]));
    assertThat(viaApi).isNotEmpty().isEqualTo(onCopy);
    assertThat(viaApi.size()).isLessThan((int) held);

    // a property filter, through GDAL and as the API's own query parameter
    JsonNode first = api.get("features").get(0).get("properties");
    String figure = first.has("inhabitants") ? "inhabitants" : null;
    for (Map.Entry<String, JsonNode> p : first.properties()) {
      if (figure == null && p.getValue().isNumber() && !p.getKey().equals("year")) {
        figure = p.getKey();
      }
    }
    assertThat(figure).as("a figure on " + first).isNotNull();
    String value = first.get(figure).asString();
    List<String> where = List.of("-where", figure + " = " + value);
    TreeSet<String> filtered = codes(ogc(), where);
    assertThat(filtered).isNotEmpty().isEqualTo(codes(gpkg.toString(), where));
    JsonNode served =
        Http.JSON.readTree(
            anonymous.get("/ogc/collections/buurten/items?" + figure + "=" + value).body());
    TreeSet<String> byApi = new TreeSet<>();
    served.get("features").forEach(f -> byApi.add(f.get("id").asString()));
    assertThat(byApi).isEqualTo(filtered);
  }

  @Test
  void rdNewAgreesWithProjToAMetre() throws Exception {
    JsonNode wgs =
        Http.JSON.readTree(anonymous.get("/ogc/collections/buurten/items/BU03080000").body());
    String rdCrs = "http://www.opengis.net/def/crs/EPSG/0/28992";
    var rdResponse = anonymous.get("/ogc/collections/buurten/items/BU03080000?crs=" + rdCrs);
    assertThat(rdResponse.headers().firstValue("Content-Crs").orElse(""))
        .isEqualTo("<" + rdCrs + ">");
    JsonNode rd = Http.JSON.readTree(rdResponse.body());
    JsonNode p = firstPosition(wgs.get("geometry"));
    JsonNode q = firstPosition(rd.get("geometry"));
    assertThat(q.get(0).asDouble()).isBetween(100_000.0, 200_000.0);
    // PROJ (through GDAL) converts the same vertex on its own
    Process t =
        new ProcessBuilder("gdaltransform", "-s_srs", "OGC:CRS84", "-t_srs", "EPSG:28992")
            .redirectErrorStream(true)
            .start();
    t.getOutputStream()
        .write(
            (p.get(0).asDouble() + " " + p.get(1).asDouble() + "\n")
                .getBytes(StandardCharsets.UTF_8));
    t.getOutputStream().close();
    String[] xy =
        new String(t.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip().split("\\s+");
    assertThat(t.waitFor(30, TimeUnit.SECONDS)).isTrue();
    double dx = Double.parseDouble(xy[0]) - q.get(0).asDouble();
    double dy = Double.parseDouble(xy[1]) - q.get(1).asDouble();
    System.out.printf(Locale.ROOT, "RD New: Veerkracht vs PROJ %.3f m apart%n", Math.hypot(dx, dy));
    assertThat(Math.hypot(dx, dy)).as("metres from PROJ's conversion").isLessThan(1.0);

    // an RD New box selects as the CRS84 box around it does
    JsonNode inRd =
        Http.JSON.readTree(
            anonymous
                .get(
                    "/ogc/collections/buurten/items?bbox-crs="
                        + rdCrs
                        + "&bbox="
                        + (q.get(0).asDouble() - 50)
                        + ","
                        + (q.get(1).asDouble() - 50)
                        + ","
                        + (q.get(0).asDouble() + 50)
                        + ","
                        + (q.get(1).asDouble() + 50))
                .body());
    List<String> ids = new ArrayList<>();
    inRd.get("features").forEach(f -> ids.add(f.get("id").asString()));
    assertThat(ids).contains("BU03080000");
  }

  @Test
  void wrongRequestsAreRefusedAndTheLandingPageLinksWhatGdalNeeds() throws Exception {
    assertThat(anonymous.get("/ogc/collections/buurten/items?limit=0").statusCode()).isEqualTo(400);
    assertThat(anonymous.get("/ogc/collections/buurten/items?kleur=rood").statusCode())
        .isEqualTo(400);
    // wrong types, huge numbers and long lists are refused, never a 500
    for (String wrong :
        List.of(
            "limit=abc",
            "limit=99999999999",
            "offset=-1",
            "offset=99999999999",
            "datetime=99999",
            "datetime=2024-13-45",
            "bbox=a,b,c,d",
            "bbox=1,2,3",
            "code=" + "BU".repeat(5000) + "&properties=" + "x,".repeat(2000),
            "inhabitants=veel")) {
      assertThat(anonymous.get("/ogc/collections/buurten/items?" + wrong).statusCode())
          .as(wrong)
          .isIn(400, 404);
    }
    assertThat(anonymous.get("/ogc/collections/buurten/items?crs=EPSG:4258").statusCode())
        .isEqualTo(400);
    // a collection that is not public: sign in first (staff collections live beside these)
    assertThat(anonymous.get("/ogc/collections/straten/items").statusCode()).isEqualTo(401);
    assertThat(
            new Http(port)
                .as("admin", "admin-test-password")
                .get("/ogc/collections/straten/items")
                .statusCode())
        .isEqualTo(404);
    JsonNode landing = Http.JSON.readTree(anonymous.get("/ogc").body());
    List<String> rels = new ArrayList<>();
    landing.get("links").forEach(l -> rels.add(l.get("rel").asString()));
    assertThat(rels).contains("self", "service-desc", "conformance", "data");
    // a person in a browser gets a table with a link to the next page
    var html = anonymous.get("/ogc/collections/buurten/items?f=html&limit=5");
    assertThat(html.statusCode()).isEqualTo(200);
    assertThat(html.body()).contains("<table", "BU03080000", "volgende");
    JsonNode conformance = Http.JSON.readTree(anonymous.get("/ogc/conformance").body());
    assertThat(conformance.get("conformsTo").toString()).contains("conf/core", "conf/geojson");
    // paging: next links walk the whole collection once
    String next = "/ogc/collections/buurten/items?limit=7";
    TreeSet<String> all = new TreeSet<>();
    int pages = 0;
    while (next != null) {
      JsonNode page = Http.JSON.readTree(anonymous.get(next).body());
      page.get("features").forEach(f -> all.add(f.get("id").asString()));
      next = null;
      for (JsonNode l : page.get("links")) {
        if (l.get("rel").asString().equals("next")) {
          next = l.get("href").asString().replace("http://localhost:" + port, "");
        }
      }
      pages++;
    }
    assertThat(all).hasSize(page1Matched());
    assertThat(pages).isGreaterThan(1);
    // ETag: the same page again is 304
    var r = anonymous.get("/ogc/collections/buurten/items?limit=5");
    String etag = r.headers().firstValue("ETag").orElseThrow();
    assertThat(
            anonymous
                .get("/ogc/collections/buurten/items?limit=5", "If-None-Match", etag)
                .statusCode())
        .isEqualTo(304);
  }

  @Test
  void staffReadTheirComplexesAndAnAteliersPinsAndNobodyElseDoes() throws Exception {
    Http admin = new Http(port).as("admin", "admin-test-password");
    for (String corp : List.of("OGCA", "OGCB")) {
      assertThat(
              admin
                  .postJson(
                      "/api/corporations",
                      "{\"code\":\"" + corp + "\",\"name\":\"Kaart " + corp + "\"}")
                  .statusCode())
          .isEqualTo(201);
    }
    for (String[] u : new String[][] {{"olga", "OGCA"}, {"otto", "OGCB"}}) {
      assertThat(
              admin
                  .postJson(
                      "/api/admin/users",
                      "{\"username\":\""
                          + u[0]
                          + "\",\"password\":\""
                          + u[0]
                          + "-password\",\"memberships\":[{\"corporation\":\""
                          + u[1]
                          + "\",\"role\":\"ANALYST\"}]}")
                  .statusCode())
          .isEqualTo(201);
    }
    // two complexes of OGCA, in the Brink (BU03080000)
    Path units = work.resolve("ogca.csv");
    StringBuilder csv =
        new StringBuilder(
            "VHE-nummer;Straat;Huisnummer;Postcode;Latitude;Longitude;Complexnummer;Complexnaam\n");
    for (int i = 1; i <= 6; i++) {
      csv.append("O-").append(i).append(";Brinkstraat;").append(i).append(";3743AB;");
      csv.append(52.2125).append(';').append(5.2858 + i * 0.0002).append(';');
      csv.append(i <= 3 ? "K1;Brink-noord" : "K2;Brink-zuid").append('\n');
    }
    Files.writeString(units, csv.toString());
    Cli.run(commandLine, "import", "--corporation", "OGCA", units.toString());
    Http olga = new Http(port).as("olga", "olga-password");
    Http otto = new Http(port).as("otto", "otto-password");

    // a resident atelier: one pin at a home (counted, not shown), one in the street
    JsonNode created =
        Http.JSON.readTree(
            olga.postJson(
                    "/api/ateliers",
                    "{\"name\":\"Brink bewoners\",\"type\":\"bewoners\",\"corporation\":\"OGCA\","
                        + "\"areaCodes\":[\"BU03080000\",\"BU03080001\"]}")
                .body());
    long atelier = created.get("id").asLong();
    Http anna =
        new Http(port)
            .bearer(
                Http.JSON
                    .readTree(
                        anonymous
                            .postJson(
                                "/api/ateliers/join",
                                "{\"joinCode\":\""
                                    + created.get("joinCode").asString()
                                    + "\",\"displayName\":\"Anna\",\"group\":\"bewoner\"}")
                            .body())
                    .get("participantToken")
                    .asString());
    assertThat(
            olga.postJson("/api/ateliers/" + atelier + "/phase", "{\"phase\":\"PINNING\"}")
                .statusCode())
        .isEqualTo(200);
    for (String[] pin :
        new String[][] {
          {"52.21252", "5.28601", "Lekkage bij nummer 2", "p-1"},
          {"52.2175", "5.2790", "Te hard rijden", "p-2"}
        }) {
      assertThat(
              anna.postJson(
                      "/api/ateliers/" + atelier + "/pins",
                      "{\"lat\":"
                          + pin[0]
                          + ",\"lon\":"
                          + pin[1]
                          + ",\"category\":\"probleem\",\"text\":\""
                          + pin[2]
                          + "\",\"clientId\":\""
                          + pin[3]
                          + "\"}")
                  .statusCode())
          .isEqualTo(201);
    }

    var area =
        olga.postJson(
            "/api/ateliers/" + atelier + "/problem-areas",
            "{\"name\":\"Kruising Brink\",\"outline\":[[5.2785,52.2172],[5.2795,52.2172],"
                + "[5.2795,52.2178],[5.2785,52.2178]]}");
    assertThat(area.statusCode()).as(area.body()).isEqualTo(201);

    // the record as a GeoPackage in RD New, opened by GDAL
    var gpkgResponse = olga.getBytes("/api/ateliers/" + atelier + "/record.gpkg");
    assertThat(gpkgResponse.statusCode()).isEqualTo(200);
    Path record = work.resolve("record.gpkg");
    Files.write(record, gpkgResponse.body());
    String pinsLayer = gdal("ogrinfo", "-ro", "-so", record.toString(), "pins");
    assertThat(pinsLayer).contains("Feature Count: 2").contains("28992");
    String areasLayer = gdal("ogrinfo", "-ro", "-so", record.toString(), "probleemgebieden");
    assertThat(areasLayer).contains("Feature Count: 1").contains("Polygon");
    System.out.println(
        "GeoPackage of the record: pins "
            + count(pinsLayer)
            + ", probleemgebieden "
            + count(areasLayer));
    assertThat(otto.getBytes("/api/ateliers/" + atelier + "/record.gpkg").statusCode())
        .isIn(403, 404);
    var complexFile = olga.getBytes("/ogc/collections/complexen/items?f=gpkg");
    assertThat(complexFile.statusCode()).isEqualTo(200);
    Path complexGpkg = work.resolve("complexen.gpkg");
    Files.write(complexGpkg, complexFile.body());
    assertThat(gdal("ogrinfo", "-ro", "-so", complexGpkg.toString(), "complexen"))
        .contains("Feature Count: 2");

    // GDAL signed in as OGCA's analyst
    Map<String, String> asOlga =
        Map.of("GDAL_HTTP_AUTH", "BASIC", "GDAL_HTTP_USERPWD", "olga:olga-password");
    String listed = gdalWith(asOlga, "ogrinfo", "-ro", "-q", ogc());
    assertThat(listed).contains("complexen", "atelier-" + atelier + "-pins");
    String complexes = gdalWith(asOlga, "ogr2ogr", "-f", "CSV", "/vsistdout/", ogc(), "complexen");
    assertThat(complexes).contains("K1", "Brink-noord", "K2", "Brink-zuid", "BU03080000");
    String pins =
        gdalWith(
            asOlga, "ogr2ogr", "-f", "CSV", "/vsistdout/", ogc(), "atelier-" + atelier + "-pins");
    assertThat(pins).contains("Te hard rijden").doesNotContain("Lekkage").contains("near_homes");
    System.out.println("OGC API, atelier pins as GDAL read them:\n" + pins.strip());

    // anonymous: 401; another corporation's analyst: no complexes of OGCA, no atelier of OGCA
    assertThat(anonymous.get("/ogc/collections/complexen/items").statusCode()).isEqualTo(401);
    assertThat(anonymous.get("/ogc/collections/atelier-" + atelier + "-pins/items").statusCode())
        .isEqualTo(401);
    assertThat(olga.get("/ogc/collections/complexen/items?offset=2147483647").statusCode())
        .isEqualTo(200);
    assertThat(olga.get("/ogc/collections/complexen/items?offset=99999999999").statusCode())
        .isEqualTo(400);
    assertThat(olga.get("/ogc/collections/complexen/items/OGCA:K1").statusCode()).isEqualTo(200);
    JsonNode ottosComplexes =
        Http.JSON.readTree(otto.get("/ogc/collections/complexen/items").body());
    assertThat(ottosComplexes.get("numberMatched").asInt()).isZero();
    assertThat(otto.get("/ogc/collections/atelier-" + atelier + "-pins/items").statusCode())
        .isIn(403, 404);
    assertThat(otto.get("/ogc/collections").body()).doesNotContain("atelier-" + atelier);
    assertThat(anonymous.get("/ogc/collections").body()).doesNotContain("complexen");
  }

  private static String count(String ogrinfo) {
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile("Feature Count: (\\d+)").matcher(ogrinfo);
    return m.find() ? m.group(1) : "?";
  }

  private int page1Matched() {
    return Http.JSON
        .readTree(anonymous.get("/ogc/collections/buurten/items?limit=1").body())
        .get("numberMatched")
        .asInt();
  }

  private static JsonNode firstPosition(JsonNode geometry) {
    JsonNode c = geometry.get("coordinates");
    while (c.get(0).isArray()) {
      c = c.get(0);
    }
    return c;
  }

  /** The codes of what ogrinfo lists from a source with these options. */
  private TreeSet<String> codes(String source, List<String> options) throws Exception {
    List<String> cmd = new ArrayList<>(List.of("ogr2ogr", "-f", "CSV", "/vsistdout/", source));
    cmd.addAll(options);
    if (source.startsWith("OAPIF:")) {
      cmd.add("buurten");
    }
    TreeSet<String> codes = new TreeSet<>();
    String[] lines = gdal(cmd.toArray(String[]::new)).split("\n");
    List<String> header = List.of(lines[0].strip().split(","));
    int code = header.indexOf("code");
    for (int i = 1; i < lines.length; i++) {
      if (!lines[i].isBlank()) {
        codes.add(lines[i].split(",")[code].replace("\"", ""));
      }
    }
    return codes;
  }

  /** A GeoPackage's rows by code, as GDAL writes them out as CSV. */
  private Map<String, Map<String, String>> csvOf(Path gpkg, List<String> options) throws Exception {
    List<String> cmd =
        new ArrayList<>(List.of("ogr2ogr", "-f", "CSV", "/vsistdout/", gpkg.toString()));
    cmd.addAll(options);
    String[] lines = gdal(cmd.toArray(String[]::new)).split("\n");
    String[] header = lines[0].strip().split(",");
    Map<String, Map<String, String>> rows = new HashMap<>();
    for (int i = 1; i < lines.length; i++) {
      if (lines[i].isBlank()) {
        continue;
      }
      List<String> cells = splitCsv(lines[i].strip());
      Map<String, String> row = new HashMap<>();
      for (int c = 0; c < header.length; c++) {
        row.put(header[c], c < cells.size() ? cells.get(c) : "");
      }
      rows.put(row.get("code"), row);
    }
    return rows;
  }

  private static List<String> splitCsv(String line) {
    List<String> cells = new ArrayList<>();
    StringBuilder b = new StringBuilder();
    boolean quoted = false;
    for (char ch : line.toCharArray()) {
      if (ch == '"') {
        quoted = !quoted;
      } else if (ch == ',' && !quoted) {
        cells.add(b.toString());
        b.setLength(0);
      } else {
        b.append(ch);
      }
    }
    cells.add(b.toString());
    return cells;
  }

  /** Runs a GDAL program; its standard output, or the test fails with what it said. */
  private static String gdal(String... command) throws Exception {
    return gdalWith(Map.of(), command);
  }

  /** Runs a GDAL program with these configuration options (environment variables). */
  private static String gdalWith(Map<String, String> options, String... command) throws Exception {
    ProcessBuilder b = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.PIPE);
    b.environment().putAll(options);
    Process p = b.start();
    byte[] out = p.getInputStream().readAllBytes();
    String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(String.join(" ", command) + "\n" + err).isZero();
    return new String(out, StandardCharsets.UTF_8);
  }
}
