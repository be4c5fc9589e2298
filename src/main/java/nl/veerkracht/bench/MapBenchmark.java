package nl.veerkracht.bench;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.zip.GZIPOutputStream;
import nl.veerkracht.area.domain.AreaCode;
import nl.veerkracht.area.domain.AreaLevel;
import nl.veerkracht.demo.DemoData;
import nl.veerkracht.imports.ImportService;
import nl.veerkracht.map.MapService;
import org.springframework.stereotype.Component;

/**
 * The map layers as served: the size of the GeoJSON of all Dutch wijken (2024, 3,475 areas) after
 * gzip, the time to serve one gemeente's buurten with an indicator (p50/p95 over 200 requests,
 * built afresh each time and from the warm cache), and the national buurt map of 12,147 buurten
 * over HTTP and in Chromium ({@link NationalMapMeasure}).
 */
@Component
public class MapBenchmark implements BenchCommand.Benchmark {

  static final int REQUESTS = 200;

  private final ImportService imports;
  private final BenchDatabase database;
  private final MapService maps;
  private final nl.veerkracht.VeerkrachtProperties properties;

  public MapBenchmark(
      ImportService imports,
      BenchDatabase database,
      MapService maps,
      nl.veerkracht.VeerkrachtProperties properties) {
    this.properties = properties;
    this.imports = imports;
    this.database = database;
    this.maps = maps;
  }

  @Override
  public String name() {
    return "map";
  }

  @Override
  public void run(BenchCommand.BenchContext context, PrintStream out) throws Exception {
    Path folder = Files.createTempDirectory("veerkracht-bench-map");
    database.reset();
    DemoImport.run(
        imports,
        folder,
        List.of(
            "geo/wijken_2024_wgs84_kwb.geojson.gz",
            "geo/baarn_buurten_2024_wgs84_pdok_full.geojson",
            "cbs/kwb2024_85984NED_gm_wk_core.json"));
    maps.clearCache();
    MapService.MapDocument wijken =
        maps.map(AreaLevel.WIJK, 2024, Optional.empty(), "inhabitants", null, Locale.ROOT);
    byte[] raw = wijken.json().getBytes(StandardCharsets.UTF_8);
    ByteArrayOutputStream gz = new ByteArrayOutputStream();
    try (GZIPOutputStream z = new GZIPOutputStream(gz)) {
      z.write(raw);
    }
    out.printf(
        Locale.ROOT,
        "all wijken 2024 with inhabitants: %,d features, %.2f MB GeoJSON, %.2f MB gzipped (target under 1.5 MB)%n",
        wijken.features(),
        raw.length / 1048576.0,
        gz.size() / 1048576.0);
    Optional<AreaCode> baarn = AreaCode.parse("GM0308");
    List<Double> fresh = new ArrayList<>();
    List<Double> warm = new ArrayList<>();
    for (int i = 0; i < REQUESTS + 20; i++) {
      maps.clearCache();
      long t0 = System.nanoTime();
      MapService.MapDocument d =
          maps.map(AreaLevel.BUURT, 2024, baarn, "inhabitants", null, Locale.ROOT);
      long t1 = System.nanoTime();
      maps.map(AreaLevel.BUURT, 2024, baarn, "inhabitants", null, Locale.ROOT);
      long t2 = System.nanoTime();
      if (d.features() != 21) {
        throw new IllegalStateException(d.features() + " buurten instead of 21");
      }
      if (i >= 20) {
        fresh.add((t1 - t0) / 1e6);
        warm.add((t2 - t1) / 1e6);
      }
    }
    out.printf(
        Locale.ROOT,
        "buurten of one gemeente (Baarn, 21) with inhabitants, %d requests: built p50 %.2f ms, p95 %.2f ms;"
            + " from the warm cache p50 %.3f ms, p95 %.3f ms (target under 50 ms)%n",
        REQUESTS,
        percentile(fresh, 50),
        percentile(fresh, 95),
        percentile(warm, 50),
        percentile(warm, 95));
    // the national buurt view, as served and drawn
    DemoImport.run(
        imports,
        folder,
        List.of(
            "geo/buurten_2024_nl_lbm_simplified_wgs84.geojson.gz",
            "leefbaarometer/lbm3_2024_buurt_nl.csv.gz"));
    NationalMapMeasure.run(
        properties.db().embeddedDatabase(),
        DemoData.copy("geo/buurten_2024_nl_lbm_simplified_wgs84.geojson.gz", folder),
        context.iterations(),
        out);
    database.reset();
  }

  static double percentile(List<Double> values, int p) {
    List<Double> s = new ArrayList<>(values);
    Collections.sort(s);
    return s.get(Math.min(s.size() - 1, (int) Math.ceil(p / 100.0 * s.size()) - 1));
  }
}
