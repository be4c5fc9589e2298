package nl.veerkracht.ogc;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import nl.veerkracht.common.BadRequestException;
import nl.veerkracht.common.Text;
import nl.veerkracht.geo.RdNew;

/** The query parameters of the OGC API as the standard spells them, read and written back. */
final class OgcParameters {

  private OgcParameters() {}

  /** The output coordinate system a request names (OgcFeatures.CRS84 when none). */
  static String crs(String crs) {
    if (crs == null
        || crs.isBlank()
        || crs.equals(OgcFeatures.CRS84)
        || crs.equals("OgcFeatures.CRS84")) {
      return OgcFeatures.CRS84;
    }
    if (crs.equals(OgcFeatures.RD_NEW) || crs.equals("EPSG:28992")) {
      return OgcFeatures.RD_NEW;
    }
    throw new BadRequestException(
        Text.msg(
            "ogc.error.crs", "crs84", OgcFeatures.CRS84, "rd", OgcFeatures.RD_NEW, "value", crs));
  }

  /** A box (minLon, minLat, maxLon, maxLat) in WGS84, from OgcFeatures.CRS84 or RD New. */
  static Optional<double[]> bbox(String bbox, String bboxCrs) {
    if (bbox == null || bbox.isBlank()) {
      return Optional.empty();
    }
    String[] parts = bbox.split(",");
    if (parts.length != 4 && parts.length != 6) {
      throw new BadRequestException(Text.msg("ogc.error.bbox"));
    }
    double[] v = new double[4];
    try {
      int step = parts.length == 6 ? 3 : 2;
      v[0] = Double.parseDouble(parts[0].strip());
      v[1] = Double.parseDouble(parts[1].strip());
      v[2] = Double.parseDouble(parts[step].strip());
      v[3] = Double.parseDouble(parts[step + 1].strip());
    } catch (NumberFormatException e) {
      throw new BadRequestException(Text.msg("ogc.error.bbox"));
    }
    if (crs(bboxCrs).equals(OgcFeatures.RD_NEW)) {
      RdNew rd = new RdNew();
      double[] lo = toLonLat(rd, v[0], v[1]);
      double[] hi = toLonLat(rd, v[2], v[3]);
      double[] lo2 = toLonLat(rd, v[0], v[3]);
      double[] hi2 = toLonLat(rd, v[2], v[1]);
      v =
          new double[] {
            Math.min(lo[0], lo2[0]),
            Math.min(lo[1], hi2[1]),
            Math.max(hi[0], hi2[0]),
            Math.max(hi[1], lo2[1])
          };
    }
    return Optional.of(v);
  }

  private static double[] toLonLat(RdNew rd, double x, double y) {
    var p = rd.toWgs84(x, y);
    return new double[] {p.lon(), p.lat()};
  }

  static int intParam(Map<String, String> params, String name, int fallback, int min, int max) {
    String v = params.get(name);
    if (v == null || v.isBlank()) {
      return fallback;
    }
    try {
      int n = Integer.parseInt(v.strip());
      if (n < min || n > max) {
        throw new NumberFormatException();
      }
      return n;
    } catch (NumberFormatException e) {
      throw new BadRequestException(
          Text.msg("ogc.error.whole", "name", name, "min", min, "max", max));
    }
  }

  /** The request's parameters again, with another offset. */
  static String query(Map<String, String> params, long offset) {
    StringBuilder q = new StringBuilder();
    params.forEach(
        (k, v) -> {
          if (!k.equals("offset")) {
            q.append(q.length() == 0 ? '?' : '&').append(encode(k)).append('=').append(encode(v));
          }
        });
    if (offset > 0) {
      q.append(q.length() == 0 ? '?' : '&').append("offset=").append(offset);
    }
    return q.toString();
  }

  private static String encode(String s) {
    return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8);
  }

  static Map<String, String> link(String href, String rel, String type, String title) {
    Map<String, String> l = new LinkedHashMap<>();
    l.put("href", href);
    l.put("rel", rel);
    l.put("type", type);
    l.put("title", title);
    return l;
  }

  /** The self, next and previous links of a page of {@code returned} of {@code matched}. */
  static java.util.List<Map<String, String>> pageLinks(
      String items,
      Map<String, String> params,
      long offset,
      int limit,
      int returned,
      long matched) {
    java.util.List<Map<String, String>> links = new java.util.ArrayList<>();
    String type = "application/geo+json";
    links.add(link(items + query(params, offset), "self", type, "this page"));
    if (offset + returned < matched) {
      links.add(link(items + query(params, offset + returned), "next", type, "next page"));
    }
    if (offset > 0) {
      links.add(
          link(items + query(params, Math.max(0, offset - limit)), "prev", type, "previous page"));
    }
    return links;
  }

  /**
   * A WGS84 geometry as GeoJSON text: CRS84 to 7 decimals (~1 cm), or transformed in place to RD
   * New to the centimetre when {@code rd} is given.
   */
  static String geometry(org.locationtech.jts.geom.Geometry g, RdNew rd) {
    return rd == null
        ? nl.veerkracht.geo.GeoJsonText.write(g, 7)
        : nl.veerkracht.geo.GeoJsonText.write(rd.fromWgs84(g), 2);
  }
}
