package nl.veerkracht.changes;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** What changed since a date in the buurten where a corporation has units or measures. */
@RestController
@Tag(name = "Monitoring")
public class ChangesApiController {

  private final Changes changes;

  public ChangesApiController(Changes changes) {
    this.changes = changes;
  }

  @GetMapping("/api/changes")
  @Operation(
      summary = "Buurten whose livability class, veerkracht signal or attention status changed",
      description =
          "Detected after every import or refresh (each analysis run), for the buurten where the"
              + " corporation has units or measures; since=YYYY-MM-DD (default 90 days ago).")
  public List<Changes.Change> changes(
      @RequestParam(required = false) String corporation,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
          LocalDate since) {
    return changes.since(corporation, since, 500);
  }
}
