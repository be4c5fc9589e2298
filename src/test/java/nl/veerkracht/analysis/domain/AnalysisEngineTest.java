package nl.veerkracht.analysis.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import nl.veerkracht.imports.read.BundledFigures;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The analysis on the real bundled files, read with the production readers. Every expected value is
 * worked out by hand from the numbers in the files; the arithmetic is written next to it.
 */
class AnalysisEngineTest {

  @TempDir static Path tmp;
  static BundledFigures figures;
  static List<Result> defaults;

  @BeforeAll
  static void read() {
    figures =
        BundledFigures.read(
            tmp,
            "cbs/kwb2019_amsterdam_gm_wk_bu.csv",
            "cbs/baarn_buurten_timeseries_2016_2025.json",
            "cbs/prov_utrecht_buurten_2020_kwb_lbm_ses.csv",
            "leefbaarometer/lbm2_wijk_klassen_2002_2016.csv",
            "leefbaarometer/lbm2_wijk_dimensiescores_2012_2016.csv",
            "leefbaarometer/lbm2_wijk_ontwikkeling_2012_2016.csv");
    defaults = run(AnalysisSettings.defaults());
  }

  static List<Result> run(AnalysisSettings settings) {
    // the engine adds derived inputs to what it is given: every run starts from a fresh copy
    BundledFigures copy = new BundledFigures();
    for (String code : figures.inputs.areaCodes()) {
      figures
          .inputs
          .area(code)
          .forEach((y, v) -> v.forEach((k, x) -> copy.inputs.put(code, y, k, x)));
    }
    return AnalysisEngine.run(copy.inputs, figures.names, settings);
  }

