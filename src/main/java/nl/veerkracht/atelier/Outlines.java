package nl.veerkracht.atelier;

import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;

/**
 * A problem area drawn on the map: a ring of 3 to 200 points {@code [lon, lat]} in the Netherlands,
 * closed here, that does not cross itself.
 */
final class Outlines {

  static final int MAX_POINTS = 200;
  private static final GeometryFactory FACTORY = new GeometryFactory();

  private Outlines() {}

  /** The polygon of the drawn points; null for none. */
  static Polygon polygon(List<List<Double>> points) {
    if (points == null || points.isEmpty()) {
      return null;
    }
    if (points.size() < 3 || points.size() > MAX_POINTS + 1) {
      throw AtelierInputs.invalid("atelier.error.outline");
    }
    List<Coordinate> ring = new ArrayList<>();
    for (List<Double> p : points) {
      if (p == null || p.size() != 2 || p.get(0) == null || p.get(1) == null) {
        throw AtelierInputs.invalid("atelier.error.outline");
      }
      double lon = p.get(0);
      double lat = p.get(1);
      if (lat < 50.7 || lat > 53.7 || lon < 3.2 || lon > 7.3) {
        throw AtelierInputs.invalid("atelier.error.outline");
      }
      ring.add(new Coordinate(lon, lat));
    }
    if (!ring.get(0).equals2D(ring.get(ring.size() - 1))) {
      ring.add(ring.get(0));
    }
    if (ring.size() < 4) {
      throw AtelierInputs.invalid("atelier.error.outline");
    }
    Polygon polygon = FACTORY.createPolygon(ring.toArray(Coordinate[]::new));
    if (!polygon.isValid() || polygon.getArea() == 0) {
      throw AtelierInputs.invalid("atelier.error.outline");
    }
    return polygon;
  }

  /** The ring as stored and sent: closed, {@code [lon, lat]}, six decimals (about 10 cm). */
  static List<List<Double>> points(Polygon polygon) {
    List<List<Double>> out = new ArrayList<>();
    for (Coordinate c : polygon.getExteriorRing().getCoordinates()) {
      out.add(List.of(round(c.x), round(c.y)));
    }
    return out;
  }

  static boolean covers(Polygon polygon, double lon, double lat) {
    return polygon.covers(FACTORY.createPoint(new Coordinate(lon, lat)));
  }

  private static double round(double v) {
    return Math.round(v * 1e6) / 1e6;
  }
}
