package nl.veerkracht.measure;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.veerkracht.common.InvalidInputException;
import nl.veerkracht.common.Text;

/**
 * The measure form of the pages as a request, and a measure or atelier decision as the form's
 * values. Cost lines are {@code cost.N.kind} and {@code cost.N.amount} for N = 0…{@link #LINES}-1.
 */
public final class MeasureForms {

  static final int LINES = 3;

  private MeasureForms() {}

  static MeasureRequests.Measure request(Map<String, String> form) {
    List<MeasureRequests.CostLine> costs = new ArrayList<>();
    for (int i = 0; i < LINES; i++) {
      String amount = form.get("cost." + i + ".amount");
      if (amount != null && !amount.isBlank()) {
        costs.add(
            new MeasureRequests.CostLine(
                form.get("cost." + i + ".kind"), decimal(amount, "cost." + i + ".amount")));
      }
    }
    MeasureRequests.TargetInput target =
        blank(form.get("targetIndicator"))
                && blank(form.get("targetValue"))
                && blank(form.get("targetYear"))
            ? null
            : new MeasureRequests.TargetInput(
                nullIfBlank(form.get("targetIndicator")),
                blank(form.get("targetValue"))
                    ? null
                    : decimal(form.get("targetValue"), "targetValue").doubleValue(),
                integer(form.get("targetYear")));
    boolean complex = !"area".equals(form.get("scopeKind"));
    return new MeasureRequests.Measure(
        form.get("corporation"),
        form.get("title"),
        form.get("lever"),
        form.get("description"),
        complex ? null : nullIfBlank(form.get("areaCode")),
        complex ? nullIfBlank(form.get("complexCode")) : null,
        costs,
        integer(form.get("startYear")),
        integer(form.get("endYear")),
        form.get("owner"),
        form.get("partners"),
        form.get("status"),
        blank(form.get("streefhuurEuro"))
            ? null
            : decimal(form.get("streefhuurEuro"), "streefhuurEuro"),
        target,
        form.get("package"),
        blank(form.get("atelierMeasureId"))
            ? null
            : Long.valueOf(integer(form.get("atelierMeasureId"))));
  }

  /** The form's values for an existing measure. */
  static Map<String, String> values(PlannedMeasure p) {
    Map<String, String> v = new LinkedHashMap<>();
    v.put("title", p.title());
    v.put("lever", p.lever());
    v.put("description", p.description());
    v.put("scopeKind", p.scopeKind());
    v.put(p.areaCode() != null ? "areaCode" : "complexCode", p.scope());
    v.put("startYear", Integer.toString(p.startYear()));
    v.put("endYear", Integer.toString(p.endYear()));
    v.put("owner", p.owner());
    v.put("partners", p.partners());
    v.put("status", p.status());
    v.put("package", p.packageName() == null ? "" : p.packageName());
    v.put("streefhuurEuro", p.streefhuurEuro() == null ? "" : p.streefhuurEuro().toPlainString());
    if (p.target() != null) {
      v.put("targetIndicator", p.target().indicator());
      v.put("targetValue", plain(p.target().value()));
      v.put("targetYear", Integer.toString(p.target().year()));
    }
    for (int i = 0; i < p.costs().size() && i < LINES; i++) {
      v.put("cost." + i + ".kind", p.costs().get(i).kind().id());
      v.put("cost." + i + ".amount", p.costs().get(i).amountEuro().toPlainString());
    }
    if (p.atelier() != null && p.atelier().atelierMeasureId() != null) {
      v.put("atelierMeasureId", p.atelier().atelierMeasureId().toString());
    }
    return v;
  }

  /** A new measure's values from an atelier decision: its title, lever, text and first complex. */
  static Map<String, String> values(AtelierDecisions.Decision d, int thisYear) {
    Map<String, String> v = new LinkedHashMap<>();
    v.put("title", d.title());
    v.put("lever", d.lever().equals("combinatie") ? "" : d.lever());
    v.put("description", d.description());
    v.put("atelierMeasureId", Long.toString(d.atelierMeasureId()));
    if (!d.complexCodes().isEmpty()) {
      v.put("scopeKind", "complex");
      v.put("complexCode", d.complexCodes().get(0));
    } else if (!d.buurtCodes().isEmpty()) {
      v.put("scopeKind", "area");
      v.put("areaCode", d.buurtCodes().get(0));
    }
    v.put("startYear", Integer.toString(thisYear + 1));
    v.put("endYear", Integer.toString(thisYear + 1));
    v.put("status", "idee");
    return v;
  }

  /** A new measure's values from a catalogue entry. */
  static Map<String, String> values(Catalogue.Item i, int thisYear) {
    Map<String, String> v = new LinkedHashMap<>();
    v.put("title", i.title());
    v.put("lever", i.lever());
    v.put("description", i.description());
    v.put("partners", i.partners());
    v.put("startYear", Integer.toString(thisYear + 1));
    v.put("endYear", Integer.toString(thisYear + i.durationYears()));
    v.put("cost.0.kind", i.costKind());
    v.put("cost.0.amount", i.amountEuro() == null ? "" : i.amountEuro().toPlainString());
    v.put("status", "idee");
    return v;
  }

  private static String plain(double d) {
    return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }

  private static String nullIfBlank(String s) {
    return blank(s) ? null : s.trim();
  }

  private static Integer integer(String raw) {
    if (blank(raw)) {
      return null;
    }
    try {
      return Integer.parseInt(raw.trim());
    } catch (NumberFormatException e) {
      throw new InvalidInputException(Text.msg("measure.invalid.number", "value", raw));
    }
  }

  /** A decimal as a browser sends it ({@code 1250.5}) or as typed in Dutch ({@code 1.250,50}). */
  public static BigDecimal decimal(String raw) {
    return decimal(raw, null);
  }

  /**
   * An amount as people type it: {@code 32000}, {@code 32.000} (a Dutch thousands point), {@code
   * 1.250,50}, {@code € 32.000}, {@code 1250.5}. A comma is the decimal sign and points then group
   * thousands; without a comma, points that each stand before exactly three digits group thousands
   * and a single other point is the decimal sign. Anything else is refused, naming the field.
   */
  public static BigDecimal decimal(String raw, String field) {
    String s = raw.trim().replace("€", "").replace(" ", "").replace("\u00a0", "");
    boolean ok;
    if (s.contains(",")) {
      ok = s.matches("-?\\d{1,3}(\\.\\d{3})*,\\d+|-?\\d+,\\d+");
      s = s.replace(".", "").replace(",", ".");
    } else if (s.matches("-?[1-9]\\d{0,2}(\\.\\d{3})+")) {
      ok = true;
      s = s.replace(".", "");
    } else {
      ok = s.matches("-?\\d+(\\.\\d+)?");
    }
    if (!ok) {
      throw new InvalidInputException(Text.msg("measure.invalid.number", "value", raw), field);
    }
    return new BigDecimal(s);
  }
}
