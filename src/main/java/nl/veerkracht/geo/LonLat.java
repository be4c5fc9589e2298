package nl.veerkracht.geo;

/**
 * A WGS84 position in the order GeoJSON uses: longitude first, then latitude (degrees).
 *
 * @param lon east-west, -180..180
 * @param lat north-south, -90..90
 */
public record LonLat(double lon, double lat) {

  public LonLat {
    if (!Double.isFinite(lon)
        || !Double.isFinite(lat)
        || lon < -180
        || lon > 180
        || lat < -90
        || lat > 90) {
      throw new IllegalArgumentException("Not a WGS84 position: lon " + lon + ", lat " + lat);
    }
  }

  /** True when the point lies in a box around the Netherlands (land and territorial waters). */
  public boolean isInNetherlands() {
    return lon >= 3.0 && lon <= 7.6 && lat >= 50.6 && lat <= 53.7;
  }
}
