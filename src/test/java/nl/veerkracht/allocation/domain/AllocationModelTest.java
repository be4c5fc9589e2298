package nl.veerkracht.allocation.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Must show 1 of the allocation issue, by hand. With one exit rate h for everyone, a share s of
 * vulnerable households and an inflow share v, a year moves the share to (1 − h)·s + h·v: the gap
 * to v shrinks by the factor 1 − h each year. With h = 7 % the gap closes by 1 − 0.93⁵ = 30.4 % in
 * five years and 1 − 0.93¹⁰ = 51.6 % in ten. With exit rates 5 % (vulnerable) and 10 % (others) and
 * inflow share 30 %, the steady state s has as many vulnerable entering as leaving: 0.30 · (0.05 s
 * + 0.10 (1 − s)) = 0.05 s, so 0.03 = 0.065 s and s = 6/13 = 46.2 %.
 */
class AllocationModelTest {

  static final Set<Route> V = EnumSet.of(Route.STATUSHOUDER);

  /** 100 households, {@code vulnerable} of them statushouder, all in residence bin 5+. */
  static double[][] start(double vulnerable) {
    double[][] n = new double[Route.COUNT][Residence.BINS];
    n[Route.STATUSHOUDER.ordinal()][5] = vulnerable;
    n[Route.REGULAR_OTHER.ordinal()][5] = 100 - vulnerable;
    return n;
  }

  @Test
  void withOneExitRateOfSevenPercentThirtyPercentOfTheGapClosesInFiveYearsAndFiftyTwoInTen() {
    double s0 = 0.10;
    double v = 0.40;
    StockFlow.Path path =
        StockFlow.expected(
            start(100 * s0),
            Hazards.uniform(0.07),
            Scenario.twoRoutes(Route.STATUSHOUDER, v, Route.REGULAR_OTHER),
            10);
    double closed5 = (path.share(5, V) - s0) / (v - s0);
    double closed10 = (path.share(10, V) - s0) / (v - s0);
    assertThat(closed5).isCloseTo(1 - Math.pow(0.93, 5), within(1e-12));
    assertThat(closed10).isCloseTo(1 - Math.pow(0.93, 10), within(1e-12));
    assertThat(Math.round(closed5 * 100)).isEqualTo(30);
    assertThat(Math.round(closed10 * 100)).isEqualTo(52);
    assertThat(path.total(10)).isCloseTo(100, within(1e-9));
  }

  @Test
  void exitRatesOfFiveAndTenPercentWithThirtyPercentInflowSettleAtFortySixPercent() {
    Hazards h = Hazards.perRoute(Map.of(Route.STATUSHOUDER, 0.05), 0.10);
    Scenario s = Scenario.twoRoutes(Route.STATUSHOUDER, 0.30, Route.REGULAR_OTHER);
    for (double from : new double[] {0, 30, 90}) {
      StockFlow.Path path = StockFlow.expected(start(from), h, s, 400);
      assertThat(path.share(400, V)).isCloseTo(6.0 / 13, within(1e-9));
    }
    assertThat(Math.round(6.0 / 13 * 100)).isEqualTo(46);
  }

  @Test
  void newBuildAndRemovalsChangeTheNumberOfHomes() {
    Scenario s =
        new Scenario(
            Scenario.twoRoutes(Route.STATUSHOUDER, 0.5, Route.REGULAR_OTHER).shares(), 10, 3);
    StockFlow.Path path = StockFlow.expected(start(10), Hazards.uniform(0.07), s, 4);
    // each year: 100 + 10 − 3 per year
    assertThat(path.total(4)).isCloseTo(128, within(1e-9));
  }

  @Test
  void theMonteCarloBandsLieAroundTheExpectedPath() {
    int[][] start = new int[Route.COUNT][Residence.BINS];
    start[Route.STATUSHOUDER.ordinal()][5] = 4;
    start[Route.REGULAR_OTHER.ordinal()][5] = 36;
    Hazards h = Hazards.uniform(0.07);
    Scenario s = Scenario.twoRoutes(Route.STATUSHOUDER, 0.4, Route.REGULAR_OTHER);
    MonteCarlo.Result r = MonteCarlo.run(start, h, s, 10, 4000, 7L, V);
    StockFlow.Path expected = StockFlow.expected(StockFlowTestSupport.toDouble(start), h, s, 10);
    for (int y = 0; y <= 10; y++) {
      // the mean of 4,000 runs is within a percentage point of the expectation
      assertThat(r.vulnerable().mean()[y]).isCloseTo(expected.share(y, V), within(0.01));
      assertThat(r.vulnerable().p10()[y]).isLessThanOrEqualTo(r.vulnerable().p50()[y]);
      assertThat(r.vulnerable().p50()[y]).isLessThanOrEqualTo(r.vulnerable().p90()[y]);
    }
    assertThat(r.vulnerable().p10()[0]).isEqualTo(0.1);
    assertThat(r.vulnerable().p90()[10] - r.vulnerable().p10()[10])
        .as("40 homes: a wide band")
        .isGreaterThan(0.1);
    // same seed, same result
    assertThat(MonteCarlo.run(start, h, s, 10, 500, 7L, V).vulnerable().p90())
        .containsExactly(MonteCarlo.run(start, h, s, 10, 500, 7L, V).vulnerable().p90());
  }

  @Test
  void routesFollowFromVeraFields() {
    assertThat(Route.of("UIT", null, true, false)).isEqualTo(Route.UITSTROOM);
    assertThat(Route.of(null, "GGZ", false, false)).isEqualTo(Route.UITSTROOM);
    assertThat(Route.of("STA", null, null, true)).isEqualTo(Route.STATUSHOUDER);
    assertThat(Route.of("MED", null, true, false)).isEqualTo(Route.URGENT);
    assertThat(Route.of(null, null, null, true)).isEqualTo(Route.URGENT);
    assertThat(Route.of("", "", true, false)).isEqualTo(Route.REGULAR_LOW);
    assertThat(Route.of(null, null, null, false)).isEqualTo(Route.REGULAR_OTHER);
  }

  @Test
  void badParametersAreRefused() {
    assertThatThrownBy(() -> Hazards.uniform(1.5)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Scenario.of(new double[Route.COUNT]))
        .hasMessageContaining("add up to 1");
  }
}
