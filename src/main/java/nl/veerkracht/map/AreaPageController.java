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
import nl.veerkracht.analysis.domain.Bands;
import nl.veerkracht.analysis.domain.PeerGroups;
import nl.veerkracht.analysis.domain.Signal;
import nl.veerkracht.area.AreaRepository;
import nl.veerkracht.area.domain.Area;
import nl.veerkracht.area.domain.AreaCode;
import nl.veerkracht.common.NotFoundException;
import nl.veerkracht.statistics.ObservationRepository;
import nl.veerkracht.statistics.StatisticsCatalogue;
import nl.veerkracht.statistics.domain.Indicator;
import nl.veerkracht.statistics.domain.Observation;
import nl.veerkracht.web.WebPage;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.support.RequestContextUtils;

/** The page of one area: its figures of a year with their sources. */
@Controller
@WebPage
public class AreaPageController {

  /** A row of the figures table. */
  public record FigureRow(
      String indicatorId,
      String label,
      String category,
      String unit,
      int decimals,
      Double value,
      String status,
      String reason,
      String source,
      String attribution) {}

  /** A derived figure with how it was computed. */
  public record DerivedRow(
      String indicatorId, String label, String value, int year, String explanation) {}

  /** A similar buurt. */
  public record PeerRow(String code, String name) {}

  /** One cell of the comparison: a formatted value with its year, or why there is none. */
  public record Cell(String text, Integer year, boolean known) {}

  /** A key figure next to the gemeente, the Netherlands and the peer group. */
  public record KeyRow(
      String indicatorId,
      String label,
      String unit,
      Cell area,
      Cell gemeente,
      Cell nl,
      Cell peers,
      String source) {}

  /** What the page shows. */
  public record AreaView(
      Area area,
      String parentName,
      int year,
      List<Integer> years,
      List<DerivedRow> analysis,
      List<PeerRow> peers,
      List<KeyRow> keyFigures,
      String corporation,
      List<nl.veerkracht.profile.ProfileRepository.ComplexInArea> complexes,
      String gemeenteName,
      String trendJson,
      String dimensionsJson,
      List<FigureRow> figures,
      List<String> credits) {}

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
  private final MapGeometryRepository geometries;
  private final nl.veerkracht.profile.ProfileService profiles;
  private final nl.veerkracht.security.CurrentUser currentUser;

