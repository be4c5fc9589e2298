package nl.veerkracht.monitor;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import nl.veerkracht.common.InvalidInputException;
import nl.veerkracht.common.Text;
import nl.veerkracht.security.Membership;
import nl.veerkracht.web.WebPage;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** /wijzigingen: everything that changed for the corporation since a date, and the thresholds. */
@Controller
@WebPage
public class ChangesPageController {

  private final Changes changes;
  private final SignalThresholds thresholds;
  private final SignalWatch watch;

  public ChangesPageController(Changes changes, SignalThresholds thresholds, SignalWatch watch) {
    this.changes = changes;
    this.thresholds = thresholds;
    this.watch = watch;
  }

  @GetMapping("/wijzigingen")
  public String page(
      @RequestParam(required = false) String corporation,
      @RequestParam(required = false) String since,
      Model model) {
    Membership m = changes.staff(corporation);
    try {
      LocalDate from =
          since == null || since.isBlank()
              ? LocalDate.now().minusDays(365)
              : LocalDate.parse(since.strip());
      return show(model, m, from, changes.forCorporation(m.corporationId(), from, 1000), null);
    } catch (DateTimeParseException | InvalidInputException e) {
      return showLastYear(model, m, Text.msg("changes.invalid"));
    }
  }

  @PostMapping("/wijzigingen/drempels")
  public String threshold(@RequestParam Map<String, String> form, Model model) {
    Membership m = changes.staff(form.get("corporation"));
    String value = form.getOrDefault("per100Units", "").strip().replace(',', '.');
    try {
      Double v;
      try {
        v = value.isEmpty() ? null : Double.valueOf(value);
      } catch (NumberFormatException e) {
        throw new InvalidInputException(Text.msg("thresholds.invalid.value"));
      }
      thresholds.set(m.corporationCode(), form.get("signalType"), v);
    } catch (InvalidInputException e) {
      return showLastYear(model, m, e.text());
    }
    watch.watch(m.corporationId());
    return "redirect:/wijzigingen?corporation=" + m.corporationCode() + "&opgeslagen#drempels";
  }

  /** The page with the last year's changes and an error. */
  private String showLastYear(Model model, Membership m, Text error) {
    LocalDate from = LocalDate.now().minusDays(365);
    return show(model, m, from, changes.forCorporation(m.corporationId(), from, 1000), error);
  }

  private String show(
      Model model, Membership m, LocalDate since, List<Changes.Change> list, Text error) {
    model.addAttribute(
        "view", new ChangesView(m, since, list, thresholds.list(m.corporationId()), error));
    return "monitor/changes";
  }
}