  static Result find(List<Result> results, String code, int year, String id) {
    return results.stream()
        .filter(r -> r.areaCode().equals(code) && r.year() == year && r.indicatorId().equals(id))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + id + " for " + code + " " + year));
  }

  static Optional<Result> any(List<Result> results, String code, String id) {
    return results.stream()
        .filter(r -> r.areaCode().equals(code) && r.indicatorId().equals(id))
        .findFirst();
  }

  @Test
  void amsterdamKopZeedijkVulnerabilityIndex2019() {
    // kwb2019_amsterdam_gm_wk_bu.csv, rows BU03630000 (Kop Zeedijk) and GM0363 (Amsterdam):
    //   % low income            15,3 / 12,8                         = 1.195313
    //   % around social minimum 13,9 / 12,4                         = 1.120968
    //   assistance per 1,000    (20/1035) / (40340/862965)          = 0.413378
    //   % lowest-40 % income    55,1 / 50,9                         = 1.082515
    //   WMO per 1,000 (w 0.5)   44 / 81                             = 0.543210
    //   % single (w 0.5)        (525/755) / (257453/470223)         = 1.270043
    //   % youth care: "NA" for the buurt -> left out
    // V = 100 × (1.195313 + 1.120968 + 0.413378 + 1.082515 + 0.5 × (0.543210 + 1.270043)) / 5.0
    //   = 100 × 4.718800 / 5.0 = 94.376
    Result v = find(defaults, "BU03630000", 2019, AnalysisEngine.VULNERABILITY);
    assertThat(v.value()).isCloseTo(94.376, within(0.001));
    assertThat(v.status()).isEqualTo("ok");
    assertThat(v.explanationNl())
        .contains("15,30/12,80 [% lage inkomens]")
        .contains("19,32/46,75 [bijstand per 1.000]")
        .contains("/ 5,0 = 94,4")
        .contains("gemeente Amsterdam (GM0363), 2019");
    // social assistance per 1,000 is derived from the counts: 20 / 1035 × 1000 = 19.32
    assertThat(find(defaults, "BU03630000", 2019, "social_assistance_per_1000").value())
        .isCloseTo(19.324, within(0.001));
  }

  @Test
  void amsterdamKopZeedijkCorporationShareBand() {
    // 7 % corporation homes (CSV) < 33.3 % -> band 1, "minder dan een derde"
    Result band = find(defaults, "BU03630000", 2019, AnalysisEngine.SHARE_BAND);
    assertThat(band.value()).isEqualTo(1.0);
    assertThat(band.explanationNl()).startsWith("7 % corporatiewoningen (CBS 2019)");
    // Oude Kerk e.o. (BU03630001) has 28 % -> band 1; a buurt with 97 % (BU03632801) -> band 3
    assertThat(find(defaults, "BU03632801", 2019, AnalysisEngine.SHARE_BAND).value())
        .isEqualTo(3.0);
  }

  @Test
  void baarnCentrumOwnCorporationShare() {
    // prov_utrecht_buurten_2020: BU03080000 (Centrum) woningvoorraad 1066.
    // 300 own units -> 300 / 1066 × 100 = 28.14 % -> band 1; 750 units -> 70.36 % -> band 3
    OwnShare some = OwnShare.of("BU03080000", 300, 1066, 2020, AnalysisSettings.defaults());
    assertThat(some.pct()).isCloseTo(28.143, within(0.001));
    assertThat(some.band()).isEqualTo(1);
    assertThat(some.explanation().nl())
        .isEqualTo(
            "Eigen aandeel = 300 eigen eenheden / 1066 woningen (CBS 2020) × 100 = 28,1 %:"
                + " minder dan een derde corporatiewoningen. Grenzen 33,3 % en 66,7 %.");
    assertThat(OwnShare.of("BU03080000", 750, 1066, 2020, AnalysisSettings.defaults()).band())
        .isEqualTo(3);
    assertThat(figures.inputs.get("BU03080000", 2020, "dwellings")).isEqualTo(1066);
  }

  @Test
  void baarnCentrumVeerkrachtSignal() {
    // baarn_buurten_timeseries_2016_2025.json, BU03080000 against GM0308, 2018 -> 2023
    // (2024 lacks the income figures; the newest year with them is 2023, 5 years back is 2018):
    //   % low income      2018: 7,6/5,8 = 1.310345   2023: 4,3/2,6 = 1.653846
    //   % social minimum  2018: 4,9/4,6 = 1.065217   2023: 5,2/4,7 = 1.106383
    //   assistance/1,000  2018: (30/1725)/(400/24630) = 1.070870
    //                     2023: (20/1810)/(370/25008) = 0.746842
    //   % youth (w 0.5)   2018: 7,9/8,4 = 0.940476   2023: 10,6/12,1 = 0.876033
    // ΔV = 100 × (0.343501 + 0.041166 − 0.324028 + 0.5 × −0.064443) / 3.5 = +0.8119
    Result change = find(defaults, "BU03080000", 2023, AnalysisEngine.VULNERABILITY_CHANGE);
    assertThat(change.value()).isCloseTo(0.8119, within(0.0001));
    // onv: buurten have no Leefbaarometer 3 nuisance pair; the wijk WK030800 has the published
    // LBM 2.0 development DLBVEI 2012 -> 2016 = +0.0306247877858606 (lbm2_wijk_ontwikkeling)
    Result onv = find(defaults, "BU03080000", 2016, AnalysisEngine.ONV_CHANGE);
    assertThat(onv.value()).isCloseTo(0.030625, within(0.000001));
    // +0.81 ≤ 2.0 (not rising) and +0.031 ≥ −0.01 (not worse) -> 4 "stabiel of verbeterend"
    Result signal = find(defaults, "BU03080000", 2023, AnalysisEngine.SIGNAL);
    assertThat(signal.value()).isEqualTo(Signal.STABLE.code());
    assertThat(signal.explanationNl())
        .startsWith("Signaal 'stabiel of verbeterend': kwetsbaarheid +0,81 punten (2018→2023")
        .contains("drempel 2,0")
        .contains("de perioden verschillen")
        .contains("geen oordeel")
        .contains("Aedes");
  }

  @Test
  void publishedLeefbaarometerClassWinsAndIsNotDerived() {
    // lbm2_wijk_klassen: WK036300 (Burgwallen-Oude Zijde) KL16 = 9
    Result c = find(defaults, "WK036300", 2016, AnalysisEngine.LBM_CLASS);
    assertThat(c.value()).isEqualTo(9.0);
    assertThat(c.explanationNl()).startsWith("Gepubliceerde klasse");
  }

  @Test
  void classFromScoreNeedsTheNationalMeanOfItsEdition() {
    // prov_utrecht 2020: BU03080000 leefbarometer_score 4.18 without its deviation
    Result none = find(defaults, "BU03080000", 2020, AnalysisEngine.LBM_CLASS);
    assertThat(none.status()).isEqualTo("missing");
    assertThat(none.explanationNl()).contains("veerkracht.analysis.lbm-national-mean.2020");
    // With a mean configured (4.10 here, a test setting): afw = 4.18 − 4.10 = +0.08, which lies
    // between the limits 0.010 and 0.090 -> class 7, marked derived
    AnalysisSettings withMean =
        new AnalysisSettings(
            null,
            null,
            null,
            java.util.Map.of(2020, 4.10),
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null);
    Result derived = find(run(withMean), "BU03080000", 2020, AnalysisEngine.LBM_CLASS);
    assertThat(derived.value()).isEqualTo(7.0);
    assertThat(derived.explanationNl()).startsWith("Afgeleid, geen gepubliceerde klasse");
    assertThat(Bands.lbmClass(-0.2, AnalysisSettings.DEFAULT_LBM_LIMITS)).isEqualTo(4);
    assertThat(Bands.lbmClass(-0.5, AnalysisSettings.DEFAULT_LBM_LIMITS)).isEqualTo(1);
    assertThat(Bands.lbmClass(0.2, AnalysisSettings.DEFAULT_LBM_LIMITS)).isEqualTo(9);
  }

  @Test
  void attentionAreaGivesItsReasonsInDutch() {
    // BU03632801: 97 % corporation homes (≥ 66.7) and its wijk's LBM 2.0 safety fell 2012 -> 2016
    Result a = any(defaults, "BU03632801", AnalysisEngine.ATTENTION).orElseThrow();
    assertThat(a.value()).isEqualTo(1.0);
    assertThat(a.explanationNl())
        .startsWith("Aandachtsgebied: 97 % corporatiewoningen, overlast en onveiligheid toegenomen")
        .contains("Niet te beoordelen: Leefbaarometer-klasse");
    // Kop Zeedijk: 7 % and nuisance up -> 1 of at least 2 rules
    Result kop = any(defaults, "BU03630000", AnalysisEngine.ATTENTION).orElseThrow();
    assertThat(kop.value()).isEqualTo(0.0);
    assertThat(kop.explanationNl()).startsWith("Geen aandachtsgebied: 1 van de minstens 2");
  }

  @Test
  void changingAThresholdChangesResultAndExplanationTogether() {
    // Baarn Centrum's ΔV of +0.81 is rising once the threshold is 0.5 instead of 2.0
    Result signal =
        find(
            run(AnalysisSettings.defaults().withVulnerabilityRise(0.5)),
            "BU03080000",
            2023,
            AnalysisEngine.SIGNAL);
    assertThat(signal.value()).isEqualTo(Signal.COPING.code());
    assertThat(signal.explanationNl())
        .startsWith("Signaal 'kwetsbaarheid stijgt, overlast niet'")
        .contains("stijgend, meer dan 0,5");
    // nuisance: +0.031 is never "worse"; a threshold of −0.05 (improvement of less than 0.05
    // counts as worse) would flip it — thresholds act on the value as shown
    Result strict =
        find(
            run(AnalysisSettings.defaults().withOnvWorse(-0.05)),
            "BU03080000",
            2023,
            AnalysisEngine.SIGNAL);
    assertThat(strict.value()).isEqualTo(Signal.NUISANCE_RISING.code());
    assertThat(strict.explanationNl()).contains("−0,050");
  }

  @Test
  void changingAWeightChangesResultAndExplanationTogether() {
    // Without social assistance (weight 0): (1.195313 + 1.120968 + 1.082515 + 0.5 × (0.543210 +
    // 1.270043)) / 4.0 × 100 = 107.636
    Result v =
        find(
            run(AnalysisSettings.defaults().withWeight("social_assistance_per_1000", 0)),
            "BU03630000",
            2019,
            AnalysisEngine.VULNERABILITY);
    assertThat(v.value()).isCloseTo(107.636, within(0.001));
    assertThat(v.explanationNl()).doesNotContain("bijstand").contains("/ 4,0 = 107,6");
  }

  @Test
  void changingShareBandsAndAttentionRules() {
    // with limits 5 % and 50 %, Kop Zeedijk's 7 % is band 2
    Result band =
        find(
            run(AnalysisSettings.defaults().withShareBands(5, 50)),
            "BU03630000",
            2019,
            AnalysisEngine.SHARE_BAND);
    assertThat(band.value()).isEqualTo(2.0);
    assertThat(band.explanationNl()).contains("Grenzen 5,0 % en 50,0 %");
    // one rule suffices: Kop Zeedijk's nuisance rise alone flags it
    Result a =
        any(
                run(
                    AnalysisSettings.defaults()
                        .withAttention(new AnalysisSettings.Attention(null, null, null, null, 1))),
                "BU03630000",
                AnalysisEngine.ATTENTION)
            .orElseThrow();
    assertThat(a.value()).isEqualTo(1.0);
    assertThat(a.explanationNl())
        .startsWith("Aandachtsgebied: overlast en onveiligheid")
        .contains("minstens 1.");
  }

  @Test
  void peerGroupsFindTenSimilarBuurtenButNeverTheBuurtItself() {
    BundledFigures copy = new BundledFigures();
    for (String code : figures.inputs.areaCodes()) {
      figures
          .inputs
          .area(code)
          .forEach((y, v) -> v.forEach((k, x) -> copy.inputs.put(code, y, k, x)));
    }
    List<Result> results =
        AnalysisEngine.run(copy.inputs, figures.names, AnalysisSettings.defaults());
    PeerGroups peers = PeerGroups.build(copy.inputs, results);
    List<PeerGroups.Peer> near = peers.nearest("BU03630000", 10);
    assertThat(near).hasSize(10);
    assertThat(near).extracting(PeerGroups.Peer::code).doesNotContain("BU03630000");
    assertThat(near).allMatch(p -> p.code().startsWith("BU"));
    for (int i = 1; i < near.size(); i++) {
      assertThat(near.get(i).distance()).isGreaterThanOrEqualTo(near.get(i - 1).distance());
    }
  }

  @Test
  void smallNumbersAreSuppressedOrRounded() {
    assertThat(SmallNumbers.count(9)).isNull();
    assertThat(SmallNumbers.count(10)).isEqualTo(10);
    assertThat(SmallNumbers.count(13)).isEqualTo(15);
    assertThat(SmallNumbers.share(3, 9)).isNull();
    assertThat(SmallNumbers.share(3, 12)).isEqualTo(25.0);
  }
}
