package nl.veerkracht.allocation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.veerkracht.allocation.domain.Backtest;
import nl.veerkracht.allocation.domain.Calibration;
import nl.veerkracht.allocation.domain.Hazards;
import nl.veerkracht.allocation.domain.LettingHistory;
import nl.veerkracht.allocation.domain.MonteCarlo;
import nl.veerkracht.allocation.domain.PortfolioRun;
import nl.veerkracht.allocation.domain.Residence;
import nl.veerkracht.allocation.domain.Route;
import nl.veerkracht.allocation.domain.Scenario;
import nl.veerkracht.allocation.domain.Scenarios;
import nl.veerkracht.allocation.domain.StockFlow;
import nl.veerkracht.common.InvalidInputException;
import nl.veerkracht.common.NotFoundException;
import nl.veerkracht.common.Text;
import nl.veerkracht.corporation.Corporation;
import nl.veerkracht.corporation.CorporationRepository;
import nl.veerkracht.security.CurrentUser;
import nl.veerkracht.security.Membership;
import org.springframework.stereotype.Service;

/**
 * The allocation scenario simulator of one corporation: calibrates on its own records (staff of the
 * corporation only — route counts per complex are never shown outside it), runs scenarios for a
 * complex, finds the complexes a scenario takes over a threshold, and checks the model against the
 * past.
 */
@Service
public class AllocationService {

  /** Years in the calibration window. */
  public static final int WINDOW = 5;

  /** Years the back-test looks back. */
  public static final int BACKTEST_YEARS = 5;

  private final AllocationRecordRepository records;
  private final CurrentUser currentUser;
  private final CorporationRepository corporations;
  private final AllocationCache cache;

  public AllocationService(
      AllocationRecordRepository records,
      CurrentUser currentUser,
      CorporationRepository corporations,
      AllocationCache cache) {
    this.records = records;
    this.currentUser = currentUser;
    this.corporations = corporations;
    this.cache = cache;
  }

  /** The parameters a run takes; null fields take their defaults. */
  public record Parameters(
      String a,
      String b,
      Integer years,
      Integer runs,
      Double threshold,
      Double cap,
      String turnover,
      List<String> vulnerable,
      Integer task,
      Double local) {

    int yearsOrDefault() {
      return years == null ? 10 : years;
    }

    int runsOrDefault() {
      return runs == null ? 1000 : runs;
    }

    double thresholdOrDefault() {
      return threshold == null ? 0.3 : threshold;
    }

    /** The share of lettings with local priority in {@link Scenarios#LOCAL_PRIORITY}. */
    double localOrDefault() {
      return local == null ? 0.25 : local;
    }

    double capOrDefault() {
      return cap == null ? 0.25 : cap;
    }

    String turnoverOrDefault() {
      return turnover == null || turnover.isBlank() ? "base" : turnover.strip();
    }
  }

  /** What a run rests on: the corporation, its history and the calibration. */
  record Basis(Corporation corporation, LettingHistory history, Calibration.Result calibration) {}

  Basis basis(String corporation) {
    Membership m = currentUser.requireStaffOrDefault(corporation);
    Corporation c = corporations.findById(m.corporationId()).orElseThrow();
    return cache.get(
        () -> {
          LettingHistory history = records.history(c.id(), c.complexClusterType());
          int reference = referenceYear(history);
          return new Basis(c, history, Calibration.calibrate(history, reference, WINDOW));
        },
        "basis",
        c);
  }

  /**
   * Whether the corporation's records hold any letting in the calibration window: without them
   * every complex would show the portfolio's (empty) shares as if they were known.
   */
  static boolean hasLettings(Basis basis) {
    return basis.calibration().complexes().values().stream().anyMatch(m -> m.lettings() > 0);
  }

  /** Whether the caller's corporation has lettings to calibrate on (the page's no-data state). */
  public boolean hasLettings(String corporation) {
    return hasLettings(basis(corporation));
  }

  /**
   * The newest complete year with records (the current year is not complete); without records, last
   * year — every household is then of unknown route, and the page says so.
   */
  static int referenceYear(LettingHistory history) {
    int complete = LocalDate.now().getYear() - 1;
    int last = history.lastYear();
    return last == 0 ? complete : Math.min(last, complete);
  }

  public AllocationViews.Comparison compare(String corporation, String complex, Parameters p) {
    Basis basis = basis(corporation);
    if (!hasLettings(basis)) {
      throw new nl.veerkracht.common.ConflictException(
          Text.msg("allocation.noData", "name", basis.corporation().name()));
    }
    return cache.get(
        () -> computeCompare(basis, complex, p), "compare", basis.corporation().id(), complex, p);
  }

