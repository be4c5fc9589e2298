package nl.veerkracht.allocation;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import nl.veerkracht.allocation.domain.Backtest;
import nl.veerkracht.web.Downloads;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The allocation scenario simulator: staff of the corporation only. */
@RestController
@Tag(name = "Allocation scenarios")
public class AllocationApiController {

  private final AllocationService service;
  private final BuurtAllocation buurten;

  public AllocationApiController(AllocationService service, BuurtAllocation buurten) {
    this.service = service;
    this.buurten = buurten;
  }

  @GetMapping("/api/allocation/buurten/{buurt}/compare")
  @Operation(
      summary = "Two allocation scenarios for all the corporation's complexes in a buurt",
      description =
          "Each complex runs its own calibrated model and the expected households are added up;"
              + " a complex counts in the buurt that holds most of its units. Expected path only.")
  public AllocationViews.BuurtComparison compareBuurt(
      @PathVariable String buurt,
      @RequestParam(required = false) String corporation,
      @ParameterObject AllocationService.Parameters parameters) {
    return buurten.compare(corporation, buurt, parameters);
  }

  @GetMapping("/api/allocation/complexes/{code}/compare")
  @Operation(
      summary = "Two allocation scenarios for a complex, side by side, over up to 15 years",
      description =
          "Scenarios: status_quo, spreading, cap (vulnerable routes at most `cap` of lettings),"
              + " labelling. Per year the expected share of vulnerable households (routes in"
              + " `vulnerable`, default uitstroom, statushouder, urgent: a proxy), its P10-P90 band"
              + " over `runs` Monte-Carlo runs, and the route mix; turnover low, base or high"
              + " (0.8, 1 or 1.2 times the calibrated exit rates).")
  public AllocationViews.Comparison compare(
      @PathVariable String code,
      @RequestParam(required = false) String corporation,
      @ParameterObject AllocationService.Parameters parameters) {
    return service.compare(corporation, code, parameters);
  }

  @GetMapping("/api/allocation/complexes/{code}/compare.xlsx")
  @Operation(summary = "The same comparison as a workbook: per year, per scenario, and parameters")
  public ResponseEntity<byte[]> compareXlsx(
      @PathVariable String code,
      @RequestParam(required = false) String corporation,
      @ParameterObject AllocationService.Parameters parameters) {
    AllocationViews.Comparison c = compare(code, corporation, parameters);
    return Downloads.xlsx(
        "toewijzing-" + c.complex() + "-" + c.a().id() + "-" + c.b().id(),
        AllocationXlsx.write(c, LocaleContextHolder.getLocale()));
  }

  @GetMapping("/api/allocation/complexes/{code}/compare.pdf")
  @Operation(summary = "The same comparison on one PDF page, for the board or a beheerplan")
  public ResponseEntity<byte[]> comparePdf(
      @PathVariable String code,
      @RequestParam(required = false) String corporation,
      @ParameterObject AllocationService.Parameters parameters) {
    AllocationViews.Comparison c = compare(code, corporation, parameters);
    return Downloads.pdf(
        "toewijzing-" + c.complex() + "-" + c.a().id() + "-" + c.b().id(),
        AllocationPdf.write(c, LocaleContextHolder.getLocale()));
  }

  @GetMapping("/api/allocation/crossings")
  @Operation(
      summary =
          "The complexes whose expected vulnerable share reaches a threshold under a scenario")
  public AllocationViews.Crossings crossings(
      @RequestParam(required = false) String corporation,
      @RequestParam(required = false) String scenario,
      @RequestParam(required = false) Integer years,
      @RequestParam(required = false) Double threshold,
      @RequestParam(required = false) Double cap,
      @RequestParam(required = false) String turnover,
      @RequestParam(required = false) Integer task) {
    return service.crossings(
        corporation,
        scenario == null ? "status_quo" : scenario,
        new AllocationService.Parameters(
            null, null, years, null, threshold, cap, turnover, null, task, null));
  }

  @GetMapping("/api/allocation/backtest")
  @Operation(
      summary = "The model checked against the corporation's own past",
      description =
          "Calibrated on the years up to five years before the newest, run forward to the newest"
              + " year: per complex the mean absolute error of the route shares and whether the"
              + " observed vulnerable share fell inside P10-P90.")
  public Backtest.Result backtest(
      @RequestParam(required = false) String corporation,
      @RequestParam(required = false) Integer runs) {
    return service.backtest(corporation, runs);
  }
}
