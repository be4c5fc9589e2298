package nl.veerkracht.plan;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import nl.veerkracht.web.Downloads;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The begroting: costs by year, lever and scope next to the MJOB, as JSON and XLSX. */
@RestController
@Tag(name = "Begroting")
public class BudgetApiController {

  private final BudgetService budgets;

  public BudgetApiController(BudgetService budgets) {
    this.budgets = budgets;
  }

  @GetMapping("/api/budget")
  @Operation(
      summary = "The begroting: costs by year, lever and area/complex, next to the MJOB",
      description =
          "rows: one per measure per year and one per MJOB line (in the year a measure moved it"
              + " to); totals: total, byYear, byLever, bySource. Filters: from, to, lever, scope.")
  public Budget budget(
      @RequestParam(required = false) String corporation,
      @RequestParam(required = false) Integer from,
      @RequestParam(required = false) Integer to,
      @RequestParam(required = false) String lever,
      @RequestParam(required = false) String scope) {
    return budgets.budget(corporation, from, to, lever, scope);
  }

  @GetMapping("/api/budget.xlsx")
  @Operation(summary = "The begroting as XLSX: one row per measure per year, a totals sheet")
  public ResponseEntity<byte[]> budgetXlsx(
      @RequestParam(required = false) String corporation,
      @RequestParam(required = false) Integer from,
      @RequestParam(required = false) Integer to,
      @RequestParam(required = false) String lever,
      @RequestParam(required = false) String scope) {
    Budget b = budgets.budget(corporation, from, to, lever, scope);
    return Downloads.xlsx(
        "begroting_" + b.corporation() + "_" + b.from() + "_" + b.to(),
        BudgetXlsx.write(b, LocaleContextHolder.getLocale()));
  }

  @GetMapping("/api/budget.pdf")
  @Operation(
      summary = "The begroting as PDF: a year × lever table with totals, then the rows behind it")
  public ResponseEntity<byte[]> budgetPdf(
      @RequestParam(required = false) String corporation,
      @RequestParam(required = false) Integer from,
      @RequestParam(required = false) Integer to,
      @RequestParam(required = false) String lever,
      @RequestParam(required = false) String scope) {
    Budget b = budgets.budget(corporation, from, to, lever, scope);
    return Downloads.pdf(
        "begroting_" + b.corporation() + "_" + b.from() + "_" + b.to(),
        BudgetPdf.write(
            b, budgets.corporationName(b.corporation()), LocaleContextHolder.getLocale()));
  }
}
