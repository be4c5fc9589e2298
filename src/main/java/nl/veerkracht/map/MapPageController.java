package nl.veerkracht.map;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import nl.veerkracht.area.domain.Area;
import nl.veerkracht.area.domain.AreaCode;
import nl.veerkracht.area.domain.AreaLevel;
import nl.veerkracht.common.Text;
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
  private final AreaFigures figures;
  private final CurrentUser currentUser;

  public MapPageController(
      StatisticsCatalogue catalogue,
      MapService maps,
      AreaFigures figures,
      CurrentUser currentUser) {
    this.catalogue = catalogue;
    this.maps = maps;
    this.figures = figures;
    this.currentUser = currentUser;
  }

  @GetMapping("/kaart")
  public String map(
      @RequestParam(required = false) String level,
      @RequestParam(required = false) String indicator,
      @RequestParam(required = false) Integer year,
      @RequestParam(required = false) String within,
      @RequestParam(required = false) String complexes,
      @RequestParam(required = false) String highlight,
      Model model,
      jakarta.servlet.http.HttpServletRequest request) {
    Locale locale = RequestContextUtils.getLocale(request);
    AreaLevel l =
        AreaLevel.find(level == null ? "gemeente" : level)
            .filter(x -> x != AreaLevel.LAND)
            .orElse(AreaLevel.GEMEENTE);
    Optional<AreaCode> w =
        within == null || within.isBlank() || l == AreaLevel.GEMEENTE
            ? Optional.empty()
            : AreaCode.parse(within).filter(c -> c.level() == AreaLevel.GEMEENTE);
    List<Choice> choices = choices(l, locale);
    String id = indicator(choices, indicator, l);
    List<Integer> years = id == null ? List.of() : catalogue.years(id, l.prefix());
    YearChoice y = year(id, l, w, year, years);
    List<Area> gemeenten =
        maps
            .geometryYear(AreaLevel.GEMEENTE, y.year())
            .map(gy -> figures.list(AreaLevel.GEMEENTE, gy, Optional.empty()))
            .orElse(List.of())
            .stream()
            .sorted(
                java.util.Comparator.comparing(Area::name, java.text.Collator.getInstance(locale)))
            .toList();
    StringBuilder q = new StringBuilder();
    if (id != null) {
      q.append("indicator=").append(enc(id));
    }
    if (y.year() != null) {
      q.append("&year=").append(y.year());
    }
    w.ifPresent(c -> q.append("&within=").append(c.value()));
    q.append("&lang=").append(locale.getLanguage());
    Indicator chosen = id == null ? null : catalogue.find(id).orElse(null);
    Optional<Membership> corporation = complexCorporation(complexes);
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
            nl.veerkracht.statistics.IndicatorChoices.of(
                catalogue.list(), i -> catalogue.years(i, l.prefix()), locale, id),
            y.year(),
            years,
            w.map(AreaCode::value).orElse(""),
            gemeenten,
            q.toString().startsWith("&") ? q.substring(1) : q.toString(),
            corporation
                .map(m -> "/api/stock/complexes.geojson?corporation=" + enc(m.corporationCode()))
                .orElse(null),
            currentUser.memberships(),
            corporation.map(Membership::corporationCode).orElse(""),
            highlight == null ? "" : AreaCode.parse(highlight).map(AreaCode::value).orElse(""),
            y.note()));
    return "map/map";
  }

  /** The indicators with figures at this level. */
  private List<Choice> choices(AreaLevel l, Locale locale) {
    List<Choice> choices = new ArrayList<>();
    for (Indicator i : catalogue.list()) {
      if (!catalogue.years(i.id(), l.prefix()).isEmpty()) {
        choices.add(new Choice(i.id(), i.label(locale), !"source".equals(i.origin())));
      }
    }
    return choices;
  }

  /** The indicator asked for when it has figures at this level, else a default with data. */
  private String indicator(List<Choice> choices, String asked, AreaLevel l) {
    if (choices.stream().anyMatch(c -> c.id().equals(asked))) {
      return asked;
    }
    return choices.stream()
        .map(Choice::id)
        .filter(DEFAULTS::contains)
        // the default that covers most areas in its newest year
        .max(
            java.util.Comparator.comparingInt(
                c -> catalogue.count(c, l.prefix(), bestYear(c, l.prefix()))))
        .orElse(choices.isEmpty() ? null : choices.get(0).id());
  }

  /**
   * The year asked for when the map has figures in it (in the chosen gemeente, when one is chosen);
   * otherwise the best-covered year there, with a note saying so, so that switching level or
   * gemeente never silently shows an empty map.
   */
  YearChoice year(
      String id, AreaLevel l, Optional<AreaCode> within, Integer asked, List<Integer> years) {
    if (id == null || years.isEmpty()) {
      return new YearChoice(null, null);
    }
    Map<Integer, Integer> known =
        within.isPresent()
            ? figures.knownPerYear(id, l.prefix() + within.get().value().substring(2))
            : null;
    if (known != null && !known.isEmpty()) {
      if (asked != null && known.containsKey(asked)) {
        return new YearChoice(asked, null);
      }
      int most = known.values().stream().mapToInt(Integer::intValue).max().orElse(0);
      int best =
          known.entrySet().stream()
              .filter(e -> e.getValue() * 2 >= most)
              .map(Map.Entry::getKey)
              .findFirst()
              .orElseThrow();
      return new YearChoice(
          best, asked == null ? null : Text.msg("map.year.moved", "asked", asked, "shown", best));
    }
    if (asked != null && years.contains(asked)) {
      return new YearChoice(asked, null);
    }
    int best = bestYear(id, l.prefix());
    return new YearChoice(
        best, asked == null ? null : Text.msg("map.year.moved", "asked", asked, "shown", best));
  }

  /**
   * The corporation whose complexes the map shows: the one asked for ({@code complexes=CODE},
   * remembered for the session), none ({@code complexes=none}), or the one chosen last.
   */
  private Optional<Membership> complexCorporation(String asked) {
    if ("none".equals(asked)) {
      return Optional.empty();
    }
    if (asked != null && !asked.isBlank()) {
      String code = asked.strip().toUpperCase(Locale.ROOT);
      Optional<Membership> m =
          currentUser.memberships().stream()
              .filter(x -> x.corporationCode().equals(code))
              .findFirst();
      m.ifPresent(x -> currentUser.choose(x.corporationCode()));
      return m;
    }
    return currentUser.findDefaultMembership();
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
