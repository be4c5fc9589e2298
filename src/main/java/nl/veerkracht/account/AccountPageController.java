package nl.veerkracht.account;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import nl.veerkracht.common.InvalidInputException;
import nl.veerkracht.common.NotFoundException;
import nl.veerkracht.common.Text;
import nl.veerkracht.security.ApiTokens;
import nl.veerkracht.security.CurrentUser;
import nl.veerkracht.web.WebPage;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * {@code /mijn-account}: a signed-in person's own page. For now their API tokens: make one for a
 * script or GIS client (the secret is shown on the answer to that form only, never stored in the
 * session or shown again), see when each was last used, revoke one.
 */
@Controller
@WebPage
public class AccountPageController {

  static final String PAGE = "/mijn-account";

  private static final DateTimeFormatter WHEN =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.of("Europe/Amsterdam"));

  private final ApiTokens tokens;
  private final CurrentUser currentUser;
  private final nl.veerkracht.security.UserAccounts accounts;
  private final nl.veerkracht.audit.AuditLog audit;

  public AccountPageController(
      ApiTokens tokens,
      CurrentUser currentUser,
      nl.veerkracht.security.UserAccounts accounts,
      nl.veerkracht.audit.AuditLog audit) {
    this.tokens = tokens;
    this.currentUser = currentUser;
    this.accounts = accounts;
    this.audit = audit;
  }

  @PostMapping(PAGE + "/wachtwoord")
  public String changePassword(
      @RequestParam(defaultValue = "") String current,
      @RequestParam(defaultValue = "") String chosen,
      @RequestParam(defaultValue = "") String repeated,
      Model model,
      RedirectAttributes redirect) {
    String username = currentUser.findUsername().orElseThrow();
    try {
      accounts.changeOwnPassword(username, current, chosen, repeated);
    } catch (InvalidInputException e) {
      return render(model, null, "", null, e.text());
    }
    audit.record("account.password", null, username, java.util.Map.of());
    redirect.addFlashAttribute("done", Text.msg("account.password.changed"));
    return "redirect:" + PAGE;
  }

  @GetMapping(PAGE)
  public String page(Model model) {
    Object done = model.getAttribute("done");
    return render(model, null, "", done instanceof Text t ? t : null, null);
  }

  @PostMapping(PAGE + "/tokens")
  public String create(@RequestParam(defaultValue = "") String name, Model model) {
    try {
      ApiTokens.Created created = tokens.create(name);
      return render(model, created, "", null, null);
    } catch (InvalidInputException e) {
      return render(model, null, name, null, e.text());
    }
  }

  @PostMapping(PAGE + "/tokens/{id}/intrekken")
  public String revoke(@PathVariable long id, Model model, RedirectAttributes redirect) {
    try {
      String name =
          tokens.list().stream()
              .filter(t -> t.id() == id)
              .map(ApiTokens.TokenView::name)
              .findFirst()
              .orElse("");
      tokens.revoke(id);
      redirect.addFlashAttribute("done", Text.msg("account.token.revoked", "name", name));
      return "redirect:" + PAGE + "#tokens";
    } catch (NotFoundException e) {
      return render(model, null, "", null, e.text());
    }
  }

  private String render(
      Model model, ApiTokens.Created created, String typedName, Text done, Text error) {
    String username = currentUser.findUsername().orElseThrow();
    List<AccountView.Token> list =
        tokens.list().stream()
            .map(
                t ->
                    new AccountView.Token(
                        t.id(),
                        t.name(),
                        WHEN.format(t.createdAt()),
                        t.lastUsedOn() == null ? null : t.lastUsedOn().toString(),
                        t.revoked()))
            .toList();
    model.addAttribute(
        "view",
        new AccountView(
            username,
            list,
            created,
            typedName,
            done,
            error,
            accounts.mustChangePassword(username)));
    return "account/account";
  }
}
