package nl.veerkracht.imports.read;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import nl.veerkracht.area.domain.AreaCode;
import nl.veerkracht.common.Text;
import nl.veerkracht.geo.AreaGeometry;
import nl.veerkracht.geo.GeoJsonGeometries;
import nl.veerkracht.geo.GeometryException;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.Polygonal;
import org.locationtech.jts.geom.util.GeometryFixer;
import tools.jackson.databind.JsonNode;

/**
 * TopoJSON area divisions (such as CBS gebiedsindelingen converted by third parties): shared arcs,
 * optionally quantized ({@code transform}) and delta-encoded. Quantization can collapse small areas
 * or make rings cross themselves; such geometries are repaired and counted in a note, and an area
 * whose geometry collapsed entirely is kept without geometry.
 */
public final class TopoJsonReader implements FormatReader {

  @Override
  public String kind() {
    return "topojson";
  }

  @Override
  public boolean recognises(Sniff sniff) throws IOException {
    if (!sniff.isJson()) {
      return false;
    }
    JsonNode json = sniff.json();
    return json != null && json.isObject() && "Topology".equals(json.path("type").asString(""));
  }

  @Override
  public void read(Sniff sniff, ReadContext ctx, ImportSink sink) throws IOException {
    String file = sniff.file().name();
    JsonNode root = sniff.json();
    List<Coordinate[]> arcs;
    try {
      arcs = decodeArcs(root);
    } catch (GeometryException e) {
      sink.reject(new Rejection(file, 0, "arcs", e.getMessage()));
      return;
    }
    int year = ctx.resolveYear(sniff.file(), Optional.empty(), sink);
    FeatureAttributes attributes = new FeatureAttributes(ctx, sink);
    Set<String> identity = FeatureAttributes.identityFields();
    int[] fixes = {0, 0}; // repaired, collapsed
    long n = 0;
    for (Map.Entry<String, JsonNode> object : root.path("objects").properties()) {
      JsonNode geometries = object.getValue().path("geometries");
      for (JsonNode g : geometries) {
        n++;
        if (sink.saturated()) {
          return;
        }
        sink.rowRead();
        Map<String, Object> props = GeoJsonReader.properties(g.get("properties"));
        if (g.has("id") && !props.containsKey("statcode")) {
          props.put("statcode", g.get("id").asString());
        }
        Optional<String> raw = FeatureAttributes.rawCode(props);
        Optional<AreaCode> code = raw.flatMap(AreaCode::parse);
        if (code.isEmpty()) {
          sink.reject(
              Rejection.feature(
                  file,
                  n,
                  "statcode",
                  raw.map(r -> "'" + WideTableReader.shorten(r) + "' is not a CBS area code")
                      .orElse("no area code")));
          continue;
        }
        Geometry geometry;
        try {
          geometry = geometry(g, arcs);
        } catch (GeometryException e) {
          sink.reject(Rejection.feature(file, n, "arcs", code.get() + ": " + e.getMessage()));
          continue;
        }
        geometry = repaired(geometry, fixes);
        Map<String, String> text =
            attributes.emitValues(file, n, code.get(), year, props, identity);
        if (text == null) {
          continue;
        }
        sink.area(
            new AreaRecord(
                code.get(),
                year,
                FeatureAttributes.name(props, code.get().level()),
                geometry,
                text));
        sink.rowImported();
      }
    }
    if (fixes[0] > 0 || fixes[1] > 0) {
      sink.note(Text.msg("report.note.topoRepaired", "repaired", fixes[0], "collapsed", fixes[1]));
    }
  }

  /**
   * Quantized TopoJSON cannot be valid at 1e3 quantization: an invalid polygon is repaired, one
   * that collapses is kept without geometry; {@code fixes} counts both.
   */
  private static Geometry repaired(Geometry geometry, int[] fixes) {
    if (geometry == null) {
      return null;
    }
    try {
      AreaGeometry.checkValid(geometry);
      return geometry;
    } catch (GeometryException e) {
      Geometry fixed = GeometryFixer.fix(geometry);
      if (fixed.isEmpty() || !(fixed instanceof Polygonal)) {
        fixes[1]++;
        return null;
      }
      fixes[0]++;
      return fixed;
    }
  }

