package nl.veerkracht.map;

import static nl.veerkracht.web.PdfStyle.INK;
import static nl.veerkracht.web.PdfStyle.safe;

import com.lowagie.text.pdf.PdfTemplate;
import java.awt.Color;
import java.util.List;
import java.util.Locale;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Drawings in PDFs: a map of outlines and the bar chart of the Leefbaarometer dimensions. */
final class PdfDrawing {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private PdfDrawing() {}

  /**
   * Horizontal bars around a zero axis: purple for better than the Netherlands, orange for worse.
   */
  static void drawBars(PdfTemplate g, JsonNode dims, float w, float h, Locale locale) {
    com.lowagie.text.pdf.BaseFont font;
    try {
      font =
          com.lowagie.text.pdf.BaseFont.createFont(
              com.lowagie.text.pdf.BaseFont.HELVETICA,
              com.lowagie.text.pdf.BaseFont.WINANSI,
              false);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    double max = 0.01;
    for (JsonNode v : dims.path("values")) {
      max = Math.max(max, Math.abs(v.asDouble()));
    }
    float labelWidth = 230;
    float axis = labelWidth + (w - labelWidth - 60) / 2;
    float half = (w - labelWidth - 60) / 2;
    int i = 0;
    for (JsonNode v : dims.path("values")) {
      float y = h - 18 * (i + 1);
      double value = v.asDouble();
      float len = (float) (Math.abs(value) / max * half);
      g.setColorFill(value < 0 ? new Color(0xb3, 0x58, 0x06) : new Color(0x54, 0x27, 0x88));
      g.rectangle(value < 0 ? axis - len : axis, y + 3, len, 11);
      g.fill();
      g.beginText();
      g.setFontAndSize(font, 8);
      g.setColorFill(Color.BLACK);
      g.showTextAligned(
          com.lowagie.text.Element.ALIGN_LEFT,
          safe(dims.path("labels").get(i).asString()),
          0,
          y + 5,
          0);
      g.showTextAligned(
          com.lowagie.text.Element.ALIGN_LEFT,
          safe(nl.veerkracht.web.Page.format(value, 3, locale)),
          value < 0 ? axis + 4 : axis + len + 4,
          y + 5,
          0);
      g.endText();
      i++;
    }
    g.setColorStroke(Color.DARK_GRAY);
    g.setLineWidth(0.6f);
    g.moveTo(axis, 0);
    g.lineTo(axis, h);
    g.stroke();
  }

  /** Draws the polygons, fitted into the box (equirectangular, corrected for latitude). */
  static void drawMap(PdfTemplate g, ProfilePdf.Outlines outlines, String focus, float w, float h) {
    double minX = Double.MAX_VALUE;
    double minY = Double.MAX_VALUE;
    double maxX = -Double.MAX_VALUE;
    double maxY = -Double.MAX_VALUE;
    for (MapGeometryRepository.Shape s : outlines.shapes()) {
      for (JsonNode ring : rings(s.geometry())) {
        for (JsonNode pt : ring) {
          minX = Math.min(minX, pt.get(0).asDouble());
          maxX = Math.max(maxX, pt.get(0).asDouble());
          minY = Math.min(minY, pt.get(1).asDouble());
          maxY = Math.max(maxY, pt.get(1).asDouble());
        }
      }
    }
    if (minX > maxX) {
      return;
    }
    double k = Math.cos(Math.toRadians((minY + maxY) / 2));
    double scale = Math.min((w - 10) / ((maxX - minX) * k), (h - 10) / (maxY - minY));
    double ox = (w - (maxX - minX) * k * scale) / 2;
    double oy = (h - (maxY - minY) * scale) / 2;
    for (int pass = 0; pass < 2; pass++) {
      for (MapGeometryRepository.Shape s : outlines.shapes()) {
        boolean isFocus = s.code().equals(focus);
        if ((pass == 1) != isFocus) {
          continue;
        }
        for (JsonNode ring : rings(s.geometry())) {
          boolean first = true;
          for (JsonNode pt : ring) {
            float x = (float) (ox + (pt.get(0).asDouble() - minX) * k * scale);
            float y = (float) (oy + (pt.get(1).asDouble() - minY) * scale);
            if (first) {
              g.moveTo(x, y);
              first = false;
            } else {
              g.lineTo(x, y);
            }
          }
          g.closePath();
        }
        g.setColorFill(isFocus ? INK : new Color(0xdd, 0xe3, 0xea));
        g.setColorStroke(isFocus ? Color.BLACK : new Color(0x7a, 0x86, 0x93));
        g.setLineWidth(isFocus ? 1.2f : 0.4f);
        g.fillStroke();
      }
    }
  }

  private static List<JsonNode> rings(String geometry) {
    JsonNode g = JSON.readTree(geometry);
    List<JsonNode> out = new java.util.ArrayList<>();
    switch (g.path("type").asString()) {
      case "Polygon" -> g.path("coordinates").forEach(out::add);
      case "MultiPolygon" -> g.path("coordinates").forEach(p -> p.forEach(out::add));
      default -> {}
    }
    return out;
  }
}
