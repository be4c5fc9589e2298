package nl.veerkracht.bench;

import java.io.BufferedWriter;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import nl.veerkracht.corporation.CorporationRepository;
import nl.veerkracht.imports.ImportReport;
import nl.veerkracht.imports.ImportRequest;
import nl.veerkracht.imports.ImportService;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.io.WKBReader;
import org.springframework.stereotype.Component;

/**
 * Imports 100,000 rental units with coordinates (points inside the real Baarn buurten of 2024) and
 * links each to its gemeente, wijk and buurt for every year held (2024 buurten, wijken and
 * gemeenten, 2022 gemeenten), all in one transaction, and prints the time.
 */
@Component
public class StockImportBenchmark implements BenchCommand.Benchmark {

  static final int UNITS = 100_000;

  private final ImportService imports;
  private final BenchDatabase database;
  private final CorporationRepository corporations;

  public StockImportBenchmark(
      ImportService imports, BenchDatabase database, CorporationRepository corporations) {
    this.imports = imports;
    this.database = database;
    this.corporations = corporations;
  }

  @Override
  public String name() {
    return "stock";
  }

  @Override
  public void run(BenchCommand.BenchContext context, PrintStream out) throws Exception {
    Path folder = Files.createTempDirectory("veerkracht-bench-stock");
    List<Double> times = new ArrayList<>();
    for (int i = 0; i <= context.iterations(); i++) {
      database.reset();
      DemoImport.run(
          imports,
          folder,
          List.of(
              "geo/baarn_buurten_2024_wgs84_pdok_full.geojson",
              "geo/wijken_2024_wgs84_kwb.geojson.gz",
              "geo/gemeenten_2024_wgs84_kwb.geojson.gz",
              "geo/gemeenten_2022_wgs84_kwb.geojson.gz"));
      long corporationId = corporations.create("BENCH", "Benchmark", true).id();
      Path csv = i == 0 ? units(folder) : folder.resolve("bench_vhe.csv");
      long t0 = System.nanoTime();
      ImportReport report =
          imports.run(
              new ImportRequest(
                  List.of(new ImportRequest.NamedFile("bench_vhe.csv", csv)),
                  null,
                  null,
                  corporationId,
                  null,
                  "bench",
                  false),
              ImportService.Progress.NONE);
      double ms = (System.nanoTime() - t0) / 1e6;
      if (report.rejected()) {
        throw new IllegalStateException("the stock import was rejected:\n" + report.toText());
      }
      long linked =
          database
              .jdbc()
              .sql(
                  "SELECT count(*) FROM stock_unit_area WHERE buurt_code IS NOT NULL AND year = 2024")
              .query(Long.class)
              .single();
      if (linked != UNITS) {
        throw new IllegalStateException(
            linked + " of " + UNITS + " units were placed in a 2024 buurt");
      }
      if (i > 0) {
        times.add(ms);
      }
      out.printf(
          "  round %d%s: %,d units imported and linked (%,d in a 2024 buurt) in %.0f ms%n",
          i, i == 0 ? " (warm-up)" : "", UNITS, linked, ms);
    }
    double m = BenchCommand.median(times);
    out.printf(
        Locale.ROOT,
        "stock import with spatial link: %.2f s for %,d units, %,.0f units/s (target under 15 s)%n",
        m / 1000,
        UNITS,
        UNITS / (m / 1000));
    database.reset();
  }

  private Path units(Path folder) throws Exception {
    WKBReader reader = new WKBReader();
    List<Geometry> buurten = new ArrayList<>();
    for (byte[] wkb :
        database
            .jdbc()
            .sql("SELECT geom FROM area WHERE level = 'buurt' AND year = 2024 ORDER BY code")
            .query(byte[].class)
            .list()) {
      buurten.add(reader.read(wkb));
    }
    Random random = new Random(42);
    GeometryFactory gf = new GeometryFactory();
    Path csv = folder.resolve("bench_vhe.csv");
    try (BufferedWriter w = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
      w.write(
          "VHE-nummer;Straat;Huisnummer;Postcode;Plaats;Latitude;Longitude;Bouwjaar;Energielabel;Rekenhuur;Complexnummer;Cluster FIN\n");
      for (int i = 0; i < UNITS; i++) {
        Geometry b = buurten.get(i % buurten.size());
        PreparedGeometry prepared = PreparedGeometryFactory.prepare(b);
        Envelope env = b.getEnvelopeInternal();
        Coordinate c;
        do {
          c =
              new Coordinate(
                  env.getMinX() + random.nextDouble() * env.getWidth(),
                  env.getMinY() + random.nextDouble() * env.getHeight());
        } while (!prepared.contains(gf.createPoint(c)));
        w.write(
            String.format(
                Locale.ROOT,
                "B%06d;Benchmarkstraat;%d;3743AB;Baarn;%.6f;%.6f;%d;%s;%.2f;C%04d;F%02d%n",
                i,
                1 + i % 200,
                c.y,
                c.x,
                1950 + random.nextInt(70),
                "ABCDEFG".charAt(random.nextInt(7)),
                400 + random.nextInt(500) + random.nextInt(100) / 100.0,
                i / 40,
                i / 4000));
      }
    }
    return csv;
  }
}
