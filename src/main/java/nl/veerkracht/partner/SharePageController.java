package nl.veerkracht.partner;

import java.util.Map;
import nl.veerkracht.common.InvalidInputException;
import nl.veerkracht.common.NotFoundException;
import nl.veerkracht.common.Text;
import nl.veerkracht.security.Membership;
import nl.veerkracht.security.Organisations;
import nl.veerkracht.web.WebPage;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** /delen: the corporation's staff see what is shared with partners; managers share and revoke. */
@Controller
@WebPage
public class SharePageController {

  private final Sharing sharing;
  private final Organisations organisations;

  public SharePageController(Sharing sharing, Organisations organisations) {
    this.sharing = sharing;
    this.organisations = organisations;
  }

  @GetMapping("/delen")
  public String page(
      @RequestParam(required = false) String corporation,
      @RequestParam(required = false) String complex,
      @RequestParam(required = false) String area,
      Model model) {
    return show(model, sharing.staff(corporation), complex, area, null);
  }

  @PostMapping("/delen")
  public String share(@RequestParam Map<String, String> form, Model model) {
    Membership m = sharing.staff(form.get("corporation"));
    String scope = form.getOrDefault("scope", "").strip();
    boolean area = scope.toUpperCase(java.util.Locale.ROOT).matches("(BU|WK|GM)[0-9]+");
    try {
      sharing.share(
          new ShareRequest(
              m.corporationCode(),
              form.get("organisation"),
              area ? scope : null,
              area || scope.isEmpty() ? null : scope));
    } catch (InvalidInputException e) {
      return show(model, m, area ? null : scope, area ? scope : null, e.text());
    }
    return "redirect:/delen?corporation=" + m.corporationCode() + "&opgeslagen";
  }

  @PostMapping("/delen/{id}/intrekken")
  public String revoke(
      @PathVariable long id, @RequestParam(required = false) String corporation, Model model) {
    Membership m = sharing.staff(corporation);
    try {
      sharing.revoke(id);
    } catch (NotFoundException e) {
      return show(model, m, null, null, Text.msg("share.invalid.gone"));
    }
    return "redirect:/delen?corporation=" + m.corporationCode() + "&opgeslagen";
  }

  private String show(Model model, Membership m, String complex, String area, Text error) {
    model.addAttribute(
        "view",
        new SharingView(
            m,
            sharing.list(m.corporationCode()),
            organisations.list(),
            complex,
            area,
            error,
            m.role().canApprove()));
    return "partner/sharing";
  }
}
