package nl.veerkracht.geo;

import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.PrecisionModel;
import tools.jackson.databind.JsonNode;

/**
 * Reads GeoJSON geometry objects into JTS geometries. Areas are Polygon or MultiPolygon; points are
 * Point. Structural faults (an open ring, a ring of fewer than four positions, a position that is
 * not two numbers) are reported as {@link GeometryException}; topological validity is checked
 * separately by {@link AreaGeometry}.
 */
public final class GeoJsonGeometries {

  public static final GeometryFactory FACTORY = new GeometryFactory(new PrecisionModel(), 4326);

  private GeoJsonGeometries() {}

  public static Geometry read(JsonNode geometry) throws GeometryException {
    if (geometry == null || geometry.isNull()) {
      throw new GeometryException("the feature has no geometry");
    }
    String type = geometry.path("type").asString("");
    JsonNode coordinates = geometry.get("coordinates");
    if (coordinates == null || !coordinates.isArray()) {
      throw new GeometryException(type + " without a coordinates array");
    }
    return switch (type) {
      case "Polygon" -> polygon(coordinates);
      case "MultiPolygon" -> {
        List<Polygon> polygons = new ArrayList<>();
        for (JsonNode p : coordinates) {
          polygons.add(polygon(p));
        }
        if (polygons.isEmpty()) {
          throw new GeometryException("MultiPolygon without polygons");
        }
        yield FACTORY.createMultiPolygon(polygons.toArray(Polygon[]::new));
      }
      case "Point" -> FACTORY.createPoint(position(coordinates));
      default ->
          throw new GeometryException(
              "geometry type '" + type + "' is not an area (expected Polygon or MultiPolygon)");
    };
  }

  private static Polygon polygon(JsonNode rings) throws GeometryException {
    if (!rings.isArray() || rings.isEmpty()) {
      throw new GeometryException("a polygon without rings");
    }
    LinearRing shell = ring(rings.get(0));
    LinearRing[] holes = new LinearRing[rings.size() - 1];
    for (int i = 1; i < rings.size(); i++) {
      holes[i - 1] = ring(rings.get(i));
    }
    return FACTORY.createPolygon(shell, holes);
  }

  private static LinearRing ring(JsonNode positions) throws GeometryException {
    if (!positions.isArray()) {
      throw new GeometryException("a ring that is not an array of positions");
    }
    int n = positions.size();
    if (n < 4) {
      throw new GeometryException("a polygon ring with " + n + " positions (at least 4 needed)");
    }
    Coordinate[] coords = new Coordinate[n];
    for (int i = 0; i < n; i++) {
      coords[i] = position(positions.get(i));
    }
    if (!coords[0].equals2D(coords[n - 1])) {
      throw new GeometryException(
          "a polygon ring that is not closed (first position "
              + xy(coords[0])
              + ", last "
              + xy(coords[n - 1])
              + ")");
    }
    return FACTORY.createLinearRing(coords);
  }

  private static Coordinate position(JsonNode p) throws GeometryException {
    if (p == null || !p.isArray() || p.size() < 2 || !p.get(0).isNumber() || !p.get(1).isNumber()) {
      throw new GeometryException("a position that is not [x, y] numbers: " + p);
    }
    double x = p.get(0).asDouble();
    double y = p.get(1).asDouble();
    if (!Double.isFinite(x) || !Double.isFinite(y)) {
      throw new GeometryException("a position that is not finite: " + p);
    }
    return new Coordinate(x, y);
  }

  static String xy(Coordinate c) {
    return "(" + c.x + ", " + c.y + ")";
  }
}
