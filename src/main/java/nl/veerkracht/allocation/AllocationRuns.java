package nl.veerkracht.allocation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.veerkracht.allocation.domain.Calibration;
import nl.veerkracht.allocation.domain.Hazards;
import nl.veerkracht.allocation.domain.MonteCarlo;
import nl.veerkracht.allocation.domain.Route;
import nl.veerkracht.allocation.domain.Scenario;
import nl.veerkracht.allocation.domain.Scenarios;
import nl.veerkracht.allocation.domain.StockFlow;
import nl.veerkracht.common.Text;

/** Runs one scenario for a complex and words its warnings and assumptions. */
final class AllocationRuns {

  /** The share of lettings above which the DAEB allocation rule may be strained. */
  static final double FREE_ROOM = 0.15;

  /** The most lettings a gemeente may bind locally (Huisvestingswet 2014 art. 14). */
  static final double LOCAL_LIMIT = 0.5;

  private AllocationRuns() {}

  static AllocationViews.ScenarioResult run(
      AllocationService.Basis basis,
      Calibration.ComplexModel model,
      Hazards hazards,
      Scenarios scenario,
      AllocationService.Checked checked,
      double cap) {
    double[] shares =
        scenario.shares(
            model.shares(), basis.calibration().portfolioShares(), checked.vulnerable(), cap);
    StockFlow.Path path =
        StockFlow.expected(model.startAsDouble(), hazards, Scenario.of(shares), checked.years());
    MonteCarlo.Result mc = monteCarlo(model, hazards, shares, checked);
    List<AllocationViews.YearRow> years = new ArrayList<>();
    Integer over = null;
    int first = basis.calibration().referenceYear();
    for (int y = 0; y <= checked.years(); y++) {
      Map<String, Double> routes = new LinkedHashMap<>();
      for (Route r : Route.values()) {
        double total = path.total(y);
        routes.put(r.id(), total == 0 ? 0 : path.byYear()[y][r.ordinal()] / total);
      }
      double expected = path.share(y, checked.vulnerable());
      if (over == null && expected >= checked.threshold()) {
        over = first + y;
      }
      years.add(
          new AllocationViews.YearRow(
              first + y,
              expected,
              mc.vulnerable().p10()[y],
              mc.vulnerable().p50()[y],
              mc.vulnerable().p90()[y],
              path.total(y),
              routes));
    }
    Map<String, Double> byRoute = new LinkedHashMap<>();
    for (Route r : Route.values()) {
      byRoute.put(r.id(), shares[r.ordinal()]);
    }
    double lettingsPerYear = path.lettingsPerYear();
    return new AllocationViews.ScenarioResult(
        scenario.id(),
        Text.msg("allocation.scenario." + scenario.id()),
        byRoute,
        years,
        over,
        lettingsPerYear * shares[Route.STATUSHOUDER.ordinal()],
        List.of());
  }

  /** The legal rules a scenario strains, next to the status quo. */
  static AllocationViews.ScenarioResult warn(
      AllocationViews.ScenarioResult r, double statusQuoStatushouders, double local) {
    List<Text> warnings = new ArrayList<>();
    if (r.id().equals(Scenarios.LOCAL_PRIORITY.id())) {
      warnings.add(Text.msg("allocation.note.local", "pct", Text.grouped(local * 100, 0)));
      if (local > LOCAL_LIMIT) {
        warnings.add(Text.msg("allocation.warn.local", "pct", Text.grouped(local * 100, 0)));
      }
    }
    double fewer = statusQuoStatushouders - r.statushouderLettingsPerYear();
    if (fewer > 0.05) {
      warnings.add(Text.msg("allocation.warn.statushouders", "n", Text.grouped(fewer, 1)));
    }
    double above = r.shares().get(Route.REGULAR_OTHER.id());
    if (above > FREE_ROOM) {
      warnings.add(Text.msg("allocation.warn.daeb", "pct", Text.grouped(above * 100, 0)));
    }
    return new AllocationViews.ScenarioResult(
        r.id(),
        r.label(),
        r.shares(),
        r.years(),
        r.firstYearOver(),
        r.statushouderLettingsPerYear(),
        warnings);
  }

  static List<Text> assumptions(
      AllocationService.Basis basis,
      Calibration.ComplexModel model,
      AllocationService.Checked checked) {
    List<Text> out = new ArrayList<>();
    if (basis.corporation().synthetic()) {
      out.add(Text.msg("allocation.assume.synthetic"));
    }
    out.add(
        Text.msg(
            "allocation.assume.calibration",
            "from",
            basis.calibration().fromYear(),
            "to",
            basis.calibration().referenceYear(),
            "shrink",
            (int) Calibration.SHRINK));
    if (basis.history().lastYear() == 0) {
      out.add(Text.msg("allocation.assume.noRecords"));
    } else if (model.lettings() < 10) {
      out.add(Text.msg("allocation.assume.thin", "n", model.lettings()));
    }
    out.add(Text.msg("allocation.assume.turnover." + checked.turnover()));
    out.add(Text.msg("allocation.assume.unknown"));
    out.add(Text.msg("allocation.assume.proxy"));
    out.add(Text.msg("allocation.assume.notModelled"));
    return out;
  }

  /** One complex's runs under one scenario, seeded by the complex so that views agree. */
  static MonteCarlo.Result monteCarlo(
      Calibration.ComplexModel m, Hazards h, double[] shares, AllocationService.Checked c) {
    return MonteCarlo.run(
        m.start(),
        h,
        Scenario.of(shares),
        c.years(),
        c.runs(),
        20_261_202L + m.complex().hashCode(),
        c.vulnerable());
  }
}
