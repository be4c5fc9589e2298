package nl.veerkracht.imports.read;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import nl.veerkracht.area.domain.AreaCode;
import nl.veerkracht.area.domain.AreaLevel;
import nl.veerkracht.statistics.domain.Indicator;

/**
 * Turns the attributes of a geometry feature (PDOK/CBS Wijk- en buurtkaart: {@code buurtcode},
 * {@code gemeentecode}, {@code aantal_inwoners}, ...; legacy {@code statcode}/{@code statnaam})
 * into an area code, a name, text attributes and figures. Shared by the GeoJSON, TopoJSON and
 * GeoPackage readers. Not thread-safe (remembers which source-named indicators it announced).
 */
final class FeatureAttributes {

  private static final List<String> BUURT_CODE = List.of("buurtcode", "bu_code", "BU_CODE");
  private static final List<String> WIJK_CODE = List.of("wijkcode", "wk_code", "WK_CODE");
  private static final List<String> GEMEENTE_CODE = List.of("gemeentecode", "gm_code", "GM_CODE");
  private static final List<String> OTHER_CODE = List.of("statcode", "code", "CODE", "STATCODE");
  private static final Map<AreaLevel, List<String>> NAMES =
      Map.of(
          AreaLevel.BUURT, List.of("buurtnaam", "bu_naam", "BU_NAAM"),
          AreaLevel.WIJK, List.of("wijknaam", "wk_naam", "WK_NAAM"),
          AreaLevel.GEMEENTE, List.of("gemeentenaam", "gm_naam", "GM_NAAM"));
  private static final List<String> OTHER_NAME = List.of("statnaam", "naam", "name", "STATNAAM");

  /**
   * Fields that are text by nature even when they look like numbers (compared in lower case); codes
   * every reader keeps as text (year-and-code, indelingswijziging, postcodes) are in {@link
   * TextColumns}.
   */
  private static final Set<String> TEXT =
      Set.of(
          "water",
          "rubriek",
          "id",
          "fid",
          "objectid",
          "jaar",
          "gemeentenaam",
          "wijknaam",
          "buurtnaam",
          "statnaam",
          "gm_naam",
          "wk_naam",
          "bu_naam",
          "gemeentecode",
          "wijkcode",
          "buurtcode",
          "statcode",
          "gm_code",
          "wk_code",
          "bu_code");

  private final ReadContext ctx;
  private final ImportSink sink;
  private final Set<String> announced = new HashSet<>();
  private final Map<String, String> resolved = new HashMap<>();

  FeatureAttributes(ReadContext ctx, ImportSink sink) {
    this.ctx = ctx;
    this.sink = sink;
  }

  /** The most specific area code among the attributes (buurt before wijk before gemeente). */
  static Optional<String> rawCode(Map<String, Object> props) {
    for (List<String> fields : List.of(BUURT_CODE, WIJK_CODE, GEMEENTE_CODE, OTHER_CODE)) {
      for (String f : fields) {
        Object v = props.get(f);
        if (v != null && !v.toString().isBlank()) {
          return Optional.of(v.toString());
        }
      }
    }
    return Optional.empty();
  }

  static String name(Map<String, Object> props, AreaLevel level) {
    for (String f : NAMES.getOrDefault(level, List.of())) {
      Object v = props.get(f);
      if (v != null && !v.toString().isBlank()) {
        return v.toString().strip();
      }
    }
    for (String f : OTHER_NAME) {
      Object v = props.get(f);
      if (v != null && !v.toString().isBlank()) {
        return v.toString().strip();
      }
    }
    return null;
  }

  /** Fields of the CBS Wijk- en buurtkaart whose value starts with the year: "2021BU03630000". */
  private static final Set<String> YEAR_AND_CODE = Set.of("jaarstatcode", "jrstatcode");

  private static final java.util.regex.Pattern YEAR_THEN_CODE =
      java.util.regex.Pattern.compile("((?:19|20)\\d\\d)(?:BU|WK|GM|NL|PV)\\w*");

  /** Cell ids of CBS vierkantstatistieken: "c28992r100", "crs28992res500m". */
  private static final java.util.regex.Pattern GRID_FIELD =
      java.util.regex.Pattern.compile(
          "(?i)c28992r(\\d+)|crs28992res(\\d+)m?|rastercel(?:_id)?|vierkant(?:_id)?");

  /** A cell id value: "E1306N4639" (km), "crs28992res100mN463900E130600". */
  private static final java.util.regex.Pattern GRID_VALUE =
      java.util.regex.Pattern.compile("(?i)E\\d{3,4}N\\d{3,4}|crs28992res\\d+mN\\d+E\\d+");

