package nl.veerkracht.geo;

import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.CoordinateSequenceFilter;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.proj4j.BasicCoordinateTransform;
import org.locationtech.proj4j.CRSFactory;
import org.locationtech.proj4j.CoordinateReferenceSystem;
import org.locationtech.proj4j.ProjCoordinate;

/**
 * Conversion between the Dutch national grid RD New (EPSG:28992, metres) and WGS84 (EPSG:4326,
 * degrees) with proj4j, including the datum shift (towgs84 parameters of EPSG:28992). Accuracy is
 * about a metre, which suits area boundaries and address points. Instances are not thread-safe;
 * create one per thread or per import.
 */
public final class RdNew {

  private final BasicCoordinateTransform toWgs84;
  private final BasicCoordinateTransform fromWgs84;
  private final ProjCoordinate in = new ProjCoordinate();
  private final ProjCoordinate out = new ProjCoordinate();

  public RdNew() {
    CRSFactory factory = new CRSFactory();
    CoordinateReferenceSystem rd = factory.createFromName("EPSG:28992");
    CoordinateReferenceSystem wgs84 = factory.createFromName("EPSG:4326");
    toWgs84 = new BasicCoordinateTransform(rd, wgs84);
    fromWgs84 = new BasicCoordinateTransform(wgs84, rd);
  }

  /** Returns {x, y} in RD New for a WGS84 (lon, lat). */
  public double[] fromWgs84(double lon, double lat) {
    in.x = lon;
    in.y = lat;
    fromWgs84.transform(in, out);
    return new double[] {out.x, out.y};
  }

  /** Transforms a geometry from WGS84 to RD New in place and returns it. */
  public Geometry fromWgs84(Geometry geometry) {
    return transform(geometry, fromWgs84);
  }

  /** True for coordinates inside the RD New validity box (the Netherlands and a margin). */
  public static boolean isPlausibleRd(double x, double y) {
    return x >= -7_000 && x <= 300_000 && y >= 289_000 && y <= 629_000;
  }

  /** Returns {lon, lat} for an RD New (x, y). */
  public LonLat toWgs84(double x, double y) {
    in.x = x;
    in.y = y;
    toWgs84.transform(in, out);
    return new LonLat(out.x, out.y);
  }

  /** Transforms a geometry from RD New to WGS84 in place and returns it. */
  public Geometry toWgs84(Geometry geometry) {
    return transform(geometry, toWgs84);
  }

  private Geometry transform(Geometry geometry, BasicCoordinateTransform t) {
    geometry.apply(
        new CoordinateSequenceFilter() {
          @Override
          public void filter(CoordinateSequence seq, int i) {
            in.x = seq.getX(i);
            in.y = seq.getY(i);
            t.transform(in, out);
            seq.setOrdinate(i, 0, out.x);
            seq.setOrdinate(i, 1, out.y);
          }

          @Override
          public boolean isDone() {
            return false;
          }

          @Override
          public boolean isGeometryChanged() {
            return true;
          }
        });
    geometry.geometryChanged();
    return geometry;
  }
}