  private AllocationViews.Comparison computeCompare(Basis basis, String complex, Parameters p) {
    Calibration.ComplexModel model = basis.calibration().complexes().get(complex);
    if (model == null) {
      throw new NotFoundException(Text.msg("error.noComplex", "code", String.valueOf(complex)));
    }
    Checked checked = check(p);
    Hazards hazards = model.hazards().scaled(checked.turnoverFactor());
    // the status quo's statushouders, for the warnings: its expected path is enough
    double statusQuo =
        expected(basis, model, Scenarios.STATUS_QUO, checked, p.capOrDefault()).lettingsPerYear()
            * shares(basis, model, Scenarios.STATUS_QUO, checked, p.capOrDefault())[
                Route.STATUSHOUDER.ordinal()];
    List<AllocationViews.ScenarioResult> withWarnings = new ArrayList<>();
    for (Scenarios s : List.of(checked.a(), checked.b())) {
      AllocationViews.ScenarioResult r =
          AllocationRuns.run(basis, model, hazards, s, checked, p.capOrDefault());
      withWarnings.add(AllocationRuns.warn(r, statusQuo, p.localOrDefault()));
    }
    Map<String, List<Double>> exitRates = new LinkedHashMap<>();
    for (Route r : Route.values()) {
      List<Double> byClass = new ArrayList<>();
      for (int c = 0; c < Residence.CLASSES; c++) {
        byClass.add(hazards.rates()[r.ordinal()][c]);
      }
      exitRates.put(r.id(), byClass);
    }
    return new AllocationViews.Comparison(
        basis.corporation().code(),
        complex,
        records
            .complexNames(basis.corporation().id(), basis.corporation().complexClusterType())
            .getOrDefault(complex, complex),
        basis.corporation().synthetic(),
        basis.calibration().fromYear(),
        basis.calibration().referenceYear(),
        model.households(),
        model.lettings(),
        model.atRiskYears(),
        model.exits(),
        checked.turnover(),
        checked.threshold(),
        p.capOrDefault(),
        p.localOrDefault(),
        checked.vulnerable().stream().map(Route::id).toList(),
        checked.runs(),
        withWarnings.get(0),
        withWarnings.get(1),
        exitRates,
        AllocationRuns.assumptions(basis, model, checked),
        ScenarioNotes.identical(withWarnings.get(0), withWarnings.get(1)),
        ScenarioNotes.capNote(basis, model, checked, p.capOrDefault(), withWarnings));
  }

  /** The names of the corporation's complexes by code. */
  Map<String, String> complexNames(Basis basis) {
    return records.complexNames(basis.corporation().id(), basis.corporation().complexClusterType());
  }

  /** The complexes whose expected vulnerable share reaches the threshold under a scenario. */
  public AllocationViews.Crossings crossings(String corporation, String scenario, Parameters p) {
    Basis basis = basis(corporation);
    if (!hasLettings(basis)) {
      throw new nl.veerkracht.common.ConflictException(
          Text.msg("allocation.noData", "name", basis.corporation().name()));
    }
    return cache.get(
        () -> computeCrossings(basis, scenario, p),
        "crossings",
        basis.corporation().id(),
        scenario,
        p);
  }

  private AllocationViews.Crossings computeCrossings(Basis basis, String scenario, Parameters p) {
    Checked checked =
        check(
            new Parameters(
                scenario,
                scenario,
                p.years(),
                p.runs(),
                p.threshold(),
                p.cap(),
                p.turnover(),
                p.vulnerable(),
                p.task(),
                p.local()));
    if (p.task() != null && (p.task() < 0 || p.task() > 100_000)) {
      throw new InvalidInputException(Text.msg("allocation.invalid.task"));
    }
    Map<String, String> names =
        records.complexNames(basis.corporation().id(), basis.corporation().complexClusterType());
    Map<String, MonteCarlo.Result> bands =
        PortfolioRun.run(
            basis.calibration(),
            checked.a(),
            checked.vulnerable(),
            p.capOrDefault(),
            checked.turnoverFactor(),
            checked.years(),
            checked.runs(),
            20_261_202L);
    int h = checked.years();
    List<AllocationViews.Crossing> out = new ArrayList<>();
    for (Calibration.ComplexModel m : basis.calibration().complexes().values()) {
      if (m.households() == 0) {
        continue;
      }
      StockFlow.Path path = expected(basis, m, checked.a(), checked, p.capOrDefault());
      for (int y = 0; y <= checked.years(); y++) {
        if (path.share(y, checked.vulnerable()) >= checked.threshold()) {
          out.add(
              new AllocationViews.Crossing(
                  m.complex(),
                  names.getOrDefault(m.complex(), m.complex()),
                  m.households(),
                  path.share(0, checked.vulnerable()),
                  path.share(checked.years(), checked.vulnerable()),
                  basis.calibration().referenceYear() + y,
                  bands.get(m.complex()).vulnerable().p10()[h],
                  bands.get(m.complex()).vulnerable().p90()[h]));
          break;
        }
      }
    }
    double scenarioStatushouders = statushouders(basis, checked.a(), checked, p.capOrDefault());
    double statusQuo = statushouders(basis, Scenarios.STATUS_QUO, checked, p.capOrDefault());
    return new AllocationViews.Crossings(
        checked.a().id(),
        checked.threshold(),
        checked.years(),
        out,
        scenarioStatushouders,
        statusQuo,
        p.task(),
        p.task() != null && scenarioStatushouders < p.task()
            ? Text.msg(
                "allocation.warn.task",
                "n",
                Text.grouped(scenarioStatushouders, 1),
                "task",
                Text.grouped(p.task(), 0))
            : null);
  }

