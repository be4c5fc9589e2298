package nl.veerkracht.atelier;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import nl.veerkracht.area.domain.AreaCode;
import nl.veerkracht.area.domain.AreaLevel;
import nl.veerkracht.common.Text;
import nl.veerkracht.map.Detail;
import nl.veerkracht.map.MapGeometryRepository;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The record of an atelier: results as JSON, XLSX (pins, answers, votes, ranking), PDF (map with
 * pins, figure cards with the room's answers, ranked measures, counts) and GeoJSON. The record
 * follows the room's rules for what the room may see: no identities, and in a resident atelier no
 * position of a pin within 25 m of a home (only its buurt). Every text goes in as text.
 */
@Service
public class AtelierExports {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final AtelierViews views;
  private final FigureCards figureCards;
  private final AtelierRepository repository;
  private final PinRepository pinRepository;
  private final MapGeometryRepository geometry;
  private final nl.veerkracht.area.AreaRepository areas;

  public AtelierExports(
      AtelierViews views,
      FigureCards figureCards,
      AtelierRepository repository,
      PinRepository pinRepository,
      MapGeometryRepository geometry,
      nl.veerkracht.area.AreaRepository areas) {
    this.areas = areas;
    this.views = views;
    this.figureCards = figureCards;
    this.repository = repository;
    this.pinRepository = pinRepository;
    this.geometry = geometry;
  }

  public Map<String, Object> results(Atelier a, Caller caller) {
    AtelierViews.Lens lens = AtelierViews.lens(caller, false);
    Map<String, Object> out = new LinkedHashMap<>();
    Map<String, Object> atelier = new LinkedHashMap<>();
    atelier.put("id", a.id());
    atelier.put("name", a.name());
    atelier.put("type", a.kind().name().toLowerCase(Locale.ROOT));
    atelier.put("phase", a.phase().name());
    atelier.put("areaCodes", a.areaCodes());
    atelier.put("heldOn", a.heldOn());
    out.put("atelier", atelier);
    out.put("participantCount", repository.participants(a.id()).size());
    out.put("problemAreas", views.problemAreas(a, caller, lens));
    out.put("cards", figureCards.cards(a));
    out.put("answers", views.answers(a, caller, lens));
    out.put("counts", views.counts(a));
    return out;
  }

  public AtelierResultsView resultsView(Atelier a, Caller caller) {
    Map<String, AtelierViews.CardAnswers> answers = new LinkedHashMap<>();
    views
        .answers(a, caller, AtelierViews.lens(caller, false))
        .forEach(c -> answers.put(c.card(), c));
    java.util.Locale locale = org.springframework.context.i18n.LocaleContextHolder.getLocale();
    RecordMap map =
        recordMap(a, caller, 720, 420, 0, name -> name.length() * 4.4); // 8 px type, about
    return new AtelierResultsView(
        a,
        caller instanceof Caller.Staff,
        repository.participants(a.id()).size(),
        views.problemAreas(a, caller, AtelierViews.lens(caller, false)),
        figureCards.cards(a),
        answers,
        views.counts(a),
        map.pins.isEmpty() && map.buurten.isEmpty() ? "" : map.svg(720, 420, AtelierPdf.colours()),
        pinRows(a, caller, locale));
  }

  /** The record's map laid out for a page of this size (the PDF, the results page's SVG). */
  RecordMap recordMap(
      Atelier a,
      Caller caller,
      float w,
      float h,
      float bottom,
      java.util.function.ToDoubleFunction<String> nameWidth) {
    List<double[][]> rings = new ArrayList<>();
    for (MapGeometryRepository.Shape s : shapes(a)) {
      rings.addAll(AtelierPdf.rings(s.geometry()));
    }
    List<AtelierViews.AreaView> drawn =
        views.problemAreas(a, caller, AtelierViews.Lens.STAFF).stream()
            .filter(pa -> pa.outline() != null)
            .toList();
    return RecordMap.layout(a, rings, drawn, recordPins(a), w, h, bottom, nameWidth);
  }

  /** A pin as the results page lists it: its number on the map, labels and names. */
  public record PinRow(
      int number,
      String category,
      String theme,
      String text,
      String buurt,
      String buurtCode,
      String complexCode) {}

  List<PinRow> pinRows(Atelier a, Caller caller, Locale locale) {
    List<PinRepository.Pin> record = recordPins(a);
    Map<String, String> names =
        areas.names(
            record.stream().map(PinRepository.Pin::buurtCode).filter(c -> c != null).toList());
    List<PinRow> out = new ArrayList<>();
    int n = 1;
    boolean staff = caller instanceof Caller.Staff;
    for (PinRepository.Pin p : record) {
      out.add(
          new PinRow(
              n++,
              label(locale, "atelier.category.", p.category()),
              p.theme() == null ? "" : label(locale, "atelier.theme.", p.theme()),
              staff ? p.body() : p.shownBody(),
              p.buurtCode() == null ? "" : names.getOrDefault(p.buurtCode(), p.buurtCode()),
              p.buurtCode(),
              staff && !a.residents() ? p.complexCode() : null));
    }
    return out;
  }

  /** The pins of the record: visible ones, merged and hidden ones left out. */
  List<PinRepository.Pin> recordPins(Atelier a) {
    return pinRepository.pins(a.id()).stream().filter(p -> "VISIBLE".equals(p.status())).toList();
  }

  /** Whether the record may show where this pin is (not near a home in a resident atelier). */
  static boolean placed(Atelier a, PinRepository.Pin p) {
    return !(a.residents() && p.nearHome());
  }

  /**
   * The outlines of the atelier's buurten; per buurt the value and label of each map layer the
   * facilitator chose, and the layers with their titles ({@code layers}) for the map's switch.
   */
  public String outlinesGeoJson(Atelier a, Locale locale) {
    ObjectNode fc = JSON.createObjectNode();
    fc.put("type", "FeatureCollection");
    Map<String, Map<String, FigureCards.LayerValue>> layers = figureCards.layers(a, locale);
    ArrayNode titles = fc.putArray("layers");
    layers
        .keySet()
        .forEach(
            l ->
                titles
                    .addObject()
                    .put("id", l)
                    .put("title", Text.msg("atelier.card." + l + ".title").in(locale)));
    ArrayNode features = fc.putArray("features");
    for (MapGeometryRepository.Shape s : shapes(a)) {
      ObjectNode f = features.addObject();
      f.put("type", "Feature");
      ObjectNode props = f.putObject("properties").put("code", s.code()).put("name", s.name());
      ObjectNode values = props.putObject("layers");
      layers.forEach(
          (layer, perArea) -> {
            FigureCards.LayerValue v = perArea.get(s.code());
            if (v != null) {
              values
                  .putObject(layer)
                  .put("value", v.value())
                  .put("label", v.label())
                  .put("year", v.year());
            }
          });
      f.set("geometry", JSON.readTree(s.geometry()));
    }
    return JSON.writeValueAsString(fc);
  }

  List<MapGeometryRepository.Shape> shapes(Atelier a) {
    List<MapGeometryRepository.Shape> out = new ArrayList<>();
    for (String code : a.areaCodes()) {
      Optional<AreaCode> c = AreaCode.parse(code);
      if (c.isPresent()) {
        out.addAll(geometry.shapes(AreaLevel.BUURT, a.areaYear(), c, Detail.DETAIL));
      }
    }
    return out;
  }

  public byte[] pinsGeoJson(Atelier a, Caller caller) {
    ObjectNode fc = JSON.createObjectNode();
    fc.put("type", "FeatureCollection");
    fc.put("name", a.name());
    ArrayNode features = fc.putArray("features");
    for (PinRepository.Pin p : recordPins(a)) {
      ObjectNode f = features.addObject();
      f.put("type", "Feature");
      ObjectNode props = f.putObject("properties");
      props.put("id", p.id());
      props.put("category", p.category());
      props.put("theme", p.theme());
      props.put("text", p.shownBody());
      props.put("buurtCode", p.buurtCode());
      props.put("buurtYear", p.buurtYear());
      if (caller instanceof Caller.Staff && !a.residents()) {
        props.put("complexCode", p.complexCode());
      }
      if (placed(a, p)) {
        ObjectNode g = f.putObject("geometry");
        g.put("type", "Point");
        g.putArray("coordinates").add(round(p.lon())).add(round(p.lat()));
      } else {
        f.putNull("geometry");
        props.put("nearHome", true);
      }
    }
    // the problem areas drawn on the map, as polygons with their name and ranked measures
    for (AtelierViews.AreaView pa : views.problemAreas(a, caller, AtelierViews.Lens.STAFF)) {
      if (pa.outline() == null) {
        continue;
      }
      ObjectNode f = features.addObject();
      f.put("type", "Feature");
      ObjectNode props = f.putObject("properties");
      props.put("problemArea", pa.name());
      ArrayNode measures = props.putArray("measures");
      pa.measures()
          .forEach(m -> measures.addObject().put("title", m.title()).put("votes", m.votes()));
      ObjectNode g = f.putObject("geometry");
      g.put("type", "Polygon");
      ArrayNode ring = g.putArray("coordinates").addArray();
      pa.outline().forEach(p -> ring.addArray().add(p.get(0)).add(p.get(1)));
    }
    return JSON.writeValueAsBytes(fc);
  }

  static double round(double v) {
    return Math.round(v * 1e6) / 1e6;
  }

  /**
   * The record's file name: the atelier's name and its date, "werkatelier-baarn-centrum_2027-01-20"
   * (letters and digits only, so every system takes it).
   */
  public static String fileName(Atelier a) {
    String name =
        java.text.Normalizer.normalize(a.name(), java.text.Normalizer.Form.NFD)
            .replaceAll("\\p{M}", "")
            .toLowerCase(Locale.ROOT)
            .replaceAll("[^a-z0-9]+", "-")
            .replaceAll("(^-+|-+$)", "");
    if (name.length() > 60) {
      name = name.substring(0, 60).replaceAll("-+$", "");
    }
    return (name.isEmpty() ? "atelier-" + a.id() : name)
        + (a.heldOn() == null ? "" : "_" + a.heldOn());
  }

  /** A category or theme by its name in the bundles, or as the facilitator typed it. */
  static String label(Locale locale, String prefix, String key) {
    return nl.veerkracht.common.Messages.has(prefix + key) ? t(locale, prefix + key) : key;
  }

  private static String t(Locale locale, String key, Object... args) {
    return Text.msg(key, args).in(locale);
  }
}
