package nl.veerkracht.geo;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;

/** Display geometry text: coordinates rounded to the decimals asked, about a metre at 5. */
class GeoJsonTextTest {

  @ParameterizedTest(name = "{0} at {1} decimals")
  @CsvSource(
      delimiter = '|',
      value = {
        "POINT (5.123456789 52.987654321)|5|[5.12346,52.98765]",
        "POINT (5.1 52.2)|5|[5.1,52.2]",
        "POINT (5.000004 52.000006)|5|[5,52.00001]",
        "POINT (-0.000004 0.000004)|5|[0,0]",
      })
  void roundsCoordinates(String wkt, int decimals, String coordinates) throws ParseException {
    String json = GeoJsonText.write(new WKTReader().read(wkt), decimals);
    assertThat(json.replace(" ", "")).contains("\"coordinates\":" + coordinates);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "POLYGON ((5 52, 5.1 52, 5.1 52.1, 5 52.1, 5 52))|Polygon",
        "MULTIPOLYGON (((5 52, 5.1 52, 5.1 52.1, 5 52)), ((6 52, 6.1 52, 6.1 52.1, 6 52)))|MultiPolygon",
      })
  void writesTheGeometryType(String wkt, String type) throws ParseException {
    assertThat(GeoJsonText.write(new WKTReader().read(wkt), 5))
        .contains("\"type\":\"" + type + "\"");
  }
}
