package nl.veerkracht.imports.read;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import nl.veerkracht.area.domain.AreaCode;
import nl.veerkracht.common.Text;
import nl.veerkracht.geo.GeoJsonGeometries;
import nl.veerkracht.geo.GeometryException;
import nl.veerkracht.geo.RdNew;
import org.locationtech.jts.geom.Geometry;
import tools.jackson.databind.JsonNode;

/**
 * Wijk- en buurtkaart geometry as GeoJSON: a FeatureCollection of Polygon/MultiPolygon features in
 * WGS84, or in RD New when the legacy {@code crs} member names EPSG:28992. Each feature's
 * attributes (PDOK names such as {@code buurtcode}, {@code aantal_inwoners}) become the area's name
 * and figures. An invalid polygon rejects the file unless repair was asked for.
 */
public final class GeoJsonReader implements FormatReader {

  @Override
  public String kind() {
    return "geojson";
  }

  @Override
  public boolean recognises(Sniff sniff) throws IOException {
    if (!sniff.isJson()) {
      return false;
    }
    JsonNode json = sniff.json();
    return json != null
        && json.isObject()
        && "FeatureCollection".equals(json.path("type").asString(""));
  }

  @Override
  public void read(Sniff sniff, ReadContext ctx, ImportSink sink) throws IOException {
    String file = sniff.file().name();
    JsonNode root = sniff.json();
    JsonNode features = root.get("features");
    if (features == null || !features.isArray()) {
      sink.reject(
          new Rejection(file, 0, "features", "a FeatureCollection without a features array"));
      return;
    }
    boolean rd = declaresRdNew(root);
    if (!rd && looksLikeRd(features)) {
      rd = true;
      sink.note(Text.msg("report.note.rdGuessed"));
    }
    RdNew transform = rd ? new RdNew() : null;
    Optional<Integer> fileYear = metadataYear(root);
    FeatureAttributes attributes = new FeatureAttributes(ctx, sink);
    Set<String> identity = FeatureAttributes.identityFields();
    Integer defaultYear = null;
    long n = 0;
    for (JsonNode feature : features) {
      n++;
      if (sink.saturated()) {
        return;
      }
      sink.rowRead();
      Map<String, Object> props = properties(feature.get("properties"));
      if (n == 1) {
        FeatureAttributes.refuseGrid(file, props);
      }
      Optional<String> raw = FeatureAttributes.rawCode(props);
      Optional<AreaCode> code = raw.flatMap(AreaCode::parse);
      if (code.isEmpty()) {
        sink.reject(
            Rejection.feature(
                file,
                n,
                "code",
                raw.map(r -> "'" + WideTableReader.shorten(r) + "' is not a CBS area code")
                    .orElse(
                        "the feature has no area code (buurtcode, wijkcode, gemeentecode or statcode)")));
        continue;
      }
      int year;
      Optional<Integer> featureYear = FeatureAttributes.year(props);
      if (ctx.year() != null) {
        year = ctx.year();
      } else if (featureYear.isPresent()) {
        year = featureYear.get();
      } else {
        if (defaultYear == null) {
          defaultYear = ctx.resolveYear(sniff.file(), fileYear, sink);
        }
        year = defaultYear;
      }
      Geometry geometry;
      try {
        geometry = GeoJsonGeometries.read(feature.get("geometry"));
        if (transform != null) {
          geometry = transform.toWgs84(geometry);
        }
        geometry = Geometries.checkedArea(geometry, ctx.repairGeometry(), code.get(), sink);
      } catch (GeometryException e) {
        sink.reject(Rejection.feature(file, n, "geometry", code.get() + ": " + e.getMessage()));
        continue;
      }
      Map<String, String> text = attributes.emitValues(file, n, code.get(), year, props, identity);
      if (text == null) {
        continue;
      }
      sink.area(
          new AreaRecord(
              code.get(), year, FeatureAttributes.name(props, code.get().level()), geometry, text));
      sink.rowImported();
    }
  }

  static boolean declaresRdNew(JsonNode root) {
    String name = root.path("crs").path("properties").path("name").asString("");
    return name.contains("28992");
  }

  /** True when the first coordinates of the first feature are far outside degree ranges. */
  private static boolean looksLikeRd(JsonNode features) {
    for (JsonNode f : features) {
      JsonNode c = f.path("geometry").path("coordinates");
      while (c.isArray() && !c.isEmpty() && c.get(0).isArray()) {
        c = c.get(0);
      }
      if (c.isArray() && c.size() >= 2 && c.get(0).isNumber()) {
        double x = c.get(0).asDouble();
        double y = c.get(1).asDouble();
        return Math.abs(x) > 180 && RdNew.isPlausibleRd(x, y);
      }
      return false;
    }
    return false;
  }

  private static Optional<Integer> metadataYear(JsonNode root) {
    JsonNode y = root.path("metadata").path("year");
    return y.isNumber() ? Optional.of(y.asInt()) : Optional.empty();
  }

  /**
   * A feature's properties as fields. Fields of a nested object (a Leefbaarometer file's {@code
   * properties.raw.kscore}, {@code afw}, dimension scores) are read as fields too, and win over a
   * top-level field of the same name: the nested object holds the published values at full
   * precision where the top level may hold a rounded copy (issue 28, finding 4).
   */
  static Map<String, Object> properties(JsonNode props) {
    Map<String, Object> map = new LinkedHashMap<>();
    if (props == null || !props.isObject()) {
      return map;
    }
    Map<String, Object> nested = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> e : props.properties()) {
      JsonNode v = e.getValue();
      if (v != null && v.isObject()) {
        nested.putAll(properties(v));
        continue;
      }
      Object o;
      if (v == null || v.isNull()) {
        o = null;
      } else if (v.isNumber()) {
        o = v.numberValue();
      } else if (v.isBoolean()) {
        o = v.asBoolean();
      } else if (v.isValueNode()) {
        o = v.asString();
      } else {
        o = v.toString();
      }
      map.put(e.getKey(), o);
    }
    nested.forEach(
        (k, v) -> {
          if (v != null || !map.containsKey(k)) {
            map.put(k, v);
          }
        });
    return map;
  }

  @Override
  public Provenance provenance() {
    return Provenance.CBS_GEOMETRY;
  }
}
