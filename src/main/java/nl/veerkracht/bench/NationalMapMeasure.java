package nl.veerkracht.bench;

import java.io.InputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import nl.veerkracht.VeerkrachtApplication;
import nl.veerkracht.map.MapService;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The national buurt map as a user receives it: served by a real web server (started here on the
 * benchmark's database), over HTTP with gzip, and drawn by Chromium; next to GDAL's {@code ogr2ogr
 * -f MVT} making vector tiles of the same zoom levels from the same GeoJSON.
 */
final class NationalMapMeasure {

  static final String NATIONAL = "/api/map/buurt.geojson?year=2024&indicator=lbm_class";
  static final String PAGE = "/kaart?level=buurt&indicator=lbm_class&year=2024&lang=nl";
  // Baarn at street zoom (15): the cells of 0.1 degree the map asks in detail for this view
  static final List<String> BAARN_STREET = List.of("5.2,52.2,5.3,52.3");

  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private NationalMapMeasure() {}

  static void run(String database, Path nationalGeoJsonGz, int rounds, PrintStream out)
      throws Exception {
    try (ConfigurableApplicationContext web =
        new SpringApplicationBuilder(VeerkrachtApplication.class)
            .web(WebApplicationType.SERVLET)
            .logStartupInfo(false)
            .properties(
                "server.port=0",
                "veerkracht.demo=false",
                "veerkracht.db.embedded-database=" + database,
                "logging.level.root=WARN")
            .run()) {
      int port = ((WebServerApplicationContext) web).getWebServer().getPort();
      String base = "http://127.0.0.1:" + port;
      MapService maps = web.getBean(MapService.class);
      server(base, maps, rounds, out);
      ogc(base, rounds, out);
      browser(base, out);
    }
    ogr2ogr(nationalGeoJsonGz, out);
  }

  private static void server(String base, MapService maps, int rounds, PrintStream out)
      throws Exception {
    List<Double> cold = new ArrayList<>();
    List<Double> warm = new ArrayList<>();
    long wire = 0;
    // warm-up: "cold" means the map is not cached, not that the JVM has not compiled the code yet
    for (int i = 0; i < 3; i++) {
      maps.clearCache();
      get(base + NATIONAL);
    }
    for (int i = 0; i < Math.max(10, rounds * 10); i++) {
      maps.clearCache();
      double[] c = get(base + NATIONAL);
      cold.add(c[0]);
      wire = (long) c[1];
      for (int k = 0; k < 20; k++) {
        warm.add(get(base + NATIONAL)[0]);
      }
    }
    out.printf(
        Locale.ROOT,
        "national buurt map 2024 (12,147 buurten, Leefbaarometer class) over HTTP with gzip:"
            + " %.2f MB on the wire (target under 1.5 MB)%n"
            + "  server time per request, cold (built, after 3 unmeasured builds): p50 %.0f ms, p95 %.0f ms (target under 300 ms)%n"
            + "  server time per request, warm (cached): p50 %.1f ms, p95 %.1f ms (target under 50 ms)%n",
        wire / 1048576.0,
        MapBenchmark.percentile(cold, 50),
        MapBenchmark.percentile(cold, 95),
        MapBenchmark.percentile(warm, 50),
        MapBenchmark.percentile(warm, 95));
    long street = 0;
    for (String cell : BAARN_STREET) {
      street += (long) get(base + NATIONAL + "&bbox=" + cell)[1];
    }
    long gemeente =
        (long) get(base + "/api/map/buurt.geojson?year=2024&indicator=lbm_class&within=GM0308")[1];
    out.printf(
        Locale.ROOT,
        "  one gemeente at street zoom (Baarn): %d KB for the detailed cell of the view,"
            + " %d KB for the gemeente's buurten in detail (within=GM0308)%n",
        street / 1024,
        gemeente / 1024);
  }

  /**
   * The national buurten of the OGC API, paged 1,000 at a time by the {@code next} links as GDAL or
   * QGIS page them: a first pass (pages built), then {@code rounds} warm passes.
   */
  private static void ogc(String base, int rounds, PrintStream out) throws Exception {
    List<Double> pages = new ArrayList<>();
    List<Double> built = new ArrayList<>();
    long bytes = 0;
    int features = 0;
    for (int pass = 0; pass <= Math.max(1, rounds); pass++) {
      String next = base + "/ogc/collections/buurten/items?limit=1000&datetime=2024";
      features = 0;
      bytes = 0;
      while (next != null) {
        long t0 = System.nanoTime();
        HttpResponse<byte[]> r =
            HTTP.send(
                HttpRequest.newBuilder(URI.create(next)).header("Accept-Encoding", "gzip").build(),
                HttpResponse.BodyHandlers.ofByteArray());
        double ms = (System.nanoTime() - t0) / 1e6;
        if (r.statusCode() != 200) {
          throw new IllegalStateException(next + " answered " + r.statusCode());
        }
        (pass > 0 ? pages : built).add(ms);
        bytes += r.body().length;
        byte[] body =
            "gzip".equals(r.headers().firstValue("Content-Encoding").orElse(""))
                ? new GZIPInputStream(new java.io.ByteArrayInputStream(r.body())).readAllBytes()
                : r.body();
        tools.jackson.databind.JsonNode page =
            tools.jackson.databind.json.JsonMapper.builder().build().readTree(body);
        features += page.get("numberReturned").asInt();
        next = null;
        for (tools.jackson.databind.JsonNode l : page.get("links")) {
          if (l.get("rel").asString().equals("next")) {
            next = l.get("href").asString();
          }
        }
      }
    }
    out.printf(
        Locale.ROOT,
        "OGC API Features, national buurten 2024 paged 1,000 at a time (%,d features, %d pages,"
            + " %.1f MB gzipped per pass)%n"
            + "  first pass (pages built and gzipped): p50 %.0f ms, p95 %.0f ms%n"
            + "  warm, %d passes (pages kept until the data changes): p50 %.0f ms, p95 %.0f ms"
            + " (target p95 under 100 ms)%n",
        features,
        pages.size() / Math.max(1, rounds),
        bytes / 1048576.0,
        MapBenchmark.percentile(built, 50),
        MapBenchmark.percentile(built, 95),
        Math.max(1, rounds),
        MapBenchmark.percentile(pages, 50),
        MapBenchmark.percentile(pages, 95));
  }

  /** Milliseconds until the whole answer arrived, and the bytes on the wire. */
  private static double[] get(String url) throws Exception {
    long t0 = System.nanoTime();
    HttpResponse<byte[]> r =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(url)).header("Accept-Encoding", "gzip").build(),
            HttpResponse.BodyHandlers.ofByteArray());
    double ms = (System.nanoTime() - t0) / 1e6;
    if (r.statusCode() != 200
        || !"gzip".equals(r.headers().firstValue("Content-Encoding").orElse(""))) {
      throw new IllegalStateException(url + " answered " + r.statusCode() + " without gzip");
    }
    return new double[] {ms, r.body().length};
  }

  private static void browser(String base, PrintStream out) throws Exception {
    if (!HeadlessChromium.available()) {
      out.println("  drawn in Chromium: skipped, " + HeadlessChromium.EXECUTABLE + " is missing");
      return;
    }
    List<Double> drawn = new ArrayList<>();
    long transfer = 0;
    for (int i = 0; i < 3; i++) {
      try (HeadlessChromium chromium = new HeadlessChromium(base + PAGE)) {
        String ms =
            chromium.await(
                "(document.getElementById('map')||{dataset:{}}).dataset.drawnMs||''",
                Duration.ofSeconds(60));
        drawn.add(Double.parseDouble(ms));
        transfer =
            chromium
                .evaluate(
                    "performance.getEntriesByType('resource').filter(function(e){return e.name.indexOf('/api/map/buurt')>=0}).reduce(function(s,e){return s+e.transferSize},0)")
                .asLong();
      }
    }
    out.printf(
        Locale.ROOT,
        "  drawn in Chromium (headless, fresh browser, from navigation until the layer is on the map):"
            + " %s ms, median %.0f ms (target under 2 s); the map layer crossed the wire as %.2f MB%n",
        drawn.stream().map(d -> String.format(Locale.ROOT, "%.0f", d)).toList(),
        BenchCommand.median(drawn),
        transfer / 1048576.0);
  }

  /** GDAL's vector tiles of the same buurten, zoom 7 to 12, as an anchor. */
  private static void ogr2ogr(Path geojsonGz, PrintStream out) throws Exception {
    Path ogr = Path.of("/usr/bin/ogr2ogr");
    if (!Files.isExecutable(ogr)) {
      out.println("anchor ogr2ogr -f MVT: skipped, install Debian's gdal-bin for it");
      return;
    }
    Path dir = Files.createTempDirectory("veerkracht-bench-mvt");
    Path geojson = dir.resolve("buurten_2024.geojson");
    try (InputStream in = new GZIPInputStream(Files.newInputStream(geojsonGz))) {
      Files.copy(in, geojson);
    }
    Path tiles = dir.resolve("tiles");
    long t0 = System.nanoTime();
    Process p =
        new ProcessBuilder(
                ogr.toString(),
                "-f",
                "MVT",
                tiles.toString(),
                geojson.toString(),
                "-dsco",
                "MINZOOM=7",
                "-dsco",
                "MAXZOOM=12",
                "-dsco",
                "COMPRESS=YES")
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .start();
    if (p.waitFor() != 0) {
      out.println("anchor ogr2ogr -f MVT: failed with exit code " + p.exitValue());
      return;
    }
    double seconds = (System.nanoTime() - t0) / 1e9;
    long[] z7 = sizes(tiles.resolve("7"));
    long[] all = sizes(tiles);
    out.printf(
        Locale.ROOT,
        "anchor ogr2ogr -f MVT, zoom 7-12, same GeoJSON: %.1f s to make %,d tiles (%.1f MB);"
            + " the national view at zoom 7 is %d tiles, %.2f MB (gzip-compressed tiles)%n",
        seconds,
        all[0],
        all[1] / 1048576.0,
        z7[0],
        z7[1] / 1048576.0);
  }

  /** Number of files and their total size below a folder. */
  private static long[] sizes(Path dir) throws Exception {
    if (!Files.exists(dir)) {
      return new long[] {0, 0};
    }
    try (var files = Files.walk(dir)) {
      long[] out = {0, 0};
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        out[0]++;
        out[1] += Files.size(f);
      }
      return out;
    }
  }
}
