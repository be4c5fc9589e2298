package nl.veerkracht.measure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import nl.veerkracht.common.InvalidInputException;
import org.junit.jupiter.api.Test;

/** Amounts as people type them (issue 27): Dutch thousands points and decimal commas. */
class MeasureFormsTest {

  @Test
  void dutchAndPlainAmountsAreReadAsMeant() {
    assertThat(MeasureForms.decimal("32.000", "a")).isEqualByComparingTo("32000");
    assertThat(MeasureForms.decimal("1.250,50", "a")).isEqualByComparingTo("1250.50");
    assertThat(MeasureForms.decimal("€ 32.000", "a")).isEqualByComparingTo("32000");
    assertThat(MeasureForms.decimal("1.234.567,8", "a")).isEqualByComparingTo("1234567.8");
    assertThat(MeasureForms.decimal("850", "a")).isEqualByComparingTo("850");
    assertThat(MeasureForms.decimal("1250.5", "a")).isEqualByComparingTo("1250.5");
    assertThat(MeasureForms.decimal("0,05", "a")).isEqualByComparingTo("0.05");
    assertThat(MeasureForms.decimal("0.050", "a")).isEqualByComparingTo(new BigDecimal("0.05"));
  }

  @Test
  void aWrongAmountNamesItsField() {
    for (String wrong : new String[] {"12,3,4", "1.25.0", "drie", "32.00.0", "1,250.50"}) {
      assertThatThrownBy(() -> MeasureForms.decimal(wrong, "cost.0.amount"))
          .as(wrong)
          .isInstanceOfSatisfying(
              InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("cost.0.amount"));
    }
  }
}
