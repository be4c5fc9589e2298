package nl.veerkracht.geo;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.WKBWriter;
import org.locationtech.jts.operation.valid.IsValidOp;
import org.locationtech.jts.operation.valid.TopologyValidationError;
import org.locationtech.jts.simplify.TopologyPreservingSimplifier;

/**
 * An area's geometry prepared for storage: the full geometry as WKB for spatial joins, its bounding
 * box, and two display versions (GeoJSON geometry text, coordinates rounded to 5 decimals, about 1
 * m) simplified with tolerances suited to the area level.
 *
 * @param detailJson for maps of one gemeente or wijk
 * @param overviewJson for national maps
 */
public record AreaGeometry(byte[] wkb, Envelope bbox, String detailJson, String overviewJson) {

  /** Simplification tolerances in degrees (1e-4 degree is about 7 to 11 m here). */
  public enum Tolerance {
    GEMEENTE(0.0002, 0.0015),
    WIJK(0.0001, 0.0008),
    BUURT(0.00004, 0.0004),
    LAND(0.0005, 0.003);

    final double detail;
    final double overview;

    Tolerance(double detail, double overview) {
      this.detail = detail;
      this.overview = overview;
    }
  }

  /**
   * Prepares a WGS84 area geometry that passed {@link #checkValid}.
   *
   * @throws GeometryException when it lies outside WGS84 bounds
   */
  public static AreaGeometry prepare(Geometry geometry, Tolerance tolerance)
      throws GeometryException {
    Envelope bbox = geometry.getEnvelopeInternal();
    if (bbox.getMinX() < -180
        || bbox.getMaxX() > 180
        || bbox.getMinY() < -90
        || bbox.getMaxY() > 90) {
      throw new GeometryException(
          "coordinates outside WGS84 bounds ("
              + bbox
              + "); is the file in RD New without a crs member?");
    }
    byte[] wkb = new WKBWriter(2).write(geometry);
    String detail = GeoJsonText.write(simplify(geometry, tolerance.detail), 5);
    String overview = GeoJsonText.write(simplify(geometry, tolerance.overview), 5);
    return new AreaGeometry(wkb, bbox, detail, overview);
  }

  /** Throws when the geometry is not a valid polygonal geometry. */
  public static void checkValid(Geometry geometry) throws GeometryException {
    if (geometry.isEmpty()) {
      throw new GeometryException("the geometry is empty");
    }
    IsValidOp op = new IsValidOp(geometry);
    TopologyValidationError error = op.getValidationError();
    if (error != null) {
      Coordinate c = error.getCoordinate();
      throw new GeometryException(
          "invalid polygon: "
              + error.getMessage().toLowerCase(java.util.Locale.ROOT)
              + (c != null ? " at " + GeoJsonGeometries.xy(c) : ""));
    }
  }

  static Geometry simplify(Geometry geometry, double tolerance) {
    Geometry simplified = TopologyPreservingSimplifier.simplify(geometry, tolerance);
    return simplified.isEmpty() ? geometry : simplified;
  }
}
