package nl.veerkracht.geo;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;

/**
 * Writes JTS geometries as compact GeoJSON geometry text with coordinates rounded to a fixed number
 * of decimals. Consecutive positions that coincide after rounding are dropped; a ring that
 * collapses below four positions is left out (a hole) or kept unrounded (a shell), so the output is
 * always structurally valid GeoJSON.
 */
public final class GeoJsonText {

  private GeoJsonText() {}

  public static String write(Geometry g, int decimals) {
    StringBuilder sb = new StringBuilder(g.getNumPoints() * 20 + 40);
    long scale = (long) Math.pow(10, decimals);
    if (g instanceof Point p) {
      sb.append("{\"type\":\"Point\",\"coordinates\":");
      position(sb, p.getCoordinate(), scale, decimals);
      sb.append('}');
    } else if (g instanceof Polygon p) {
      sb.append("{\"type\":\"Polygon\",\"coordinates\":");
      polygon(sb, p, scale, decimals);
      sb.append('}');
    } else if (g instanceof MultiPolygon mp) {
      sb.append("{\"type\":\"MultiPolygon\",\"coordinates\":[");
      for (int i = 0; i < mp.getNumGeometries(); i++) {
        if (i > 0) {
          sb.append(',');
        }
        polygon(sb, (Polygon) mp.getGeometryN(i), scale, decimals);
      }
      sb.append("]}");
    } else {
      throw new IllegalArgumentException("Cannot write " + g.getGeometryType());
    }
    return sb.toString();
  }

  private static void polygon(StringBuilder sb, Polygon p, long scale, int decimals) {
    sb.append('[');
    ring(sb, p.getExteriorRing(), scale, decimals, true);
    for (int i = 0; i < p.getNumInteriorRing(); i++) {
      int mark = sb.length();
      sb.append(',');
      if (!ring(sb, p.getInteriorRingN(i), scale, decimals, false)) {
        sb.setLength(mark);
      }
    }
    sb.append(']');
  }

  /** Writes a ring; returns false (and writes garbage to be cut) when a hole collapsed. */
  private static boolean ring(
      StringBuilder sb, LineString ring, long scale, int decimals, boolean shell) {
    Coordinate[] cs = ring.getCoordinates();
    long[] xs = new long[cs.length];
    long[] ys = new long[cs.length];
    int n = 0;
    for (Coordinate c : cs) {
      long x = Math.round(c.x * scale);
      long y = Math.round(c.y * scale);
      if (n > 0 && xs[n - 1] == x && ys[n - 1] == y) {
        continue;
      }
      xs[n] = x;
      ys[n] = y;
      n++;
    }
    if (n < 4) {
      if (!shell) {
        return false;
      }
      sb.append('[');
      for (int i = 0; i < cs.length; i++) {
        if (i > 0) {
          sb.append(',');
        }
        sb.append('[').append(cs[i].x).append(',').append(cs[i].y).append(']');
      }
      sb.append(']');
      return true;
    }
    sb.append('[');
    for (int i = 0; i < n; i++) {
      if (i > 0) {
        sb.append(',');
      }
      sb.append('[');
      fixed(sb, xs[i], decimals);
      sb.append(',');
      fixed(sb, ys[i], decimals);
      sb.append(']');
    }
    sb.append(']');
    return true;
  }

  private static void position(StringBuilder sb, Coordinate c, long scale, int decimals) {
    sb.append('[');
    fixed(sb, Math.round(c.x * scale), decimals);
    sb.append(',');
    fixed(sb, Math.round(c.y * scale), decimals);
    sb.append(']');
  }

  /** Appends value / 10^decimals without trailing zeros and without floating-point noise. */
  static void fixed(StringBuilder sb, long scaled, int decimals) {
    if (scaled < 0) {
      sb.append('-');
      scaled = -scaled;
    }
    long pow = 1;
    for (int i = 0; i < decimals; i++) {
      pow *= 10;
    }
    long whole = scaled / pow;
    long frac = scaled % pow;
    sb.append(whole);
    if (frac != 0) {
      String digits = Long.toString(frac);
      sb.append('.');
      for (int i = digits.length(); i < decimals; i++) {
        sb.append('0');
      }
      int end = digits.length();
      while (end > 0 && digits.charAt(end - 1) == '0') {
        end--;
      }
      sb.append(digits, 0, end);
    }
  }
}
