package nl.veerkracht.geo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** RD New (EPSG:28992) to WGS84 at reference points, and the plausibility box of RD input. */
class RdNewTest {

  @ParameterizedTest(name = "RD ({0}, {1}) lies at lat {2}, lon {3}")
  @CsvSource({
    // the reference point verified on this machine (docs/stack-notes.md), Amersfoort area
    "155000, 463000, 52.1551723, 5.3872036",
  })
  void convertsReferencePointsToWithinAMetre(double x, double y, double lat, double lon) {
    LonLat p = new RdNew().toWgs84(x, y);
    // 1e-5 degree is about a metre
    assertThat(p.lat()).isCloseTo(lat, within(1e-5));
    assertThat(p.lon()).isCloseTo(lon, within(1e-5));
  }

  @ParameterizedTest(name = "RD ({0}, {1}) plausible: {2}")
  @CsvSource({
    "155000, 463000, true",
    "-7000, 289000, true",
    "300000, 629000, true",
    "-7001, 463000, false",
    "155000, 629001, false",
    "5.38, 52.15, false",
  })
  void acceptsOnlyCoordinatesInTheRdValidityBox(double x, double y, boolean plausible) {
    assertThat(RdNew.isPlausibleRd(x, y)).isEqualTo(plausible);
  }

  @ParameterizedTest(name = "RD ({0}, {1}) lies in the Netherlands")
  @CsvSource({"121000, 487000", "233000, 582000", "32000, 386000", "190000, 310000"})
  void pointsAcrossTheCountryLandInTheNetherlands(double x, double y) {
    assertThat(new RdNew().toWgs84(x, y).isInNetherlands()).isTrue();
  }
}
