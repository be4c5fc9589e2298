package nl.veerkracht.imports.read;

import java.util.Locale;
import nl.veerkracht.area.domain.AreaCode;
import nl.veerkracht.common.Text;
import nl.veerkracht.geo.AreaGeometry;
import nl.veerkracht.geo.GeometryException;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygonal;
import org.locationtech.jts.geom.util.GeometryFixer;

/**
 * Validation of area geometries as readers find them.
 *
 * <p>Generalised boundary files (the simplified national GeoJSON of gemeenten and wijken among
 * them) carry small defects from their simplification: slivers that collapsed to a line and rings
 * that touch or cross themselves over a few metres. Such a polygon is repaired and the repair is
 * listed in the report, as long as the repair changes its area by at most {@link
 * #REPAIR_AREA_TOLERANCE}. A polygon that is invalid in substance (a bow-tie, a hole outside its
 * shell, a ring crossing itself across the area) changes much more when repaired and rejects the
 * file, unless the user asked to repair everything ({@code --repair}).
 */
final class Geometries {

  /** Largest relative change of area accepted for an automatic repair (0.5 %). */
  static final double REPAIR_AREA_TOLERANCE = 0.005;

  private Geometries() {}

  static Geometry checkedArea(Geometry geometry, boolean repairAll, AreaCode code, ImportSink sink)
      throws GeometryException {
    if (!(geometry instanceof Polygonal)) {
      throw new GeometryException("a " + geometry.getGeometryType() + " is not an area");
    }
    try {
      AreaGeometry.checkValid(geometry);
      return geometry;
    } catch (GeometryException e) {
      Geometry fixed = GeometryFixer.fix(geometry);
      if (fixed.isEmpty() || !(fixed instanceof Polygonal)) {
        throw new GeometryException(e.getMessage() + "; it cannot be repaired into an area");
      }
      double before = geometry.getArea();
      double change = before > 0 ? Math.abs(fixed.getArea() - before) / before : 1;
      if (change > REPAIR_AREA_TOLERANCE && !repairAll) {
        throw new GeometryException(
            e.getMessage()
                + String.format(
                    Locale.ROOT,
                    "; repairing it would change its area by %.1f %%, so it is not repaired"
                        + " automatically (import with --repair to accept that)",
                    change * 100));
      }
      sink.note(
          Text.msg(
              "report.note.repaired",
              "code",
              code,
              "problem",
              e.getMessage().replaceFirst("^invalid polygon: ", ""),
              "change",
              Text.num(change * 100, 3)));
      return fixed;
    }
  }
}
