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

/**
 * The home page. Visitors see all Dutch gemeenten coloured by the corporation share of homes; staff
 * see what needs doing ("Te doen", by role), what changed, and the buurten of the gemeente where
 * their corporation has most homes with its complexes; a partner account goes to what is shared
 * with it.
 */
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
  private final nl.veerkracht.security.Organisations organisations;
  private final HomeTasks tasks;
  private final nl.veerkracht.stock.OwnStock stock;
  private final nl.veerkracht.area.AreaNames areaNames;

  public HomeController(
      StatisticsCatalogue catalogue,
      MapService maps,
      nl.veerkracht.monitor.Changes changes,
      nl.veerkracht.security.CurrentUser currentUser,
      nl.veerkracht.security.Organisations organisations,
      HomeTasks tasks,
      nl.veerkracht.stock.OwnStock stock,
      nl.veerkracht.area.AreaNames areaNames) {
    this.catalogue = catalogue;
    this.maps = maps;
    this.changes = changes;
    this.currentUser = currentUser;
    this.organisations = organisations;
    this.tasks = tasks;
    this.stock = stock;
    this.areaNames = areaNames;
  }

  @GetMapping("/")
  public String home(Model model, jakarta.servlet.http.HttpServletRequest request) {
    if (organisations.ofCaller().isPresent()) {
      // a partner's start is what corporations shared with its organisation
      return "redirect:/partner";
    }
    Locale locale = RequestContextUtils.getLocale(request);
    Optional<nl.veerkracht.security.Membership> m = currentUser.findDefaultMembership();
    model.addAttribute("view", view(locale, m.map(this::ownGemeente).orElse(null)));
    // staff see what needs doing and what moved in the buurten of their corporation (the one
    // they work on)
    model.addAttribute("tasks", m.map(tasks::of).orElse(List.of()));
    model.addAttribute(
        "changes",
        m.map(x -> changes.forCorporation(x.corporationId(), null, 10)).orElse(List.of()));
    return "home/home";
  }

  /** The gemeente where the corporation has most homes, or null without homes placed. */
  HomeView.Own ownGemeente(nl.veerkracht.security.Membership m) {
    return stock.unitsPerGemeente(m.corporationId()).entrySet().stream()
        .max(java.util.Map.Entry.comparingByValue())
        .map(
            e ->
                new HomeView.Own(
                    e.getKey(),
                    areaNames.name(e.getKey()),
                    m.corporationName(),
                    "/api/stock/complexes.geojson?corporation="
                        + java.net.URLEncoder.encode(
                            m.corporationCode(), java.nio.charset.StandardCharsets.UTF_8)))
        .orElse(null);
  }

  HomeView view(Locale locale) {
    return view(locale, null);
  }

  HomeView view(Locale locale, HomeView.Own own) {
    Optional<Integer> anyGeometry = maps.geometryYear(AreaLevel.GEMEENTE, null);
    if (anyGeometry.isEmpty()) {
      return new HomeView(null, null, null, null, 0, null, null, null);
    }
    if (own != null) {
      HomeView buurten = buurten(locale, own);
      if (buurten != null) {
        return buurten;
      }
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
            i.source() + " " + year + "; Kadaster / CBS " + geometryYear,
            null);
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
        "Kadaster / CBS " + year,
        null);
  }

  /** The buurten of the corporation's gemeente, coloured by the first home figure they hold. */
  private HomeView buurten(Locale locale, HomeView.Own own) {
    Optional<Integer> geometry = maps.geometryYear(AreaLevel.BUURT, null);
    if (geometry.isEmpty()) {
      return null;
    }
    for (String id : HOME_INDICATORS) {
      Optional<Indicator> indicator = catalogue.find(id);
      List<Integer> years = catalogue.years(id, "BU");
      if (indicator.isPresent() && !years.isEmpty()) {
        int year = years.get(0);
        int geometryYear = maps.geometryYear(AreaLevel.BUURT, year).orElse(year);
        Indicator i = indicator.get();
        return new HomeView(
            "/api/map/buurt.geojson?year="
                + year
                + "&within="
                + own.gemeenteCode()
                + "&indicator="
                + id
                + "&lang="
                + locale.getLanguage(),
            id,
            i.label(locale),
            i.unit(),
            i.decimals(),
            Integer.toString(year),
            i.source() + " " + year + "; Kadaster / CBS " + geometryYear,
            own);
      }
    }
    return null;
  }
}
