package nl.veerkracht.statistics.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IndicatorCatalogueTest {

  private final IndicatorCatalogue catalogue = IndicatorCatalogue.standard();

  @ParameterizedTest(name = "{0} means {1}")
  @CsvSource({
    "InBezitWoningcorporatie_49, pct_corporation_rent",
    "perc_huurwoningen_in_bezit_woningcorporaties, pct_corporation_rent",
    "Wonen.Woningen.naar.eigendom.Huurwoningen.In.bezit.woningcorporatie...., pct_corporation_rent",
    "pct_huurcorporatie, pct_corporation_rent",
    "In bezit woningcorporatie (%), pct_corporation_rent",
    "AantalInwoners_5, inhabitants",
    "Bevolking.Aantal.inwoners..aantal., inhabitants",
    "AANT_INW, inhabitants",
    "aantal_inwoners, inhabitants",
    "onv, lbm_onv",
    "RLBVEI, lbm2_vei",
    "k_40HuishoudensMetLaagsteInkomen_87, pct_lowest40_households"
  })
  void mapsSourceColumnsToCatalogueIds(String column, String id) {
    assertThat(catalogue.findIdForColumn(column)).contains(id);
  }

  @ParameterizedTest
  @CsvSource({"Appartement_54", "GeboorteTotaal_25", "unknown column"})
  void leavesUnknownColumnsUnmapped(String column) {
    assertThat(catalogue.findIdForColumn(column)).isEmpty();
  }

  @ParameterizedTest
  @CsvSource({
    "'Bevolking.Aantal.inwoners..aantal.', bevolking_aantal_inwoners_aantal",
    "'Bevolking/Aantal inwoners (aantal)', bevolking_aantal_inwoners_aantal",
    "'Zorg.Wmo.cliënten..aantal.', zorg_wmo_clienten_aantal"
  })
  void normalisesColumnNames(String raw, String expected) {
    assertThat(Indicator.normalise(raw)).isEqualTo(expected);
  }
}
