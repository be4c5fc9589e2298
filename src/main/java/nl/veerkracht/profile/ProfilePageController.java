package nl.veerkracht.profile;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Locale;
import nl.veerkracht.common.BadRequestException;
import nl.veerkracht.common.Text;
import nl.veerkracht.security.Membership;
import nl.veerkracht.stock.ClusterTypes;
import nl.veerkracht.web.WebPage;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.support.RequestContextUtils;

/**
 * The complex profile as a page and as a PDF ({@code complexprofiel}), for the corporation's staff;
 * {@code audience=resident} shows what may be shared with residents.
 */
@Controller
@WebPage
public class ProfilePageController {

  private final ProfileViews views;
  private final Clock clock;

  public ProfilePageController(ProfileViews views, Clock clock) {
    this.views = views;
    this.clock = clock;
  }

  @GetMapping("/voorraad/{type}/{code}/profiel")
  public String page(
      @PathVariable String type,
      @PathVariable String code,
      @RequestParam String corporation,
      @RequestParam(defaultValue = "staff") String audience,
      Model model,
      HttpServletRequest request) {
    model.addAttribute(
        "view", view(type, code, corporation, audience, RequestContextUtils.getLocale(request)));
    return "profile/complex-profile";
  }

  @GetMapping("/voorraad/{type}/{code}/profiel.pdf")
  public ResponseEntity<byte[]> pdf(
      @PathVariable String type,
      @PathVariable String code,
      @RequestParam String corporation,
      @RequestParam(defaultValue = "staff") String audience,
      HttpServletRequest request) {
    Locale locale = RequestContextUtils.getLocale(request);
    ProfileView v = view(type, code, corporation, audience, locale);
    return ResponseEntity.ok()
        .contentType(MediaType.APPLICATION_PDF)
        .header(
            "Content-Disposition",
            "attachment; filename=\"" + pdfName(v.profile().complex().code(), audience) + "\"")
        .body(ComplexProfilePdf.render(v, locale, LocalDate.now(clock)));
  }

  /**
   * Staff and resident profiles never share a file name, so the one for residents cannot be
   * mistaken for the one with the figures for staff.
   */
  static String pdfName(String complexCode, String audience) {
    String safe = complexCode.replaceAll("[^A-Za-z0-9_-]", "_");
    return "resident".equalsIgnoreCase(audience)
        ? "complexprofiel_" + safe + "_bewoners.pdf"
        : "complexprofiel_" + safe + "_medewerkers.pdf";
  }

  private ProfileView view(
      String type, String code, String corporation, String audience, Locale locale) {
    Membership m = views.forPage(corporation);
    Audience a =
        Audience.parse(audience)
            .orElseThrow(() -> new BadRequestException(Text.msg("error.profile.audience")));
    return views.view(m, ClusterTypes.require(type), code, a, locale);
  }
}
