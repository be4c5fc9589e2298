package nl.veerkracht.analysis.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.IntFunction;
import nl.veerkracht.common.Text;

/**
 * A complex's figures from the buurten its units stand in: numbers as the mean weighted by the
 * number of units per buurt, classes as the class that holds most units (with the spread in the
 * explanation). Buurten without the figure are left out and the coverage says how many units the
 * figure speaks for.
 */
public final class ComplexFigures {

  /** Units of the complex in one buurt. */
  public record Share(String buurtCode, String buurtName, int units) {}

  /** A known figure of a buurt. */
  public record Known(double value, int year) {}

  /**
   * One figure of a complex.
   *
   * @param year the newest year among the buurt figures used (null when missing)
   * @param coveredUnits units standing in a buurt with the figure
   */
  public record Figure(
      String id,
      Double value,
      String status,
      Integer year,
      int coveredUnits,
      int totalUnits,
      Text explanation,
      Text residentExplanation) {}

  private ComplexFigures() {}

  /** Σ(units × value) / Σ units over the buurten that hold the figure. */
  public static Figure weighted(
      String id, Text label, int decimals, List<Share> shares, Map<String, Known> known) {
    int total = shares.stream().mapToInt(Share::units).sum();
    double sum = 0;
    int covered = 0;
    Integer year = null;
    List<Text> terms = new ArrayList<>();
    for (Share s : shares) {
      Known k = s.buurtCode() == null ? null : known.get(s.buurtCode());
      if (k == null) {
        continue;
      }
      sum += s.units() * k.value();
      covered += s.units();
      year = year == null ? k.year() : Math.max(year, k.year());
      terms.add(
          Text.msg(
              "complex.weighted.term",
              "units",
              s.units(),
              "value",
              Text.num(k.value(), decimals),
              "buurt",
              name(s),
              "year",
              k.year()));
    }
    if (covered == 0) {
      return missing(id, label, total);
    }
    double value = sum / covered;
    Text text =
        Text.msg(
            "complex.weighted",
            "label",
            label,
            "terms",
            Text.join(" + ", terms),
            "covered",
            covered,
            "value",
            Text.num(value, decimals),
            "coverage",
            coverage(covered, total));
    Text resident =
        Text.msg(
            "complex.weighted.resident",
            "label",
            label,
            "buurten",
            String.join(", ", names(shares, known)),
            "value",
            Text.num(value, decimals),
            "coverage",
            residentCoverage(covered, total));
    return new Figure(id, value, "ok", year, covered, total, text, resident);
  }

  /** The class that holds most of the complex's units; the spread over classes is explained. */
  public static Figure dominant(
      String id, Text label, List<Share> shares, Map<String, Known> known, IntFunction<Text> name) {
    int total = shares.stream().mapToInt(Share::units).sum();
    TreeMap<Integer, Integer> unitsPerClass = new TreeMap<>();
    int covered = 0;
    Integer year = null;
    for (Share s : shares) {
      Known k = s.buurtCode() == null ? null : known.get(s.buurtCode());
      if (k == null) {
        continue;
      }
      unitsPerClass.merge((int) Math.round(k.value()), s.units(), Integer::sum);
      covered += s.units();
      year = year == null ? k.year() : Math.max(year, k.year());
    }
    if (covered == 0) {
      return missing(id, label, total);
    }
    int best = unitsPerClass.firstKey();
    List<Text> terms = new ArrayList<>();
    for (Map.Entry<Integer, Integer> e : unitsPerClass.entrySet()) {
      if (e.getValue() > unitsPerClass.get(best)) {
        best = e.getKey();
      }
      terms.add(
          Text.msg(
              "complex.dominant.term", "units", e.getValue(), "class", name.apply(e.getKey())));
    }
    Text text =
        Text.msg(
            "complex.dominant",
            "label",
            label,
            "class",
            name.apply(best),
            "terms",
            Text.join(", ", terms),
            "coverage",
            coverage(covered, total));
    Text resident =
        Text.msg(
            "complex.dominant.resident",
            "label",
            label,
            "class",
            name.apply(best),
            "coverage",
            residentCoverage(covered, total));
    return new Figure(id, (double) best, "ok", year, covered, total, text, resident);
  }

  private static Figure missing(String id, Text label, int total) {
    Text text = Text.msg("complex.missing", "label", label);
    return new Figure(id, null, "missing", null, 0, total, text, text);
  }

  private static String name(Share s) {
    return s.buurtName() == null ? s.buurtCode() : s.buurtName() + " " + s.buurtCode();
  }

  private static List<String> names(List<Share> shares, Map<String, Known> known) {
    return shares.stream()
        .filter(s -> s.buurtCode() != null && known.containsKey(s.buurtCode()))
        .map(s -> s.buurtName() == null ? s.buurtCode() : s.buurtName())
        .toList();
  }

  private static Text residentCoverage(int covered, int total) {
    return covered == total
        ? Text.msg("complex.coverage.all")
        : Text.msg("complex.coverage.partResident");
  }

  private static Text coverage(int covered, int total) {
    return covered == total
        ? Text.msg("complex.coverage.all")
        : Text.msg("complex.coverage.part", "covered", covered, "total", total);
  }
}
