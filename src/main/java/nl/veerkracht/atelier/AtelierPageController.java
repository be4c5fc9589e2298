package nl.veerkracht.atelier;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.veerkracht.common.ConflictException;
import nl.veerkracht.common.InvalidInputException;
import nl.veerkracht.common.NotFoundException;
import nl.veerkracht.common.Text;
import nl.veerkracht.security.CurrentUser;
import nl.veerkracht.web.WebPage;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * Atelier pages: {@code /ateliers} (prepare and list, staff), the facilitator's console, the
 * projector screen and the results; {@code /doe-mee} (join by code, no account) and {@code
 * /atelier/ID} (the participant's phone).
 */
@Controller
@WebPage
public class AtelierPageController {

  private final AtelierService service;
  private final AtelierAccess access;
  private final AtelierExports exports;
  private final CurrentUser currentUser;

  public AtelierPageController(
      AtelierService service,
      AtelierAccess access,
      AtelierExports exports,
      CurrentUser currentUser) {
    this.service = service;
    this.access = access;
    this.exports = exports;
    this.currentUser = currentUser;
  }

  @GetMapping("/ateliers")
  public String list(Model model) {
    return render(model, Map.of(), null);
  }

  @PostMapping("/ateliers")
  public String create(@RequestParam Map<String, String> form, Model model) {
    try {
      AtelierService.Created c =
          service.create(
              new AtelierRequests.NewAtelier(
                  form.get("corporation"),
                  form.get("name"),
                  form.get("type"),
                  split(form.get("areaCodes")),
                  split(form.get("complexCodes")),
                  integer(form.get("votesPerParticipant")),
                  split(form.get("categories")),
                  split(form.get("themes")),
                  checked(form, "card.", FigureCards.ALL),
                  checked(form, "layer.", AtelierService.MAP_LAYERS),
                  form.containsKey("requireApproval"),
                  date(form.get("heldOn")),
                  form.get("startsAt"),
                  form.get("place"),
                  form.get("contact"),
                  null));
      return "redirect:/ateliers/" + c.id();
    } catch (InvalidInputException e) {
      Map<String, String> typed = new LinkedHashMap<>(form);
      typed.remove("_csrf");
      return render(model, typed, e.text());
    }
  }

  private String render(Model model, Map<String, String> typed, Text error) {
    access.preparer();
    model.addAttribute(
        "view",
        new AtelierPagesView(
            service.mine(),
            currentUser.memberships().stream().filter(AtelierService::facilitates).toList(),
            typed,
            error));
    return "atelier/ateliers";
  }

  /** The options whose checkbox ({@code prefix + option}) was ticked. */
  private static List<String> checked(Map<String, String> form, String prefix, List<String> all) {
    return all.stream().filter(o -> form.containsKey(prefix + o)).toList();
  }

  static List<String> split(String raw) {
    if (raw == null || raw.isBlank()) {
      return List.of();
    }
    return Arrays.stream(raw.split("[,;\\n]")).map(String::trim).filter(s -> !s.isEmpty()).toList();
  }

  private static Integer integer(String raw) {
    if (raw == null || raw.isBlank()) {
      return null;
    }
    try {
      return Integer.parseInt(raw.trim());
    } catch (NumberFormatException e) {
      throw new InvalidInputException(Text.msg("atelier.error.votes"));
    }
  }

  private static LocalDate date(String raw) {
    if (raw == null || raw.isBlank()) {
      return null;
    }
    try {
      return LocalDate.parse(raw.trim());
    } catch (DateTimeParseException e) {
      throw new InvalidInputException(Text.msg("atelier.error.date"));
    }
  }

  @GetMapping("/ateliers/{id}")
  public String console(@PathVariable long id, HttpServletRequest request, Model model) {
    return staffScreen(id, "console", request, model);
  }

  @GetMapping("/ateliers/{id}/scherm")
  public String screen(@PathVariable long id, HttpServletRequest request, Model model) {
    return staffScreen(id, "screen", request, model);
  }

  /** A page to print and hang up or hand out: the name, date, QR code, link and code, large. */
  @GetMapping("/ateliers/{id}/uitnodiging")
  public String invitation(@PathVariable long id, HttpServletRequest request, Model model) {
    return staffScreen(id, "print", request, model);
  }

  /** The date in words and the time: "dinsdag 20 januari 2027, om 19:30 uur". */
  static String when(Atelier a, java.util.Locale locale) {
    boolean en = "en".equals(locale.getLanguage());
    java.util.Locale l = en ? java.util.Locale.UK : java.util.Locale.forLanguageTag("nl-NL");
    StringBuilder out = new StringBuilder();
    if (a.heldOn() != null) {
      out.append(
          a.heldOn().format(java.time.format.DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", l)));
    }
    if (a.startsAt() != null) {
      if (!out.isEmpty()) {
        out.append(", ");
      }
      out.append(Text.msg("atelier.ui.startsAt", "time", a.startsAt().toString()).in(locale));
    }
    return out.toString();
  }

  /** A staff page of the atelier (console, projector, invitation); participants go to theirs. */
  private String staffScreen(long id, String mode, HttpServletRequest request, Model model) {
    AtelierAccess.Asked asked = access.resolve(request, id);
    if (!(asked.caller() instanceof Caller.Staff)) {
      return "redirect:/atelier/" + id;
    }
    Atelier a = asked.atelier();
    model.addAttribute(
        "view",
        new AtelierScreenView(
            a.id(), a.name(), mode, JoinLinks.link(request, a.joinCode()), a.joinCode()));
    if (mode.equals("print")) {
      java.util.Locale locale =
          org.springframework.web.servlet.support.RequestContextUtils.getLocale(request);
      model.addAttribute("when", when(a, locale));
      model.addAttribute("place", a.place() == null ? "" : a.place());
      model.addAttribute("contact", a.contact() == null ? "" : a.contact());
      model.addAttribute("corporation", service.corporationName(a));
      return "atelier/atelier-invitation";
    }
    // the projector: presenter mode, without the staff menu, the user name or "Uitloggen"
    return mode.equals("screen") ? "atelier/atelier-present" : "atelier/atelier-live";
  }

  /** What the join form says when joining was refused: its own words, a wrong code as such. */
  private static Text joinRefusal(RuntimeException e) {
    if (e instanceof NotFoundException) {
      return Text.msg("atelier.error.code");
    }
    if (e instanceof ConflictException c && c.text().equals(Text.msg("atelier.refused.closed"))) {
      return Text.msg("atelier.error.closed");
    }
    return ((nl.veerkracht.common.UserFacingException) e).text();
  }

  @GetMapping("/ateliers/{id}/resultaten")
  public String results(@PathVariable long id, HttpServletRequest request, Model model) {
    AtelierAccess.Asked asked = access.resolve(request, id);
    model.addAttribute("view", exports.resultsView(asked.atelier(), asked.caller()));
    return "atelier/atelier-results";
  }

  @GetMapping("/doe-mee")
  public String joinForm(@RequestParam(required = false) String code, Model model) {
    String c = AtelierService.normaliseCode(code);
    Optional<Atelier> a = service.byJoinCode(c);
    model.addAttribute(
        "view",
        new JoinView(
            c,
            a.map(Atelier::name).orElse(null),
            a.map(Atelier::groups).orElse(List.of()),
            "",
            !c.isEmpty() && a.isEmpty() ? Text.msg("atelier.error.code") : null));
    return "atelier/atelier-join";
  }

  @PostMapping("/doe-mee")
  public String join(
      @RequestParam(defaultValue = "") String code,
      @RequestParam(defaultValue = "") String name,
      @RequestParam(defaultValue = "") String group,
      HttpServletResponse response,
      Model model) {
    try {
      AtelierService.Joined j =
          service.join(new AtelierRequests.Join(code, name, group.isEmpty() ? null : group));
      ResponseCookie cookie =
          ResponseCookie.from(AtelierAccess.COOKIE_PREFIX + j.atelierId(), j.participantToken())
              .httpOnly(true)
              .sameSite("Strict")
              .path("/")
              .maxAge(Duration.ofDays(7))
              .build();
      response.addHeader(HttpHeaders.SET_COOKIE, cookie.toString());
      return "redirect:/atelier/" + j.atelierId();
    } catch (InvalidInputException
        | NotFoundException
        | ConflictException
        | nl.veerkracht.common.TooManyRequestsException e) {
      String c = AtelierService.normaliseCode(code);
      Optional<Atelier> a = service.byJoinCode(c);
      model.addAttribute(
          "view",
          new JoinView(
              c,
              a.map(Atelier::name).orElse(null),
              a.map(Atelier::groups).orElse(List.of()),
              name,
              joinRefusal(e)));
      return "atelier/atelier-join";
    }
  }

  @GetMapping("/atelier/{id}")
  public String phone(@PathVariable long id, HttpServletRequest request, Model model) {
    if (AtelierAccess.cookie(request, id).isEmpty() && currentUser.findUsername().isEmpty()) {
      return "redirect:/doe-mee";
    }
    AtelierAccess.Asked asked = access.resolve(request, id);
    if (asked.caller() instanceof Caller.Staff) {
      return "redirect:/ateliers/" + id;
    }
    model.addAttribute(
        "view", new AtelierScreenView(id, asked.atelier().name(), "phone", null, null));
    return "atelier/atelier-live";
  }

  /** The texts the atelier script shows, in the reader's language. */
  @GetMapping("/atelier/texts.json")
  @ResponseBody
  public Map<String, String> texts(@RequestParam(defaultValue = "nl") String lang) {
    return nl.veerkracht.common.Messages.templates("atelier.", "en".equals(lang));
  }
}
