package nl.veerkracht.allocation.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LettingHistoryTest {

  static LocalDate d(String s) {
    return LocalDate.parse(s);
  }

  /**
   * Complex A, records from 2020: unit 1 let to a statushouder in March 2020 who leaves in 2022,
   * relet (regular, low income) in 2022; unit 2 held by a tenant from before the records; unit 3
   * has a name change in 2021 (no exit) with the letting that follows it.
   */
  static LettingHistory history() {
    return new LettingHistory(
        Map.of(1L, "A", 2L, "A", 3L, "A"),
        List.of(
            new LettingHistory.Letting(1, d("2020-03-01"), Route.STATUSHOUDER),
            new LettingHistory.Letting(1, d("2022-08-01"), Route.REGULAR_LOW),
            new LettingHistory.Letting(3, d("2020-01-15"), Route.URGENT),
            new LettingHistory.Letting(3, d("2021-06-01"), Route.URGENT)),
        List.of(
            new LettingHistory.MoveOut(1, d("2022-07-01"), true),
            new LettingHistory.MoveOut(3, d("2021-06-01"), false)));
  }

  @Test
  void householdsByRouteAndResidence() {
    int[][] end2021 = history().stockAt(d("2021-12-31")).get("A");
    assertThat(end2021[Route.STATUSHOUDER.ordinal()][1]).isEqualTo(1);
    // before the records (2020): at least 2 years at the end of 2021
    assertThat(end2021[Route.UNKNOWN.ordinal()][2]).isEqualTo(1);
    // the name change keeps the residence from January 2020
    assertThat(end2021[Route.URGENT.ordinal()][1]).isEqualTo(1);
  }

  @Test
  void exitsAndLettingsOfAYear() {
    LettingHistory.YearFlows f = history().flows(2022).get("A");
    assertThat(f.atRisk()[Route.STATUSHOUDER.ordinal()][1]).isEqualTo(1);
    assertThat(f.exits()[Route.STATUSHOUDER.ordinal()][1]).isEqualTo(1);
    assertThat(f.lettings()[Route.REGULAR_LOW.ordinal()]).isEqualTo(1);
    LettingHistory.YearFlows f2021 = history().flows(2021).get("A");
    assertThat(f2021.exits()[Route.URGENT.ordinal()]).containsOnly(0);
    assertThat(f2021.lettings())
        .as("the letting after a name change is no new letting")
        .containsOnly(0);
  }

  @Test
  void replayingTheObservedFlowsGivesTheObservedStock() {
    LettingHistory h = history();
    Map<String, int[][]> replayed = Backtest.replay(h, 2020, 2023);
    assertThat(replayed.get("A")).isDeepEqualTo(h.stockAt(d("2023-12-31")).get("A"));
  }

  @Test
  void calibrationShrinksAThinComplexTowardsThePortfolio() {
    Calibration.Result c = Calibration.calibrate(history(), 2022, 3);
    Calibration.ComplexModel a = c.complexes().get("A");
    assertThat(a.households()).isEqualTo(3);
    double sum = 0;
    for (double s : a.shares()) {
      sum += s;
    }
    assertThat(sum).isCloseTo(1, within(1e-12));
    // one complex: its rates are the portfolio's
    assertThat(a.hazards().rates()[Route.STATUSHOUDER.ordinal()][0])
        .isCloseTo(c.portfolioHazards().rates()[Route.STATUSHOUDER.ordinal()][0], within(1e-12));
  }
}
