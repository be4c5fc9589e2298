package nl.veerkracht.agreement;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import nl.veerkracht.common.InvalidInputException;
import nl.veerkracht.common.Text;
import nl.veerkracht.security.CurrentUser;
import nl.veerkracht.security.Membership;
import nl.veerkracht.security.Organisations;
import nl.veerkracht.web.WebPage;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * /afspraken: the corporation's prestatieafspraken, a form to make one (picked by name), and each
 * agreement's page with its status, evaluation and (for planners) the form to change or remove it.
 * A partner of a party reads an agreement's page too.
 */
@Controller
@WebPage
public class AgreementPageController {

  private final AgreementService service;
  private final CurrentUser currentUser;
  private final Organisations organisations;

  public AgreementPageController(
      AgreementService service, CurrentUser currentUser, Organisations organisations) {
    this.service = service;
    this.currentUser = currentUser;
    this.organisations = organisations;
  }

  @GetMapping("/afspraken")
  public String list(
      @RequestParam(required = false) String corporation,
      @RequestParam(required = false) String removed,
      Model model) {
    Membership m = service.staff(corporation);
    return listPage(
        model,
        m,
        m.role().canPlan()
            ? AgreementForm.empty(
                m.corporationCode(), organisations.list(), service.linkable(m.corporationId()))
            : null,
        removed != null ? Text.msg("agreement.removed", "title", removed) : null);
  }

  @PostMapping("/afspraken")
  public String create(@RequestParam MultiValueMap<String, String> form, Model model) {
    Membership m = service.staff(form.getFirst("corporation"));
    try {
      long id = service.create(request(m.corporationCode(), form)).agreement().id();
      return "redirect:/afspraken/" + id + "?saved";
    } catch (InvalidInputException e) {
      return listPage(model, m, refilled("/afspraken", m, form, e.text()), null);
    }
  }

  @GetMapping("/afspraken/{id}")
  public String show(
      @PathVariable long id,
      @RequestParam(required = false) Integer year,
      @RequestParam(required = false) String saved,
      Model model) {
    AgreementService.Evaluation e = service.evaluation(id, year);
    Agreement g = e.assessed().agreement();
    AgreementForm form = null;
    boolean partner = organisations.ofCaller().isPresent();
    if (!partner && planner(g)) {
      form = AgreementForm.of(g, organisations.list(), service.linkable(g.corporationId()));
    }
    model.addAttribute(
        "view",
        new AgreementPageView(
            e, form, partner, saved != null ? Text.msg("agreement.saved") : null));
    return "agreement/agreement";
  }

  @PostMapping("/afspraken/{id}")
  public String update(
      @PathVariable long id, @RequestParam MultiValueMap<String, String> form, Model model) {
    Agreement g = service.get(id).agreement();
    Membership m = service.staff(g.corporationId());
    try {
      service.update(id, request(g.corporationCode(), form));
      return "redirect:/afspraken/" + id + "?saved";
    } catch (InvalidInputException e) {
      model.addAttribute(
          "view",
          new AgreementPageView(
              service.evaluation(id, null),
              refilled("/afspraken/" + id, m, form, e.text()),
              false,
              null));
      return "agreement/agreement";
    }
  }

  @PostMapping("/afspraken/{id}/verwijderen")
  public String delete(@PathVariable long id) {
    Agreement g = service.get(id).agreement();
    service.delete(id);
    return "redirect:/afspraken?corporation="
        + g.corporationCode()
        + "&removed="
        + java.net.URLEncoder.encode(g.title(), java.nio.charset.StandardCharsets.UTF_8);
  }

  private boolean planner(Agreement g) {
    return currentUser.memberships().stream()
        .anyMatch(m -> m.corporationId() == g.corporationId() && m.role().canPlan());
  }

  private String listPage(Model model, Membership m, AgreementForm form, Text notice) {
    model.addAttribute(
        "view", new AgreementPagesView(m, service.list(m.corporationCode()), form, notice));
    return "agreement/agreements";
  }

  private AgreementForm refilled(
      String action, Membership m, MultiValueMap<String, String> form, Text error) {
    Set<Long> measures = new LinkedHashSet<>();
    for (String s : values(form, "measures")) {
      try {
        measures.add(Long.parseLong(s.strip()));
      } catch (NumberFormatException ignored) {
        // a tampered value: left out, the service refuses nothing it did not get
      }
    }
    return new AgreementForm(
        action,
        m.corporationCode(),
        first(form, "title"),
        first(form, "text"),
        first(form, "gemeente"),
        first(form, "startYear"),
        first(form, "endYear"),
        first(form, "areas"),
        first(form, "complexes"),
        new LinkedHashSet<>(values(form, "parties")),
        measures,
        organisations.list(),
        service.linkable(m.corporationId()),
        error);
  }

  private static AgreementService.Request request(
      String corporation, MultiValueMap<String, String> form) {
    List<Long> measures =
        values(form, "measures").stream()
            .map(
                s -> {
                  try {
                    return Long.parseLong(s.strip());
                  } catch (NumberFormatException e) {
                    return null;
                  }
                })
            .toList();
    return new AgreementService.Request(
        corporation,
        first(form, "title"),
        first(form, "text"),
        first(form, "gemeente"),
        year(first(form, "startYear")),
        year(first(form, "endYear")),
        values(form, "parties"),
        split(first(form, "areas")),
        split(first(form, "complexes")),
        measures);
  }

  private static Integer year(String s) {
    try {
      return Integer.valueOf(s.strip());
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static String first(MultiValueMap<String, String> form, String field) {
    String v = form.getFirst(field);
    return v == null ? "" : v;
  }

  private static List<String> values(MultiValueMap<String, String> form, String field) {
    List<String> v = form.get(field);
    return v == null ? List.of() : v;
  }

  private static List<String> split(String s) {
    return java.util.Arrays.stream(s.split(","))
        .map(String::strip)
        .filter(x -> !x.isEmpty())
        .toList();
  }
}
