package nl.veerkracht.analysis.domain;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import nl.veerkracht.area.domain.AreaCode;

/**
 * The known figures the analysis reads: area code → year → indicator → value. Missing and secret
 * figures are simply absent; the analysis never fills them in.
 */
public final class AnalysisInputs {

  private final Map<String, TreeMap<Integer, Map<String, Double>>> values = new HashMap<>();

  public void put(String areaCode, int year, String indicator, double value) {
    values
        .computeIfAbsent(areaCode, k -> new TreeMap<>())
        .computeIfAbsent(year, k -> new HashMap<>())
        .put(indicator, value);
  }

  public Double get(String areaCode, int year, String indicator) {
    TreeMap<Integer, Map<String, Double>> byYear = values.get(areaCode);
    if (byYear == null) {
      return null;
    }
    Map<String, Double> v = byYear.get(year);
    return v == null ? null : v.get(indicator);
  }

  /** Year → indicator → value of one area (empty when nothing is held). */
  public TreeMap<Integer, Map<String, Double>> area(String areaCode) {
    TreeMap<Integer, Map<String, Double>> byYear = values.get(areaCode);
    return byYear == null ? new TreeMap<>() : byYear;
  }

  public boolean has(String areaCode) {
    return values.containsKey(areaCode);
  }

  public Set<String> areaCodes() {
    return Collections.unmodifiableSet(values.keySet());
  }

  /** The newest year, at or before {@code year}, in which the area holds the indicator. */
  public Integer latestYear(String areaCode, String indicator, int year) {
    TreeMap<Integer, Map<String, Double>> byYear = values.get(areaCode);
    if (byYear == null) {
      return null;
    }
    for (Map.Entry<Integer, Map<String, Double>> e :
        byYear.headMap(year, true).descendingMap().entrySet()) {
      if (e.getValue().containsKey(indicator)) {
        return e.getKey();
      }
    }
    return null;
  }

  public int size() {
    int n = 0;
    for (TreeMap<Integer, Map<String, Double>> byYear : values.values()) {
      for (Map<String, Double> v : byYear.values()) {
        n += v.size();
      }
    }
    return n;
  }

  /** The gemeente code of a buurt, wijk or gemeente code ({@code BU03080000 → GM0308}). */
  public static String gemeenteOf(String code) {
    return AreaCode.gemeenteOf(code);
  }

  /** The wijk code of a buurt code ({@code BU03080000 → WK030800}), else null. */
  public static String wijkOf(String code) {
    return AreaCode.wijkOf(code);
  }
}