  /** The shares of a scenario for a complex. */
  static double[] shares(
      Basis basis, Calibration.ComplexModel m, Scenarios s, Checked c, double cap) {
    return s.shares(m.shares(), basis.calibration().portfolioShares(), c.vulnerable(), cap);
  }

  /** The expected path of a complex under a scenario. */
  static StockFlow.Path expected(
      Basis basis, Calibration.ComplexModel m, Scenarios s, Checked c, double cap) {
    return StockFlow.expected(
        m.startAsDouble(),
        m.hazards().scaled(c.turnoverFactor()),
        Scenario.of(shares(basis, m, s, c, cap)),
        c.years());
  }

  /** Expected statushouder lettings a year over the whole portfolio under a scenario. */
  private static double statushouders(Basis basis, Scenarios s, Checked c, double cap) {
    double sum = 0;
    for (Calibration.ComplexModel m : basis.calibration().complexes().values()) {
      sum +=
          expected(basis, m, s, c, cap).lettingsPerYear()
              * shares(basis, m, s, c, cap)[Route.STATUSHOUDER.ordinal()];
    }
    return sum;
  }

  /** The model checked against the past on the corporation's own history. */
  public Backtest.Result backtest(String corporation, Integer runs) {
    Basis basis = basis(corporation);
    int r = runs == null ? 1000 : runs;
    if (r < 100 || r > 5000) {
      throw new InvalidInputException(Text.msg("allocation.invalid.runs"));
    }
    return cache.get(
        () ->
            Backtest.run(
                basis.history(),
                basis.calibration().referenceYear(),
                BACKTEST_YEARS,
                WINDOW,
                r,
                20_261_202L,
                Route.DEFAULT_VULNERABLE),
        "backtest",
        basis.corporation().id(),
        r);
  }

  /** The parameters, checked. */
  record Checked(
      Scenarios a,
      Scenarios b,
      int years,
      int runs,
      double threshold,
      String turnover,
      double turnoverFactor,
      Set<Route> vulnerable) {}

  static Checked check(Parameters p) {
    Scenarios a;
    Scenarios b;
    try {
      a = Scenarios.ofId(p.a() == null ? "status_quo" : p.a());
      b = Scenarios.ofId(p.b() == null ? "spreading" : p.b());
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException(Text.msg("allocation.invalid.scenario"));
    }
    int years = p.yearsOrDefault();
    int runs = p.runsOrDefault();
    double threshold = p.thresholdOrDefault();
    double cap = p.capOrDefault();
    if (years < 1 || years > 15) {
      throw new InvalidInputException(Text.msg("allocation.invalid.years"));
    }
    if (runs < 100 || runs > 5000) {
      throw new InvalidInputException(Text.msg("allocation.invalid.runs"));
    }
    double local = p.localOrDefault();
    if (!(threshold > 0 && threshold < 1)
        || !(cap >= 0 && cap <= 1)
        || !(local >= 0 && local <= 1)) {
      throw new InvalidInputException(Text.msg("allocation.invalid.share"));
    }
    double factor =
        switch (p.turnoverOrDefault()) {
          case "low" -> 0.8;
          case "base" -> 1.0;
          case "high" -> 1.2;
          default -> throw new InvalidInputException(Text.msg("allocation.invalid.turnover"));
        };
    Set<Route> vulnerable = EnumSet.noneOf(Route.class);
    try {
      if (p.vulnerable() == null || p.vulnerable().isEmpty()) {
        vulnerable.addAll(Route.DEFAULT_VULNERABLE);
      } else {
        p.vulnerable().forEach(v -> vulnerable.add(Route.ofId(v)));
      }
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException(Text.msg("allocation.invalid.route"));
    }
    return new Checked(a, b, years, runs, threshold, p.turnoverOrDefault(), factor, vulnerable);
  }
}
