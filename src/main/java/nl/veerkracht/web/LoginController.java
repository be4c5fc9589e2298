package nl.veerkracht.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The login form (Spring Security processes the POST). */
@Controller
@WebPage
public class LoginController {

  private final org.springframework.beans.factory.ObjectProvider<
          org.springframework.security.oauth2.client.registration.ClientRegistrationRepository>
      registrations;

  public LoginController(
      org.springframework.beans.factory.ObjectProvider<
              org.springframework.security.oauth2.client.registration.ClientRegistrationRepository>
          registrations) {
    this.registrations = registrations;
  }

  private java.util.List<LoginProvider> providers() {
    java.util.List<LoginProvider> out = new java.util.ArrayList<>();
    if (registrations.getIfAvailable() instanceof Iterable<?> all) {
      for (Object o : all) {
        var r = (org.springframework.security.oauth2.client.registration.ClientRegistration) o;
        out.add(
            new LoginProvider("/oauth2/authorization/" + r.getRegistrationId(), r.getClientName()));
      }
    }
    return out;
  }

  @GetMapping("/login")
  public String login(
      @RequestParam(required = false) String error,
      @RequestParam(required = false) String logout,
      @RequestParam(required = false) String locked,
      @RequestParam(required = false) String sso,
      @RequestParam(required = false) String throttled,
      @RequestParam(required = false) String until,
      Model model) {
    // a time of day only: nothing else from the address bar reaches the page
    String clock = until != null && until.matches("\\d{2}:\\d{2}") ? until : "";
    model.addAttribute("until", clock);
    model.addAttribute("throttled", throttled != null);
    model.addAttribute("providers", providers());
    model.addAttribute("ssoFailed", sso != null);
    model.addAttribute("error", error != null);
    model.addAttribute("locked", locked != null);
    model.addAttribute("loggedOut", logout != null);
    return "web/login";
  }
}
