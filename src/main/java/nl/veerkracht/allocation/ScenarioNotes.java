package nl.veerkracht.allocation;

import java.util.List;
import java.util.Map;
import nl.veerkracht.allocation.domain.Calibration;
import nl.veerkracht.allocation.domain.Route;
import nl.veerkracht.allocation.domain.Scenarios;
import nl.veerkracht.common.Text;

/**
 * What the simulator says about its own results beside the numbers: that two scenarios coincide,
 * and why a cap does or does not bite.
 */
final class ScenarioNotes {

  private ScenarioNotes() {}

  /** Whether two scenario results give the same outcome, year by year and route by route. */
  static boolean identical(AllocationViews.ScenarioResult a, AllocationViews.ScenarioResult b) {
    if (a.years().size() != b.years().size()) {
      return false;
    }
    for (int i = 0; i < a.years().size(); i++) {
      AllocationViews.YearRow x = a.years().get(i);
      AllocationViews.YearRow y = b.years().get(i);
      if (Math.abs(x.expected() - y.expected()) > 1e-9
          || Math.abs(x.p10() - y.p10()) > 1e-9
          || Math.abs(x.p90() - y.p90()) > 1e-9) {
        return false;
      }
    }
    for (Map.Entry<String, Double> e : a.shares().entrySet()) {
      if (Math.abs(e.getValue() - b.shares().getOrDefault(e.getKey(), 0.0)) > 1e-9) {
        return false;
      }
    }
    return true;
  }

  /**
   * Why a cap does or does not bite: it limits the share of new lettings to the vulnerable routes,
   * not who lives there. When the complex already let less than the cap to them, it changes
   * nothing; otherwise the share of vulnerable households falls only as fast as homes are let
   * again, which may be too slow to reach the cap within the horizon.
   */
  static Text capNote(
      AllocationService.Basis basis,
      Calibration.ComplexModel model,
      AllocationService.Checked checked,
      double cap,
      List<AllocationViews.ScenarioResult> results) {
    AllocationViews.ScenarioResult capped =
        results.stream().filter(r -> r.id().equals(Scenarios.CAP.id())).findFirst().orElse(null);
    if (capped == null) {
      return null;
    }
    double toVulnerable = 0;
    for (Route r : checked.vulnerable()) {
      toVulnerable += model.shares()[r.ordinal()];
    }
    Text capText = Text.grouped(cap * 100, 0);
    if (toVulnerable <= cap + 1e-9) {
      return Text.msg(
          "allocation.cap.noBite",
          "cap",
          capText,
          "share",
          Text.grouped(toVulnerable * 100, 1),
          "from",
          String.valueOf(basis.calibration().fromYear()),
          "to",
          String.valueOf(basis.calibration().referenceYear()));
    }
    int windowYears = basis.calibration().referenceYear() - basis.calibration().fromYear() + 1;
    double letAgain =
        model.households() == 0 ? 0 : model.lettings() / (double) windowYears / model.households();
    List<AllocationViews.YearRow> years = capped.years();
    AllocationViews.YearRow first = years.get(0);
    AllocationViews.YearRow last = years.get(years.size() - 1);
    Integer reached =
        years.stream()
            .filter(y -> y.expected() <= cap + 0.005)
            .map(AllocationViews.YearRow::year)
            .findFirst()
            .orElse(null);
    return Text.msg(
        reached == null ? "allocation.cap.slow" : "allocation.cap.reached",
        "cap",
        capText,
        "share",
        Text.grouped(toVulnerable * 100, 1),
        "rate",
        Text.grouped(letAgain * 100, 1),
        "now",
        Text.grouped(first.expected() * 100, 1),
        "end",
        Text.grouped(last.expected() * 100, 1),
        "year",
        String.valueOf(reached == null ? last.year() : reached));
  }
}
