package nl.veerkracht.map;

import static nl.veerkracht.web.PdfStyle.BODY;
import static nl.veerkracht.web.PdfStyle.BOLD;
import static nl.veerkracht.web.PdfStyle.H2;
import static nl.veerkracht.web.PdfStyle.INK;
import static nl.veerkracht.web.PdfStyle.SMALL;
import static nl.veerkracht.web.PdfStyle.TITLE;
import static nl.veerkracht.web.PdfStyle.cell;
import static nl.veerkracht.web.PdfStyle.header;
import static nl.veerkracht.web.PdfStyle.safe;

import com.lowagie.text.Chunk;
import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfTemplate;
import com.lowagie.text.pdf.PdfWriter;
import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import nl.veerkracht.map.AreaPageController.AreaView;
import nl.veerkracht.map.AreaPageController.Cell;
import nl.veerkracht.map.AreaPageController.DerivedRow;
import nl.veerkracht.map.AreaPageController.FigureRow;
import nl.veerkracht.map.AreaPageController.KeyRow;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The printable profile of an area: a map of the area among its neighbours, the analysis with its
 * explanations, the key figures next to the gemeente, the Netherlands and the peer group, the
 * Leefbaarometer trend, every figure of the year, and the sources — each figure with source and
 * year.
 */
final class ProfilePdf {

  /** The shapes drawn on the profile's map (GeoJSON geometry text, WGS84). */
  record Outlines(List<MapGeometryRepository.Shape> shapes, int year) {}

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private ProfilePdf() {}

