package nl.veerkracht.measure.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class YearlyCostsTest {

  static Cost cost(CostKind kind, String amount) {
    return new Cost(kind, new BigDecimal(amount));
  }

  @Test
  void oneOffLinesFallInTheStartYearAndYearlyLinesInEveryYear() {
    // 2027-2029, 40 units: once 10,000; per year 2,500; per unit once 150; per unit per year 12.50
    var perYear =
        YearlyCosts.perYear(
            List.of(
                cost(CostKind.ONCE, "10000"),
                cost(CostKind.PER_YEAR, "2500"),
                cost(CostKind.PER_UNIT_ONCE, "150"),
                cost(CostKind.PER_UNIT_PER_YEAR, "12.50")),
            2027,
            2029,
            40);
    // 2027: 10,000 + 2,500 + 40 x 150 + 40 x 12.50 = 10,000 + 2,500 + 6,000 + 500 = 19,000
    // 2028 and 2029: 2,500 + 500 = 3,000
    assertThat(perYear)
        .isEqualTo(
            Map.of(
                2027, new BigDecimal("19000.00"),
                2028, new BigDecimal("3000.00"),
                2029, new BigDecimal("3000.00")));
    assertThat(YearlyCosts.total(perYear)).isEqualByComparingTo("25000");
  }

  @Test
  void everyYearOfTheRangeIsPresentAlsoWithoutCosts() {
    assertThat(YearlyCosts.perYear(List.of(), 2026, 2027, 10))
        .containsOnlyKeys(2026, 2027)
        .allSatisfy((y, v) -> assertThat(v).isEqualByComparingTo("0"));
  }

  @Test
  void perUnitCostsOfAnAreaWithoutUnitsAreZero() {
    assertThat(YearlyCosts.perYear(List.of(cost(CostKind.PER_UNIT_ONCE, "99")), 2026, 2026, 0))
        .containsEntry(2026, new BigDecimal("0.00"));
  }

  @Test
  void refusesAnEndBeforeTheStartAndANegativeAmount() {
    assertThatThrownBy(() -> YearlyCosts.perYear(List.of(), 2028, 2027, 1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> cost(CostKind.ONCE, "-1"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void leverAndCostKindIdsAreTheApiIds() {
    assertThat(Lever.find("sociaal_beheer")).contains(Lever.SOCIAAL_BEHEER);
    assertThat(Lever.find("combinatie")).isEmpty();
    assertThat(CostKind.find("per_unit_per_year")).contains(CostKind.PER_UNIT_PER_YEAR);
    assertThat(CostKind.find("weekly")).isEmpty();
  }
}
