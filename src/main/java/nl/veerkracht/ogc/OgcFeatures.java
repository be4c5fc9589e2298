package nl.veerkracht.ogc;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import nl.veerkracht.area.domain.AreaLevel;
import nl.veerkracht.common.BadRequestException;
import nl.veerkracht.common.NotFoundException;
import nl.veerkracht.common.Text;
import nl.veerkracht.geo.RdNew;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/**
 * The public collections of the OGC API (Features, Part 1 Core and Part 2 CRS): gemeenten, wijken
 * and buurten, one division year at a time, each feature carrying its figures of that year as
 * properties. Output in CRS84 (lon, lat) or RD New (EPSG:28992, metres).
 */
@Service
public class OgcFeatures {

  public static final String CRS84 = "http://www.opengis.net/def/crs/OGC/1.3/CRS84";
  public static final String RD_NEW = "http://www.opengis.net/def/crs/EPSG/0/28992";

  /** The collections of areas, by their id in the API. */
  static final Map<String, AreaLevel> COLLECTIONS =
      Map.of("gemeenten", AreaLevel.GEMEENTE, "wijken", AreaLevel.WIJK, "buurten", AreaLevel.BUURT);

  /** Text properties a request may filter on (equality), as area columns. */
  static final Set<String> TEXT_PROPERTIES = Set.of("code", "name", "gemeente_code", "parent_code");

  /** The query parameters of the items path that are not property filters. */
  static final Set<String> PARAMETERS =
      Set.of("limit", "offset", "bbox", "bbox-crs", "datetime", "crs", "properties", "f");

  static final int DEFAULT_LIMIT = 100;
  static final int MAX_LIMIT = 10_000;

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final OgcRepository repository;

  /** The figures and years per level, kept until data changes (an import, an analysis). */
  private final Map<String, List<OgcRepository.Figure>> figureCache =
      new java.util.concurrent.ConcurrentHashMap<>();

  private final Map<AreaLevel, List<Integer>> yearCache =
      new java.util.concurrent.ConcurrentHashMap<>();

  private final nl.veerkracht.map.MapGeometryRepository mapGeometries;

  public OgcFeatures(
      OgcRepository repository, nl.veerkracht.map.MapGeometryRepository mapGeometries) {
    this.repository = repository;
    this.mapGeometries = mapGeometries;
  }

  /** Which public data a page was made from: this instance's start and its data changes. */
  private final String started = Long.toString(System.currentTimeMillis(), 36);

  private final java.util.concurrent.atomic.AtomicLong changes =
      new java.util.concurrent.atomic.AtomicLong();

  @org.springframework.context.event.EventListener
  public void onDataChanged(nl.veerkracht.common.DataChangedEvent event) {
    changes.incrementAndGet();
    figureCache.clear();
    yearCache.clear();
  }

  /** Changes with every import, undo and analysis (for the ETag of public pages). */
  public String dataVersion() {
    return started + "." + changes.get();
  }

  /** A collection's level, or 404 naming the ones there are. */
  public AreaLevel level(String collectionId) {
    AreaLevel level = COLLECTIONS.get(collectionId);
    if (level == null) {
      throw new NotFoundException(Text.msg("ogc.error.collection", "id", collectionId));
    }
    return level;
  }

  /** The years a collection can be asked for ({@code datetime}), newest first. */
  public List<Integer> years(AreaLevel level) {
    return yearCache.computeIfAbsent(level, mapGeometries::geometryYears);
  }

  public Optional<double[]> extent(AreaLevel level, int year) {
    return repository.extent(level, year);
  }

  public List<OgcRepository.Figure> figures(AreaLevel level, int year) {
    return figureCache.computeIfAbsent(
        level.id() + ":" + year, k -> repository.figures(level, year));
  }

  /** The year a request asks for: {@code datetime} as a date, a date-time or an interval. */
  public int year(AreaLevel level, String datetime) {
    List<Integer> years = years(level);
    if (years.isEmpty()) {
      throw new NotFoundException(Text.msg("ogc.error.noBoundaries"));
    }
    if (datetime == null || datetime.isBlank()) {
      return years.get(0);
    }
    String d = datetime.strip();
    String[] interval = d.split("/", -1);
    String part =
        interval.length == 2 && (interval[0].isEmpty() || interval[0].equals(".."))
            ? interval[1]
            : interval[0];
    try {
      int year =
          part.length() == 4
              ? Integer.parseInt(part)
              : LocalDate.parse(part.substring(0, 10)).getYear();
      if (!years.contains(year)) {
        throw new NotFoundException(
            Text.msg("ogc.error.noYear", "year", year, "years", years.toString()));
      }
      return year;
    } catch (NumberFormatException | DateTimeParseException | StringIndexOutOfBoundsException e) {
      throw new BadRequestException(Text.msg("ogc.error.datetime", "value", datetime));
    }
  }

