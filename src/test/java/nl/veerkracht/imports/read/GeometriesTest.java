package nl.veerkracht.imports.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import nl.veerkracht.area.domain.AreaCode;
import nl.veerkracht.geo.GeometryException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.WKTReader;

/**
 * The repair rule for invalid source polygons: repaired (and noted) when the repair changes the
 * area by at most 0.5 %, refused otherwise unless the user asked to repair everything.
 */
class GeometriesTest {

  static final AreaCode CODE = AreaCode.of("BU03080000");

  @ParameterizedTest(name = "{0}: {2} (repair all: {1})")
  @CsvSource(
      delimiter = '|',
      value = {
        // valid: kept as it is, no note
        "POLYGON ((0 0, 100 0, 100 100, 0 100, 0 0))|false|kept",
        // a sliver crossing the edge: the repair changes the area by 0.0001 %
        "POLYGON ((0 0, 100 0, 100 100, 50 100, 50 99.8, 50.2 100.2, 0 100, 0 0))|false|repaired",
        // a small lobe crossing the edge: 0.12 %, within the 0.5 % allowed
        "POLYGON ((0 0,100 0,100 100,52 100,48 106,52 106,48 100,0 100,0 0))|false|repaired",
        // a large lobe: 2 %, refused without --repair, repaired with it
        "POLYGON ((0 0,100 0,100 100,60 100,40 120,60 120,40 100,0 100,0 0))|false|refused",
        "POLYGON ((0 0,100 0,100 100,60 100,40 120,60 120,40 100,0 100,0 0))|true|repaired",
        // a bow-tie has no area at all before repair
        "POLYGON ((0 0, 100 0, 0 100, 100 100, 0 0))|false|refused",
        "POLYGON ((0 0, 100 0, 0 100, 100 100, 0 0))|true|repaired",
      })
  void repairsOnlyWhatBarelyChanges(String wkt, boolean repairAll, String outcome)
      throws Exception {
    Geometry g = new WKTReader().read(wkt);
    CollectingSink sink = new CollectingSink();
    if (outcome.equals("refused")) {
      assertThatThrownBy(() -> Geometries.checkedArea(g, repairAll, CODE, sink))
          .isInstanceOf(GeometryException.class)
          .hasMessageContaining("--repair");
      return;
    }
    Geometry result = Geometries.checkedArea(g, repairAll, CODE, sink);
    assertThat(result.isValid()).isTrue();
    if (outcome.equals("kept")) {
      assertThat(result).isSameAs(g);
      assertThat(sink.notes).isEmpty();
    } else {
      assertThat(sink.notes).anyMatch(n -> n.startsWith("BU03080000: repaired"));
    }
  }

  @ParameterizedTest
  @CsvSource({"'LINESTRING (0 0, 1 1)'", "'POINT (5 52)'"})
  void refusesWhatIsNoArea(String wkt) throws Exception {
    Geometry g = new WKTReader().read(wkt);
    assertThatThrownBy(() -> Geometries.checkedArea(g, true, CODE, new CollectingSink()))
        .isInstanceOf(GeometryException.class)
        .hasMessageContaining("is not an area");
  }
}
