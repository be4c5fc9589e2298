package nl.veerkracht.map;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import nl.veerkracht.analysis.AnalysisService;
import nl.veerkracht.analysis.domain.AnalysisEngine;
import nl.veerkracht.analysis.domain.AnalysisInputs;
import nl.veerkracht.analysis.domain.PeerGroups;
import nl.veerkracht.area.AreaRepository;
import nl.veerkracht.area.domain.Area;
import nl.veerkracht.area.domain.AreaCode;
import nl.veerkracht.common.NotFoundException;
import nl.veerkracht.common.Text;
import nl.veerkracht.map.AreaProfile.Cell;
import nl.veerkracht.map.AreaProfile.DerivedRow;
import nl.veerkracht.map.AreaProfile.FigureRow;
import nl.veerkracht.map.AreaProfile.KeyRow;
import nl.veerkracht.map.AreaProfile.PeerRow;
import nl.veerkracht.profile.ProfileService;
import nl.veerkracht.profile.ProfileViews;
import nl.veerkracht.security.CurrentUser;
import nl.veerkracht.security.Membership;
import nl.veerkracht.statistics.ObservationRepository;
import nl.veerkracht.statistics.StatisticsCatalogue;
import nl.veerkracht.statistics.domain.Indicator;
import nl.veerkracht.statistics.domain.Observation;
import nl.veerkracht.web.Page;
import org.springframework.stereotype.Service;

/** Assembles an area's profile for the page and the PDF. */
@Service
public class AreaProfileService {

  /** The figures compared on every profile. */
  static final List<String> KEY_FIGURES =
      List.of(
          "pct_corporation_rent",
          "pct_low_income_households",
          "pct_households_social_minimum",
          "social_assistance_per_1000",
          "pct_youth_care",
          "pct_single_person_households",
          AnalysisEngine.VULNERABILITY,
          "lbm_score",
          "lbm2_score_dev");

  /** The order of the analysis block; other derived figures follow. */
  private static final List<String> ANALYSIS_ORDER =
      List.of(
          AnalysisEngine.SIGNAL,
          AnalysisEngine.ATTENTION,
          AnalysisEngine.LBM_CLASS,
          AnalysisEngine.LBM_VS_GEMEENTE,
          AnalysisEngine.LBM_CHANGE,
          AnalysisEngine.SHARE_BAND,
          AnalysisEngine.VULNERABILITY,
          AnalysisEngine.VULNERABILITY_CHANGE,
          AnalysisEngine.ONV_CHANGE,
          AnalysisEngine.ONV_VS_GEMEENTE);

  private final AreaRepository areas;
  private final ObservationRepository observations;
  private final StatisticsCatalogue catalogue;
  private final AnalysisService analysis;
  private final ProfileService profiles;
  private final CurrentUser currentUser;
  private final LeefbaarometerCharts charts;

  public AreaProfileService(
      AreaRepository areas,
      ObservationRepository observations,
      StatisticsCatalogue catalogue,
      AnalysisService analysis,
      ProfileService profiles,
      CurrentUser currentUser,
      LeefbaarometerCharts charts) {
    this.areas = areas;
    this.observations = observations;
    this.catalogue = catalogue;
    this.analysis = analysis;
    this.profiles = profiles;
    this.currentUser = currentUser;
    this.charts = charts;
  }

