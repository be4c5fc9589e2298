package nl.veerkracht.plan;

import java.math.BigDecimal;
import java.time.Year;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import nl.veerkracht.common.InvalidInputException;
import nl.veerkracht.common.Text;
import nl.veerkracht.measure.MeasureRepository;
import nl.veerkracht.measure.MeasureService;
import nl.veerkracht.measure.MjobLinkRepository;
import nl.veerkracht.measure.PlannedMeasure;
import nl.veerkracht.measure.domain.Lever;
import nl.veerkracht.security.Membership;
import org.springframework.stereotype.Service;

/**
 * Builds the begroting from the planned measures' yearly costs and the MJOB lines. A measure's year
 * amounts come from {@link PlannedMeasure#perYear()}; an MJOB line counts once, in the year a
 * measure moved it to or else its own.
 */
@Service
public class BudgetService {

  static final int MAX_YEARS = 50;

  private final MeasureService measureService;
  private final MeasureRepository measures;
  private final MjobLinkRepository mjob;

  public BudgetService(
      MeasureService measureService, MeasureRepository measures, MjobLinkRepository mjob) {
    this.measureService = measureService;
    this.measures = measures;
    this.mjob = mjob;
  }

  /** The name of a corporation the caller is staff of, by its code. */
  public String corporationName(String corporationCode) {
    return measureService.reader(corporationCode).corporationName();
  }

  /**
   * @param from first year, default this year
   * @param to last year, default nine years on
   * @param lever only this lever, or all when null
   * @param scope only this area or complex code, or all when null
   */
  public Budget budget(String corporation, Integer from, Integer to, String lever, String scope) {
    Membership m = measureService.reader(corporation);
    int first = from != null ? from : Year.now().getValue();
    int last = to != null ? to : first + 9;
    if (first < 2000 || last > 2100 || last < first || last - first >= MAX_YEARS) {
      throw new InvalidInputException(Text.msg("budget.invalid.years", "max", MAX_YEARS));
    }
    String leverId = lever == null || lever.isBlank() ? null : lever.trim();
    if (leverId != null && Lever.find(leverId).isEmpty()) {
      throw new InvalidInputException(Text.msg("measure.invalid.lever"));
    }
    String scopeCode = scope == null || scope.isBlank() ? null : scope.trim();
    List<Budget.Row> rows = new ArrayList<>();
    for (PlannedMeasure p : measures.list(m.corporationId(), null, null)) {
      if ((leverId != null && !leverId.equals(p.lever()))
          || (scopeCode != null && !scopeCode.equalsIgnoreCase(p.scope()))) {
        continue;
      }
      p.perYear()
          .forEach(
              (year, amount) -> {
                if (year >= first && year <= last && amount.signum() != 0) {
                  rows.add(
                      new Budget.Row(
                          year, p.lever(), p.scope(), "measure", p.title(), p.id(), null, amount));
                }
              });
    }
    if (leverId == null || leverId.equals(Lever.ONDERHOUD.id())) {
      for (MjobLinkRepository.Line l : mjob.all(m.corporationId())) {
        int year = l.effectiveYear();
        if (year >= first
            && year <= last
            && (scopeCode == null || scopeCode.equalsIgnoreCase(l.clusterCode()))) {
          rows.add(
              new Budget.Row(
                  year,
                  Lever.ONDERHOUD.id(),
                  l.clusterCode(),
                  "mjob",
                  l.activity(),
                  l.measureId(),
                  l.movedToYear() != null && l.movedToYear() != l.year() ? l.year() : null,
                  l.costEuro()));
        }
      }
    }
    rows.sort(
        Comparator.comparingInt(Budget.Row::year)
            .thenComparing(r -> r.source().equals("measure") ? 0 : 1)
            .thenComparing(Budget.Row::lever)
            .thenComparing(Budget.Row::scope)
            .thenComparing(Budget.Row::title));
    return new Budget(m.corporationCode(), first, last, leverId, scopeCode, rows, totals(rows));
  }

  static Budget.Totals totals(List<Budget.Row> rows) {
    Map<Integer, BigDecimal> byYear = new TreeMap<>();
    Map<String, BigDecimal> byLever = new TreeMap<>();
    Map<String, BigDecimal> bySource = new TreeMap<>();
    BigDecimal total = BigDecimal.ZERO;
    for (Budget.Row r : rows) {
      total = total.add(r.amountEuro());
      byYear.merge(r.year(), r.amountEuro(), BigDecimal::add);
      byLever.merge(r.lever(), r.amountEuro(), BigDecimal::add);
      bySource.merge(r.source(), r.amountEuro(), BigDecimal::add);
    }
    return new Budget.Totals(total, byYear, byLever, bySource);
  }
}
