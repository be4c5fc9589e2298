package nl.veerkracht.atelier;

import java.util.Comparator;
import java.util.List;
import nl.veerkracht.security.CurrentUser;
import nl.veerkracht.security.Membership;
import nl.veerkracht.web.WebPage;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The figures rooms did not recognise, per buurt over the years: the gap between the figures and
 * experience, for the corporation to take to its next measurement.
 */
@Controller
@WebPage
public class RecognitionPageController {

  private final RecognitionRegister register;
  private final CurrentUser currentUser;

  public RecognitionPageController(RecognitionRegister register, CurrentUser currentUser) {
    this.register = register;
    this.currentUser = currentUser;
  }

  @GetMapping("/ateliers/herkenning")
  public String page(@RequestParam(required = false) String alle, Model model) {
    boolean all = alle != null;
    List<Long> corporations =
        currentUser.memberships().stream().map(Membership::corporationId).toList();
    List<RecognitionRegister.Judged> judged =
        register.judged(corporations, null, null, false).stream()
            .filter(j -> all || j.notRecognisedByTheRoom())
            .sorted(
                Comparator.comparing(RecognitionRegister.Judged::areaName)
                    .thenComparing(RecognitionRegister.Judged::card)
                    .thenComparingInt(RecognitionRegister.Judged::year)
                    .thenComparingLong(RecognitionRegister.Judged::atelierId))
            .toList();
    model.addAttribute("judged", judged);
    model.addAttribute("all", all);
    return "atelier/recognition";
  }
}