  /** What a request selects: level and year, the figures shown, and its box and filters. */
  private record Selection(
      AreaLevel level,
      int year,
      List<String> shown,
      Optional<double[]> bbox,
      Map<String, String> textEquals,
      Map<String, Double> figureEquals) {

    OgcRepository.Query query(int limit, long offset) {
      return new OgcRepository.Query(
          level, year, year, bbox, textEquals, figureEquals, limit, offset);
    }
  }

  /** Reads a request's year, figures, box and filters; a wrong one is refused with 400. */
  private Selection select(String collectionId, Map<String, String> params) {
    AreaLevel level = level(collectionId);
    for (String name : params.keySet()) {
      if (!PARAMETERS.contains(name) && !TEXT_PROPERTIES.contains(name) && !isFigure(name)) {
        throw new BadRequestException(Text.msg("ogc.error.parameter", "name", name));
      }
    }
    int year = year(level, params.get("datetime"));
    List<String> figureIds = figures(level, year).stream().map(OgcRepository.Figure::id).toList();
    Map<String, String> textEquals = new LinkedHashMap<>();
    Map<String, Double> figureEquals = new LinkedHashMap<>();
    params.forEach(
        (name, value) -> {
          if (TEXT_PROPERTIES.contains(name)) {
            textEquals.put(name, value);
          } else if (!PARAMETERS.contains(name)) {
            if (!figureIds.contains(name)) {
              throw new BadRequestException(
                  Text.msg(
                      "ogc.error.figure", "name", name, "collection", collectionId, "year", year));
            }
            try {
              figureEquals.put(name, Double.parseDouble(value));
            } catch (NumberFormatException e) {
              throw new BadRequestException(
                  Text.msg("ogc.error.number", "name", name, "value", value));
            }
          }
        });
    return new Selection(
        level,
        year,
        properties(params.get("properties"), figureIds),
        OgcParameters.bbox(params.get("bbox"), params.get("bbox-crs")),
        textEquals,
        figureEquals);
  }

  /** The items of one page as a GeoJSON FeatureCollection, with its paging links. */
  public String items(String collectionId, Map<String, String> params, String baseUrl) {
    Selection sel = select(collectionId, params);
    int year = sel.year();
    List<String> shown = sel.shown();
    int limit = OgcParameters.intParam(params, "limit", DEFAULT_LIMIT, 1, MAX_LIMIT);
    long offset = OgcParameters.intParam(params, "offset", 0, 0, Integer.MAX_VALUE);
    String crs = OgcParameters.crs(params.get("crs"));
    OgcRepository.Page page = repository.page(sel.query(limit, offset));
    Map<String, Map<String, Double>> values =
        repository.values(page.areas().stream().map(OgcRepository.Area::code).toList(), year);
    StringBuilder b = new StringBuilder(page.areas().size() * 2048 + 512);
    b.append("{\"type\":\"FeatureCollection\",\"numberMatched\":")
        .append(page.matched())
        .append(",\"numberReturned\":")
        .append(page.areas().size())
        .append(",\"features\":[");
    WKBReader wkb = new WKBReader();
    RdNew rd = crs.equals(RD_NEW) ? new RdNew() : null;
    boolean first = true;
    for (OgcRepository.Area a : page.areas()) {
      if (!first) {
        b.append(',');
      }
      first = false;
      feature(b, a, year, values.getOrDefault(a.code(), Map.of()), shown, wkb, rd);
    }
    b.append("],\"links\":");
    List<Map<String, String>> links =
        OgcParameters.pageLinks(
            baseUrl + "/collections/" + collectionId + "/items",
            params,
            offset,
            limit,
            page.areas().size(),
            page.matched());
    links.add(
        OgcParameters.link(
            baseUrl + "/collections/" + collectionId,
            "collection",
            "application/json",
            collectionId));
    b.append(JSON.writeValueAsString(links)).append('}');
    return b.toString();
  }

