package nl.veerkracht.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import nl.veerkracht.statistics.domain.Indicator;
import org.junit.jupiter.api.Test;

/** Figures are offered by theme and name, with unit and years; undocumented fields are left out. */
class IndicatorChoicesTest {

  static final Indicator INHABITANTS =
      new Indicator(
          "inhabitants",
          "Aantal inwoners",
          "Inhabitants",
          "aantal",
          "CBS",
          null,
          "population",
          0,
          null,
          "catalogue");
  static final Indicator LOW_INCOME =
      new Indicator(
          "pct_low_income_households",
          "% huishoudens met een laag inkomen",
          "% low-income households",
          "%",
          "CBS",
          true,
          "income",
          1,
          null,
          "catalogue");
  static final Indicator FIELD =
      new Indicator(
          "cbs_afstand_tot_cafe_km",
          "afstand_tot_cafe_km",
          "afstand_tot_cafe_km",
          "",
          "CBS Kerncijfers wijken en buurten",
          null,
          "source",
          2,
          null,
          "source");
  static final Indicator KAFW =
      new Indicator(
          "lbm_kafw",
          "Leefbaarometer: kafw (betekenis niet gedocumenteerd; niet de klasse)",
          "Leefbaarometer: kafw (meaning not documented; not the class)",
          "",
          "Leefbaarometer",
          null,
          "source",
          0,
          null,
          "source");
  static final Indicator EMPTY =
      new Indicator(
          "men", "Mannen", "Men", "aantal", "CBS", null, "population", 0, null, "catalogue");

  static final Map<String, List<Integer>> YEARS =
      Map.of(
          "inhabitants", List.of(2024, 2019, 2016),
          "pct_low_income_households", List.of(2023),
          "cbs_afstand_tot_cafe_km", List.of(2020),
          "lbm_kafw", List.of(2024));

  static List<IndicatorChoices.Group> groups(Locale locale, String keep) {
    return IndicatorChoices.of(
        List.of(FIELD, KAFW, LOW_INCOME, INHABITANTS, EMPTY),
        id -> YEARS.getOrDefault(id, List.of()),
        locale,
        keep);
  }

  @Test
  void themesComeByNameInTheirOrderThenFieldsByPublisher() {
    List<IndicatorChoices.Group> nl = groups(new Locale("nl"), null);
    assertThat(nl.stream().map(IndicatorChoices.Group::label))
        .containsExactly(
            "Bevolking", "Inkomen", "Overige velden: CBS Kerncijfers wijken en buurten");
    assertThat(nl.get(0).options().get(0).text()).isEqualTo("Aantal inwoners (aantal, 2016–2024)");
    assertThat(nl.get(1).options().get(0).text())
        .isEqualTo("% huishoudens met een laag inkomen (%, 2023)");
    // a field under its source's name: readable, and marked Dutch on an English page
    IndicatorChoices.Option field = nl.get(2).options().get(0);
    assertThat(field.text()).isEqualTo("Afstand tot cafe km (2020)");
    assertThat(field.dutchOnly()).isFalse();
    assertThat(groups(Locale.ENGLISH, null).get(2).options().get(0).dutchOnly()).isTrue();
    assertThat(groups(Locale.ENGLISH, null).get(0).label()).isEqualTo("Population");
  }

  @Test
  void undocumentedFieldsAndFiguresWithoutYearsAreLeftOutUnlessAlreadyChosen() {
    assertThat(ids(groups(new Locale("nl"), null))).doesNotContain("lbm_kafw", "men");
    assertThat(ids(groups(new Locale("nl"), "lbm_kafw"))).contains("lbm_kafw");
  }

  static List<String> ids(List<IndicatorChoices.Group> groups) {
    return groups.stream()
        .flatMap(g -> g.options().stream())
        .map(IndicatorChoices.Option::id)
        .toList();
  }
}
