package nl.veerkracht.analysis.domain;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Derives the analysis indicators from the stored figures: livability class, change and comparison;
 * corporation-share band; the vulnerability index and its change; the change in nuisance and
 * insecurity; the veerkracht signal; attention areas. Pure and deterministic: the same inputs and
 * settings give the same results, each with its explanation. {@code docs/method.md} describes every
 * step.
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
          SHARE_BAND);

  /** Short names of the usual vulnerability inputs, for explanations. */
  private static final Map<String, Text> INPUT_NAMES =
      Map.of(
          "pct_low_income_households",
          Text.of("% lage inkomens", "% low incomes"),
          "pct_households_social_minimum",
          Text.of("% rond sociaal minimum", "% around social minimum"),
          SOCIAL_ASSISTANCE_PER_1000,
          Text.of("bijstand per 1.000", "social assistance per 1,000"),
          "pct_lowest40_households",
          Text.of("% laagste 40 % inkomen", "% lowest 40 % income"),
          "pct_youth_care",
          Text.of("% jeugdzorg", "% youth care"),
          WMO_PER_1000,
          Text.of("Wmo per 1.000", "WMO per 1,000"),
          PCT_SINGLE,
          Text.of("% eenpersoonshuishoudens", "% single-person households"));

  private static final String RESEARCH_NL =
      " Een signaal om nader te kijken, geen oordeel; naar het Aedes-onderzoek 'Veerkracht in het"
          + " corporatiebezit' (RIGO), met open data in plaats van CBS-microdata.";
  private static final String RESEARCH_EN =
      " A signal to look closer, not a verdict; modelled on the Aedes research 'Veerkracht in het"
          + " corporatiebezit' (RIGO), with open data instead of CBS microdata.";

  /** A change of the nuisance-and-insecurity score with where it came from. */
  public record OnvChange(
      double value, int fromYear, int toYear, String source, String level, String ownerCode) {}

  private final AnalysisInputs in;
  private final AnalysisSettings s;
  private final Map<String, String> names;
  private final List<Result> out = new ArrayList<>();
  private final Map<String, Vulnerability.Change> changes = new HashMap<>();
  private final Map<String, OnvChange> ownOnv = new HashMap<>();
  private final Map<String, Double> onvGemeente = new HashMap<>();
  private final Map<String, Signal> signals = new HashMap<>();
  private final Map<String, Integer> signalYears = new HashMap<>();

  private AnalysisEngine(AnalysisInputs in, Map<String, String> names, AnalysisSettings s) {
    this.in = in;
    this.names = names;
    this.s = s;
  }

  /**
   * Runs the analysis. Adds the derived inputs (per-1,000 and share figures) to {@code inputs}.
   *
   * @param names area code → name, for explanations (may be empty)
   */
  public static List<Result> run(
      AnalysisInputs inputs, Map<String, String> names, AnalysisSettings settings) {
    AnalysisEngine e = new AnalysisEngine(inputs, names, settings);
    List<String> codes = new ArrayList<>(inputs.areaCodes());
    codes.sort(null);
    for (String code : codes) {
      e.deriveInputs(code);
    }
    for (String code : codes) {
      e.livability(code);
      e.shareBand(code);
      e.vulnerability(code);
      e.ownOnv(code);
    }
    e.lbmVersusGemeente(codes);
    e.onvGemeente();
    for (String code : codes) {
      e.signal(code);
    }
    for (String code : codes) {
      e.attention(code);
    }
    return e.out;
  }

  // ---- derived inputs ----------------------------------------------------------------------

  private void deriveInputs(String code) {
    for (Map.Entry<Integer, Map<String, Double>> e : in.area(code).entrySet()) {
      int year = e.getKey();
      Map<String, Double> v = e.getValue();
      ratio(
          code,
          year,
          v,
          SOCIAL_ASSISTANCE_PER_1000,
          "social_assistance_recipients",
          "inhabitants",
          1000,
          Text.of("bijstandsontvangers", "social-assistance recipients"),
          Text.of("inwoners", "inhabitants"));
      ratio(
          code,
          year,
          v,
          WMO_PER_1000,
          "wmo_clients",
          "inhabitants",
          1000,
          Text.of("Wmo-cliënten", "WMO clients"),
          Text.of("inwoners", "inhabitants"));
      ratio(
          code,
          year,
          v,
          PCT_SINGLE,
          "single_person_households",
          "households",
          100,
          Text.of("eenpersoonshuishoudens", "single-person households"),
          Text.of("huishoudens", "households"));
    }
  }

  private void ratio(
      String code,
      int year,
      Map<String, Double> v,
      String id,
      String numerator,
      String denominator,
      double per,
      Text numName,
      Text denName) {
    Double n = v.get(numerator);
    Double d = v.get(denominator);
    if (v.containsKey(id) || n == null || d == null || d <= 0) {
      return;
    }
    double value = n / d * per;
    v.put(id, value);
    String unitNl = per == 100 ? " × 100" : " × 1.000";
    String unitEn = per == 100 ? " × 100" : " × 1,000";
    out.add(
        Result.ok(
            code,
            year,
            id,
            value,
            Text.of(
                "Afgeleid: "
                    + numName.nl()
                    + " / "
                    + denName.nl()
                    + unitNl
                    + " = "
                    + Text.nl(n, 0)
                    + " / "
                    + Text.nl(d, 0)
                    + unitNl
                    + " = "
                    + Text.nl(value, 2)
                    + " (CBS, "
                    + year
                    + ").",
                "Derived: "
                    + numName.en()
                    + " / "
                    + denName.en()
                    + unitEn
                    + " = "
                    + Text.en(n, 0)
                    + " / "
                    + Text.en(d, 0)
                    + unitEn
                    + " = "
                    + Text.en(value, 2)
                    + " (CBS, "
                    + year
                    + ").")));
  }

  // ---- livability --------------------------------------------------------------------------

  private void livability(String code) {
    TreeMap<Integer, Double> afwByYear = new TreeMap<>();
    for (Map.Entry<Integer, Map<String, Double>> e : in.area(code).entrySet()) {
      int year = e.getKey();
      Map<String, Double> v = e.getValue();
      Double afw = v.get(LBM_AFW);
      Double score = v.get("lbm_score");
      Text afwFrom = null;
      if (afw == null && score != null && s.lbmNationalMean().containsKey(year)) {
        double mean = s.lbmNationalMean().get(year);
        afw = score - mean;
        v.put(LBM_AFW, afw);
        afwFrom =
            Text.of(
                "afw = lbm − landelijk gemiddelde "
                    + year
                    + " = "
                    + Text.nl(score, 3)
                    + " − "
                    + Text.nl(mean, 4)
                    + " = "
                    + Text.signedNl(afw, 3),
                "afw = lbm − national mean "
                    + year
                    + " = "
                    + Text.en(score, 3)
                    + " − "
                    + Text.en(mean, 4)
                    + " = "
                    + Text.signedEn(afw, 3));
        out.add(
            Result.ok(
                code,
                year,
                LBM_AFW,
                afw,
                Text.of(
                    "Afgeleid: " + afwFrom.nl() + " (de bron geeft alleen de score).",
                    "Derived: " + afwFrom.en() + " (the source gives only the score).")));
      }
      if (afw != null) {
        afwByYear.put(year, afw);
      }
      Double published2 = v.get("lbm2_class");
      if (!v.containsKey(LBM_CLASS) && published2 != null) {
        v.put(LBM_CLASS, published2);
        out.add(
            Result.ok(
                code,
                year,
                LBM_CLASS,
                published2,
                Text.of(
                    "Gepubliceerde klasse van Leefbaarometer 2.0 ("
                        + year
                        + "): "
                        + Text.nl(published2, 0)
                        + " ("
                        + Bands.lbmLabel((int) Math.round(published2))
                        + ").",
                    "Published class of Leefbaarometer 2.0 ("
                        + year
                        + "): "
                        + Text.en(published2, 0)
                        + ".")));
      }
      if (v.containsKey(LBM_CLASS)) {
        continue;
      }
      if (afw != null) {
        int c = Bands.lbmClass(afw, s.lbmClassLimits());
        v.put(LBM_CLASS, (double) c);
        Text limits = limitsText(c);
        out.add(
            Result.ok(
                code,
                year,
                LBM_CLASS,
                c,
                Text.of(
                    "Afgeleid, geen gepubliceerde klasse: afwijking "
                        + Text.signedNl(afw, 3)
                        + " valt "
                        + limits.nl()
                        + " → klasse "
                        + c
                        + " ("
                        + Bands.lbmLabel(c)
                        + "). Grenzen ingesteld in"
                        + " veerkracht.analysis.lbm-class-limits.",
                    "Derived, no published class: deviation "
                        + Text.signedEn(afw, 3)
                        + " lies "
                        + limits.en()
                        + " → class "
                        + c
                        + ". Limits set in veerkracht.analysis.lbm-class-limits.")));
      } else if (score != null) {
        out.add(
            Result.missing(
                code,
                year,
                LBM_CLASS,
                Text.of(
                    "Geen klasse: de bron geeft de score "
                        + Text.nl(score, 3)
                        + " zonder afwijking (afw), en het"
                        + " landelijk gemiddelde van "
                        + year
                        + " is niet ingesteld"
                        + " (veerkracht.analysis.lbm-national-mean."
                        + year
                        + ").",
                    "No class: the source gives the score "
                        + Text.en(score, 3)
                        + " without its deviation (afw), and"
                        + " the national mean of "
                        + year
                        + " is not configured"
                        + " (veerkracht.analysis.lbm-national-mean."
                        + year
                        + ").")));
      }
    }
    if (afwByYear.size() >= 2) {
      int b = afwByYear.lastKey();
      Integer a = null;
      for (int y : afwByYear.keySet()) {
        if (y < b && b - y <= s.windowYears()) {
          a = y;
          break;
        }
      }
      if (a != null) {
        double d = afwByYear.get(b) - afwByYear.get(a);
        out.add(
            Result.ok(
                code,
                b,
                LBM_CHANGE,
                d,
                Text.of(
                    "Verandering van de afwijking van het landelijk gemiddelde "
                        + a
                        + "→"
                        + b
                        + ": "
                        + Text.signedNl(afwByYear.get(b), 3)
                        + " − "
                        + Text.signedNl(afwByYear.get(a), 3)
                        + " = "
                        + Text.signedNl(d, 3)
                        + " (afw, omdat de score zelf per editie verschuift).",
                    "Change of the deviation from the national mean "
                        + a
                        + "→"
                        + b
                        + ": "
                        + Text.signedEn(afwByYear.get(b), 3)
                        + " − "
                        + Text.signedEn(afwByYear.get(a), 3)
                        + " = "
                        + Text.signedEn(d, 3)
                        + " (afw, because the score itself shifts between editions).")));
      }
    }
  }

  private Text limitsText(int c) {
    List<Double> l = s.lbmClassLimits();
    if (c == 1) {
      return Text.of("onder " + Text.signedNl(l.get(0), 3), "below " + Text.signedEn(l.get(0), 3));
    }
    if (c == 9) {
      return Text.of("vanaf " + Text.signedNl(l.get(7), 3), "from " + Text.signedEn(l.get(7), 3));
    }
    return Text.of(
        "tussen " + Text.signedNl(l.get(c - 2), 3) + " en " + Text.signedNl(l.get(c - 1), 3),
        "between " + Text.signedEn(l.get(c - 2), 3) + " and " + Text.signedEn(l.get(c - 1), 3));
  }

  private void lbmVersusGemeente(List<String> codes) {
    // gemeente, level prefix, year -> [weighted sum, weight, count, weighted?]
    Map<String, double[]> sums = new HashMap<>();
    Map<String, Boolean> unweighted = new HashMap<>();
    for (String code : codes) {
      String gm = AnalysisInputs.gemeenteOf(code);
      if (gm == null || code.startsWith("GM")) {
        continue;
      }
      for (Map.Entry<Integer, Map<String, Double>> e : in.area(code).entrySet()) {
        Double score = e.getValue().get("lbm_score");
        if (score == null) {
          continue;
        }
        String key = gm + "|" + code.substring(0, 2) + "|" + e.getKey();
        Double w = e.getValue().get("inhabitants");
        double[] acc = sums.computeIfAbsent(key, k -> new double[4]);
        if (w == null || w <= 0) {
          unweighted.put(key, true);
          w = 1.0;
        }
        acc[0] += w * score;
        acc[1] += w;
        acc[2] += score;
        acc[3] += 1;
      }
    }
    for (String code : codes) {
      String gm = AnalysisInputs.gemeenteOf(code);
      if (gm == null || code.startsWith("GM")) {
        continue;
      }
      for (Map.Entry<Integer, Map<String, Double>> e : in.area(code).entrySet()) {
        Double score = e.getValue().get("lbm_score");
        if (score == null) {
          continue;
        }
        int year = e.getKey();
        Double published = in.get(gm, year, "lbm_score");
        double mean;
        Text how;
        if (published != null) {
          mean = published;
          how = Text.of("de gepubliceerde score van de gemeente", "the gemeente's published score");
        } else {
          String key = gm + "|" + code.substring(0, 2) + "|" + year;
          double[] acc = sums.get(key);
          if (acc[3] < 2) {
            continue;
          }
          boolean plain = unweighted.containsKey(key);
          mean = plain ? acc[2] / acc[3] : acc[0] / acc[1];
          String level = code.startsWith("BU") ? "buurten" : "wijken";
          how =
              plain
                  ? Text.of(
                      "het gemiddelde van " + (int) acc[3] + " " + level + " met een score",
                      "the mean of "
                          + (int) acc[3]
                          + " "
                          + (code.startsWith("BU") ? "buurten" : "wijken")
                          + " with a score")
                  : Text.of(
                      "het naar inwoners gewogen gemiddelde van " + (int) acc[3] + " " + level,
                      "the inhabitant-weighted mean of " + (int) acc[3] + " " + level);
        }
        double d = score - mean;
        out.add(
            Result.ok(
                code,
                year,
                LBM_VS_GEMEENTE,
                d,
                Text.of(
                    "Score "
                        + Text.nl(score, 3)
                        + " − "
                        + Text.nl(mean, 3)
                        + " voor "
                        + name(gm)
                        + " ("
                        + how.nl()
                        + ") = "
                        + Text.signedNl(d, 3)
                        + ". Het verschil met Nederland is de afwijking (afw).",
                    "Score "
                        + Text.en(score, 3)
                        + " − "
                        + Text.en(mean, 3)
                        + " for "
                        + name(gm)
                        + " ("
                        + how.en()
                        + ") = "
                        + Text.signedEn(d, 3)
                        + ". The difference with the Netherlands is the deviation (afw).")));
      }
    }
  }

  // ---- corporation share ---------------------------------------------------------------------

  private void shareBand(String code) {
    for (Map.Entry<Integer, Map<String, Double>> e : in.area(code).entrySet()) {
      Double pct = e.getValue().get("pct_corporation_rent");
      if (pct == null) {
        continue;
      }
      int band = Bands.shareBand(pct, s.shareBands());
      out.add(
          Result.ok(
              code,
              e.getKey(),
              SHARE_BAND,
              band,
              Text.of(
                  Text.nl(pct, 0)
                      + " % corporatiewoningen (CBS "
                      + e.getKey()
                      + "): "
                      + Bands.shareLabel(band)
                      + ". Grenzen "
                      + Text.nl(s.shareBands().get(0), 1)
                      + " % en "
                      + Text.nl(s.shareBands().get(1), 1)
                      + " %.",
                  Text.en(pct, 0)
                      + " % corporation homes (CBS "
                      + e.getKey()
                      + "): band "
                      + band
                      + (band == 3
                          ? " (corporatiebuurt, more than two thirds)"
                          : band == 2 ? " (a third to two thirds)" : " (below a third)")
                      + ". Limits "
                      + Text.en(s.shareBands().get(0), 1)
                      + " % and "
                      + Text.en(s.shareBands().get(1), 1)
                      + " %.")));
    }
  }

  // ---- vulnerability -------------------------------------------------------------------------

  /** The area the inputs are compared with, or null. */
  String referenceArea(String code) {
    if (code.startsWith("NL")) {
      return null;
    }
    if (s.reference().equals("nl") || code.startsWith("GM")) {
      return "NL00";
    }
    return AnalysisInputs.gemeenteOf(code);
  }

  private void vulnerability(String code) {
    String ref = referenceArea(code);
    if (ref == null || !in.has(ref)) {
      return;
    }
    TreeMap<Integer, Map<String, Double>> refValues = in.area(ref);
    for (Map.Entry<Integer, Map<String, Double>> e : in.area(code).entrySet()) {
      Map<String, Double> r = refValues.get(e.getKey());
      if (r == null) {
        continue;
      }
      Vulnerability.index(e.getKey(), e.getValue(), r, s.vulnerabilityWeights())
          .ifPresent(
              ix ->
                  out.add(
                      Result.ok(code, ix.year(), VULNERABILITY, ix.value(), indexText(ix, ref))));
    }
    Vulnerability.change(
            in.area(code), refValues, s.vulnerabilityWeights(), s.windowYears(), s.minSpanYears())
        .ifPresent(
            c -> {
              changes.put(code, c);
              out.add(
                  Result.ok(code, c.toYear(), VULNERABILITY_CHANGE, c.delta(), changeText(c, ref)));
            });
  }

  private Text indexText(Vulnerability.Index ix, String ref) {
    StringBuilder nl = new StringBuilder("V = 100 × (");
    StringBuilder en = new StringBuilder("V = 100 × (");
    double weights = 0;
    for (int i = 0; i < ix.terms().size(); i++) {
      Vulnerability.Term t = ix.terms().get(i);
      String sep = i == 0 ? "" : " + ";
      nl.append(sep)
          .append(Text.nl(t.weight(), 1))
          .append(" × ")
          .append(Text.nl(t.value(), 2))
          .append('/')
          .append(Text.nl(t.reference(), 2))
          .append(" [")
          .append(inputName(t.input()).nl())
          .append(']');
      en.append(sep)
          .append(Text.en(t.weight(), 1))
          .append(" × ")
          .append(Text.en(t.value(), 2))
          .append('/')
          .append(Text.en(t.reference(), 2))
          .append(" [")
          .append(inputName(t.input()).en())
          .append(']');
      weights += t.weight();
    }
    nl.append(") / ")
        .append(Text.nl(weights, 1))
        .append(" = ")
        .append(Text.nl(ix.value(), 1))
        .append(". Referentie (= 100): ")
        .append(name(ref))
        .append(", ")
        .append(ix.year())
        .append(". Invoer die dit jaar ontbreekt telt niet mee.");
    en.append(") / ")
        .append(Text.en(weights, 1))
        .append(" = ")
        .append(Text.en(ix.value(), 1))
        .append(". Reference (= 100): ")
        .append(name(ref))
        .append(", ")
        .append(ix.year())
        .append(". Inputs missing this year do not count.");
    return Text.of(nl.toString(), en.toString());
  }

  private Text changeText(Vulnerability.Change c, String ref) {
    StringBuilder nl = new StringBuilder();
    StringBuilder en = new StringBuilder();
    nl.append("ΔV ").append(c.fromYear()).append("→").append(c.toYear()).append(" = 100 × (");
    en.append("ΔV ").append(c.fromYear()).append("→").append(c.toYear()).append(" = 100 × (");
    double weights = 0;
    for (int i = 0; i < c.from().size(); i++) {
      Vulnerability.Term a = c.from().get(i);
      Vulnerability.Term b = c.to().get(i);
      String sep = i == 0 ? "" : " + ";
      nl.append(sep)
          .append(Text.nl(a.weight(), 1))
          .append(" × (")
          .append(Text.nl(b.ratio(), 3))
          .append(" − ")
          .append(Text.nl(a.ratio(), 3))
          .append(") [")
          .append(inputName(a.input()).nl())
          .append(']');
      en.append(sep)
          .append(Text.en(a.weight(), 1))
          .append(" × (")
          .append(Text.en(b.ratio(), 3))
          .append(" − ")
          .append(Text.en(a.ratio(), 3))
          .append(") [")
          .append(inputName(a.input()).en())
          .append(']');
      weights += a.weight();
    }
    boolean rising = c.delta() > s.vulnerabilityRise();
    nl.append(") / ")
        .append(Text.nl(weights, 1))
        .append(" = ")
        .append(Text.signedNl(c.delta(), 2))
        .append(" indexpunten (verhoudingen tot ")
        .append(name(ref))
        .append("; alleen invoer die beide jaren bekend is).")
        .append(rising ? " Stijgend: meer dan " : " Niet stijgend: niet meer dan ")
        .append(Text.nl(s.vulnerabilityRise(), 1))
        .append(" punten (veerkracht.analysis.vulnerability-rise).");
    en.append(") / ")
        .append(Text.en(weights, 1))
        .append(" = ")
        .append(Text.signedEn(c.delta(), 2))
        .append(" index points (ratios to ")
        .append(name(ref))
        .append("; only inputs known in both years).")
        .append(rising ? " Rising: more than " : " Not rising: not more than ")
        .append(Text.en(s.vulnerabilityRise(), 1))
        .append(" points (veerkracht.analysis.vulnerability-rise).");
    return Text.of(nl.toString(), en.toString());
  }

  private static Text inputName(String id) {
    return INPUT_NAMES.getOrDefault(id, Text.of(id, id));
  }

  // ---- nuisance and insecurity -------------------------------------------------------------

  private void ownOnv(String code) {
    TreeMap<Integer, Map<String, Double>> byYear = in.area(code);
    OnvChange c = pairChange(code, byYear, "lbm_onv", "lbm3");
    if (c == null) {
      c = publishedLbm2Change(code, byYear);
    }
    if (c == null) {
      c = pairChange(code, byYear, "lbm2_vei", "lbm2");
    }
    if (c != null) {
      ownOnv.put(code, c);
    }
  }

  private OnvChange pairChange(
      String code, TreeMap<Integer, Map<String, Double>> byYear, String id, String source) {
    TreeSet<Integer> years = new TreeSet<>();
    byYear.forEach(
        (y, v) -> {
          if (v.containsKey(id)) {
            years.add(y);
          }
        });
    if (years.size() < 2) {
      return null;
    }
    int b = years.last();
    for (int a : years) {
      if (a < b && b - a <= s.windowYears()) {
        return new OnvChange(
            byYear.get(b).get(id) - byYear.get(a).get(id),
            a,
            b,
            source,
            code.substring(0, 2),
            code);
      }
    }
    return null;
  }

  private OnvChange publishedLbm2Change(String code, TreeMap<Integer, Map<String, Double>> byYear) {
    OnvChange best = null;
    String prefix = "lbm2_change_vei_since_";
    for (Map.Entry<Integer, Map<String, Double>> e : byYear.entrySet()) {
      int b = e.getKey();
      for (Map.Entry<String, Double> v : e.getValue().entrySet()) {
        if (!v.getKey().startsWith(prefix)) {
          continue;
        }
        int a;
        try {
          a = Integer.parseInt(v.getKey().substring(prefix.length()));
        } catch (NumberFormatException ex) {
          continue;
        }
        if (a >= b || b - a > s.windowYears()) {
          continue;
        }
        if (best == null || b > best.toYear() || (b == best.toYear() && a < best.fromYear())) {
          best = new OnvChange(v.getValue(), a, b, "lbm2", code.substring(0, 2), code);
        }
      }
    }
    return best;
  }

  private static String groupKey(String gemeente, OnvChange c) {
    return gemeente + "|" + c.level() + "|" + c.source() + "|" + c.fromYear() + "|" + c.toYear();
  }

  /** The gemeente's change for each source and period: its own, else the mean of its areas. */
  private void onvGemeente() {
    Map<String, double[]> sums = new HashMap<>();
    Map<String, Boolean> plain = new HashMap<>();
    ownOnv.forEach(
        (code, c) -> {
          String gm = AnalysisInputs.gemeenteOf(code);
          if (gm == null || code.startsWith("GM")) {
            return;
          }
          String key = groupKey(gm, c);
          Integer hy = in.latestYear(code, "households", c.toYear());
          Double w = hy == null ? null : in.get(code, hy, "households");
          if (w == null || w <= 0) {
            plain.put(key, true);
            w = 1.0;
          }
          double[] acc = sums.computeIfAbsent(key, k -> new double[4]);
          acc[0] += w * c.value();
          acc[1] += w;
          acc[2] += c.value();
          acc[3] += 1;
        });
    sums.forEach(
        (key, acc) ->
            onvGemeente.put(key, plain.containsKey(key) ? acc[2] / acc[3] : acc[0] / acc[1]));
    ownOnv.forEach(
        (code, c) -> {
          if (code.startsWith("GM")) {
            for (String level : List.of("WK", "BU")) {
              onvGemeente.put(
                  code + "|" + level + "|" + c.source() + "|" + c.fromYear() + "|" + c.toYear(),
                  c.value());
            }
          }
        });
  }

  /** The change that applies to an area: its own, or for a buurt that of its wijk. */
  private OnvChange onvFor(String code) {
    OnvChange own = ownOnv.get(code);
    if (own != null) {
      return own;
    }
    String wijk = AnalysisInputs.wijkOf(code);
    return wijk == null ? null : ownOnv.get(wijk);
  }

  private Text onvSourceText(String code, OnvChange c) {
    String dim =
        c.source().equals("lbm3")
            ? "Leefbaarometer 3, overlast en onveiligheid (onv)"
            : "Leefbaarometer 2.0, veiligheid";
    String dimEn =
        c.source().equals("lbm3")
            ? "Leefbaarometer 3, nuisance and insecurity (onv)"
            : "Leefbaarometer 2.0, safety";
    String of = c.ownerCode().equals(code) ? "" : ", cijfer van wijk " + name(c.ownerCode());
    String ofEn = c.ownerCode().equals(code) ? "" : ", figure of wijk " + name(c.ownerCode());
    return Text.of(
        dim + ", " + c.fromYear() + "→" + c.toYear() + of,
        dimEn + ", " + c.fromYear() + "→" + c.toYear() + ofEn);
  }

  // ---- the signal ----------------------------------------------------------------------------

  private void signal(String code) {
    OnvChange onv = onvFor(code);
    String gm = AnalysisInputs.gemeenteOf(code);
    Double relative = null;
    Double gmChange = null;
    if (onv != null && gm != null && !code.startsWith("GM")) {
      gmChange = onvGemeente.get(groupKey(gm, onv));
      if (gmChange != null) {
        relative = onv.value() - gmChange;
      }
    }
    if (onv != null) {
      Text src = onvSourceText(code, onv);
      out.add(
          Result.ok(
              code,
              onv.toYear(),
              ONV_CHANGE,
              onv.value(),
              Text.of(
                  "Verandering "
                      + Text.signedNl(onv.value(), 3)
                      + " ("
                      + src.nl()
                      + "); negatief is slechter.",
                  "Change "
                      + Text.signedEn(onv.value(), 3)
                      + " ("
                      + src.en()
                      + "); negative is worse.")));
      if (relative != null) {
        out.add(
            Result.ok(
                code,
                onv.toYear(),
                ONV_VS_GEMEENTE,
                relative,
                Text.of(
                    Text.signedNl(onv.value(), 3)
                        + " − "
                        + Text.signedNl(gmChange, 3)
                        + " voor "
                        + name(gm)
                        + " = "
                        + Text.signedNl(relative, 3)
                        + " ("
                        + src.nl()
                        + "; gemeente: eigen cijfer of naar huishoudens"
                        + " gewogen gemiddelde van haar gebieden).",
                    Text.signedEn(onv.value(), 3)
                        + " − "
                        + Text.signedEn(gmChange, 3)
                        + " for "
                        + name(gm)
                        + " = "
                        + Text.signedEn(relative, 3)
                        + " ("
                        + src.en()
                        + "; gemeente: its own figure or the"
                        + " household-weighted mean of its areas).")));
      }
    }
    Vulnerability.Change vc = changes.get(code);
    if (vc == null || onv == null) {
      if (vc != null || onv != null) {
        int year = vc != null ? vc.toYear() : onv.toYear();
        out.add(
            Result.missing(
                code,
                year,
                SIGNAL,
                Text.of(
                    "Geen signaal: "
                        + (vc == null
                            ? "geen verandering van de kwetsbaarheid te berekenen (te weinig jaren of invoer)"
                            : "geen verandering van overlast en onveiligheid bekend (Leefbaarometer)")
                        + ".",
                    "No signal: "
                        + (vc == null
                            ? "no change in vulnerability can be computed (too few years or inputs)"
                            : "no change in nuisance and insecurity held (Leefbaarometer)")
                        + ".")));
      }
      return;
    }
    boolean useRelative = s.onvBasis().equals("relative");
    if (useRelative && relative == null) {
      out.add(
          Result.missing(
              code,
              vc.toYear(),
              SIGNAL,
              Text.of(
                  "Geen signaal: de verandering ten opzichte van de gemeente is niet bekend.",
                  "No signal: the change relative to the gemeente is not known.")));
      return;
    }
    double onvValue = useRelative ? relative : onv.value();
    Signal sig = Signal.classify(vc.delta(), onvValue, s.vulnerabilityRise(), s.onvWorse());
    signals.put(code, sig);
    signalYears.put(code, vc.toYear());
    Text src = onvSourceText(code, onv);
    boolean up = vc.delta() > s.vulnerabilityRise();
    boolean worse = onvValue < -s.onvWorse();
    String periods =
        vc.fromYear() == onv.fromYear() && vc.toYear() == onv.toYear()
            ? ""
            : " Let op: de perioden verschillen (kwetsbaarheid "
                + vc.fromYear()
                + "→"
                + vc.toYear()
                + ", overlast "
                + onv.fromYear()
                + "→"
                + onv.toYear()
                + ").";
    String periodsEn =
        periods.isEmpty()
            ? ""
            : " Note: the periods differ (vulnerability "
                + vc.fromYear()
                + "→"
                + vc.toYear()
                + ", nuisance "
                + onv.fromYear()
                + "→"
                + onv.toYear()
                + ").";
    out.add(
        Result.ok(
            code,
            vc.toYear(),
            SIGNAL,
            sig.code(),
            Text.of(
                "Signaal '"
                    + sig.nl()
                    + "': kwetsbaarheid "
                    + Text.signedNl(vc.delta(), 2)
                    + " punten ("
                    + vc.fromYear()
                    + "→"
                    + vc.toYear()
                    + ", "
                    + (up ? "stijgend, meer dan " : "niet stijgend, drempel ")
                    + Text.nl(s.vulnerabilityRise(), 1)
                    + "); overlast en onveiligheid "
                    + (useRelative ? "t.o.v. de gemeente " : "")
                    + Text.signedNl(onvValue, 3)
                    + " ("
                    + src.nl()
                    + ", "
                    + (worse ? "slechter, meer dan " : "niet slechter, drempel ")
                    + Text.nl(s.onvWorse(), 3)
                    + ")."
                    + periods
                    + RESEARCH_NL,
                "Signal '"
                    + sig.en()
                    + "': vulnerability "
                    + Text.signedEn(vc.delta(), 2)
                    + " points ("
                    + vc.fromYear()
                    + "→"
                    + vc.toYear()
                    + ", "
                    + (up ? "rising, more than " : "not rising, threshold ")
                    + Text.en(s.vulnerabilityRise(), 1)
                    + "); nuisance and insecurity "
                    + (useRelative ? "relative to the gemeente " : "")
                    + Text.signedEn(onvValue, 3)
                    + " ("
                    + src.en()
                    + ", "
                    + (worse ? "worse, more than " : "not worse, threshold ")
                    + Text.en(s.onvWorse(), 3)
                    + ")."
                    + periodsEn
                    + RESEARCH_EN)));
  }

  // ---- attention areas -----------------------------------------------------------------------

  private void attention(String code) {
    AnalysisSettings.Attention rules = s.attention();
    List<Text> held = new ArrayList<>();
    List<Text> notHeld = new ArrayList<>();
    List<Text> unknown = new ArrayList<>();
    int year = Integer.MIN_VALUE;

    Integer cy = in.latestYear(code, LBM_CLASS, Integer.MAX_VALUE);
    if (cy != null) {
      int c = (int) Math.round(in.get(code, cy, LBM_CLASS));
      year = Math.max(year, cy);
      Text t =
          Text.of(
              "Leefbaarometer " + Bands.lbmLabel(c) + " (" + c + ")", "Leefbaarometer class " + c);
      (c <= rules.maxLbmClass() ? held : notHeld).add(t);
    } else {
      unknown.add(Text.of("Leefbaarometer-klasse", "Leefbaarometer class"));
    }
    Integer sy = in.latestYear(code, "pct_corporation_rent", Integer.MAX_VALUE);
    if (sy != null) {
      double pct = in.get(code, sy, "pct_corporation_rent");
      year = Math.max(year, sy);
      Text t =
          Text.of(
              Text.nl(pct, 0) + " % corporatiewoningen", Text.en(pct, 0) + " % corporation homes");
      (pct >= rules.minCorporationShare() ? held : notHeld).add(t);
    } else {
      unknown.add(Text.of("aandeel corporatiewoningen", "corporation share"));
    }
    if (rules.vulnerabilityRising()) {
      Vulnerability.Change vc = changes.get(code);
      if (vc != null) {
        year = Math.max(year, vc.toYear());
        boolean up = vc.delta() > s.vulnerabilityRise();
        (up ? held : notHeld)
            .add(
                up
                    ? Text.of("kwetsbaarheid gestegen", "vulnerability risen")
                    : Text.of("kwetsbaarheid niet gestegen", "vulnerability not risen"));
      } else {
        unknown.add(Text.of("verandering kwetsbaarheid", "change in vulnerability"));
      }
    }
    if (rules.nuisanceWorsening()) {
      OnvChange onv = onvFor(code);
      if (onv != null) {
        Double gm =
            onvGemeente.get(
                groupKey(
                    AnalysisInputs.gemeenteOf(code) == null ? "" : AnalysisInputs.gemeenteOf(code),
                    onv));
        double v = s.onvBasis().equals("relative") && gm != null ? onv.value() - gm : onv.value();
        boolean worse = v < -s.onvWorse();
        year = Math.max(year, onv.toYear());
        String period = " (" + onv.fromYear() + "→" + onv.toYear() + ")";
        (worse ? held : notHeld)
            .add(
                worse
                    ? Text.of(
                        "overlast en onveiligheid toegenomen" + period,
                        "nuisance and insecurity increased" + period)
                    : Text.of(
                        "overlast en onveiligheid niet toegenomen" + period,
                        "nuisance and insecurity not increased" + period));
      } else {
        unknown.add(Text.of("verandering overlast", "change in nuisance"));
      }
    }
    if (held.isEmpty() && notHeld.isEmpty() || year == Integer.MIN_VALUE) {
      return;
    }
    boolean flagged = held.size() >= rules.minRules();
    StringBuilder nl = new StringBuilder();
    StringBuilder en = new StringBuilder();
    if (flagged) {
      nl.append("Aandachtsgebied: ").append(join(held, true));
      en.append("Attention area: ").append(join(held, false));
    } else {
      nl.append("Geen aandachtsgebied: ")
          .append(held.size())
          .append(" van de minstens ")
          .append(rules.minRules())
          .append(" regels geldt")
          .append(held.isEmpty() ? "" : " (" + join(held, true) + ")");
      en.append("Not an attention area: ")
          .append(held.size())
          .append(" of the at least ")
          .append(rules.minRules())
          .append(" rules hold")
          .append(held.isEmpty() ? "" : " (" + join(held, false) + ")");
    }
    nl.append('.');
    en.append('.');
    if (!notHeld.isEmpty()) {
      nl.append(" Niet van toepassing: ").append(join(notHeld, true)).append('.');
      en.append(" Not met: ").append(join(notHeld, false)).append('.');
    }
    if (!unknown.isEmpty()) {
      nl.append(" Niet te beoordelen: ").append(join(unknown, true)).append('.');
      en.append(" Cannot be judged: ").append(join(unknown, false)).append('.');
    }
    nl.append(" Regels: klasse ≤ ")
        .append(rules.maxLbmClass())
        .append(", ≥ ")
        .append(Text.nl(rules.minCorporationShare(), 1))
        .append(" % corporatiewoningen, kwetsbaarheid + meer dan ")
        .append(Text.nl(s.vulnerabilityRise(), 1))
        .append(", overlast − meer dan ")
        .append(Text.nl(s.onvWorse(), 3))
        .append("; minstens ")
        .append(rules.minRules())
        .append('.');
    en.append(" Rules: class ≤ ")
        .append(rules.maxLbmClass())
        .append(", ≥ ")
        .append(Text.en(rules.minCorporationShare(), 1))
        .append(" % corporation homes, vulnerability up by more than ")
        .append(Text.en(s.vulnerabilityRise(), 1))
        .append(", nuisance down by more than ")
        .append(Text.en(s.onvWorse(), 3))
        .append("; at least ")
        .append(rules.minRules())
        .append('.');
    out.add(
        new Result(code, year, ATTENTION, flagged ? 1.0 : 0.0, "ok", nl.toString(), en.toString()));
  }

  private static String join(List<Text> parts, boolean dutch) {
    List<String> s = new ArrayList<>();
    for (Text t : parts) {
      s.add(dutch ? t.nl() : t.en());
    }
    return String.join(", ", s);
  }

  private String name(String code) {
    String n = names.get(code);
    if (code.equals("NL00")) {
      return "Nederland";
    }
    if (n == null) {
      return code;
    }
    String prefix = code.startsWith("GM") ? "gemeente " : "";
    return prefix + n + " (" + code + ")";
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
