package nl.veerkracht.support;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The scanner that guards resident texts finds counts and leaves other numbers alone. */
class SmallCountsTest {

  @Test
  void findsCountsInWordsFormulasAndComparisons() {
    assertThat(SmallCounts.in("Het complex telt 5 verhuureenheden.")).hasSize(1);
    assertThat(SmallCounts.in("gemiddelde 6,0 (2023 n=4)")).hasSize(1);
    assertThat(SmallCounts.in("(5 × 4,3 + 0) / 5")).hasSize(3);
    assertThat(SmallCounts.in("2025: 3")).hasSize(1);
    assertThat(SmallCounts.in("0 toewijzingen")).hasSize(1);
  }

  @Test
  void leavesYearsDecimalsClassesRangesAndDatesAlone() {
    assertThat(
            SmallCounts.in(
                "In 2025 vertrok 50,0 % van de huurders. Leefbaarometerklasse 7: goed."
                    + " Leefbaarometer klasse (1-9). Per 1.000 inwoners. Geldig vanaf 1 januari"
                    + " 2026. € 932,93. Minder dan 10, weggelaten. Complex K5, buurt BU03080000. Klasse 7 (goed)."))
        .isEmpty();
  }
}
