package nl.veerkracht.atelier;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * The map of an atelier's record, laid out once for the PDF and the results page: the buurten, the
 * problem areas drawn in the room with their names, and the pins as numbered circles (the numbers
 * of the pin list); a circle that would cover another, or a name, moves aside to the nearest free
 * spot, drawn with a thin line to where the pin is. Coordinates in points, origin bottom left (the
 * PDF's); the page turns them over.
 */
final class RecordMap {

  static final float PIN_RADIUS = 5.2f;

  /** A problem area's outline and where its name stands. */
  record Area(String name, List<float[]> ring, float labelX, float labelY) {}

  /** A pin: its number, where it is, where its circle stands, its category's colour index. */
  record Mark(int number, float x, float y, float atX, float atY, int colour) {}

  final List<List<float[]>> buurten = new ArrayList<>();
  final List<Area> areas = new ArrayList<>();
  final List<Mark> pins = new ArrayList<>();

  /**
   * @param rings the buurten's outlines ([lon, lat] points)
   * @param bottom room kept free at the bottom (a legend)
   * @param nameWidth the width in points of a problem area's name as it will be set
   */
  static RecordMap layout(
      Atelier a,
      List<double[][]> rings,
      List<AtelierViews.AreaView> drawn,
      List<PinRepository.Pin> record,
      float w,
      float h,
      float bottom,
      ToDoubleFunction<String> nameWidth) {
    RecordMap m = new RecordMap();
    double[] box = {Double.MAX_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE, -Double.MAX_VALUE};
    rings.forEach(r -> extend(box, r));
    drawn.forEach(pa -> pa.outline().forEach(p -> extend(box, p.get(0), p.get(1))));
    for (PinRepository.Pin p : record) {
      if (AtelierExports.placed(a, p)) {
        extend(box, p.lon(), p.lat());
      }
    }
    if (box[0] >= box[2] || box[1] >= box[3]) {
      return m;
    }
    double k = Math.cos(Math.toRadians((box[1] + box[3]) / 2));
    double scale = Math.min((w - 20) / ((box[2] - box[0]) * k), (h - 20) / (box[3] - box[1]));
    double ox = (w - (box[2] - box[0]) * k * scale) / 2;
    double oy = bottom + (h - (box[3] - box[1]) * scale) / 2;
    java.util.function.DoubleUnaryOperator px = lon -> ox + (lon - box[0]) * k * scale;
    java.util.function.DoubleUnaryOperator py = lat -> oy + (lat - box[1]) * scale;
    for (double[][] ring : rings) {
      m.buurten.add(project(ring, px, py));
    }
    List<float[]> taken = new ArrayList<>();
    for (AtelierViews.AreaView pa : drawn) {
      double[][] ring =
          pa.outline().stream()
              .map(p -> new double[] {p.get(0), p.get(1)})
              .toArray(double[][]::new);
      List<float[]> points = project(ring, px, py);
      float cx = 0;
      float cy = 0;
      for (float[] p : points) {
        cx += p[0];
        cy += p[1];
      }
      float lx = cx / points.size();
      float ly = cy / points.size() + 8;
      m.areas.add(new Area(pa.name(), points, lx, ly));
      // the pins' circles keep clear of the name
      float half = (float) nameWidth.applyAsDouble(pa.name()) / 2;
      for (float x = lx - half; x <= lx + half + 0.1f; x += PIN_RADIUS) {
        taken.add(new float[] {x, ly + 2.5f});
      }
    }
    int n = 0;
    for (PinRepository.Pin p : record) {
      n++;
      if (!AtelierExports.placed(a, p)) {
        continue;
      }
      float x = (float) px.applyAsDouble(p.lon());
      float y = (float) py.applyAsDouble(p.lat());
      float[] at = free(taken, x, y, w, h + bottom, bottom);
      taken.add(at);
      m.pins.add(
          new Mark(n, x, y, at[0], at[1], Math.max(0, a.categories().indexOf(p.category()))));
    }
    return m;
  }

  private static List<float[]> project(
      double[][] ring,
      java.util.function.DoubleUnaryOperator px,
      java.util.function.DoubleUnaryOperator py) {
    List<float[]> out = new ArrayList<>();
    for (double[] p : ring) {
      out.add(new float[] {(float) px.applyAsDouble(p[0]), (float) py.applyAsDouble(p[1])});
    }
    return out;
  }

  /** A place for a pin's circle that covers no other: where it is, or the nearest free spot. */
  private static float[] free(
      List<float[]> taken, float x, float y, float w, float h, float bottom) {
    float d = 2 * PIN_RADIUS + 1;
    for (int ring = 0; ring <= 6; ring++) {
      int steps = ring == 0 ? 1 : 8 * ring;
      for (int i = 0; i < steps; i++) {
        double angle = 2 * Math.PI * i / steps;
        float cx = (float) (x + ring * d * Math.cos(angle));
        float cy = (float) (y + ring * d * Math.sin(angle));
        if (cx < PIN_RADIUS
            || cx > w - PIN_RADIUS
            || cy < bottom + PIN_RADIUS
            || cy > h - PIN_RADIUS) {
          continue;
        }
        boolean clear = true;
        for (float[] t : taken) {
          if (Math.hypot(t[0] - cx, t[1] - cy) < d) {
            clear = false;
            break;
          }
        }
        if (clear) {
          return new float[] {cx, cy};
        }
      }
    }
    return new float[] {x, y};
  }

  private static void extend(double[] box, double[][] ring) {
    for (double[] p : ring) {
      extend(box, p[0], p[1]);
    }
  }

  private static void extend(double[] box, double lon, double lat) {
    box[0] = Math.min(box[0], lon);
    box[1] = Math.min(box[1], lat);
    box[2] = Math.max(box[2], lon);
    box[3] = Math.max(box[3], lat);
  }

  /** The map as SVG for the results page: the same layout, turned over (y down). */
  String svg(float w, float h, List<String> colours) {
    StringBuilder s = new StringBuilder();
    s.append("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ")
        .append(f(w))
        .append(' ')
        .append(f(h))
        .append(
            "\" class=\"vk-record-map\" role=\"img\" id=\"record-map\" aria-labelledby=\"record-map-title\">");
    for (List<float[]> ring : buurten) {
      s.append("<path d=\"")
          .append(path(ring, h))
          .append("\" fill=\"#eef1f5\" stroke=\"#7a8693\" stroke-width=\"0.6\"/>");
    }
    for (Area area : areas) {
      s.append("<path class=\"vk-record-area\" d=\"")
          .append(path(area.ring(), h))
          .append(
              "\" fill=\"none\" stroke=\"#8e44ad\" stroke-width=\"1.6\" stroke-dasharray=\"4 3\"/>");
      s.append("<text x=\"")
          .append(f(area.labelX()))
          .append("\" y=\"")
          .append(f(h - area.labelY()))
          .append("\" font-size=\"8\" text-anchor=\"middle\" fill=\"#6c3483\">")
          .append(escape(area.name()))
          .append("</text>");
    }
    for (Mark p : pins) {
      if (p.atX() != p.x() || p.atY() != p.y()) {
        s.append("<line x1=\"")
            .append(f(p.x()))
            .append("\" y1=\"")
            .append(f(h - p.y()))
            .append("\" x2=\"")
            .append(f(p.atX()))
            .append("\" y2=\"")
            .append(f(h - p.atY()))
            .append("\" stroke=\"#777\" stroke-width=\"0.5\"/>");
      }
      s.append("<g class=\"vk-record-pin\" data-number=\"")
          .append(p.number())
          .append("\"><circle cx=\"")
          .append(f(p.atX()))
          .append("\" cy=\"")
          .append(f(h - p.atY()))
          .append("\" r=\"")
          .append(f(PIN_RADIUS + 1))
          .append("\" fill=\"")
          .append(colours.get(p.colour() % colours.size()))
          .append("\" stroke=\"#fff\" stroke-width=\"0.8\"/><text x=\"")
          .append(f(p.atX()))
          .append("\" y=\"")
          .append(f(h - p.atY() + 2.3f))
          .append("\" font-size=\"6.5\" text-anchor=\"middle\" fill=\"#fff\">")
          .append(p.number())
          .append("</text></g>");
    }
    return s.append("</svg>").toString();
  }

  private static String path(List<float[]> ring, float h) {
    StringBuilder d = new StringBuilder();
    for (int i = 0; i < ring.size(); i++) {
      d.append(i == 0 ? 'M' : 'L')
          .append(f(ring.get(i)[0]))
          .append(',')
          .append(f(h - ring.get(i)[1]));
    }
    return d.append('Z').toString();
  }

  private static String f(float v) {
    return String.format(java.util.Locale.ROOT, "%.1f", v);
  }

  static String escape(String s) {
    return s.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;");
  }
}
