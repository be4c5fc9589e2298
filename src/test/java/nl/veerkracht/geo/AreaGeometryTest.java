package nl.veerkracht.geo;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygonal;
import org.locationtech.jts.io.WKTReader;

/**
 * Issue 28, finding 2: a valid gemeente multipolygon whose parts touch after rounding made the
 * display-geometry step throw ("Reduction failed, possible invalid input"), and the import answer
 * 500. Display geometry never fails an import now.
 */
class AreaGeometryTest {

  /** Two parts 0.4 m apart (0.000004 degree): on the grid of 5 decimals they touch. */
  static final String TOUCHING_AFTER_ROUNDING =
      "MULTIPOLYGON (((5.0 52.0, 5.01 52.0, 5.01 52.01, 5.0 52.01, 5.0 52.0)),"
          + " ((5.010004 52.0, 5.02 52.0, 5.02 52.01, 5.010004 52.01, 5.010004 52.0)))";

  @Test
  void partsThatTouchAfterRoundingGetValidDisplayVersions() throws Exception {
    Geometry g = new WKTReader(GeoJsonGeometries.FACTORY).read(TOUCHING_AFTER_ROUNDING);
    AreaGeometry.checkValid(g);
    AreaGeometry prepared = AreaGeometry.prepare(g, AreaGeometry.Tolerance.GEMEENTE);
    assertThat(prepared.repaired()).as("snap-rounding itself copes with touching parts").isFalse();
    for (String json :
        new String[] {prepared.detailJson(), prepared.overviewJson(), prepared.nationalJson()}) {
      Geometry display = read(json);
      assertThat(display).isInstanceOf(Polygonal.class);
      assertThat(display.isValid()).isTrue();
      assertThat(display.getArea())
          .isCloseTo(g.getArea(), org.assertj.core.data.Percentage.withPercentage(5));
    }
  }

  @Test
  void whenSnapRoundingFailsOnAValidGeometryTheDisplayVersionIsRepairedInstead() throws Exception {
    Geometry g = new WKTReader(GeoJsonGeometries.FACTORY).read(TOUCHING_AFTER_ROUNDING);
    var original = AreaGeometry.snapRounding;
    AreaGeometry.snapRounding =
        (geometry, grid) -> {
          throw new IllegalArgumentException("Reduction failed, possible invalid input");
        };
    try {
      AreaGeometry prepared = AreaGeometry.prepare(g, AreaGeometry.Tolerance.GEMEENTE);
      assertThat(prepared.repaired()).as("the report is told").isTrue();
      Geometry detail = read(prepared.detailJson());
      assertThat(detail).isInstanceOf(Polygonal.class);
      assertThat(detail.isValid()).isTrue();
      assertThat(detail.getArea())
          .isCloseTo(g.getArea(), org.assertj.core.data.Percentage.withPercentage(5));
    } finally {
      AreaGeometry.snapRounding = original;
    }
  }

  private static Geometry read(String json) throws Exception {
    return GeoJsonGeometries.read(
        tools.jackson.databind.json.JsonMapper.builder().build().readTree(json));
  }
}
