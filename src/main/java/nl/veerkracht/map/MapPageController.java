package nl.veerkracht.map;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import nl.veerkracht.area.AreaRepository;
import nl.veerkracht.area.domain.Area;
import nl.veerkracht.area.domain.AreaCode;
import nl.veerkracht.area.domain.AreaLevel;
import nl.veerkracht.security.CurrentUser;
import nl.veerkracht.security.Membership;
import nl.veerkracht.statistics.StatisticsCatalogue;
import nl.veerkracht.statistics.domain.Indicator;
import nl.veerkracht.web.WebPage;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.support.RequestContextUtils;

/**
 * {@code /kaart}: a choropleth of any indicator at any level and year held. The choice lives in the
 * URL (level, indicator, year, gemeente; the extent in the fragment), so a link reproduces the
 * view.
 */
@Controller
@WebPage
public class MapPageController {

  /** Indicators offered first, the one with the most areas wins. */
  static final List<String> DEFAULTS =
      List.of("pct_corporation_rent", "inhabitants", "pct_low_income_households");

  private final StatisticsCatalogue catalogue;
  private final MapService maps;
  private final AreaRepository areas;
  private final CurrentUser currentUser;

  public MapPageController(
      StatisticsCatalogue catalogue,
      MapService maps,
      AreaRepository areas,
      CurrentUser currentUser) {
    this.catalogue = catalogue;
    this.maps = maps;
    this.areas = areas;
    this.currentUser = currentUser;
  }

  @GetMapping("/kaart")
  public String map(
      @RequestParam(required = false) String level,
      @RequestParam(required = false) String indicator,
      @RequestParam(required = false) Integer year,
      @RequestParam(required = false) String within,
      Model model,
      jakarta.servlet.http.HttpServletRequest request) {
    Locale locale = RequestContextUtils.getLocale(request);
    AreaLevel l =
        AreaLevel.find(level == null ? "gemeente" : level)
            .filter(x -> x != AreaLevel.LAND)
            .orElse(AreaLevel.GEMEENTE);
    List<Choice> choices = new ArrayList<>();
    for (Indicator i : catalogue.list()) {
      if (!catalogue.years(i.id(), l.prefix()).isEmpty()) {
        choices.add(new Choice(i.id(), i.label(locale), !"source".equals(i.origin())));
      }
    }
    String id =
        choices.stream().anyMatch(c -> c.id().equals(indicator))
            ? indicator
            : choices.stream()
                .map(Choice::id)
                .filter(c -> DEFAULTS.contains(c))
                // the default that covers most areas in its newest year
                .max(
                    java.util.Comparator.comparingInt(
                        c -> catalogue.count(c, l.prefix(), bestYear(c, l.prefix()))))
                .orElse(choices.isEmpty() ? null : choices.get(0).id());
    List<Integer> years = id == null ? List.of() : catalogue.years(id, l.prefix());
    Integer y =
        year != null && years.contains(year)
            ? year
            : years.isEmpty() ? null : bestYear(id, l.prefix());
    Optional<AreaCode> w =
        within == null || within.isBlank()
            ? Optional.empty()
            : AreaCode.parse(within).filter(c -> c.level() == AreaLevel.GEMEENTE);
    if (l == AreaLevel.GEMEENTE) {
      w = Optional.empty();
    }
    List<Area> gemeenten =
        maps.geometryYear(AreaLevel.GEMEENTE, y)
            .map(gy -> areas.list(AreaLevel.GEMEENTE, gy, Optional.empty()))
            .orElse(List.of());
    StringBuilder q = new StringBuilder();
    if (id != null) {
      q.append("indicator=").append(enc(id));
    }
    if (y != null) {
      q.append("&year=").append(y);
    }
    w.ifPresent(c -> q.append("&within=").append(c.value()));
    q.append("&lang=").append(locale.getLanguage());
    Indicator chosen = id == null ? null : catalogue.find(id).orElse(null);
    String complexes =
        currentUser.memberships().stream()
            .findFirst()
            .map(Membership::corporationCode)
            .map(code -> "/api/stock/complexes.geojson?corporation=" + enc(code))
            .orElse(null);
    model.addAttribute(
        "view",
        new MapView(
            l.id(),
            List.of("gemeente", "wijk", "buurt"),
            id,
            chosen == null ? "" : chosen.label(locale),
            chosen == null ? "" : chosen.unit(),
            chosen == null ? 0 : chosen.decimals(),
            choices,
            y,
            years,
            w.map(AreaCode::value).orElse(""),
            gemeenten,
            q.toString().startsWith("&") ? q.substring(1) : q.toString(),
            complexes));
    return "map";
  }

  /**
   * The newest year that covers at least half as many areas as the best-covered year (a year in
   * which only one gemeente has the figure makes a poor first view).
   */
  int bestYear(String id, String prefix) {
    List<Integer> years = catalogue.years(id, prefix);
    int most = years.stream().mapToInt(y -> catalogue.count(id, prefix, y)).max().orElse(0);
    return years.stream()
        .filter(y -> catalogue.count(id, prefix, y) * 2 >= most)
        .findFirst()
        .orElse(years.get(0));
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