  /**
   * Refuses a CBS grid file (vierkantstatistiek): its features are cells of 100 or 500 m that may
   * carry a {@code buurtcode}, and read as buurten each cell would become a buurt's boundary and
   * its inhabitants the buurt's (issue 28, finding 3).
   */
  static void refuseGrid(String file, Map<String, Object> props) {
    for (Map.Entry<String, Object> e : props.entrySet()) {
      var field = GRID_FIELD.matcher(e.getKey());
      boolean gridValue =
          e.getValue() != null && GRID_VALUE.matcher(e.getValue().toString()).matches();
      if (field.matches() || gridValue) {
        String size =
            field.matches() && field.group(1) != null
                ? field.group(1) + " m"
                : field.matches() && field.group(2) != null
                    ? field.group(2) + " m"
                    : "100 or 500 m";
        throw new ReadContext.RefusedFileException(
            file
                + " is a CBS grid file (vierkantstatistiek: cells of "
                + size
                + ", cell id in field '"
                + e.getKey()
                + "'), not a Wijk- en buurtkaart. Its cells are not buurten, so it is not imported"
                + " as areas; import the buurten file of the same year instead.");
      }
    }
  }

  /** The feature's own year: {@code jaar}, or the year in front of its {@code jaarstatcode}. */
  static Optional<Integer> year(Map<String, Object> props) {
    Object v = props.get("jaar");
    if (v instanceof Number n && n.intValue() >= 1980 && n.intValue() <= 2099) {
      return Optional.of(n.intValue());
    }
    if (v != null) {
      Optional<Integer> parsed = WideTableReader.parseYear(v.toString());
      if (parsed.isPresent()) {
        return parsed;
      }
    }
    for (Map.Entry<String, Object> e : props.entrySet()) {
      Object code = e.getValue();
      if (code != null && YEAR_AND_CODE.contains(e.getKey().toLowerCase(java.util.Locale.ROOT))) {
        var m = YEAR_THEN_CODE.matcher(code.toString().strip());
        if (m.matches()) {
          return Optional.of(Integer.parseInt(m.group(1)));
        }
      }
    }
    return Optional.empty();
  }

  /**
   * Emits the figures among the attributes and returns the text attributes.
   *
   * @return the text attributes, or null when a field made the feature unusable (rejected)
   */
  Map<String, String> emitValues(
      String file,
      long featureNo,
      AreaCode code,
      int year,
      Map<String, Object> props,
      Set<String> skip) {
    Map<String, String> text = new LinkedHashMap<>();
    for (Map.Entry<String, Object> e : props.entrySet()) {
      String field = e.getKey();
      if (skip.contains(field)
          || TEXT.contains(field.toLowerCase(java.util.Locale.ROOT))
          || TextColumns.always(field)
          || ColumnFamilies.referenceYear(field)) {
        if (e.getValue() != null && !skip.contains(field)) {
          text.put(field, e.getValue().toString());
        }
        continue;
      }
      Object value = e.getValue();
      ParsedValue parsed;
      if (value == null) {
        parsed = ParsedValue.missing("null in source");
      } else if (value instanceof Number n) {
        parsed = Values.fromNumber(n.doubleValue());
      } else if (value instanceof Boolean) {
        text.put(field, value.toString());
        continue;
      } else {
        Optional<ParsedValue> p = Values.parse(value.toString());
        if (p.isEmpty()) {
          if (isKnown(field)) {
            sink.reject(
                Rejection.feature(
                    file,
                    featureNo,
                    field,
                    "'" + WideTableReader.shorten(value.toString()) + "' is not a number"));
            return null;
          }
          text.put(field, value.toString());
          continue;
        }
        parsed = p.get();
      }
      String id = indicatorFor(field, file);
      sink.value(
          new ValueRecord(code, year, year, id, parsed.value(), parsed.status(), parsed.reason()));
    }
    return text;
  }

  private boolean isKnown(String field) {
    return ctx.catalogue().findIdForColumn(field).isPresent();
  }

  /**
   * The indicator of a field: the catalogue's when it knows the field; otherwise one named after
   * the field, under its own publisher ({@link ColumnFamilies}), never under the file's.
   */
  private String indicatorFor(String field, String file) {
    return resolved.computeIfAbsent(
        field,
        f -> {
          Optional<String> known = ctx.catalogue().findIdForColumn(f);
          if (known.isPresent()) {
            return known.get();
          }
          Optional<ColumnFamilies.Family> family = ColumnFamilies.foreign(f);
          String id;
          String source;
          if (family.isPresent()) {
            id = Indicator.sourceNamedId(family.get().idPrefix(), f);
            source = family.get().source();
          } else if (ColumnFamilies.kwb(f)) {
            id = Indicator.sourceNamedId("cbs", f);
            source = ColumnFamilies.KWB_SOURCE;
          } else {
            id = Indicator.sourceNamedId("src", f);
            source = ColumnFamilies.unknownSource(f, file);
          }
          if (announced.add(id)) {
            sink.indicator(WideTableReader.sourceIndicator(id, f.replace('_', ' '), source));
          }
          return id;
        });
  }

  /** Fields holding codes and names: stored on the area, never as figures. */
  static Set<String> identityFields() {
    Set<String> s = new HashSet<>();
    for (List<String> l : List.of(BUURT_CODE, WIJK_CODE, GEMEENTE_CODE, OTHER_CODE, OTHER_NAME)) {
      s.addAll(l);
    }
    NAMES.values().forEach(s::addAll);
    return s;
  }
}
