package nl.veerkracht.admin;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.veerkracht.common.InvalidInputException;
import nl.veerkracht.common.Text;
import nl.veerkracht.corporation.Corporation;
import nl.veerkracht.corporation.CorporationAdministration;
import nl.veerkracht.security.Membership;
import nl.veerkracht.security.NewMembership;
import nl.veerkracht.security.NewUser;
import nl.veerkracht.security.Organisations;
import nl.veerkracht.security.UserAdministration;
import nl.veerkracht.web.WebPage;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * {@code /beheer}: administrators create corporations and accounts and give accounts roles in
 * corporations. A form that fails is shown again with what was typed and why; a form that works
 * redirects back with what it did.
 */
@Controller
@WebPage
public class AdminPageController {

  private static final String PAGE = "/beheer";

  private final CorporationAdministration corporationAdministration;
  private final UserAdministration users;
  private final AuditTrail audit;
  private final Organisations organisations;

  public AdminPageController(
      CorporationAdministration corporationAdministration,
      UserAdministration users,
      AuditTrail audit,
      Organisations organisations) {
    this.organisations = organisations;
    this.corporationAdministration = corporationAdministration;
    this.users = users;
    this.audit = audit;
  }

  @GetMapping(PAGE)
  public String page(Model model) {
    Object done = model.getAttribute("done");
    return render(model, null, Map.of(), null, done instanceof Text t ? t : null);
  }

  @PostMapping(PAGE + "/corporaties")
  public String createCorporation(
      @RequestParam(defaultValue = "") String code,
      @RequestParam(defaultValue = "") String name,
      @RequestParam(defaultValue = "false") boolean join,
      Model model,
      RedirectAttributes redirect) {
    Map<String, String> typed = Map.of("code", code, "name", name, "join", String.valueOf(join));
    try {
      Corporation c = corporationAdministration.create(code, name, join);
      redirect.addFlashAttribute(
          "done", Text.msg("admin.done.corporation", "name", c.name(), "code", c.code()));
      return "redirect:" + PAGE + "#corporaties";
    } catch (InvalidInputException e) {
      return failed(model, "corporation", typed, e);
    }
  }

  @PostMapping(PAGE + "/organisaties")
  public String createOrganisation(
      @RequestParam(defaultValue = "") String code,
      @RequestParam(defaultValue = "") String name,
      @RequestParam(defaultValue = "") String kind,
      Model model,
      RedirectAttributes redirect) {
    try {
      Organisations.Organisation o = organisations.create(code, name, kind);
      redirect.addFlashAttribute(
          "done", Text.msg("admin.done.organisation", "name", o.name(), "code", o.code()));
      return "redirect:" + PAGE + "#organisaties";
    } catch (InvalidInputException e) {
      return failed(model, "organisation", Map.of("code", code, "name", name, "kind", kind), e);
    }
  }

  @PostMapping(PAGE + "/gebruikers")
  public String createUser(
      @RequestParam(defaultValue = "") String username,
      @RequestParam(defaultValue = "") String displayName,
      @RequestParam(defaultValue = "") String password,
      @RequestParam(defaultValue = "false") boolean administrator,
      @RequestParam(defaultValue = "false") boolean dataSteward,
      @RequestParam(defaultValue = "") String corporation,
      @RequestParam(defaultValue = "") String role,
      @RequestParam(defaultValue = "") String organisation,
      Model model,
      RedirectAttributes redirect) {
    Map<String, String> typed = new LinkedHashMap<>();
    typed.put("organisation", organisation);
    typed.put("username", username);
    typed.put("displayName", displayName);
    typed.put("administrator", String.valueOf(administrator));
    typed.put("dataSteward", String.valueOf(dataSteward));
    typed.put("corporation", corporation);
    typed.put("role", role);
    try {
      List<NewMembership> memberships =
          corporation.isBlank() ? List.of() : List.of(new NewMembership(corporation, role));
      users.create(
          new NewUser(
              username,
              password,
              displayName,
              administrator,
              memberships,
              dataSteward,
              organisation.isBlank() ? null : organisation,
              true));
      redirect.addFlashAttribute("done", Text.msg("admin.done.user", "username", username));
      return "redirect:" + PAGE + "#gebruikers";
    } catch (InvalidInputException e) {
      return failed(model, "user", typed, e);
    }
  }

  @PostMapping(PAGE + "/lidmaatschap")
  public String grant(
      @RequestParam(defaultValue = "") String username,
      @RequestParam(defaultValue = "") String corporation,
      @RequestParam(defaultValue = "") String role,
      Model model,
      RedirectAttributes redirect) {
    try {
      users.grant(username, corporation, role);
      redirect.addFlashAttribute(
          "done",
          Text.msg(
              "admin.done.granted",
              "username",
              username,
              "role",
              Text.msg("role." + role.toUpperCase(java.util.Locale.ROOT)),
              "code",
              corporation));
      return "redirect:" + PAGE + "#gebruikers";
    } catch (InvalidInputException e) {
      return failed(
          model,
          "membership",
          Map.of("username", username, "corporation", corporation, "role", role),
          e);
    }
  }

  @PostMapping(PAGE + "/lidmaatschap/intrekken")
  public String revoke(
      @RequestParam(defaultValue = "") String username,
      @RequestParam(defaultValue = "") String corporation,
      Model model,
      RedirectAttributes redirect) {
    try {
      users.revoke(username, corporation);
      redirect.addFlashAttribute(
          "done", Text.msg("admin.done.revoked", "username", username, "code", corporation));
      return "redirect:" + PAGE + "#gebruikers";
    } catch (InvalidInputException e) {
      return failed(model, "membership", Map.of(), e);
    }
  }

  @PostMapping(PAGE + "/gebruikers/actief")
  public String enable(
      @RequestParam(defaultValue = "") String username,
      @RequestParam(defaultValue = "false") boolean enabled,
      Model model,
      RedirectAttributes redirect) {
    try {
      users.setEnabled(username, enabled);
      redirect.addFlashAttribute(
          "done",
          Text.msg(enabled ? "admin.done.enabled" : "admin.done.disabled", "username", username));
      return "redirect:" + PAGE + "#gebruikers";
    } catch (InvalidInputException e) {
      return failed(model, null, Map.of(), e);
    }
  }

  private String failed(
      Model model, String form, Map<String, String> typed, InvalidInputException e) {
    return render(model, form, typed, e.text(), null);
  }

  private String render(
      Model model, String form, Map<String, String> typed, Text error, Text done) {
    // the overview is for administrators only: it refuses anyone else before anything is shown
    model.addAttribute(
        "view",
        new AdminView(
            corporationAdministration.overview(),
            users.list(),
            List.of(Membership.Role.values()),
            form,
            typed,
            error,
            done,
            audit.newest(25, null),
            organisations.list()));
    return "admin/admin";
  }
}