  /**
   * Every feature a request selects (box, filters, year; no paging, at most {@link #MAX_LIMIT}), as
   * items for a file download (WGS84 geometries, properties as in the JSON).
   */
  public List<OgcStaffCollections.Item> allItems(String collectionId, Map<String, String> params) {
    Selection sel = select(collectionId, params);
    int year = sel.year();
    List<String> shown = sel.shown();
    OgcRepository.Page page = repository.page(sel.query(MAX_LIMIT, 0));
    Map<String, Map<String, Double>> values =
        repository.values(page.areas().stream().map(OgcRepository.Area::code).toList(), year);
    WKBReader wkb = new WKBReader();
    List<OgcStaffCollections.Item> out = new ArrayList<>();
    for (OgcRepository.Area a : page.areas()) {
      Map<String, Object> props = new LinkedHashMap<>();
      props.put("code", a.code());
      props.put("name", a.name());
      props.put("gemeente_code", a.gemeenteCode());
      props.put("parent_code", a.parentCode());
      props.put("year", year);
      Map<String, Double> v = values.getOrDefault(a.code(), Map.of());
      for (String id : shown) {
        props.put(id, v.get(id));
      }
      try {
        out.add(new OgcStaffCollections.Item(a.code(), wkb.read(a.wkb()), props));
      } catch (ParseException e) {
        throw new IllegalStateException("A stored boundary cannot be read: " + a.code(), e);
      }
    }
    return out;
  }

  /** One feature by its code, in a year (the newest when none is named). */
  public String feature(String collectionId, String code, Map<String, String> params) {
    AreaLevel level = level(collectionId);
    int year = year(level, params.get("datetime"));
    String crs = OgcParameters.crs(params.get("crs"));
    OgcRepository.Page page =
        repository.page(
            new OgcRepository.Query(
                level, year, year, Optional.empty(), Map.of("code", code), Map.of(), 1, 0));
    if (page.areas().isEmpty()) {
      throw new NotFoundException(
          Text.msg("ogc.error.feature", "collection", collectionId, "code", code, "year", year));
    }
    List<String> figureIds = figures(level, year).stream().map(OgcRepository.Figure::id).toList();
    StringBuilder b = new StringBuilder(4096);
    OgcRepository.Area a = page.areas().get(0);
    feature(
        b,
        a,
        year,
        repository.values(List.of(a.code()), year).getOrDefault(a.code(), Map.of()),
        figureIds.isEmpty() ? List.of() : properties(params.get("properties"), figureIds),
        new WKBReader(),
        crs.equals(RD_NEW) ? new RdNew() : null);
    return b.toString();
  }

  private boolean isFigure(String name) {
    return name.matches("[a-z][a-z0-9_]{0,99}");
  }

  private static void feature(
      StringBuilder b,
      OgcRepository.Area a,
      int year,
      Map<String, Double> values,
      List<String> figureIds,
      WKBReader wkb,
      RdNew rd) {
    Geometry g;
    try {
      g = wkb.read(a.wkb());
    } catch (ParseException e) {
      throw new IllegalStateException("A stored boundary cannot be read: " + a.code(), e);
    }
    String geometry = OgcParameters.geometry(g, rd);
    b.append("{\"type\":\"Feature\",\"id\":")
        .append(JSON.writeValueAsString(a.code()))
        .append(",\"geometry\":")
        .append(geometry)
        .append(",\"properties\":{\"code\":")
        .append(JSON.writeValueAsString(a.code()))
        .append(",\"name\":")
        .append(JSON.writeValueAsString(a.name()))
        .append(",\"gemeente_code\":")
        .append(a.gemeenteCode() == null ? "null" : JSON.writeValueAsString(a.gemeenteCode()))
        .append(",\"parent_code\":")
        .append(a.parentCode() == null ? "null" : JSON.writeValueAsString(a.parentCode()))
        .append(",\"year\":")
        .append(year);
    // figure ids are [a-z0-9_] (the indicator table's check), so they need no escaping
    for (String id : figureIds) {
      Double v = values.get(id);
      b.append(",\"").append(id).append("\":");
      if (v == null || v.isNaN() || v.isInfinite()) {
        b.append("null");
      } else {
        b.append(v.doubleValue());
      }
    }
    b.append("}}");
  }

  /** The figures to show: all, or those named in {@code properties} (unknown names refused). */
  private static List<String> properties(String properties, List<String> figureIds) {
    if (properties == null || properties.isBlank()) {
      return figureIds;
    }
    List<String> shown = new ArrayList<>();
    for (String p : properties.split(",")) {
      String name = p.strip();
      if (figureIds.contains(name)) {
        shown.add(name);
      } else if (!TEXT_PROPERTIES.contains(name) && !name.equals("year")) {
        throw new BadRequestException(Text.msg("ogc.error.properties", "name", name));
      }
    }
    return shown;
  }
}
