package nl.veerkracht.monitor;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.List;
import nl.veerkracht.security.Membership;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** What changed since a date in the buurten where a corporation has units or measures. */
@RestController
@Tag(name = "Monitoring")
public class ChangesApiController {

  private final Changes changes;
  private final SignalThresholds thresholds;
  private final SignalWatch watch;

  public ChangesApiController(Changes changes, SignalThresholds thresholds, SignalWatch watch) {
    this.changes = changes;
    this.thresholds = thresholds;
    this.watch = watch;
  }

  @GetMapping("/api/changes")
  @Operation(
      summary =
          "Buurten whose livability class, veerkracht signal or attention status changed, targets"
              + " whose status changed, complexes whose own signals crossed a threshold",
      description =
          "Detected after every import or refresh (each analysis run), for the buurten where the"
              + " corporation has units or measures; since=YYYY-MM-DD (default 90 days ago).")
  public List<Changes.Change> changes(
      @RequestParam(required = false) String corporation,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
          LocalDate since) {
    return changes.since(corporation, since, 500);
  }

  @GetMapping("/api/signal-thresholds")
  @Operation(
      summary = "The corporation's thresholds for its own signals per complex, per 100 units")
  public List<SignalThresholds.Threshold> thresholds(
      @RequestParam(required = false) String corporation) {
    return thresholds.list(corporation);
  }

  @PutMapping("/api/signal-thresholds")
  @Operation(
      summary = "Set one kind of signal's threshold (per 100 units a year); null for the default",
      description = "The complexes are looked at again at once; one that crosses is a change.")
  public List<SignalThresholds.Threshold> setThreshold(@RequestBody ThresholdRequest body) {
    if (body == null) {
      throw new nl.veerkracht.common.InvalidInputException(
          nl.veerkracht.common.Text.msg("thresholds.invalid.type"));
    }
    Membership m = thresholds.set(body.corporation(), body.signalType(), body.per100Units());
    watch.watch(m.corporationId());
    return thresholds.list(m.corporationId());
  }
}
