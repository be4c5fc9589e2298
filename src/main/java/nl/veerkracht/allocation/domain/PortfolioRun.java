package nl.veerkracht.allocation.domain;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One scenario for every complex of a portfolio, Monte-Carlo, complexes in parallel: what {@code
 * GET /api/allocation/crossings} answers with bands, and what {@code bench allocation} times.
 */
public final class PortfolioRun {

  private PortfolioRun() {}

  public static Map<String, MonteCarlo.Result> run(
      Calibration.Result calibration,
      Scenarios scenario,
      Set<Route> vulnerable,
      double cap,
      double turnoverFactor,
      int years,
      int runs,
      long seed) {
    Map<String, MonteCarlo.Result> out = new ConcurrentHashMap<>();
    calibration.complexes().values().parallelStream()
        .forEach(
            m -> {
              double[] shares =
                  scenario.shares(m.shares(), calibration.portfolioShares(), vulnerable, cap);
              out.put(
                  m.complex(),
                  MonteCarlo.run(
                      m.start(),
                      m.hazards().scaled(turnoverFactor),
                      Scenario.of(shares),
                      years,
                      runs,
                      seed + m.complex().hashCode(),
                      vulnerable));
            });
    return out;
  }
}
