package nl.veerkracht.home;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import nl.veerkracht.area.domain.AreaLevel;
import nl.veerkracht.map.MapService;
import nl.veerkracht.statistics.StatisticsCatalogue;
import nl.veerkracht.statistics.domain.Indicator;
import nl.veerkracht.web.WebPage;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.servlet.support.RequestContextUtils;

/** The home page: all Dutch gemeenten coloured by the corporation share of homes. */
@Controller
@WebPage
public class HomeController {

  /** Indicators tried in turn for the home map. */
  static final List<String> HOME_INDICATORS =
      List.of("pct_corporation_rent", "pct_rent", "inhabitants");

  private final StatisticsCatalogue catalogue;
  private final MapService maps;
  private final nl.veerkracht.monitor.Changes changes;
  private final nl.veerkracht.security.CurrentUser currentUser;

  public HomeController(
      StatisticsCatalogue catalogue,
      MapService maps,
      nl.veerkracht.monitor.Changes changes,
      nl.veerkracht.security.CurrentUser currentUser) {
    this.catalogue = catalogue;
    this.maps = maps;
    this.changes = changes;
    this.currentUser = currentUser;
  }

  @GetMapping("/")
  public String home(Model model, jakarta.servlet.http.HttpServletRequest request) {
    Locale locale = RequestContextUtils.getLocale(request);
    model.addAttribute("view", view(locale));
    // staff see what moved in the buurten of their corporation (the one they work on)
    model.addAttribute(
        "changes",
        currentUser
            .findDefaultMembership()
            .map(m -> changes.forCorporation(m.corporationId(), null, 10))
            .orElse(List.of()));
    return "home";
  }

  HomeView view(Locale locale) {
    Optional<Integer> anyGeometry = maps.geometryYear(AreaLevel.GEMEENTE, null);
    if (anyGeometry.isEmpty()) {
      return new HomeView(null, null, null, null, 0, null, null);
    }
    for (String id : HOME_INDICATORS) {
      Optional<Indicator> indicator = catalogue.find(id);
      List<Integer> years = catalogue.years(id, "GM");
      if (indicator.isPresent() && !years.isEmpty()) {
        int year = years.get(0);
        int geometryYear = maps.geometryYear(AreaLevel.GEMEENTE, year).orElse(year);
        Indicator i = indicator.get();
        return new HomeView(
            "/api/map/gemeente.geojson?year="
                + year
                + "&indicator="
                + id
                + "&lang="
                + locale.getLanguage(),
            id,
            i.label(locale),
            i.unit(),
            i.decimals(),
            Integer.toString(year),
            i.source() + " " + year + "; Kadaster / CBS " + geometryYear);
      }
    }
    int year = anyGeometry.get();
    return new HomeView(
        "/api/map/gemeente.geojson?year=" + year,
        null,
        "",
        "",
        0,
        Integer.toString(year),
        "Kadaster / CBS " + year);
  }
}
