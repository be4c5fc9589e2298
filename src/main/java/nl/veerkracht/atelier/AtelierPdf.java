package nl.veerkracht.atelier;

import static nl.veerkracht.web.PdfStyle.BODY;
import static nl.veerkracht.web.PdfStyle.BOLD;
import static nl.veerkracht.web.PdfStyle.H2;
import static nl.veerkracht.web.PdfStyle.INK;
import static nl.veerkracht.web.PdfStyle.SMALL;
import static nl.veerkracht.web.PdfStyle.TITLE;
import static nl.veerkracht.web.PdfStyle.cell;
import static nl.veerkracht.web.PdfStyle.header;
import static nl.veerkracht.web.PdfStyle.paragraph;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Image;
import com.lowagie.text.PageSize;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfTemplate;
import com.lowagie.text.pdf.PdfWriter;
import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import nl.veerkracht.common.Text;
import nl.veerkracht.map.MapGeometryRepository;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The PDF record of an atelier: the map with the pins, the figure cards with the room's answers,
 * the measures ranked per problem area, every pin and the counts per category and theme. Pins at a
 * home in a resident atelier are listed without a place on the map.
 */
@Service
public class AtelierPdf {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final AtelierViews views;
  private final FigureCards figureCards;
  private final AtelierRepository repository;
  private final AtelierExports exports;

  public AtelierPdf(
      AtelierViews views,
      FigureCards figureCards,
      AtelierRepository repository,
      AtelierExports exports) {
    this.views = views;
    this.figureCards = figureCards;
    this.repository = repository;
    this.exports = exports;
  }