  /**
   * Everything the profile shows.
   *
   * @param year the year of the figures; the area's default year (newest with most figures) when
   *     null
   * @throws NotFoundException for an unknown or malformed code
   */
  public AreaProfile profile(String code, Integer year, Locale locale) {
    AreaCode c =
        AreaCode.parse(code)
            .orElseThrow(() -> new NotFoundException(Text.msg("error.map.noSuchArea")));
    List<Integer> years = observations.years(c.value());
    int y = year != null ? year : defaultYear(c, years);
    Area area =
        areas
            .find(c, y)
            .or(() -> areas.findLatestYear(c).flatMap(latest -> areas.find(c, latest)))
            .orElseThrow(() -> new NotFoundException(Text.msg("error.map.noSuchArea")));
    List<FigureRow> rows = new ArrayList<>();
    List<String> credits = new ArrayList<>();
    Map<String, Observation> derived = new LinkedHashMap<>();
    for (Observation o : observations.latestUpTo(c.value(), y, AnalysisEngine.CURRENT_STATE)) {
      derived.put(o.indicatorId(), o);
    }
    collectFigures(c.value(), y, locale, rows, credits, derived);
    List<PeerRow> peers = peers(area);
    String gemeente = AnalysisInputs.gemeenteOf(c.value());
    String gemeenteName =
        gemeente == null || gemeente.equals(c.value())
            ? null
            : areas.names(List.of(gemeente)).getOrDefault(gemeente, gemeente);
    Optional<Membership> membership = currentUser.findDefaultMembership();
    List<Text> story =
        AreaStory.of(area.name(), gemeenteName, derived, lowIncome(c.value(), gemeente, y));
    return new AreaProfile(
        area,
        parentName(area),
        y,
        years,
        story,
        analysisRows(derived, locale),
        peers,
        keyFigures(c.value(), gemeente, peers, y, locale),
        membership.map(Membership::corporationCode).orElse(null),
        membership.map(m -> profiles.complexesIn(m, c.value())).orElse(List.of()),
        gemeenteName,
        charts.trend(c.value(), locale),
        charts.dimensions(c.value(), y, locale),
        rows,
        credits);
  }

  /** The share of low-income households of the area and its gemeente, when both are known. */
  private double[] lowIncome(String code, String gemeente, int year) {
    if (gemeente == null || gemeente.equals(code)) {
      return null;
    }
    String id = "pct_low_income_households";
    Map<String, Observation> v = observations.newestUpTo(id, year, List.of(code, gemeente));
    Observation own = v.get(code);
    Observation ref = v.get(gemeente);
    if (own == null || ref == null || own.value() == null || ref.value() == null) {
      return null;
    }
    return new double[] {own.value(), ref.value()};
  }

  private int defaultYear(AreaCode c, List<Integer> years) {
    if (years.isEmpty()) {
      return areas
          .findLatestYear(c)
          .orElseThrow(() -> new NotFoundException(Text.msg("error.map.noSuchArea")));
    }
    return observations.defaultYear(c.value()).orElse(years.get(0));
  }

  private String parentName(Area area) {
    return Optional.ofNullable(area.parentCode())
        .flatMap(
            p ->
                areas
                    .find(p, area.year())
                    .or(() -> areas.findLatestYear(p).flatMap(l -> areas.find(p, l))))
        .map(Area::name)
        .orElse(null);
  }

  /** The imported figures of the year as rows (sorted), their credits, and derived ones aside. */
  private void collectFigures(
      String code,
      int year,
      Locale locale,
      List<FigureRow> rows,
      List<String> credits,
      Map<String, Observation> derived) {
    for (Observation o : observations.listForArea(code, year)) {
      Indicator i = catalogue.find(o.indicatorId()).orElse(null);
      if (i == null) {
        continue;
      }
      if (o.derived()) {
        derived.putIfAbsent(o.indicatorId(), o);
        continue;
      }
      rows.add(
          new FigureRow(
              i.id(),
              i.label(locale),
              i.category(),
              i.unit(),
              i.decimals(),
              o.value(),
              o.status().id(),
              o.reason(),
              o.source(),
              o.attribution()));
      if (o.attribution() != null && !credits.contains(o.attribution())) {
        credits.add(o.attribution());
      }
    }
    rows.sort(
        Comparator.comparing((FigureRow r) -> sourceNamed(r.indicatorId()) ? 1 : 0)
            .thenComparing(FigureRow::category)
            .thenComparing(FigureRow::label));
  }

