package nl.veerkracht.analysis.domain;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Derives the analysis indicators from the stored figures, one step class per family: {@link
 * DerivedInputs}, {@link Livability} and {@link LivabilityVersusGemeente}, {@link ShareBands},
 * {@link VulnerabilityStep}, {@link NuisanceChanges} and {@link SignalStep}, {@link AttentionStep}.
 * Pure and deterministic: the same inputs and settings give the same results, each with its
 * explanation (message templates of the bundles, both languages from one call). {@code
 * docs/method.md} describes every step.
 */
public final class AnalysisEngine {

  /** Ids of the derived indicators (stable, part of the API). */
  public static final String SOCIAL_ASSISTANCE_PER_1000 = "social_assistance_per_1000";

  public static final String PCT_SINGLE = "pct_single_person_households";
  public static final String WMO_PER_1000 = "wmo_per_1000";
  public static final String VULNERABILITY = "vulnerability_index";
  public static final String VULNERABILITY_CHANGE = "vulnerability_change";
  public static final String ONV_CHANGE = "onv_change";
  public static final String ONV_VS_GEMEENTE = "onv_change_vs_gemeente";
  public static final String SIGNAL = "veerkracht_signal";
  public static final String LBM_CLASS = "lbm_class";
  public static final String LBM_AFW = "lbm_afw";
  public static final String LBM_CHANGE = "lbm_change";
  public static final String LBM_VS_GEMEENTE = "lbm_vs_gemeente";
  public static final String SHARE_BAND = "corporation_share_band";
  public static final String ATTENTION = "attention_area";

  /** The five dimensions of Leefbaarometer 3.x ({@code lbm_won} …). */
  public static final List<String> LBM_DIMENSIONS = List.of("won", "fys", "vrz", "soc", "onv");

  /** The class of a dimension: published ({@code kwon} …) or derived ({@code lbm_won_class}). */
  public static String dimensionClass(String dimension) {
    return "lbm_" + dimension + "_class";
  }

  /**
   * Derived figures that describe an area's present state even when computed for an earlier year (a
   * change ends in its last year): an area's page shows the newest of each up to the year asked.
   */
  public static final List<String> CURRENT_STATE =
      List.of(
          SIGNAL,
          ATTENTION,
          VULNERABILITY_CHANGE,
          ONV_CHANGE,
          ONV_VS_GEMEENTE,
          LBM_CLASS,
          LBM_CHANGE,
          SHARE_BAND,
          "lbm_won_class",
          "lbm_fys_class",
          "lbm_vrz_class",
          "lbm_soc_class",
          "lbm_onv_class");

  private AnalysisEngine() {}

  /**
   * Runs the analysis. Adds the derived inputs (per-1,000 and share figures) to {@code inputs}.
   *
   * @param names area code → name, for explanations (may be empty)
   */
  public static List<Result> run(
      AnalysisInputs inputs, Map<String, String> names, AnalysisSettings settings) {
    RunContext ctx = new RunContext(inputs, names, settings);
    List<String> codes = new ArrayList<>(inputs.areaCodes());
    codes.sort(null);
    DerivedInputs derived = new DerivedInputs(ctx);
    codes.forEach(derived::run);
    Livability livability = new Livability(ctx);
    ShareBands shareBands = new ShareBands(ctx);
    VulnerabilityStep vulnerability = new VulnerabilityStep(ctx);
    NuisanceChanges nuisance = new NuisanceChanges(ctx);
    for (String code : codes) {
      livability.run(code);
      shareBands.run(code);
      vulnerability.run(code);
      nuisance.findOwn(code);
    }
    new LivabilityVersusGemeente(ctx).run(codes);
    nuisance.computeGemeenten();
    SignalStep signal = new SignalStep(ctx, nuisance);
    codes.forEach(signal::run);
    AttentionStep attention = new AttentionStep(ctx, nuisance);
    codes.forEach(attention::run);
    return ctx.out;
  }

  /** The signal per area code from the last run, for callers that need it (peer groups). */
  public static Map<String, Double> latest(List<Result> results, String indicator) {
    Map<String, Double> latest = new LinkedHashMap<>();
    Map<String, Integer> years = new HashMap<>();
    for (Result r : results) {
      if (r.indicatorId().equals(indicator)
          && r.value() != null
          && r.year() >= years.getOrDefault(r.areaCode(), Integer.MIN_VALUE)) {
        latest.put(r.areaCode(), r.value());
        years.put(r.areaCode(), r.year());
      }
    }
    return latest;
  }
}
