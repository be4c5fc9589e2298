package nl.veerkracht.analysis.domain;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The weights, inputs and thresholds of the analysis, under {@code veerkracht.analysis.*}. They are
 * shown next to every result; {@code docs/method.md} explains each one. Weights given in the
 * configuration override the defaults one by one; a weight of 0 leaves an input out.
 *
 * @param lbmClassLimits the eight limits on the Leefbaarometer deviation {@code afw} between the
 *     nine classes (inferred from the 2024 edition; a published class always wins)
 * @param lbmNationalMean per edition year, the national mean of the score {@code lbm}, so that
 *     {@code afw = lbm − mean} where a source gives the score without its deviation
 * @param shareBands the corporation share (%) separating "below a third", "a third to two thirds"
 *     and "corporatiebuurt" (above two thirds)
 * @param vulnerabilityWeights input indicator → weight of the vulnerability index
 * @param reference what the vulnerability inputs are compared with: {@code gemeente} (the area's
 *     own gemeente, the default) or {@code nl} (the Netherlands)
 * @param vulnerabilityRise index points of rise that count as "vulnerability rising"
 * @param onvWorse fall of the Leefbaarometer nuisance-and-insecurity score that counts as "worse"
 * @param onvBasis {@code absolute} (the area's own change) or {@code relative} (its change minus
 *     the gemeente's)
 * @param windowYears how far back a change may look
 * @param minSpanYears the least number of years between the two years of a vulnerability change
 * @param attention the rules for attention areas and how many must hold
 */
public record AnalysisSettings(
    List<Double> lbmClassLimits,
    Map<Integer, Double> lbmNationalMean,
    List<Double> shareBands,
    Map<String, Double> vulnerabilityWeights,
    String reference,
    Double vulnerabilityRise,
    Double onvWorse,
    String onvBasis,
    Integer windowYears,
    Integer minSpanYears,
    Attention attention) {

  public static final List<Double> DEFAULT_LBM_LIMITS =
      List.of(-0.41, -0.355, -0.282, -0.165, -0.103, 0.010, 0.090, 0.168);

  public AnalysisSettings {
    lbmClassLimits =
        lbmClassLimits == null || lbmClassLimits.size() != 8
            ? DEFAULT_LBM_LIMITS
            : List.copyOf(lbmClassLimits);
    Map<Integer, Double> means = new TreeMap<>(Map.of(2022, 4.1023));
    if (lbmNationalMean != null) {
      means.putAll(lbmNationalMean);
    }
    lbmNationalMean = means;
    shareBands =
        shareBands == null || shareBands.size() != 2
            ? List.of(100.0 / 3, 200.0 / 3)
            : List.copyOf(shareBands);
    Map<String, Double> w = new LinkedHashMap<>();
    w.put("pct_low_income_households", 1.0);
    w.put("pct_households_social_minimum", 1.0);
    w.put("social_assistance_per_1000", 1.0);
    w.put("pct_lowest40_households", 1.0);
    w.put("pct_youth_care", 0.5);
    w.put("wmo_per_1000", 0.5);
    w.put("pct_single_person_households", 0.5);
    if (vulnerabilityWeights != null) {
      vulnerabilityWeights.forEach((k, v) -> w.put(k, v == null ? 0.0 : v));
    }
    vulnerabilityWeights = w;
    reference = "nl".equalsIgnoreCase(reference) ? "nl" : "gemeente";
    vulnerabilityRise = vulnerabilityRise == null ? 2.0 : vulnerabilityRise;
    onvWorse = onvWorse == null ? 0.01 : onvWorse;
    onvBasis = "relative".equalsIgnoreCase(onvBasis) ? "relative" : "absolute";
    windowYears = windowYears == null ? 10 : windowYears;
    minSpanYears = minSpanYears == null ? 3 : minSpanYears;
    attention = attention == null ? new Attention(null, null, null, null, null) : attention;
  }

  public static AnalysisSettings defaults() {
    return new AnalysisSettings(null, null, null, null, null, null, null, null, null, null, null);
  }

  /** A copy with one weight changed (0 leaves the input out). */
  public AnalysisSettings withWeight(String input, double weight) {
    Map<String, Double> w = new LinkedHashMap<>(vulnerabilityWeights);
    w.put(input, weight);
    return new AnalysisSettings(
        lbmClassLimits,
        lbmNationalMean,
        shareBands,
        w,
        reference,
        vulnerabilityRise,
        onvWorse,
        onvBasis,
        windowYears,
        minSpanYears,
        attention);
  }

  public AnalysisSettings withVulnerabilityRise(double rise) {
    return new AnalysisSettings(
        lbmClassLimits,
        lbmNationalMean,
        shareBands,
        vulnerabilityWeights,
        reference,
        rise,
        onvWorse,
        onvBasis,
        windowYears,
        minSpanYears,
        attention);
  }

  public AnalysisSettings withOnvWorse(double worse) {
    return new AnalysisSettings(
        lbmClassLimits,
        lbmNationalMean,
        shareBands,
        vulnerabilityWeights,
        reference,
        vulnerabilityRise,
        worse,
        onvBasis,
        windowYears,
        minSpanYears,
        attention);
  }

  public AnalysisSettings withShareBands(double low, double high) {
    return new AnalysisSettings(
        lbmClassLimits,
        lbmNationalMean,
        List.of(low, high),
        vulnerabilityWeights,
        reference,
        vulnerabilityRise,
        onvWorse,
        onvBasis,
        windowYears,
        minSpanYears,
        attention);
  }

  public AnalysisSettings withAttention(Attention rules) {
    return new AnalysisSettings(
        lbmClassLimits,
        lbmNationalMean,
        shareBands,
        vulnerabilityWeights,
        reference,
        vulnerabilityRise,
        onvWorse,
        onvBasis,
        windowYears,
        minSpanYears,
        rules);
  }

  public AnalysisSettings withReference(String ref) {
    return new AnalysisSettings(
        lbmClassLimits,
        lbmNationalMean,
        shareBands,
        vulnerabilityWeights,
        ref,
        vulnerabilityRise,
        onvWorse,
        onvBasis,
        windowYears,
        minSpanYears,
        attention);
  }

  /**
   * The attention-area rules: an area is flagged when at least {@code minRules} hold.
   *
   * @param maxLbmClass Leefbaarometer class at or below which livability counts as weak
   * @param minCorporationShare corporation share (%) from which the share counts as high
   * @param vulnerabilityRising whether rising vulnerability counts as a rule
   * @param nuisanceWorsening whether worsening nuisance and insecurity counts as a rule (with
   *     rising vulnerability this is the signal "under pressure", so such an area meets two)
   * @param minRules how many rules must hold
   */
  public record Attention(
      Integer maxLbmClass,
      Double minCorporationShare,
      Boolean vulnerabilityRising,
      Boolean nuisanceWorsening,
      Integer minRules) {
    public Attention {
      maxLbmClass = maxLbmClass == null ? 4 : maxLbmClass;
      minCorporationShare = minCorporationShare == null ? 200.0 / 3 : minCorporationShare;
      vulnerabilityRising = vulnerabilityRising == null || vulnerabilityRising;
      nuisanceWorsening = nuisanceWorsening == null || nuisanceWorsening;
      minRules = minRules == null ? 2 : minRules;
    }
  }
}
