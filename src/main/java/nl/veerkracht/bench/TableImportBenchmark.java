package nl.veerkracht.bench;

import java.io.PrintStream;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.sql.DataSource;
import nl.veerkracht.common.Text;
import nl.veerkracht.imports.ImportReport;
import nl.veerkracht.imports.ImportRequest;
import nl.veerkracht.imports.ImportService;
import nl.veerkracht.imports.read.AreaRecord;
import nl.veerkracht.imports.read.ImportFile;
import nl.veerkracht.imports.read.ImportSink;
import nl.veerkracht.imports.read.KwbRStyleCsvReader;
import nl.veerkracht.imports.read.ReadContext;
import nl.veerkracht.imports.read.Rejection;
import nl.veerkracht.imports.read.Sniff;
import nl.veerkracht.imports.read.ValueRecord;
import nl.veerkracht.statistics.domain.Indicator;
import org.postgresql.PGConnection;
import org.springframework.stereotype.Component;

/**
 * Imports a national-size Kerncijfers table (15,000 buurten × 118 columns, about 1.45 million
 * figures) through the full pipeline, and compares it with PostgreSQL's {@code COPY} of the same
 * figures into the same table layout, with and without its primary key.
 */
@Component
public class TableImportBenchmark implements BenchCommand.Benchmark {

  static final int BUURTEN = 15_000;

  private final ImportService imports;
  private final BenchDatabase database;
  private final DataSource dataSource;
  private final nl.veerkracht.analysis.AnalysisService analysis;

  public TableImportBenchmark(
      ImportService imports,
      BenchDatabase database,
      DataSource dataSource,
      nl.veerkracht.analysis.AnalysisService analysis) {
    this.analysis = analysis;
    this.imports = imports;
    this.database = database;
    this.dataSource = dataSource;
  }

  @Override
  public String name() {
    return "import";
  }

  @Override
  public void run(BenchCommand.BenchContext context, PrintStream out) throws Exception {
    Path folder = Files.createTempDirectory("veerkracht-bench");
    Path csv = NationalTable.write(folder, BUURTEN);
    String copyText = copyText(csv);
    long figures = copyText.chars().filter(c -> c == '\n').count();
    out.printf(
        "Kerncijfers table: %,d buurten x 118 columns = %,d figures (%s, %.1f MB)%n",
        BUURTEN, figures, csv.getFileName(), Files.size(csv) / 1048576.0);

    List<Double> pipeline = new ArrayList<>();
    List<Double> copyPk = new ArrayList<>();
    List<Double> copyNoPk = new ArrayList<>();
    List<Double> copySame = new ArrayList<>();
    for (int i = 0; i <= context.iterations(); i++) {
      database.reset();
      analysis.awaitIdle(java.time.Duration.ofMinutes(5));
      long t0 = System.nanoTime();
      ImportReport report =
          imports.run(
              new ImportRequest(
                  List.of(new ImportRequest.NamedFile(csv.getFileName().toString(), csv)),
                  null,
                  2019,
                  null,
                  null,
                  "bench",
                  false),
              ImportService.Progress.NONE);
      double ms = (System.nanoTime() - t0) / 1e6;
      if (report.rejected() || report.files().get(0).valuesWritten() != figures) {
        throw new IllegalStateException(
            "the benchmark import did not write all figures:\n" + report.toText());
      }
      // the analysis the import triggers runs after the commit, in the background: let it finish
      // so that it does not slow down the COPY timings or the next round
      analysis.awaitIdle(java.time.Duration.ofMinutes(5));
      double pk = copy(copyText, Anchor.PRIMARY_KEY);
      double noPk = copy(copyText, Anchor.NO_KEYS);
      double same = copy(copyText, Anchor.SAME_LAYOUT);
      if (i > 0) { // the first round warms up the JVM and the database
        pipeline.add(ms);
        copyPk.add(pk);
        copyNoPk.add(noPk);
        copySame.add(same);
      }
      out.printf(
          "  round %d%s: import %.0f ms, COPY into the same layout %.0f ms, with primary key only"
              + " %.0f ms, without keys %.0f ms%n",
          i, i == 0 ? " (warm-up)" : "", ms, same, pk, noPk);
    }
    summary(out, figures, pipeline, copyPk, copyNoPk, copySame);
    database.reset();
  }

