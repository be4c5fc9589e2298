package nl.veerkracht.map;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;
import nl.veerkracht.area.domain.AreaCode;
import nl.veerkracht.area.domain.AreaLevel;
import nl.veerkracht.common.DataChangedEvent;
import nl.veerkracht.common.NotFoundException;
import nl.veerkracht.common.Text;
import nl.veerkracht.statistics.ObservationRepository;
import nl.veerkracht.statistics.StatisticsCatalogue;
import nl.veerkracht.statistics.domain.Indicator;
import nl.veerkracht.statistics.domain.Observation;
import nl.veerkracht.statistics.domain.ObservationStatus;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/**
 * Builds the GeoJSON of a map: display geometry prepared at import, written as stored (no parsing),
 * with the indicator's value, status and class per feature and the legend and credits as foreign
 * members. Results are cached until data changes.
 *
 * <p>When the figures' year has no boundaries of its own, the nearest year with boundaries is used
 * and named in {@code geometryYear}; areas whose code does not exist in that year show no value.
 */
@Service
public class MapService {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final int CACHE_SIZE = 256;

  /** A built map and its ETag. */
  public record MapDocument(String json, String etag, int features, Legend legend, byte[] gzip) {

    public MapDocument(String json, String etag, int features) {
      this(json, etag, features, null, gzip(json));
    }

    public MapDocument(String json, String etag, int features, Legend legend) {
      this(json, etag, features, legend, gzip(json));
    }

    /**
     * The document gzipped once, when it is built: a cached map is sent as stored instead of being
     * compressed again for every request.
     */
    static byte[] gzip(String json) {
      ByteArrayOutputStream out = new ByteArrayOutputStream(json.length() / 6);
      // the fastest level: on the national buurt map 0.72 MB instead of 0.56 MB, made in
      // about 40 ms instead of 200 ms (bench map)
      try (GZIPOutputStream z =
          new GZIPOutputStream(out, 1 << 16) {
            {
              def.setLevel(Deflater.BEST_SPEED);
            }
          }) {
        z.write(json.getBytes(StandardCharsets.UTF_8));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return out.toByteArray();
    }
  }

  private final MapGeometryRepository geometries;
  private final ObservationRepository observations;
  private final StatisticsCatalogue catalogue;
  private final Map<String, MapDocument> cache = new ConcurrentHashMap<>();

  public MapService(
      MapGeometryRepository geometries,
      ObservationRepository observations,
      StatisticsCatalogue catalogue) {
    this.geometries = geometries;
    this.observations = observations;
    this.catalogue = catalogue;
  }

  @EventListener
  public void onDataChanged(DataChangedEvent event) {
    cache.clear();
  }

  /** Forgets every built map (the benchmark measures building them). */
  public void clearCache() {
    cache.clear();
  }

  /**
   * The year of boundaries to draw figures of {@code year} on: that year, else the nearest held.
   */
  public Optional<Integer> geometryYear(AreaLevel level, Integer year) {
    List<Integer> years = geometries.geometryYears(level);
    if (years.isEmpty()) {
      return Optional.empty();
    }
    if (year == null || years.contains(year)) {
      return Optional.of(year == null ? years.get(0) : year);
    }
    int best = years.get(0);
    for (int y : years) {
      if (Math.abs(y - year) < Math.abs(best - year)
          || (Math.abs(y - year) == Math.abs(best - year) && y > best)) {
        best = y;
      }
    }
    return Optional.of(best);
  }

  public MapDocument map(
      AreaLevel level,
      Integer year,
      Optional<AreaCode> within,
      String indicatorId,
      Detail detail,
      Locale locale) {
    return map(level, year, within, Optional.empty(), indicatorId, detail, locale);
  }

  /**
   * A map of a level: all of the country, one gemeente ({@code within}) or the areas meeting a
   * bounding box ({@code bbox}: minLon, minLat, maxLon, maxLat). Without a detail asked for, one
   * gemeente or a box comes in detail, the whole country at the national level of detail (wijken
   * and buurten) or the overview (gemeenten).
   */
  public MapDocument map(
      AreaLevel level,
      Integer year,
      Optional<AreaCode> within,
      Optional<double[]> bbox,
      String indicatorId,
      Detail detail,
      Locale locale) {
    Detail useDetail =
        detail != null
            ? detail
            : within.isPresent() || bbox.isPresent()
                ? Detail.DETAIL
                : level == AreaLevel.GEMEENTE ? Detail.OVERVIEW : Detail.NATIONAL;
    String key =
        level
            + "|"
            + year
            + "|"
            + within.map(AreaCode::value).orElse("")
            + "|"
            + bbox.map(java.util.Arrays::toString).orElse("")
            + "|"
            + indicatorId
            + "|"
            + useDetail
            + "|"
            + locale.getLanguage();
    MapDocument cached = cache.get(key);
    if (cached != null) {
      return cached;
    }
    MapDocument built = build(level, year, within, bbox, indicatorId, useDetail, locale);
    if (cache.size() >= CACHE_SIZE) {
      cache.clear();
    }
    cache.put(key, built);
    return built;
  }

