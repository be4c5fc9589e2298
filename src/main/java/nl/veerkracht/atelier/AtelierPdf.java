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
import com.lowagie.text.Paragraph;
import com.lowagie.text.pdf.BaseFont;
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
  private final nl.veerkracht.area.AreaRepository areas;

  public AtelierPdf(
      AtelierViews views,
      FigureCards figureCards,
      AtelierRepository repository,
      AtelierExports exports,
      nl.veerkracht.area.AreaRepository areas) {
    this.areas = areas;
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
      title(doc, writer, a, caller, locale);
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

  private void title(Document doc, PdfWriter writer, Atelier a, Caller caller, Locale locale)
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
    float h = 330;
    PdfTemplate map = cb.createTemplate(w, h);
    drawMap(map, a, caller, w, h - LEGEND, locale);
    Image image = Image.getInstance(map);
    image.setSpacingBefore(4);
    doc.add(image);
    doc.add(paragraph(t(locale, "atelier.pdf.mapNote"), SMALL));
  }

  private void cards(Document doc, Atelier a, Caller caller, Locale locale)
      throws DocumentException {
    doc.add(heading(t(locale, "atelier.pdf.cards")));
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
    doc.add(heading(t(locale, "atelier.pdf.ranking")));
    for (AtelierViews.AreaView pa : views.problemAreas(a, caller, AtelierViews.Lens.STAFF)) {
      Paragraph name = paragraph(pa.name(), BOLD);
      name.setSpacingBefore(6);
      name.setSpacingAfter(3);
      name.setKeepTogether(true);
      doc.add(name);
      PdfPTable table = new PdfPTable(new float[] {1, 6, 3, 1.5f});
      table.setWidthPercentage(100);
      table.setHeaderRows(1);
      table.setSplitRows(false);
      table.setKeepTogether(pa.measures().size() < 25);
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

  /** Every pin, numbered as on the map; a row never splits over two pages. */
  private void pins(Document doc, Atelier a, Locale locale) throws DocumentException {
    doc.add(heading(t(locale, "atelier.pdf.pins")));
    PdfPTable pinTable = new PdfPTable(new float[] {0.7f, 2, 2, 2.5f, 6});
    pinTable.setWidthPercentage(100);
    pinTable.setHeaderRows(1);
    pinTable.setSplitRows(false);
    header(pinTable, "#");
    header(pinTable, t(locale, "atelier.col.category"));
    header(pinTable, t(locale, "atelier.col.theme"));
    header(pinTable, t(locale, "atelier.col.buurt"));
    header(pinTable, t(locale, "atelier.col.text"));
    List<PinRepository.Pin> record = exports.recordPins(a);
    Map<String, String> names =
        areas.names(
            record.stream().map(PinRepository.Pin::buurtCode).filter(c -> c != null).toList());
    int n = 1;
    for (PinRepository.Pin p : record) {
      pinTable.addCell(cell(Integer.toString(n++), BOLD));
      pinTable.addCell(cell(AtelierExports.label(locale, "atelier.category.", p.category()), BODY));
      pinTable.addCell(
          cell(
              p.theme() == null ? "" : AtelierExports.label(locale, "atelier.theme.", p.theme()),
              BODY));
      pinTable.addCell(
          cell(
              p.buurtCode() == null ? "" : names.getOrDefault(p.buurtCode(), p.buurtCode()), BODY));
      pinTable.addCell(cell(p.shownBody(), BODY));
    }
    doc.add(pinTable);
  }

  /** A section heading with room above and below, never left alone at a page's foot. */
  private static Paragraph heading(String text) {
    Paragraph p = paragraph(text, H2);
    p.setSpacingBefore(14);
    p.setSpacingAfter(6);
    p.setKeepTogether(true);
    return p;
  }

  private void counts(Document doc, Atelier a, Locale locale) throws DocumentException {
    doc.add(heading(t(locale, "atelier.pdf.counts")));
    Map<String, Map<String, Integer>> counts = views.counts(a);
    PdfPTable table = new PdfPTable(new float[] {4, 1});
    table.setSplitRows(false);
    table.setSpacingAfter(8);
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

  /** Room under the map for its legend. */
  private static final float LEGEND = 26;

  private static final Color AREA = new Color(0x8e, 0x44, 0xad);
  private static final Color[] PALETTE = {
    new Color(0xc0, 0x39, 0x2b), new Color(0x1e, 0x88, 0x4b), INK, new Color(0xd3, 0x54, 0x00)
  };

  /**
   * The buurten, the problem areas drawn in the room (dashed, with their names), and the pins as
   * numbered circles — the numbers of the pin list; a circle that would cover another moves aside
   * on a thin line. Under it a legend of the categories and the problem-area line.
   */
  private void drawMap(PdfTemplate g, Atelier a, Caller caller, float w, float h, Locale locale) {
    legend(g, a, w, locale);
    BaseFont font = font();
    RecordMap m = exports.recordMap(a, caller, w, h, LEGEND, name -> font.getWidthPoint(name, 7));
    for (List<float[]> ring : m.buurten) {
      path(g, ring);
    }
    if (!m.buurten.isEmpty()) {
      g.setColorFill(new Color(0xee, 0xf1, 0xf5));
      g.setColorStroke(new Color(0x7a, 0x86, 0x93));
      g.setLineWidth(0.5f);
      g.fillStroke();
    }
    for (RecordMap.Area area : m.areas) {
      path(g, area.ring());
      g.setColorStroke(AREA);
      g.setLineWidth(1.4f);
      g.setLineDash(4, 3, 0);
      g.stroke();
      g.setLineDash(0);
      text(g, font, 7, AREA, area.name(), area.labelX(), area.labelY());
    }
    for (RecordMap.Mark p : m.pins) {
      if (p.atX() != p.x() || p.atY() != p.y()) {
        g.setColorStroke(Color.GRAY);
        g.setLineWidth(0.4f);
        g.moveTo(p.x(), p.y());
        g.lineTo(p.atX(), p.atY());
        g.stroke();
        g.setColorFill(Color.GRAY);
        g.circle(p.x(), p.y(), 1.2f);
        g.fill();
      }
      g.setColorFill(PALETTE[p.colour() % PALETTE.length]);
      g.setColorStroke(Color.WHITE);
      g.setLineWidth(0.6f);
      g.circle(p.atX(), p.atY(), RecordMap.PIN_RADIUS);
      g.fillStroke();
      text(g, font, 5.5f, Color.WHITE, Integer.toString(p.number()), p.atX(), p.atY() - 2);
    }
  }

  /** The colours of the categories, as on the PDF, for the results page's map. */
  static List<String> colours() {
    return java.util.Arrays.stream(PALETTE)
        .map(c -> String.format("#%02x%02x%02x", c.getRed(), c.getGreen(), c.getBlue()))
        .toList();
  }

  private static void legend(PdfTemplate g, Atelier a, float w, Locale locale) {
    BaseFont font = font();
    float x = 4;
    float y = 9;
    text(g, font, 7, INK, t(locale, "atelier.pdf.legend") + ":", x + 18, y - 2.5f);
    x += 44;
    for (int i = 0; i < a.categories().size() && x < w - 120; i++) {
      g.setColorFill(PALETTE[i % PALETTE.length]);
      g.circle(x + 4, y, 4);
      g.fill();
      String label = AtelierExports.label(locale, "atelier.category.", a.categories().get(i));
      float width = font.getWidthPoint(label, 7);
      text(g, font, 7, Color.DARK_GRAY, label, x + 11 + width / 2, y - 2.5f);
      x += 20 + width;
    }
    g.setColorStroke(AREA);
    g.setLineWidth(1.4f);
    g.setLineDash(4, 3, 0);
    g.moveTo(x, y);
    g.lineTo(x + 18, y);
    g.stroke();
    g.setLineDash(0);
    String area = t(locale, "atelier.pdf.legendArea");
    text(g, font, 7, Color.DARK_GRAY, area, x + 22 + font.getWidthPoint(area, 7) / 2, y - 2.5f);
  }

  private static void path(PdfTemplate g, List<float[]> ring) {
    for (int i = 0; i < ring.size(); i++) {
      if (i == 0) {
        g.moveTo(ring.get(i)[0], ring.get(i)[1]);
      } else {
        g.lineTo(ring.get(i)[0], ring.get(i)[1]);
      }
    }
    g.closePath();
  }

  private static void text(
      PdfTemplate g, BaseFont font, float size, Color color, String text, float cx, float y) {
    g.beginText();
    g.setFontAndSize(font, size);
    g.setColorFill(color);
    g.showTextAligned(PdfContentByte.ALIGN_CENTER, nl.veerkracht.web.PdfStyle.safe(text), cx, y, 0);
    g.endText();
  }

  private static BaseFont font() {
    try {
      return BaseFont.createFont(BaseFont.HELVETICA, BaseFont.WINANSI, BaseFont.NOT_EMBEDDED);
    } catch (java.io.IOException | DocumentException e) {
      throw new IllegalStateException(e);
    }
  }

  static List<double[][]> rings(String geometry) {
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
