package nl.veerkracht.plan;

import java.util.Map;
import nl.veerkracht.common.ConflictException;
import nl.veerkracht.common.InvalidInputException;
import nl.veerkracht.common.Text;
import nl.veerkracht.security.CurrentUser;
import nl.veerkracht.web.WebPage;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriUtils;

/** The pages Beheerplan (draft, texts, approval, workbook round trip) and Begroting. */
@Controller
@WebPage
public class PlanPageController {

  private final PlanService plans;
  private final BudgetService budgets;
  private final CurrentUser currentUser;

  public PlanPageController(PlanService plans, BudgetService budgets, CurrentUser currentUser) {
    this.plans = plans;
    this.budgets = budgets;
    this.currentUser = currentUser;
  }

  @GetMapping("/beheerplan")
  public String plan(
      @RequestParam(required = false) String corporation,
      @RequestParam(required = false) String complex,
      @RequestParam(required = false) String area,
      @RequestParam(required = false) Integer version,
      @RequestParam(required = false) String notice,
      @RequestParam(required = false) Integer updated,
      Model model) {
    PlanService.Shown s = plans.show(new PlanService.ScopeRef(corporation, complex, area), version);
    model.addAttribute("view", new PlanPageViews.PlanView(s, complex, area, null, notice));
    return "plan/plan";
  }

  @PostMapping("/beheerplan/teksten")
  public String planTexts(@RequestParam Map<String, String> form) {
    PlanService.ScopeRef ref = ref(form);
    plans.saveTexts(ref, new PlanRequests.DraftTexts(form.get("summary"), form.get("agreements")));
    return "redirect:/beheerplan?" + query(ref) + "&opgeslagen";
  }

  @PostMapping("/beheerplan/goedkeuren")
  public String approve(@RequestParam Map<String, String> form, Model model) {
    PlanService.ScopeRef ref = ref(form);
    try {
      plans.approve(ref);
      return "redirect:/beheerplan?" + query(ref) + "&notice=approved";
    } catch (ConflictException e) {
      model.addAttribute(
          "view",
          new PlanPageViews.PlanView(
              plans.show(ref, null), ref.complex(), ref.area(), Text.msg("plan.unchanged"), null));
      return "plan/plan";
    }
  }

  @PostMapping("/beheerplan/excel")
  public String planImport(
      @RequestParam Map<String, String> form,
      @RequestParam(value = "file", required = false)
          org.springframework.web.multipart.MultipartFile file,
      Model model)
      throws java.io.IOException {
    PlanService.ScopeRef ref = ref(form);
    try {
      int n = plans.importXlsx(ref, file == null ? null : file.getBytes());
      return "redirect:/beheerplan?" + query(ref) + "&notice=imported&updated=" + n;
    } catch (InvalidInputException e) {
      model.addAttribute(
          "view",
          new PlanPageViews.PlanView(
              plans.show(ref, null), ref.complex(), ref.area(), e.text(), null));
      return "plan/plan";
    }
  }

  @GetMapping("/begroting")
  public String budget(
      @RequestParam(required = false) String corporation,
      @RequestParam(required = false) Integer from,
      @RequestParam(required = false) Integer to,
      @RequestParam(required = false) String lever,
      @RequestParam(required = false) String scope,
      Model model) {
    Budget b;
    Text error = null;
    try {
      b = budgets.budget(corporation, from, to, lever, scope);
    } catch (InvalidInputException e) {
      error = e.text();
      b = budgets.budget(corporation, null, null, null, null);
    }
    model.addAttribute("view", new PlanPageViews.BudgetView(b, currentUser.memberships(), error));
    return "plan/budget";
  }

  private static PlanService.ScopeRef ref(Map<String, String> form) {
    return new PlanService.ScopeRef(
        form.get("corporation"), blankToNull(form.get("complex")), blankToNull(form.get("area")));
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }

  private static String query(PlanService.ScopeRef ref) {
    return "corporation="
        + enc(ref.corporation())
        + (ref.complex() != null ? "&complex=" + enc(ref.complex()) : "&area=" + enc(ref.area()));
  }

  private static String enc(String s) {
    return s == null ? "" : UriUtils.encodeQueryParam(s, java.nio.charset.StandardCharsets.UTF_8);
  }
}
