package nl.veerkracht.bench;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import nl.veerkracht.analysis.AnalysisService;
import nl.veerkracht.imports.ImportReport;
import nl.veerkracht.imports.ImportRequest;
import nl.veerkracht.imports.ImportService;
import org.springframework.stereotype.Component;

/**
 * Recomputes every derived indicator for a national-size set: 15,000 buurten (the real Amsterdam
 * 2019 Kerncijfers repeated under new codes, each copy with its own gemeente) in two years (the
 * same table imported as 2019 and as 2023), and prints the time of a full run: reading the inputs,
 * computing, and replacing the stored results.
 */
@Component
public class AnalysisBenchmark implements BenchCommand.Benchmark {

  static final int BUURTEN = 15_000;

  private final ImportService imports;
  private final BenchDatabase database;
  private final AnalysisService analysis;

  public AnalysisBenchmark(
      ImportService imports, BenchDatabase database, AnalysisService analysis) {
    this.imports = imports;
    this.database = database;
    this.analysis = analysis;
  }

  @Override
  public String name() {
    return "analysis";
  }

  @Override
  public void run(BenchCommand.BenchContext context, PrintStream out) throws Exception {
    Path folder = Files.createTempDirectory("veerkracht-bench-analysis");
    Path csv = NationalTable.write(folder, BUURTEN, true);
    database.reset();
    for (int year : List.of(2019, 2023)) {
      ImportReport report =
          imports.run(
              new ImportRequest(
                  List.of(new ImportRequest.NamedFile(csv.getFileName().toString(), csv)),
                  null,
                  year,
                  null,
                  null,
                  "bench",
                  false),
              ImportService.Progress.NONE);
      if (report.rejected()) {
        throw new IllegalStateException("the table was rejected:\n" + report.toText());
      }
    }
    long buurten =
        database
            .jdbc()
            .sql("SELECT count(DISTINCT area_code) FROM observation WHERE area_code LIKE 'BU%'")
            .query(Long.class)
            .single();
    out.printf("input: %,d buurten with figures in 2019 and 2023%n", buurten);
    List<Double> times = new ArrayList<>();
    for (int i = 0; i <= context.iterations(); i++) {
      AnalysisService.Run run = analysis.recompute();
      if (i > 0) {
        times.add((double) run.durationMs());
      }
      out.printf(
          "  round %d%s: %,d results for %,d areas from %,d inputs in %,d ms"
              + " (read %,d ms, compute %,d ms, write %,d ms)%n",
          i,
          i == 0 ? " (warm-up)" : "",
          run.results(),
          run.areas(),
          run.inputs(),
          run.durationMs(),
          run.loadMs(),
          run.computeMs(),
          run.writeMs());
    }
    out.printf(
        Locale.ROOT,
        "analysis recompute: %.2f s for %,d buurten x 2 years (median; target under 5 s)%n",
        BenchCommand.median(times) / 1000,
        buurten);
    database.reset();
  }
}