  public byte[] pdf(Atelier a, Caller caller, Locale locale) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Document doc = new Document(PageSize.A4, 36, 36, 36, 36);
    try {
      PdfWriter writer = PdfWriter.getInstance(doc, out);
      doc.open();
      title(doc, writer, a, locale);
      cards(doc, a, caller, locale);
      ranking(doc, a, caller, locale);
      pins(doc, a, locale);
      counts(doc, a, locale);
      doc.add(paragraph(t(locale, "atelier.pdf.source"), SMALL));
      doc.close();
    } catch (DocumentException e) {
      throw new IllegalStateException(e);
    }
    return out.toByteArray();
  }

  private void title(Document doc, PdfWriter writer, Atelier a, Locale locale)
      throws DocumentException {
    doc.add(paragraph(a.name(), TITLE));
    doc.add(
        paragraph(
            t(locale, "atelier.kind." + a.kind().name())
                + (a.heldOn() == null ? "" : " · " + a.heldOn())
                + " · "
                + t(
                    locale,
                    "atelier.pdf.participants",
                    "n",
                    repository.participants(a.id()).size()),
            BODY));
    PdfContentByte cb = writer.getDirectContent();
    float w = 523;
    float h = 300;
    PdfTemplate map = cb.createTemplate(w, h);
    drawMap(map, a, w, h);
    doc.add(Image.getInstance(map));
    doc.add(paragraph(t(locale, "atelier.pdf.mapNote"), SMALL));
  }

  private void cards(Document doc, Atelier a, Caller caller, Locale locale)
      throws DocumentException {
    doc.add(paragraph(t(locale, "atelier.pdf.cards"), H2));
    Map<String, AtelierViews.CardAnswers> answers = new LinkedHashMap<>();
    views.answers(a, caller).forEach(c -> answers.put(c.card(), c));
    for (FigureCards.Card c : figureCards.cards(a)) {
      doc.add(paragraph(c.title().in(locale), BOLD));
      doc.add(paragraph(c.meaning().in(locale), BODY));
      StringBuilder values = new StringBuilder();
      for (FigureCards.Value v : c.values()) {
        values
            .append(v.name())
            .append(": ")
            .append(v.value() == null ? t(locale, "atelier.card.unknown") : v.value().in(locale))
            .append(v.year() == null ? "" : " (" + v.year() + ")")
            .append("; ");
      }
      if (c.gemeente() != null && c.gemeente().value() != null) {
        values.append(c.gemeente().name()).append(": ").append(c.gemeente().value().in(locale));
      }
      doc.add(paragraph(values.toString(), BODY));
      AtelierViews.CardAnswers ca = answers.get(c.id());
      if (ca != null) {
        doc.add(
            paragraph(
                t(
                    locale,
                    "atelier.pdf.answers",
                    "yes",
                    ca.counts().get("RECOGNISED"),
                    "no",
                    ca.counts().get("NOT_RECOGNISED"),
                    "unknown",
                    ca.counts().get("DONT_KNOW")),
                BODY));
        for (String remark : ca.remarks()) {
          doc.add(paragraph("– " + remark, SMALL));
        }
      }
    }
  }

  private void ranking(Document doc, Atelier a, Caller caller, Locale locale)
      throws DocumentException {
    doc.add(paragraph(t(locale, "atelier.pdf.ranking"), H2));
    for (AtelierViews.AreaView pa : views.problemAreas(a, caller, AtelierViews.Lens.STAFF)) {
      doc.add(paragraph(pa.name(), BOLD));
      PdfPTable table = new PdfPTable(new float[] {1, 6, 3, 1.5f});
      table.setWidthPercentage(100);
      header(table, t(locale, "atelier.col.rank"));
      header(table, t(locale, "atelier.col.measure"));
      header(table, t(locale, "atelier.col.lever"));
      header(table, t(locale, "atelier.col.votes"));
      for (AtelierViews.MeasureView m : pa.measures()) {
        table.addCell(cell(Integer.toString(m.rank()), BODY));
        table.addCell(cell(m.title(), BODY));
        table.addCell(cell(t(locale, "atelier.lever." + m.lever()), BODY));
        table.addCell(cell(Integer.toString(m.votes()), BODY));
      }
      doc.add(table);
    }
  }

  private void pins(Document doc, Atelier a, Locale locale) throws DocumentException {
    doc.add(paragraph(t(locale, "atelier.pdf.pins"), H2));
    PdfPTable pinTable = new PdfPTable(new float[] {2, 2, 2, 6});
    pinTable.setWidthPercentage(100);
    header(pinTable, t(locale, "atelier.col.category"));
    header(pinTable, t(locale, "atelier.col.theme"));
    header(pinTable, "buurt");
    header(pinTable, t(locale, "atelier.col.text"));
    for (PinRepository.Pin p : exports.recordPins(a)) {
      pinTable.addCell(cell(AtelierExports.label(locale, "atelier.category.", p.category()), BODY));
      pinTable.addCell(
          cell(
              p.theme() == null ? "" : AtelierExports.label(locale, "atelier.theme.", p.theme()),
              BODY));
      pinTable.addCell(cell(p.buurtCode() == null ? "" : p.buurtCode(), BODY));
      pinTable.addCell(cell(p.shownBody(), BODY));
    }
    doc.add(pinTable);
  }

  private void counts(Document doc, Atelier a, Locale locale) throws DocumentException {
    doc.add(paragraph(t(locale, "atelier.pdf.counts"), H2));
    Map<String, Map<String, Integer>> counts = views.counts(a);
    PdfPTable table = new PdfPTable(new float[] {4, 1});
    table.setWidthPercentage(60);
    table.setHorizontalAlignment(0);
    header(table, t(locale, "atelier.col.category"));
    header(table, t(locale, "atelier.col.pins"));
    counts
        .get("byCategory")
        .forEach(
            (k, n) -> {
              table.addCell(cell(AtelierExports.label(locale, "atelier.category.", k), BODY));
              table.addCell(cell(Integer.toString(n), BODY));
            });
    header(table, t(locale, "atelier.col.theme"));
    header(table, t(locale, "atelier.col.pins"));
    counts
        .get("byTheme")
        .forEach(
            (k, n) -> {
              table.addCell(cell(AtelierExports.label(locale, "atelier.theme.", k), BODY));
              table.addCell(cell(Integer.toString(n), BODY));
            });
    doc.add(table);
  }

  private void drawMap(PdfTemplate g, Atelier a, float w, float h) {
    List<double[][]> rings = new ArrayList<>();
    for (MapGeometryRepository.Shape s : exports.shapes(a)) {
      rings.addAll(rings(s.geometry()));
    }
    List<PinRepository.Pin> pins =
        exports.recordPins(a).stream().filter(p -> AtelierExports.placed(a, p)).toList();
    double minX = Double.MAX_VALUE;
    double minY = Double.MAX_VALUE;
    double maxX = -Double.MAX_VALUE;
    double maxY = -Double.MAX_VALUE;
    for (double[][] ring : rings) {
      for (double[] pt : ring) {
        minX = Math.min(minX, pt[0]);
        maxX = Math.max(maxX, pt[0]);
        minY = Math.min(minY, pt[1]);
        maxY = Math.max(maxY, pt[1]);
      }
    }
    for (PinRepository.Pin p : pins) {
      minX = Math.min(minX, p.lon());
      maxX = Math.max(maxX, p.lon());
      minY = Math.min(minY, p.lat());
      maxY = Math.max(maxY, p.lat());
    }
    if (minX >= maxX || minY >= maxY) {
      return;
    }
    double k = Math.cos(Math.toRadians((minY + maxY) / 2));
    double scale = Math.min((w - 10) / ((maxX - minX) * k), (h - 10) / (maxY - minY));
    double ox = (w - (maxX - minX) * k * scale) / 2;
    double oy = (h - (maxY - minY) * scale) / 2;
    for (double[][] ring : rings) {
      for (int i = 0; i < ring.length; i++) {
        float x = (float) (ox + (ring[i][0] - minX) * k * scale);
        float y = (float) (oy + (ring[i][1] - minY) * scale);
        if (i == 0) {
          g.moveTo(x, y);
        } else {
          g.lineTo(x, y);
        }
      }
      g.closePath();
    }
    g.setColorFill(new Color(0xee, 0xf1, 0xf5));
    g.setColorStroke(new Color(0x7a, 0x86, 0x93));
    g.setLineWidth(0.5f);
    g.fillStroke();
    List<String> categories = a.categories();
    Color[] palette = {
      new Color(0xc0, 0x39, 0x2b), new Color(0x1e, 0x88, 0x4b), INK, new Color(0x8e, 0x44, 0xad)
    };
    for (PinRepository.Pin p : pins) {
      float x = (float) (ox + (p.lon() - minX) * k * scale);
      float y = (float) (oy + (p.lat() - minY) * scale);
      int ci = Math.max(0, categories.indexOf(p.category()));
      g.setColorFill(palette[ci % palette.length]);
      g.setColorStroke(Color.WHITE);
      g.setLineWidth(0.6f);
      g.circle(x, y, 3.2f);
      g.fillStroke();
    }
  }

  private static List<double[][]> rings(String geometry) {
    JsonNode g = JSON.readTree(geometry);
    List<double[][]> out = new ArrayList<>();
    List<JsonNode> raw = new ArrayList<>();
    switch (g.path("type").asString()) {
      case "Polygon" -> g.path("coordinates").forEach(raw::add);
      case "MultiPolygon" -> g.path("coordinates").forEach(p -> p.forEach(raw::add));
      default -> {}
    }
    for (JsonNode ring : raw) {
      double[][] pts = new double[ring.size()][];
      for (int i = 0; i < ring.size(); i++) {
        pts[i] = new double[] {ring.get(i).get(0).asDouble(), ring.get(i).get(1).asDouble()};
      }
      out.add(pts);
    }
    return out;
  }

  private static String t(Locale locale, String key, Object... args) {
    return Text.msg(key, args).in(locale);
  }
}