  /** Whether a figure is kept under its source's own column name ({@code cbs_...}). */
  static boolean sourceNamed(String indicatorId) {
    return indicatorId.startsWith("cbs_") || indicatorId.startsWith("src_");
  }

  private List<DerivedRow> analysisRows(Map<String, Observation> derived, Locale locale) {
    List<DerivedRow> out = new ArrayList<>();
    for (String id : ANALYSIS_ORDER) {
      Observation o = derived.remove(id);
      if (o != null) {
        out.add(derivedRow(o, locale));
      }
    }
    derived.values().forEach(o -> out.add(derivedRow(o, locale)));
    return out;
  }

  private DerivedRow derivedRow(Observation o, Locale locale) {
    Indicator i = catalogue.find(o.indicatorId()).orElse(null);
    String label = i == null ? o.indicatorId() : i.label(locale);
    String value =
        o.value() == null
            ? Text.msg("value.unknown").in(locale)
            : ProfileViews.format(o.indicatorId(), o.value(), i, locale);
    String explanation =
        Text.english(locale) && o.explanationEn() != null ? o.explanationEn() : o.explanationNl();
    return new DerivedRow(o.indicatorId(), label, value, o.year(), explanation);
  }

  private List<PeerRow> peers(Area area) {
    List<PeerRow> peers = new ArrayList<>();
    if (area.level().id().equals("buurt")) {
      String code = area.code().value();
      List<PeerGroups.Peer> near = analysis.peers().nearest(code, 10);
      Map<String, String> names = areas.names(near.stream().map(PeerGroups.Peer::code).toList());
      near.forEach(p -> peers.add(new PeerRow(p.code(), names.getOrDefault(p.code(), p.code()))));
    }
    return peers;
  }

  private List<KeyRow> keyFigures(
      String code, String gemeente, List<PeerRow> peers, int year, Locale locale) {
    List<String> codes = new ArrayList<>();
    codes.add(code);
    if (gemeente != null && !gemeente.equals(code)) {
      codes.add(gemeente);
    }
    codes.add("NL00");
    peers.forEach(p -> codes.add(p.code()));
    List<KeyRow> out = new ArrayList<>();
    for (String id : KEY_FIGURES) {
      Indicator i = catalogue.find(id).orElse(null);
      Map<String, Observation> v = i == null ? Map.of() : observations.newestUpTo(id, year, codes);
      Observation own = v.get(code);
      if (own == null) {
        continue;
      }
      boolean ownGemeente = gemeente == null || gemeente.equals(code);
      out.add(
          new KeyRow(
              id,
              i.label(locale),
              i.unit(),
              cell(own, i, locale),
              ownGemeente ? new Cell("", null, false) : cell(v.get(gemeente), i, locale),
              cell(v.get("NL00"), i, locale),
              peerCell(v, peers, i, locale),
              own.source()));
    }
    return out;
  }

  private static Cell peerCell(
      Map<String, Observation> v, List<PeerRow> peers, Indicator i, Locale locale) {
    double sum = 0;
    int n = 0;
    Integer peerYear = null;
    for (PeerRow p : peers) {
      Observation o = v.get(p.code());
      if (o != null && o.value() != null) {
        sum += o.value();
        n++;
        peerYear = peerYear == null ? o.year() : Math.max(peerYear, o.year());
      }
    }
    if (n == 0) {
      return new Cell("–", null, false);
    }
    return new Cell(Page.format(sum / n, i.decimals(), locale) + " (n=" + n + ")", peerYear, true);
  }

  private static Cell cell(Observation o, Indicator i, Locale locale) {
    if (o == null) {
      return new Cell("–", null, false);
    }
    if (o.value() == null) {
      String key = "secret".equals(o.status().id()) ? "value.suppressed" : "value.unknown";
      return new Cell(Text.msg(key).in(locale), o.year(), false);
    }
    return new Cell(Page.format(o.value(), i.decimals(), locale), o.year(), true);
  }
}
