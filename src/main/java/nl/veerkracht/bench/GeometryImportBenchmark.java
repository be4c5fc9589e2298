package nl.veerkracht.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPInputStream;
import nl.veerkracht.demo.DemoData;
import nl.veerkracht.imports.ImportReport;
import nl.veerkracht.imports.ImportRequest;
import nl.veerkracht.imports.ImportService;
import org.springframework.stereotype.Component;

/**
 * Imports the national wijk boundaries of 2024 (3,475 features, 3.8 MB GeoJSON) with validation and
 * both simplified display versions, and compares with GDAL's {@code ogr2ogr} loading the same
 * GeoJSON into PostGIS (when {@code --postgis} names a PostGIS database and ogr2ogr is installed).
 */
@Component
public class GeometryImportBenchmark implements BenchCommand.Benchmark {

  static final String FILE = "geo/wijken_2024_wgs84_kwb.geojson.gz";

  private final ImportService imports;
  private final BenchDatabase database;

  public GeometryImportBenchmark(ImportService imports, BenchDatabase database) {
    this.imports = imports;
    this.database = database;
  }

  @Override
  public String name() {
    return "geometry";
  }

  @Override
  public void run(BenchCommand.BenchContext context, PrintStream out) throws Exception {
    Path folder = Files.createTempDirectory("veerkracht-bench-geo");
    Path gz = DemoData.copy(FILE, folder);
    Path geojson = folder.resolve("wijken_2024.geojson");
    try (InputStream in = new GZIPInputStream(Files.newInputStream(gz))) {
      Files.copy(in, geojson);
    }
    out.printf(
        "Wijk boundaries 2024: 3,475 features, %.1f MB GeoJSON%n", Files.size(geojson) / 1048576.0);
    List<Double> ours = new ArrayList<>();
    List<Double> ogr = new ArrayList<>();
    for (int i = 0; i <= context.iterations(); i++) {
      database.reset();
      long t0 = System.nanoTime();
      ImportReport report =
          imports.run(
              new ImportRequest(
                  List.of(new ImportRequest.NamedFile(geojson.getFileName().toString(), geojson)),
                  null,
                  null,
                  null,
                  null,
                  "bench",
                  false),
              ImportService.Progress.NONE);
      double ms = (System.nanoTime() - t0) / 1e6;
      if (report.rejected() || report.files().get(0).areasWritten() != 3475) {
        throw new IllegalStateException("the geometry import failed:\n" + report.toText());
      }
      Double o = context.postgis() == null ? null : ogr2ogr(geojson, context.postgis());
      if (i > 0) {
        ours.add(ms);
        if (o != null) {
          ogr.add(o);
        }
      }
      out.printf(
          "  round %d%s: import %.0f ms%s%n",
          i,
          i == 0 ? " (warm-up)" : "",
          ms,
          o == null ? "" : String.format(Locale.ROOT, ", ogr2ogr %.0f ms", o));
    }
    double m = BenchCommand.median(ours);
    out.printf(
        Locale.ROOT,
        "import (validate, repair slivers, 2 simplified versions, WKB, store): %.2f s, %.0f features/s%n",
        m / 1000,
        3475 / (m / 1000));
    if (!ogr.isEmpty()) {
      double g = BenchCommand.median(ogr);
      out.printf(
          Locale.ROOT,
          "ogr2ogr into PostGIS: %.2f s, %.0f features/s%n",
          g / 1000,
          3475 / (g / 1000));
      out.printf(Locale.ROOT, "ratio import / ogr2ogr: %.2f (target at most 5)%n", m / g);
    } else {
      out.println(
          "ogr2ogr baseline skipped: give --postgis \"PG:dbname=... host=... port=... user=...\" (gdal-bin and PostGIS)");
    }
    database.reset();
  }

  private static double ogr2ogr(Path geojson, String target)
      throws IOException, InterruptedException {
    long t0 = System.nanoTime();
    Process p =
        new ProcessBuilder(
                "ogr2ogr",
                "-f",
                "PostgreSQL",
                target,
                geojson.toString(),
                "-nln",
                "bench_wijken",
                "-overwrite",
                "-lco",
                "GEOMETRY_NAME=geom")
            .redirectErrorStream(true)
            .start();
    String output = new String(p.getInputStream().readAllBytes());
    if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
      throw new IOException("ogr2ogr failed: " + output);
    }
    return (System.nanoTime() - t0) / 1e6;
  }
}