  private MapDocument build(
      AreaLevel level,
      Integer year,
      Optional<AreaCode> within,
      Optional<double[]> bbox,
      String indicatorId,
      Detail detail,
      Locale locale) {
    Indicator indicator = null;
    if (indicatorId != null && !indicatorId.isBlank()) {
      indicator =
          catalogue
              .find(indicatorId)
              .orElseThrow(
                  () ->
                      new NotFoundException(
                          Text.msg("error.noIndicator", "indicator", String.valueOf(indicatorId))));
    }
    Integer figuresYear = year;
    if (figuresYear == null && indicator != null) {
      List<Integer> years = catalogue.years(indicator.id(), level.prefix());
      figuresYear = years.isEmpty() ? null : years.get(0);
    }
    int geometryYear =
        geometryYear(level, figuresYear).orElse(figuresYear == null ? 0 : figuresYear);
    if (figuresYear == null) {
      figuresYear = geometryYear;
    }
    List<MapGeometryRepository.Shape> shapes =
        geometries.shapes(level, geometryYear, within, bbox, detail);
    Map<String, Observation> values =
        indicator == null
            ? Map.of()
            : observations.values(
                indicator.id(),
                figuresYear,
                shapes.stream().map(MapGeometryRepository.Shape::code).toList());
    // a box of the country is coloured with the classes of the whole country, so that it matches
    // the national map it is drawn over
    Legend legend =
        bbox.isPresent() && indicator != null
            ? map(level, year, within, Optional.empty(), indicatorId, null, locale).legend()
            : legend(indicator, values, locale);
    // attention areas are outlined on every map of buurten and wijken
    Map<String, ObservationRepository.YearValue> attention =
        level == AreaLevel.GEMEENTE
            ? Map.of()
            : observations.newestValuesUpTo(
                "attention_area",
                figuresYear,
                shapes.stream().map(MapGeometryRepository.Shape::code).toList());
    StringBuilder sb = new StringBuilder(shapes.size() * 800 + 1024);
    sb.append("{\"type\":\"FeatureCollection\",\"level\":\"")
        .append(level.id())
        .append("\",\"year\":")
        .append(figuresYear)
        .append(",\"geometryYear\":")
        .append(geometryYear);
    if (indicator != null) {
      sb.append(",\"indicator\":").append(JSON.writeValueAsString(meta(indicator, locale)));
      sb.append(",\"legend\":").append(JSON.writeValueAsString(legend));
    }
    sb.append(",\"attribution\":")
        .append(JSON.writeValueAsString(attribution(indicator, values, geometryYear)));
    sb.append(",\"features\":[");
    boolean first = true;
    for (MapGeometryRepository.Shape s : shapes) {
      if (!first) {
        sb.append(',');
      }
      first = false;
      Observation value = indicator == null ? null : values.get(s.code());
      feature(sb, s, indicator != null, value, legend, attention.get(s.code()));
    }
    sb.append("]}");
    String json = sb.toString();
    // weak: the same figures are sent gzipped or not (Tomcat does not compress a strong ETag)
    String etag =
        "W/\"" + Integer.toHexString(json.hashCode()) + Integer.toHexString(json.length()) + "\"";
    return new MapDocument(json, etag, shapes.size(), legend);
  }

  private static Map<String, Object> meta(Indicator indicator, Locale locale) {
    Map<String, Object> meta = new LinkedHashMap<>();
    meta.put("id", indicator.id());
    meta.put("label", indicator.label(locale));
    meta.put("unit", indicator.unit());
    meta.put("decimals", indicator.decimals());
    meta.put("higherIsWorse", indicator.higherIsWorse());
    meta.put("source", indicator.source());
    return meta;
  }

  /** One GeoJSON feature: code, name, the figure with its class, attention, geometry. */
  private static void feature(
      StringBuilder sb,
      MapGeometryRepository.Shape s,
      boolean withFigure,
      Observation o,
      Legend legend,
      ObservationRepository.YearValue flagged) {
    sb.append("{\"type\":\"Feature\",\"id\":\"")
        .append(s.code())
        .append("\",\"properties\":{\"code\":\"")
        .append(s.code())
        .append("\",\"name\":")
        .append(JSON.writeValueAsString(s.name()));
    if (withFigure && o == null) {
      sb.append(
          ",\"value\":null,\"status\":\"missing\",\"reason\":\"no figure for this area and year\",\"class\":null");
    } else if (withFigure) {
      Integer cls = o.status() == ObservationStatus.OK ? legend.classOf(o.value()) : null;
      sb.append(",\"value\":")
          .append(o.value() == null ? "null" : JSON.writeValueAsString(o.value()))
          .append(",\"status\":\"")
          .append(o.status().id())
          .append('"')
          .append(",\"reason\":")
          .append(JSON.writeValueAsString(o.reason()))
          .append(",\"class\":")
          .append(cls == null ? "null" : cls.toString());
    }
    if (flagged != null && flagged.value() == 1.0) {
      sb.append(",\"attention\":true,\"attentionYear\":").append(flagged.year());
    }
    sb.append("},\"geometry\":").append(s.geometry()).append('}');
  }

  private static Legend legend(
      Indicator indicator, Map<String, Observation> values, Locale locale) {
    if (indicator == null) {
      return new Legend("none", List.of(), Legend.NO_DATA);
    }
    Optional<Legend> named = Legend.named(indicator.id(), indicator.unit(), locale);
    if (named.isPresent()) {
      return named.get();
    }
    double[] known =
        values.values().stream()
            .filter(o -> o.status() == ObservationStatus.OK)
            .mapToDouble(Observation::value)
            .toArray();
    int decimals = indicator.decimals();
    return Legend.quantiles(
        known,
        decimals,
        indicator.higherIsWorse(),
        v -> nl.veerkracht.web.Page.format(v, decimals, locale));
  }

  private static List<String> attribution(
      Indicator indicator, Map<String, Observation> values, int geometryYear) {
    java.util.Set<String> credits = new java.util.LinkedHashSet<>();
    credits.add("Kadaster / Centraal Bureau voor de Statistiek, " + geometryYear);
    if (indicator != null) {
      values.values().stream()
          .map(Observation::attribution)
          .filter(a -> a != null && !a.isBlank())
          .distinct()
          .sorted()
          .forEach(credits::add);
    }
    return List.copyOf(credits);
  }
}
