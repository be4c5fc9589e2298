package nl.veerkracht.profile;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import nl.veerkracht.analysis.domain.AnalysisEngine;
import nl.veerkracht.analysis.domain.Bands;
import nl.veerkracht.analysis.domain.Signal;
import nl.veerkracht.security.CurrentUser;
import nl.veerkracht.security.Membership;
import nl.veerkracht.statistics.StatisticsCatalogue;
import nl.veerkracht.statistics.domain.Indicator;
import nl.veerkracht.web.Page;
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

  /** A figure of the complex as shown. */
  public record Row(
      String id,
      String label,
      String value,
      Integer year,
      String coverage,
      String explanation,
      String gemeente,
      String nl,
      String peers) {}

  /** What the page shows. */
  public record View(
      ProfileService.ComplexProfile profile,
      List<Row> rows,
      String type,
      String corporation,
      boolean resident) {}

  private final ProfileService profiles;
  private final CurrentUser currentUser;
  private final StatisticsCatalogue catalogue;

  public ProfilePageController(
      ProfileService profiles, CurrentUser currentUser, StatisticsCatalogue catalogue) {
    this.profiles = profiles;
    this.currentUser = currentUser;
    this.catalogue = catalogue;
  }

  @GetMapping("/voorraad/{type}/{code}/profiel")
  public String page(
      @PathVariable String type,
      @PathVariable String code,
      @RequestParam String corporation,
      @RequestParam(defaultValue = "staff") String audience,
      Model model,
      jakarta.servlet.http.HttpServletRequest request) {
    model.addAttribute(
        "view", view(type, code, corporation, audience, RequestContextUtils.getLocale(request)));
    return "complex-profile";
  }

  @GetMapping("/voorraad/{type}/{code}/profiel.pdf")
  public ResponseEntity<byte[]> pdf(
      @PathVariable String type,
      @PathVariable String code,
      @RequestParam String corporation,
      @RequestParam(defaultValue = "staff") String audience,
      jakarta.servlet.http.HttpServletRequest request) {
    Locale locale = RequestContextUtils.getLocale(request);
    View v = view(type, code, corporation, audience, locale);
    return ResponseEntity.ok()
        .contentType(MediaType.APPLICATION_PDF)
        .header(
            "Content-Disposition",
            "attachment; filename=\"complexprofiel_" + v.profile().complex().code() + ".pdf\"")
        .body(ComplexProfilePdf.render(v, locale));
  }

  View view(String type, String code, String corporation, String audience, Locale locale) {
    Membership m = currentUser.requireStaff(corporation.strip().toUpperCase(Locale.ROOT));
    String t = nl.veerkracht.stock.ClusterTypes.require(type);
    boolean resident = "resident".equalsIgnoreCase(audience);
    ProfileService.ComplexProfile p =
        profiles.complex(
            m,
            t,
            code,
            resident ? ProfileService.Audience.RESIDENT : ProfileService.Audience.STAFF,
            null);
    boolean en = "en".equals(locale.getLanguage());
    List<Row> rows = new ArrayList<>();
    for (Map.Entry<String, ProfileService.FigureView> e : p.indicators().entrySet()) {
      ProfileService.FigureView f = e.getValue();
      String id = e.getKey();
      Indicator i = catalogue.find(id).orElse(null);
      String label =
          id.equals(ProfileService.OWN_SHARE)
              ? (en
                  ? "Own share of the buurt's homes (%)"
                  : "Eigen aandeel in de woningen van de buurt (%)")
              : i == null ? id : i.label(locale);
      String value =
          f.value() == null
              ? (en ? "not known" : "onbekend")
              : format(id, f.value(), i, locale, en);
      String coverage =
          f.coveredUnits() == f.totalUnits() ? "" : f.coveredUnits() + " / " + f.totalUnits();
      rows.add(
          new Row(
              id,
              label,
              value,
              f.year(),
              coverage,
              f.explanation().get(en ? "en" : "nl"),
              compared(f.gemeente(), i, locale),
              compared(f.nl(), i, locale),
              compared(f.peers(), i, locale)));
    }
    return new View(p, rows, t, m.corporationCode(), resident);
  }

  private static String compared(ProfileService.Comparison c, Indicator i, Locale locale) {
    if (c == null || c.value() == null) {
      return "–";
    }
    String n = c.label().startsWith("n=") ? " " + c.label() : "";
    return Page.format(c.value(), i == null ? 1 : Math.max(1, i.decimals()), locale)
        + " ("
        + c.year()
        + n
        + ")";
  }

  static String format(String id, double v, Indicator i, Locale locale, boolean en) {
    int c = (int) Math.round(v);
    return switch (id) {
      case AnalysisEngine.SIGNAL -> en ? Signal.ofCode(c).en() : Signal.ofCode(c).nl();
      case AnalysisEngine.ATTENTION -> c == 1 ? (en ? "yes" : "ja") : (en ? "no" : "nee");
      case AnalysisEngine.LBM_CLASS -> c + " (" + Bands.lbmLabel(c) + ")";
      case AnalysisEngine.SHARE_BAND -> Bands.shareLabel(c);
      default -> Page.format(v, i == null ? 1 : Math.max(1, i.decimals()), locale);
    };
  }
}
