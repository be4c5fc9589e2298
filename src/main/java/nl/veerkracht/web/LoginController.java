package nl.veerkracht.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The login form (Spring Security processes the POST). */
@Controller
@WebPage
public class LoginController {

  @GetMapping("/login")
  public String login(
      @RequestParam(required = false) String error,
      @RequestParam(required = false) String logout,
      @RequestParam(required = false) String locked,
      Model model) {
    model.addAttribute("error", error != null);
    model.addAttribute("locked", locked != null);
    model.addAttribute("loggedOut", logout != null);
    return "login";
  }
}
