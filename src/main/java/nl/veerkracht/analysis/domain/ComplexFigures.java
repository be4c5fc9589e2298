package nl.veerkracht.analysis.domain;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.IntFunction;

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
      Text explanation) {}

  private ComplexFigures() {}

  /** Σ(units × value) / Σ units over the buurten that hold the figure. */
  public static Figure weighted(
      String id, Text label, int decimals, List<Share> shares, Map<String, Known> known) {
    int total = shares.stream().mapToInt(Share::units).sum();
    double sum = 0;
    int covered = 0;
    Integer year = null;
    StringBuilder nl = new StringBuilder();
    StringBuilder en = new StringBuilder();
    for (Share s : shares) {
      Known k = s.buurtCode() == null ? null : known.get(s.buurtCode());
      if (k == null) {
        continue;
      }
      sum += s.units() * k.value();
      covered += s.units();
      year = year == null ? k.year() : Math.max(year, k.year());
      String sepNl = nl.length() == 0 ? "" : " + ";
      nl.append(sepNl)
          .append(s.units())
          .append(" × ")
          .append(Text.nl(k.value(), decimals))
          .append(" (")
          .append(name(s))
          .append(", ")
          .append(k.year())
          .append(')');
      en.append(sepNl)
          .append(s.units())
          .append(" × ")
          .append(Text.en(k.value(), decimals))
          .append(" (")
          .append(name(s))
          .append(", ")
          .append(k.year())
          .append(')');
    }
    if (covered == 0) {
      return missing(id, label, total);
    }
    double value = sum / covered;
    return new Figure(
        id,
        value,
        "ok",
        year,
        covered,
        total,
        Text.of(
            label.nl()
                + ", naar eenheden gewogen: ("
                + nl
                + ") / "
                + covered
                + " = "
                + Text.nl(value, decimals)
                + coverageNl(covered, total),
            label.en()
                + ", weighted by units: ("
                + en
                + ") / "
                + covered
                + " = "
                + Text.en(value, decimals)
                + coverageEn(covered, total)));
  }

  /** The class that holds most of the complex's units; the spread over classes is explained. */
  public static Figure dominant(
      String id,
      Text label,
      List<Share> shares,
      Map<String, Known> known,
      IntFunction<String> classNl,
      IntFunction<String> classEn) {
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
    for (Map.Entry<Integer, Integer> e : unitsPerClass.entrySet()) {
      if (e.getValue() > unitsPerClass.get(best)) {
        best = e.getKey();
      }
    }
    StringBuilder nl = new StringBuilder();
    StringBuilder en = new StringBuilder();
    for (Map.Entry<Integer, Integer> e : unitsPerClass.entrySet()) {
      String sep = nl.length() == 0 ? "" : ", ";
      nl.append(sep)
          .append(e.getValue())
          .append(" in '")
          .append(classNl.apply(e.getKey()))
          .append('\'');
      en.append(sep)
          .append(e.getValue())
          .append(" in '")
          .append(classEn.apply(e.getKey()))
          .append('\'');
    }
    return new Figure(
        id,
        (double) best,
        "ok",
        year,
        covered,
        total,
        Text.of(
            label.nl()
                + ": '"
                + classNl.apply(best)
                + "', de klasse van de meeste eenheden (eenheden per klasse: "
                + nl
                + ")"
                + coverageNl(covered, total),
            label.en()
                + ": '"
                + classEn.apply(best)
                + "', the class of most units (units per class: "
                + en
                + ")"
                + coverageEn(covered, total)));
  }

  private static Figure missing(String id, Text label, int total) {
    return new Figure(
        id,
        null,
        "missing",
        null,
        0,
        total,
        Text.of(
            label.nl() + ": geen van de buurten van dit complex heeft dit cijfer.",
            label.en() + ": none of the complex's buurten has this figure."));
  }

  private static String name(Share s) {
    return s.buurtName() == null ? s.buurtCode() : s.buurtName() + " " + s.buurtCode();
  }

  private static String coverageNl(int covered, int total) {
    return covered == total
        ? "."
        : ". Geldt voor "
            + covered
            + " van de "
            + total
            + " eenheden; de rest staat in buurten zonder dit cijfer.";
  }

  private static String coverageEn(int covered, int total) {
    return covered == total
        ? "."
        : ". Covers "
            + covered
            + " of "
            + total
            + " units; the rest stand in buurten without this figure.";
  }
}
