package nl.veerkracht.geo;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygonal;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.io.WKBWriter;
import org.locationtech.jts.operation.valid.IsValidOp;
import org.locationtech.jts.operation.valid.TopologyValidationError;
import org.locationtech.jts.precision.GeometryPrecisionReducer;
import org.locationtech.jts.simplify.TopologyPreservingSimplifier;

/**
 * An area's geometry prepared for storage: the full geometry as WKB for spatial joins, its bounding
 * box, and three display versions (GeoJSON geometry text) simplified with tolerances suited to the
 * area level: detail (one gemeente, coordinates to ~1 m), overview (a province or a region, ~1 m)
 * and national (the whole country at once, coordinates to ~100 m).
 *
 * <p>Every display version is a valid polygon after simplification <em>and</em> rounding: the
 * simplified geometry is snap-rounded to the grid of its decimals (which repairs what rounding
 * breaks); should that still collapse or fail, a finer tolerance and then more decimals are tried.
 *
 * @param detailJson for maps of one gemeente or wijk
 * @param overviewJson for maps of many gemeenten
 * @param nationalJson for a national map of every buurt or wijk at once
 * @param repaired whether a display version needed the fallback (snap-rounding failed on this
 *     geometry): the import report says so
 */
public record AreaGeometry(
    byte[] wkb,
    Envelope bbox,
    String detailJson,
    String overviewJson,
    String nationalJson,
    boolean repaired) {

  /** Simplification tolerances in degrees (1e-4 degree is about 7 to 11 m here). */
  public enum Tolerance {
    GEMEENTE(0.0002, 0.0015, 0.004),
    WIJK(0.0001, 0.0008, 0.0025),
    BUURT(0.00004, 0.0004, 0.0015),
    LAND(0.0005, 0.003, 0.006);

    final double detail;
    final double overview;
    final double national;

    Tolerance(double detail, double overview, double national) {
      this.detail = detail;
      this.overview = overview;
      this.national = national;
    }
  }

  /** Decimals of the detail and overview versions (~1 m) and of the national one (~100 m). */
  static final int FINE_DECIMALS = 5;

  static final int NATIONAL_DECIMALS = 3;

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
    boolean[] repaired = {false};
    String detail =
        GeoJsonText.write(
            display(geometry, tolerance.detail, FINE_DECIMALS, repaired), FINE_DECIMALS);
    String overview =
        GeoJsonText.write(
            display(geometry, tolerance.overview, FINE_DECIMALS, repaired), FINE_DECIMALS);
    Geometry national = display(geometry, tolerance.national, NATIONAL_DECIMALS, repaired);
    int decimals = NATIONAL_DECIMALS;
    if (national == null) {
      national = display(geometry, tolerance.national, FINE_DECIMALS, repaired);
      decimals = FINE_DECIMALS;
    }
    return new AreaGeometry(
        wkb, bbox, detail, overview, GeoJsonText.write(national, decimals), repaired[0]);
  }

  /**
   * The geometry simplified at {@code tolerance} and snapped to the grid of {@code decimals}, valid
   * and not empty; a finer tolerance is tried when the coarse one collapses or breaks. Null only
   * when even the unsimplified geometry collapses on this grid (a sliver smaller than a cell).
   */
  static Geometry display(Geometry geometry, double tolerance, int decimals, boolean[] repaired) {
    PrecisionModel grid = new PrecisionModel(Math.pow(10, decimals));
    for (double t = tolerance; ; t /= 4) {
      Geometry candidate = t < 1e-7 ? geometry : simplify(geometry, t);
      Geometry rounded = reduce(candidate, grid, repaired);
      if (rounded != null) {
        return rounded;
      }
      if (t < 1e-7) {
        return decimals >= FINE_DECIMALS ? geometry : null;
      }
    }
  }

  /** How display geometries are snapped to their grid; tests replace it to make it fail. */
  static java.util.function.BiFunction<Geometry, PrecisionModel, Geometry> snapRounding =
      GeometryPrecisionReducer::reduce;

  /**
   * {@code geometry} on the grid, valid and polygonal, or null. Snap-rounding can fail on a valid
   * geometry (JTS: "Reduction failed, possible invalid input", seen on a gemeente whose parts touch
   * after rounding); then the vertices are rounded one by one and the result repaired.
   */
  static Geometry reduce(Geometry geometry, PrecisionModel grid, boolean[] repaired) {
    Geometry rounded;
    try {
      rounded = snapRounding.apply(geometry, grid);
    } catch (RuntimeException e) {
      repaired[0] = true;
      try {
        rounded = GeometryPrecisionReducer.reducePointwise(geometry, grid).buffer(0);
        rounded = GeometryPrecisionReducer.reducePointwise(rounded, grid);
      } catch (RuntimeException again) {
        return null;
      }
    }
    return !rounded.isEmpty() && rounded instanceof Polygonal && rounded.isValid() ? rounded : null;
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