  public AreaPageController(
      AreaRepository areas,
      ObservationRepository observations,
      StatisticsCatalogue catalogue,
      AnalysisService analysis,
      MapGeometryRepository geometries,
      nl.veerkracht.profile.ProfileService profiles,
      nl.veerkracht.security.CurrentUser currentUser) {
    this.geometries = geometries;
    this.profiles = profiles;
    this.currentUser = currentUser;
    this.areas = areas;
    this.observations = observations;
    this.catalogue = catalogue;
    this.analysis = analysis;
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
      if (i == null) {
        continue;
      }
      Map<String, Observation> v = observations.newestUpTo(id, year, codes);
      Observation own = v.get(code);
      if (own == null) {
        continue;
      }
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
      Cell peerCell =
          n == 0
              ? new Cell("–", null, false)
              : new Cell(
                  nl.veerkracht.web.Page.format(sum / n, i.decimals(), locale) + " (n=" + n + ")",
                  peerYear,
                  true);
      out.add(
          new KeyRow(
              id,
              i.label(locale),
              i.unit(),
              cell(own, i, locale),
              gemeente == null || gemeente.equals(code)
                  ? new Cell("", null, false)
                  : cell(v.get(gemeente), i, locale),
              cell(v.get("NL00"), i, locale),
              peerCell,
              own.source()));
    }
    return out;
  }

  private static Cell cell(Observation o, Indicator i, Locale locale) {
    if (o == null) {
      return new Cell("–", null, false);
    }
    if (o.value() == null) {
      return new Cell(
          "secret".equals(o.status().id())
              ? ("en".equals(locale.getLanguage()) ? "suppressed" : "geheim")
              : ("en".equals(locale.getLanguage()) ? "not known" : "onbekend"),
          o.year(),
          false);
    }
    return new Cell(nl.veerkracht.web.Page.format(o.value(), i.decimals(), locale), o.year(), true);
  }

  /** The Leefbaarometer over the years: the deviation (3.x) or the 2.0 total score, as JSON. */
  private String trend(String code, Locale locale) {
    for (String id : List.of("lbm_afw", "lbm_score", "lbm2_score_dev")) {
      List<Observation> series =
          observations.series(code, id).stream().filter(o -> o.value() != null).toList();
      if (series.size() >= 2) {
        Indicator i = catalogue.find(id).orElse(null);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("label", i == null ? id : i.label(locale));
        out.put("source", series.get(series.size() - 1).source());
        out.put("years", series.stream().map(Observation::year).toList());
        out.put("values", series.stream().map(Observation::value).toList());
        return JSON.writeValueAsString(out);
      }
    }
    return "";
  }

  /** The newest Leefbaarometer dimensions up to the year, as JSON. */
  private String dimensions(String code, int year, Locale locale) {
    for (List<String> ids :
        List.of(
            List.of("lbm_won", "lbm_fys", "lbm_vrz", "lbm_soc", "lbm_onv"),
            List.of("lbm2_won", "lbm2_bev", "lbm2_vrz", "lbm2_vei", "lbm2_fys"))) {
      List<Observation> found = observations.latestUpTo(code, year, ids);
      if (found.size() >= 3) {
        Map<String, Object> out = new LinkedHashMap<>();
        List<String> labels = new ArrayList<>();
        List<Double> values = new ArrayList<>();
        for (String id : ids) {
          found.stream()
              .filter(o -> o.indicatorId().equals(id) && o.value() != null)
              .findFirst()
              .ifPresent(
                  o -> {
                    labels.add(catalogue.find(id).map(i -> i.label(locale)).orElse(id));
                    values.add(o.value());
                  });
        }
        out.put("labels", labels);
        out.put("values", values);
        out.put("year", found.stream().mapToInt(Observation::year).max().orElse(year));
        out.put("source", found.get(0).source());
        return JSON.writeValueAsString(out);
      }
    }
    return "";
  }

  private static final tools.jackson.databind.json.JsonMapper JSON =
      tools.jackson.databind.json.JsonMapper.builder().build();

  private DerivedRow derivedRow(Observation o, Locale locale, boolean english) {
    Indicator i = catalogue.find(o.indicatorId()).orElse(null);
    String label = i == null ? o.indicatorId() : i.label(locale);
    String value;
    if (o.value() == null) {
      value = english ? "not known" : "onbekend";
    } else {
      int v = (int) Math.round(o.value());
      value =
          switch (o.indicatorId()) {
            case AnalysisEngine.SIGNAL -> english ? Signal.ofCode(v).en() : Signal.ofCode(v).nl();
            case AnalysisEngine.ATTENTION ->
                v == 1 ? (english ? "yes" : "ja") : (english ? "no" : "nee");
            case AnalysisEngine.LBM_CLASS -> v + " (" + Bands.lbmLabel(v) + ")";
            case AnalysisEngine.SHARE_BAND -> Bands.shareLabel(v);
            default ->
                nl.veerkracht.web.Page.format(
                    o.value(), i == null ? 2 : Math.max(i.decimals(), 1), locale);
          };
    }
    return new DerivedRow(
        o.indicatorId(),
        label,
        value,
        o.year(),
        english && o.explanationEn() != null ? o.explanationEn() : o.explanationNl());
  }

  @GetMapping("/gebied/{code}")
  public String area(
      @PathVariable String code,
      @RequestParam(required = false) Integer year,
      Model model,
      jakarta.servlet.http.HttpServletRequest request) {
    model.addAttribute("view", view(code, year, RequestContextUtils.getLocale(request)));
    return "area";
  }

  @GetMapping("/gebied/{code}.pdf")
  public org.springframework.http.ResponseEntity<byte[]> pdf(
      @PathVariable String code,
      @RequestParam(required = false) Integer year,
      jakarta.servlet.http.HttpServletRequest request) {
    Locale locale = RequestContextUtils.getLocale(request);
    AreaView v = view(code, year, locale);
    byte[] pdf = ProfilePdf.render(v, outlines(v), locale);
    return org.springframework.http.ResponseEntity.ok()
        .contentType(org.springframework.http.MediaType.APPLICATION_PDF)
        .header(
            "Content-Disposition",
            "attachment; filename=\"profiel_" + v.area().code().value() + "_" + v.year() + ".pdf\"")
        .body(pdf);
  }

  /** The area and its neighbours of the same level in its gemeente, for the PDF map. */
  private ProfilePdf.Outlines outlines(AreaView v) {
    Area a = v.area();
    // the division year nearest to the figures that has this area's geometry
    List<Integer> withGeometry = geometries.geometryYears(a.level());
    Integer year = null;
    for (int y : withGeometry) {
      if (areas.find(a.code(), y).map(Area::hasGeometry).orElse(false)
          && (year == null || Math.abs(y - v.year()) < Math.abs(year - v.year()))) {
        year = y;
      }
    }
    if (year == null) {
      return new ProfilePdf.Outlines(List.of(), a.year());
    }
    Optional<AreaCode> within =
        a.level() == nl.veerkracht.area.domain.AreaLevel.GEMEENTE
            ? Optional.empty()
            : AreaCode.parse(AnalysisInputs.gemeenteOf(a.code().value()));
    List<MapGeometryRepository.Shape> shapes =
        geometries.shapes(a.level(), year, within, Detail.OVERVIEW);
    return new ProfilePdf.Outlines(shapes, year);
  }

  /** Everything the profile shows, for the page and the PDF. */
  public AreaView view(String code, Integer year, Locale locale) {
    AreaCode c = AreaCode.parse(code).orElseThrow(() -> new NotFoundException("No such area"));
    List<Integer> years = observations.years(c.value());
    int y =
        year != null
            ? year
            : years.isEmpty()
                ? areas.findLatestYear(c).orElseThrow(() -> new NotFoundException("No such area"))
                : observations.defaultYear(c.value()).orElse(years.get(0));
    Area area =
        areas
            .find(c, y)
            .or(() -> areas.findLatestYear(c).flatMap(latest -> areas.find(c, latest)))
            .orElseThrow(() -> new NotFoundException("No such area"));
    String parentName =
        Optional.ofNullable(area.parentCode())
            .flatMap(
                p ->
                    areas
                        .find(p, area.year())
                        .or(() -> areas.findLatestYear(p).flatMap(l -> areas.find(p, l))))
            .map(Area::name)
            .orElse(null);
    List<FigureRow> rows = new ArrayList<>();
    List<String> credits = new ArrayList<>();
    boolean english = "en".equals(locale.getLanguage());
    Map<String, Observation> derived = new LinkedHashMap<>();
    for (Observation o : observations.latestUpTo(c.value(), y, AnalysisEngine.CURRENT_STATE)) {
      derived.put(o.indicatorId(), o);
    }
    for (Observation o : observations.listForArea(c.value(), y)) {
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
        Comparator.comparing(
                (FigureRow r) ->
                    r.indicatorId().startsWith("cbs_") || r.indicatorId().startsWith("src_")
                        ? 1
                        : 0)
            .thenComparing(FigureRow::category)
            .thenComparing(FigureRow::label));
    List<DerivedRow> analysis = new ArrayList<>();
    for (String id : ANALYSIS_ORDER) {
      Observation o = derived.remove(id);
      if (o != null) {
        analysis.add(derivedRow(o, locale, english));
      }
    }
    derived.values().forEach(o -> analysis.add(derivedRow(o, locale, english)));
    List<PeerRow> peers = new ArrayList<>();
    if (area.level().id().equals("buurt")) {
      List<PeerGroups.Peer> near = this.analysis.peers().nearest(c.value(), 10);
      Map<String, String> names = areas.names(near.stream().map(PeerGroups.Peer::code).toList());
      near.forEach(p -> peers.add(new PeerRow(p.code(), names.getOrDefault(p.code(), p.code()))));
    }
    String gemeente = AnalysisInputs.gemeenteOf(c.value());
    String gemeenteName =
        gemeente == null || gemeente.equals(c.value())
            ? null
            : areas.names(List.of(gemeente)).getOrDefault(gemeente, gemeente);
    List<KeyRow> keys = keyFigures(c.value(), gemeente, peers, y, locale);
    // the user's own complexes here: only for staff of a corporation
    Optional<nl.veerkracht.security.Membership> membership = currentUser.findDefaultMembership();
    return new AreaView(
        area,
        parentName,
        y,
        years,
        analysis,
        peers,
        keys,
        membership.map(nl.veerkracht.security.Membership::corporationCode).orElse(null),
        membership.map(m -> profiles.complexesIn(m, c.value())).orElse(List.of()),
        gemeenteName,
        trend(c.value(), locale),
        dimensions(c.value(), y, locale),
        rows,
        credits);
  }
}
