package nl.veerkracht.bench;

import java.io.PrintStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import nl.veerkracht.allocation.domain.Calibration;
import nl.veerkracht.allocation.domain.LettingHistory;
import nl.veerkracht.allocation.domain.MonteCarlo;
import nl.veerkracht.allocation.domain.PortfolioRun;
import nl.veerkracht.allocation.domain.Route;
import nl.veerkracht.allocation.domain.Scenarios;
import org.springframework.stereotype.Component;

/**
 * The allocation simulator at the size of a large corporation: 50,000 units in 1,000 complexes with
 * a synthetic letting history 2016–2025 (7 % turnover a year; statushouders 7 %, uitstroom 5 %,
 * urgent 12 % of lettings), calibrated, then two scenarios (status quo and spreading) for every
 * complex over 10 years with 1,000 Monte-Carlo runs each. Prints the time of each step; the target
 * is under 10 s for the two scenarios.
 */
@Component
public class AllocationBenchmark implements BenchCommand.Benchmark {

  static final int UNITS = 50_000;
  static final int COMPLEXES = 1_000;
  static final int YEARS = 10;
  static final int RUNS = 1_000;

  @Override
  public String name() {
    return "allocation";
  }

  @Override
  public void run(BenchCommand.BenchContext context, PrintStream out) {
    long t0 = System.nanoTime();
    LettingHistory history = history(new SplittableRandom(20_261_202L));
    long t1 = System.nanoTime();
    Calibration.Result calibration = Calibration.calibrate(history, 2025, 5);
    long t2 = System.nanoTime();
    out.printf(
        Locale.ROOT,
        "allocation: %,d units in %,d complexes, history 2016-2025 built in %.2f s, calibrated in"
            + " %.2f s%n",
        UNITS,
        calibration.complexes().size(),
        (t1 - t0) / 1e9,
        (t2 - t1) / 1e9);
    List<Double> totals = new ArrayList<>();
    for (int i = 0; i < context.iterations(); i++) {
      long s0 = System.nanoTime();
      int bands = 0;
      for (Scenarios s : List.of(Scenarios.STATUS_QUO, Scenarios.SPREADING)) {
        Map<String, MonteCarlo.Result> r =
            PortfolioRun.run(
                calibration, s, Route.DEFAULT_VULNERABLE, 0.25, 1.0, YEARS, RUNS, 7L + i);
        bands += r.size();
      }
      double seconds = (System.nanoTime() - s0) / 1e9;
      totals.add(seconds);
      out.printf(
          Locale.ROOT,
          "  run %d: 2 scenarios x %,d complexes x %,d runs x %d years in %.2f s (%d bands)%n",
          i + 1,
          COMPLEXES,
          RUNS,
          YEARS,
          seconds,
          bands);
    }
    out.printf(
        Locale.ROOT,
        "allocation: median %.2f s for two scenarios (target < 10 s) on %d cores%n",
        BenchCommand.median(totals),
        Runtime.getRuntime().availableProcessors());
  }

  /** A synthetic portfolio's lettings and move-outs (every unit let before the records began). */
  static LettingHistory history(SplittableRandom random) {
    Map<Long, String> complexOf = new HashMap<>();
    List<LettingHistory.Letting> lettings = new ArrayList<>();
    List<LettingHistory.MoveOut> moveOuts = new ArrayList<>();
    for (long unit = 0; unit < UNITS; unit++) {
      complexOf.put(unit, String.format(Locale.ROOT, "B%04d", unit % COMPLEXES));
      for (int year = 2016; year <= 2025; year++) {
        if (random.nextDouble() < 0.07) {
          LocalDate out = LocalDate.of(year, 1 + random.nextInt(12), 1 + random.nextInt(28));
          moveOuts.add(new LettingHistory.MoveOut(unit, out, true));
          lettings.add(new LettingHistory.Letting(unit, out.plusDays(30), route(random)));
        }
      }
    }
    return new LettingHistory(complexOf, lettings, moveOuts);
  }

  private static Route route(SplittableRandom random) {
    double u = random.nextDouble();
    return u < 0.07
        ? Route.STATUSHOUDER
        : u < 0.12
            ? Route.UITSTROOM
            : u < 0.24 ? Route.URGENT : u < 0.80 ? Route.REGULAR_LOW : Route.REGULAR_OTHER;
  }
}