  private static List<Coordinate[]> decodeArcs(JsonNode root) throws GeometryException {
    JsonNode transform = root.get("transform");
    double sx = 1, sy = 1, tx = 0, ty = 0;
    boolean quantized = transform != null && transform.isObject();
    if (quantized) {
      sx = transform.path("scale").path(0).asDouble();
      sy = transform.path("scale").path(1).asDouble();
      tx = transform.path("translate").path(0).asDouble();
      ty = transform.path("translate").path(1).asDouble();
    }
    JsonNode arcsNode = root.get("arcs");
    if (arcsNode == null || !arcsNode.isArray()) {
      throw new GeometryException("a Topology without an arcs array");
    }
    List<Coordinate[]> arcs = new ArrayList<>(arcsNode.size());
    for (JsonNode arc : arcsNode) {
      Coordinate[] cs = new Coordinate[arc.size()];
      double x = 0, y = 0;
      for (int i = 0; i < arc.size(); i++) {
        JsonNode p = arc.get(i);
        if (!p.isArray() || p.size() < 2 || !p.get(0).isNumber() || !p.get(1).isNumber()) {
          throw new GeometryException(
              "arc " + arcs.size() + " has a position that is not [x, y] numbers");
        }
        if (quantized) {
          x += p.get(0).asDouble();
          y += p.get(1).asDouble();
          cs[i] = new Coordinate(x * sx + tx, y * sy + ty);
        } else {
          cs[i] = new Coordinate(p.get(0).asDouble(), p.get(1).asDouble());
        }
      }
      arcs.add(cs);
    }
    return arcs;
  }

  /** The geometry of a TopoJSON geometry object, or null when it has none. */
  private static Geometry geometry(JsonNode g, List<Coordinate[]> arcs) throws GeometryException {
    String type = g.path("type").asString("");
    JsonNode a = g.get("arcs");
    return switch (type) {
      case "Polygon" -> polygon(a, arcs);
      case "MultiPolygon" -> {
        List<Polygon> ps = new ArrayList<>();
        for (JsonNode p : a) {
          Polygon polygon = polygon(p, arcs);
          if (polygon != null) {
            ps.add(polygon);
          }
        }
        yield ps.isEmpty()
            ? null
            : GeoJsonGeometries.FACTORY.createMultiPolygon(ps.toArray(Polygon[]::new));
      }
      case "", "null" -> null;
      default -> throw new GeometryException("geometry type '" + type + "' is not an area");
    };
  }

  private static Polygon polygon(JsonNode rings, List<Coordinate[]> arcs) throws GeometryException {
    List<LinearRing> built = new ArrayList<>();
    for (JsonNode ring : rings) {
      List<Coordinate> cs = new ArrayList<>();
      for (JsonNode index : ring) {
        int i = index.asInt();
        boolean reversed = i < 0;
        int arcIndex = reversed ? ~i : i;
        if (arcIndex >= arcs.size()) {
          throw new GeometryException("arc index " + i + " beyond the " + arcs.size() + " arcs");
        }
        Coordinate[] arc = arcs.get(arcIndex);
        for (int k = 0; k < arc.length; k++) {
          Coordinate c = arc[reversed ? arc.length - 1 - k : k];
          if (k == 0 && !cs.isEmpty()) {
            continue; // shared with the end of the previous arc
          }
          cs.add(c);
        }
      }
      if (cs.size() >= 3 && !cs.get(0).equals2D(cs.get(cs.size() - 1))) {
        cs.add(new Coordinate(cs.get(0)));
      }
      if (cs.size() < 4) {
        if (built.isEmpty()) {
          return null; // the shell collapsed under quantization
        }
        continue;
      }
      built.add(GeoJsonGeometries.FACTORY.createLinearRing(cs.toArray(Coordinate[]::new)));
    }
    if (built.isEmpty()) {
      return null;
    }
    return GeoJsonGeometries.FACTORY.createPolygon(
        built.get(0), built.subList(1, built.size()).toArray(LinearRing[]::new));
  }

  @Override
  public Provenance provenance() {
    return new Provenance(
        "CBS gebiedsindelingen {year} (TopoJSON)",
        "Kadaster / Centraal Bureau voor de Statistiek, {year}",
        "CC BY 4.0");
  }
}
