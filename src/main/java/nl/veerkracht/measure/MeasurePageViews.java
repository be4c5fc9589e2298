package nl.veerkracht.measure;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import nl.veerkracht.common.Text;
import nl.veerkracht.security.Membership;
import nl.veerkracht.stock.StockRepository;

/** The models of the measure pages. */
public final class MeasurePageViews {

  private MeasurePageViews() {}

  /** The list of measures, optionally of one complex or area. */
  public record ListView(
      Membership membership,
      List<Membership> memberships,
      List<PlannedMeasure> measures,
      String complex,
      String area,
      List<Catalogue.Item> catalogue,
      Map<String, Text> indicatorNames) {

    /** The catalogue entry's indicators by name, in the reader's language. */
    public String indicators(Catalogue.Item item, java.util.Locale locale) {
      return String.join(
          ", ",
          item.indicators().stream()
              .map(id -> indicatorNames.getOrDefault(id, Text.plain(id)).in(locale))
              .toList());
    }

    public boolean canPlan() {
      return membership.role().canPlan();
    }
  }

  /**
   * The form of a new ({@code measure} null) or existing measure, with what the checks found and,
   * for an existing onderhoud measure on a complex, the complex's MJOB lines.
   */
  /** The key under which a form's values name the field an error is about. */
  static final String ERROR_FIELD = "_errorField";

  public record FormView(
      Membership membership,
      PlannedMeasure measure,
      Map<String, String> values,
      List<StockRepository.ClusterSummary> complexes,
      AtelierDecisions.Decision decision,
      Text error,
      List<Text> warnings,
      List<MjobLinkRepository.Line> mjobLines,
      SortedMap<Integer, BigDecimal> spent) {

    public String value(String key) {
      String v = values.get(key);
      return v == null ? "" : v;
    }

    /** True when the error is about this field (it is then marked and explained beside it). */
    public boolean invalid(String field) {
      return error != null && field.equals(values.get(ERROR_FIELD));
    }

    public boolean canPlan() {
      return membership.role().canPlan();
    }

    /** Per year, the complex's MJOB amount before ([0]) and after ([1]) measures moved lines. */
    public SortedMap<Integer, BigDecimal[]> mjobShift() {
      SortedMap<Integer, BigDecimal[]> out = new TreeMap<>();
      for (MjobLinkRepository.Line l : mjobLines) {
        out.computeIfAbsent(l.year(), y -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO})[0] =
            out.get(l.year())[0].add(l.costEuro());
        out.computeIfAbsent(
                    l.effectiveYear(), y -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO})[
                1] =
            out.get(l.effectiveYear())[1].add(l.costEuro());
      }
      return out;
    }
  }
}