  static byte[] render(AreaView v, Outlines outlines, Locale locale) {
    boolean en = "en".equals(locale.getLanguage());
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Document doc = new Document(PageSize.A4, 40, 40, 40, 40);
    PdfWriter writer = PdfWriter.getInstance(doc, out);
    doc.addTitle((en ? "Area profile " : "Profiel ") + v.area().name());
    doc.addCreator("Veerkracht");
    doc.open();
    String level = v.area().level().id();
    doc.add(
        new Paragraph(
            safe(
                (en ? "Profile of " : level.equals("buurt") ? "Buurtprofiel " : "Profiel ")
                    + v.area().name()),
            TITLE));
    doc.add(
        new Paragraph(
            safe(
                level
                    + " "
                    + v.area().code().value()
                    + (v.gemeenteName() != null
                        ? ", " + (en ? "gemeente " : "gemeente ") + v.gemeenteName()
                        : "")
                    + " · "
                    + (en ? "figures of " : "cijfers van ")
                    + v.year()
                    + " · "
                    + (en ? "made " : "gemaakt ")
                    + LocalDate.now()
                    + (en ? " with Veerkracht" : " met Veerkracht")),
            SMALL));
    doc.add(Chunk.NEWLINE);

    if (!outlines.shapes().isEmpty()) {
      PdfContentByte cb = writer.getDirectContent();
      float w = 515;
      float h = 220;
      PdfTemplate map = cb.createTemplate(w, h);
      drawMap(map, outlines, v.area().code().value(), w, h);
      com.lowagie.text.Image img = com.lowagie.text.Image.getInstance(map);
      doc.add(img);
      doc.add(
          new Paragraph(
              safe(
                  (en ? "Map: " : "Kaart: ")
                      + v.area().name()
                      + (en ? " (dark) among the " : " (donker) tussen de andere ")
                      + level
                      + (en
                          ? "s of its gemeente. Source: Kadaster / CBS, "
                          : "en van de gemeente. Bron: Kadaster / CBS, ")
                      + outlines.year()),
              SMALL));
      doc.add(Chunk.NEWLINE);
    }

    if (!v.analysis().isEmpty()) {
      doc.add(
          new Paragraph(
              safe(en ? "Signals and derived figures" : "Signalen en afgeleide cijfers"), H2));
      doc.add(
          new Paragraph(
              safe(
                  en
                      ? "Derived by Veerkracht from CBS and Leefbaarometer figures; a signal, not a verdict. Method: /methode."
                      : "Afgeleid door Veerkracht uit CBS- en Leefbaarometer-cijfers; een signaal, geen oordeel. Methode: /methode."),
              SMALL));
      for (DerivedRow d : v.analysis()) {
        Paragraph p = new Paragraph();
        p.add(new Chunk(safe(d.label() + " (" + d.year() + "): "), BOLD));
        p.add(new Chunk(safe(d.value()), BODY));
        doc.add(p);
        doc.add(
            new Paragraph(
                safe(
                    d.explanation()
                        + " "
                        + (en ? "Source: " : "Bron: ")
                        + "Veerkracht (afgeleid), "
                        + d.year()),
                SMALL));
      }
      doc.add(Chunk.NEWLINE);
    }

    if (!v.keyFigures().isEmpty()) {
      doc.add(new Paragraph(safe(en ? "Key figures compared" : "Kerncijfers vergeleken"), H2));
      boolean gm = v.gemeenteName() != null;
      PdfPTable t = new PdfPTable(gm ? 6 : 5);
      t.setWidthPercentage(100);
      t.setSpacingBefore(4);
      header(t, en ? "Figure" : "Cijfer");
      header(t, v.area().name());
      if (gm) {
        header(t, v.gemeenteName());
      }
      header(t, en ? "Netherlands" : "Nederland");
      header(t, en ? "Similar buurten" : "Vergelijkbare buurten");
      header(t, en ? "Source" : "Bron");
      for (KeyRow k : v.keyFigures()) {
        t.addCell(cell(k.label() + (k.unit().isEmpty() ? "" : " (" + k.unit() + ")"), BODY));
        t.addCell(value(k.area()));
        if (gm) {
          t.addCell(value(k.gemeente()));
        }
        t.addCell(value(k.nl()));
        t.addCell(value(k.peers()));
        t.addCell(
            cell(k.source() + (k.area().year() == null ? "" : ", " + k.area().year()), SMALL));
      }
      doc.add(t);
      doc.add(Chunk.NEWLINE);
    }

    if (!v.trendJson().isEmpty()) {
      JsonNode trend = JSON.readTree(v.trendJson());
      doc.add(new Paragraph(safe(trend.path("label").asString()), H2));
      PdfPTable t = new PdfPTable(trend.path("years").size());
      t.setWidthPercentage(100);
      for (JsonNode y : trend.path("years")) {
        header(t, y.asString());
      }
      for (JsonNode val : trend.path("values")) {
        PdfPCell c = cell(nl.veerkracht.web.Page.format(val.asDouble(), 3, locale), BODY);
        c.setHorizontalAlignment(Element.ALIGN_RIGHT);
        t.addCell(c);
      }
      doc.add(t);
      doc.add(
          new Paragraph(
              safe((en ? "Source: " : "Bron: ") + trend.path("source").asString()), SMALL));
      doc.add(Chunk.NEWLINE);
    }

    if (!v.dimensionsJson().isEmpty()) {
      JsonNode dims = JSON.readTree(v.dimensionsJson());
      doc.add(
          new Paragraph(
              safe(
                  en
                      ? "Leefbaarometer dimensions (deviation from the Netherlands; negative is worse)"
                      : "Dimensies van de Leefbaarometer (afwijking van Nederland; negatief is slechter)"),
              H2));
      PdfContentByte cb = writer.getDirectContent();
      int n = dims.path("values").size();
      float w = 515;
      float h = 18 * n + 8;
      PdfTemplate chart = cb.createTemplate(w, h);
      drawBars(chart, dims, w, h, locale);
      doc.add(com.lowagie.text.Image.getInstance(chart));
      doc.add(
          new Paragraph(
              safe(
                  (en ? "Source: " : "Bron: ")
                      + dims.path("source").asString()
                      + ", "
                      + dims.path("year").asInt()),
              SMALL));
      doc.add(Chunk.NEWLINE);
    }

    doc.add(new Paragraph(safe((en ? "All figures of " : "Alle cijfers van ") + v.year()), H2));
    PdfPTable all = new PdfPTable(new float[] {5, 2, 1.4f, 4});
    all.setWidthPercentage(100);
    all.setSpacingBefore(4);
    all.setHeaderRows(1);
    header(all, en ? "Figure" : "Cijfer");
    header(all, en ? "Value" : "Waarde");
    header(all, en ? "Unit" : "Eenheid");
    header(all, en ? "Source and year" : "Bron en jaar");
    int sourceNamed = 0;
    for (FigureRow r : v.figures()) {
      if (r.indicatorId().startsWith("cbs_") || r.indicatorId().startsWith("src_")) {
        sourceNamed++;
        continue;
      }
      all.addCell(cell(r.label(), BODY));
      String value =
          "ok".equals(r.status()) && r.value() != null
              ? nl.veerkracht.web.Page.format(r.value(), r.decimals(), locale)
              : "secret".equals(r.status())
                  ? (en ? "suppressed" : "geheim")
                  : (en ? "not known" : "onbekend");
      PdfPCell c = cell(value, BODY);
      c.setHorizontalAlignment(Element.ALIGN_RIGHT);
      all.addCell(c);
      all.addCell(cell(r.unit() == null ? "" : r.unit(), SMALL));
      all.addCell(cell((r.source() == null ? "" : r.source()) + ", " + v.year(), SMALL));
    }
    doc.add(all);
    if (sourceNamed > 0) {
      doc.add(
          new Paragraph(
              safe(
                  sourceNamed
                      + (en
                          ? " more figures under their source names are on the area's page."
                          : " cijfers meer onder hun bronnaam staan op de pagina van het gebied.")),
              SMALL));
    }
    doc.add(Chunk.NEWLINE);
    doc.add(new Paragraph(safe(en ? "Sources" : "Bronnen"), H2));
    for (String credit : v.credits()) {
      doc.add(new Paragraph(safe("• " + credit), BODY));
    }
    doc.add(
        new Paragraph(
            safe(
                "• Kadaster / Centraal Bureau voor de Statistiek (kaart, "
                    + (outlines.year())
                    + ")"),
            BODY));
    doc.close();
    return out.toByteArray();
  }

  private static PdfPCell value(Cell c) {
    PdfPCell p = cell(c.text() + (c.year() == null ? "" : " (" + c.year() + ")"), BODY);
    p.setHorizontalAlignment(Element.ALIGN_RIGHT);
    return p;
  }

  /**
   * Horizontal bars around a zero axis: purple for better than the Netherlands, orange for worse.
   */
  private static void drawBars(PdfTemplate g, JsonNode dims, float w, float h, Locale locale) {
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
  private static void drawMap(PdfTemplate g, Outlines outlines, String focus, float w, float h) {
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
