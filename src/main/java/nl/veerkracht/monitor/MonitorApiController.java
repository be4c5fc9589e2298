package nl.veerkracht.monitor;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import nl.veerkracht.web.Downloads;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Monitoring: the targets of the corporation's measures and the yearly leefbaarheidsmonitor. */
@RestController
@Tag(name = "Monitoring")
public class MonitorApiController {

  private final TargetMonitor targets;
  private final YearlyReport reports;

  public MonitorApiController(TargetMonitor targets, YearlyReport reports) {
    this.targets = targets;
    this.reports = reports;
  }

  @GetMapping("/api/targets")
  @Operation(
      summary = "The targets of the corporation's measures: baseline, newest value, status",
      description =
          "status ON_TRACK, OFF_TRACK or NO_DATA by the rule in docs/method.md; comparison is the"
              + " before/after difference against the peer group (an indication, not proof), with"
              + " missing SERIES_TOO_SHORT or PEER_GROUP_TOO_SMALL when it cannot be made.")
  public List<TargetMonitor.TargetView> targets(
      @RequestParam(required = false) String corporation) {
    return targets.targets(corporation);
  }

  @GetMapping("/api/report.{format}")
  @Operation(
      summary = "The yearly leefbaarheidsmonitor as pdf or xlsx",
      description =
          "The corporation's buurten (class, signal, attention now and the year before), measures"
              + " with their budget, targets with status and before/after, what changed, sources.")
  public ResponseEntity<byte[]> report(
      @PathVariable String format,
      @RequestParam(required = false) String corporation,
      @RequestParam(required = false) Integer year) {
    YearlyReport.Report r = reports.report(corporation, year);
    String name = "leefbaarheidsmonitor_" + r.corporationCode() + "_" + r.year();
    java.util.Locale locale = LocaleContextHolder.getLocale();
    return switch (format) {
      case "pdf" -> Downloads.pdf(name, YearlyReportFiles.pdf(r, locale));
      case "xlsx" -> Downloads.xlsx(name, YearlyReportFiles.xlsx(r, locale));
      default ->
          throw new nl.veerkracht.common.NotFoundException(
              nl.veerkracht.common.Text.msg(
                  "error.monitor.noReport", "format", String.valueOf(format)));
    };
  }
}