  /** The medians of the rounds and the two ratios the target is about. */
  private static void summary(
      PrintStream out,
      long figures,
      List<Double> pipeline,
      List<Double> copyPk,
      List<Double> copyNoPk,
      List<Double> copySame) {
    double m = BenchCommand.median(pipeline);
    double c = BenchCommand.median(copyPk);
    double n = BenchCommand.median(copyNoPk);
    double a = BenchCommand.median(copySame);
    out.printf(
        Locale.ROOT,
        "import pipeline (read, validate, stage, merge, commit): %.2f s, %,.0f figures/s, %,.0f rows/s%n",
        m / 1000,
        figures / (m / 1000),
        BUURTEN / (m / 1000));
    out.printf(
        Locale.ROOT,
        "COPY into observation's own layout (its indexes and constraints): %.2f s, %,.0f figures/s%n",
        a / 1000,
        figures / (a / 1000));
    out.printf(
        Locale.ROOT,
        "COPY into the observation layout with primary key: %.2f s, %,.0f figures/s%n",
        c / 1000,
        figures / (c / 1000));
    out.printf(
        Locale.ROOT,
        "COPY into the observation layout without keys:     %.2f s, %,.0f figures/s%n",
        n / 1000,
        figures / (n / 1000));
    out.printf(
        Locale.ROOT, "ratio import / COPY into the same layout: %.2f (target at most 3)%n", m / a);
    out.printf(
        Locale.ROOT, "ratio import / COPY with primary key: %.2f (target at most 3)%n", m / c);
  }

  /** The figures of the file as COPY text in the {@code observation} layout (not timed). */
  private static String copyText(Path csv) throws Exception {
    StringBuilder sb = new StringBuilder(64 << 20);
    ImportSink sink =
        new ImportSink() {
          @Override
          public void area(AreaRecord area) {}

          @Override
          public void value(ValueRecord v) {
            sb.append(v.code().value())
                .append('\t')
                .append(v.year())
                .append('\t')
                .append(v.indicatorId())
                .append('\t')
                .append(v.value() == null ? "\\N" : Double.toString(v.value()))
                .append('\t')
                .append(v.status().id())
                .append('\t')
                .append(v.reason() == null ? "\\N" : v.reason())
                .append('\t')
                .append(v.divisionYear())
                .append("\t1\n");
          }

          @Override
          public void indicator(Indicator indicator) {}

          @Override
          public void reject(Rejection rejection) {
            throw new IllegalStateException(rejection.toString());
          }

          @Override
          public void rowRead() {}

          @Override
          public void rowImported() {}

          @Override
          public void note(Text note) {}
        };
    new KwbRStyleCsvReader()
        .read(
            new Sniff(new ImportFile(csv.getFileName().toString(), csv)),
            ReadContext.of(2019),
            sink);
    return sb.toString();
  }

  /** What the import is compared with: COPY into a table like observation. */
  enum Anchor {
    /** observation's own indexes, constraints and defaults: like for like */
    SAME_LAYOUT,
    /** the primary key only */
    PRIMARY_KEY,
    /** no index at all */
    NO_KEYS
  }

  private double copy(String text, Anchor anchor) throws Exception {
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      var s = c.createStatement();
      s.execute("DROP TABLE IF EXISTS bench_copy");
      if (anchor == Anchor.SAME_LAYOUT) {
        s.execute("CREATE TABLE bench_copy (LIKE observation INCLUDING ALL)");
      } else {
        s.execute("CREATE TABLE bench_copy (LIKE observation INCLUDING DEFAULTS)");
      }
      if (anchor == Anchor.PRIMARY_KEY) {
        s.execute("ALTER TABLE bench_copy ADD PRIMARY KEY (area_code, year, indicator_id)");
      }
      c.commit();
      long t0 = System.nanoTime();
      c.unwrap(PGConnection.class)
          .getCopyAPI()
          .copyIn("COPY bench_copy FROM STDIN", new StringReader(text));
      c.commit();
      double ms = (System.nanoTime() - t0) / 1e6;
      s.execute("DROP TABLE bench_copy");
      c.commit();
      return ms;
    }
  }
}
