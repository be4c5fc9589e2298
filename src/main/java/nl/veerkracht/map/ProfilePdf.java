package nl.veerkracht.map;

import static nl.veerkracht.web.PdfStyle.BODY;
import static nl.veerkracht.web.PdfStyle.BOLD;
import static nl.veerkracht.web.PdfStyle.H2;
import static nl.veerkracht.web.PdfStyle.SMALL;
import static nl.veerkracht.web.PdfStyle.TITLE;
import static nl.veerkracht.web.PdfStyle.cell;
import static nl.veerkracht.web.PdfStyle.header;
import static nl.veerkracht.web.PdfStyle.safe;

import com.lowagie.text.Chunk;
import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.Image;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfTemplate;
import com.lowagie.text.pdf.PdfWriter;
import java.io.ByteArrayOutputStream;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import nl.veerkracht.map.AreaProfile.Cell;
import nl.veerkracht.map.AreaProfile.DerivedRow;
import nl.veerkracht.map.AreaProfile.FigureRow;
import nl.veerkracht.map.AreaProfile.KeyRow;
import nl.veerkracht.web.Page;
import nl.veerkracht.web.PdfStyle;
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

  private final AreaProfile v;
  private final Locale locale;
  private final Document doc = new Document(PageSize.A4, 40, 40, 40, 40);
  private PdfWriter writer;

  private ProfilePdf(AreaProfile v, Locale locale) {
    this.v = v;
    this.locale = locale;
  }

  static byte[] render(AreaProfile v, Outlines outlines, Locale locale, LocalDate today) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ProfilePdf pdf = new ProfilePdf(v, locale);
    pdf.writer = PdfWriter.getInstance(pdf.doc, out);
    pdf.doc.addTitle(pdf.t("apdf.doc", "name", v.area().name()));
    pdf.doc.addCreator("Veerkracht");
    pdf.doc.open();
    pdf.title(today);
    pdf.story();
    pdf.map(outlines);
    pdf.analysis();
    pdf.keyFigures();
    pdf.trend();
    pdf.dimensions();
    pdf.allFigures();
    pdf.sources(outlines);
    pdf.doc.close();
    return out.toByteArray();
  }

  private void title(LocalDate today) {
    String level = v.area().level().id();
    String name = v.area().name();
    add(t(level.equals("buurt") ? "apdf.title.buurt" : "apdf.title", "name", name), TITLE);
    String gemeente =
        v.gemeenteName() == null ? "" : t("apdf.inGemeente", "name", v.gemeenteName());
    add(
        t(
            "apdf.subtitle",
            "level",
            level,
            "code",
            v.area().code().value(),
            "gemeente",
            gemeente,
            "year",
            v.year(),
            "date",
            today),
        SMALL);
    doc.add(Chunk.NEWLINE);
  }

  private void map(Outlines outlines) {
    if (outlines.shapes().isEmpty()) {
      return;
    }
    float w = 515;
    float h = 220;
    PdfTemplate map = writer.getDirectContent().createTemplate(w, h);
    PdfDrawing.drawMap(map, outlines, v.area().code().value(), w, h);
    doc.add(Image.getInstance(map));
    add(
        t(
            "apdf.map",
            "name",
            v.area().name(),
            "levels",
            t("level.plural." + v.area().level().id()),
            "year",
            outlines.year()),
        SMALL);
    doc.add(Chunk.NEWLINE);
  }

  private void story() {
    if (v.story().isEmpty()) {
      return;
    }
    add(t("story.title"), H2);
    for (var sentence : v.story()) {
      add(sentence.in(locale), BODY);
    }
  }

  private void analysis() {
    if (v.analysis().isEmpty()) {
      return;
    }
    add(t("apdf.analysis"), H2);
    add(t("apdf.analysis.intro"), SMALL);
    for (DerivedRow d : v.analysis()) {
      Paragraph p = new Paragraph();
      p.add(new Chunk(safe(d.label() + " (" + d.year() + "): "), BOLD));
      p.add(new Chunk(safe(d.value()), BODY));
      doc.add(p);
      add(d.explanation() + " " + t("apdf.derivedSource", "year", d.year()), SMALL);
    }
    doc.add(Chunk.NEWLINE);
  }

  private void keyFigures() {
    if (v.keyFigures().isEmpty()) {
      return;
    }
    add(t("apdf.key"), H2);
    boolean gm = v.gemeenteName() != null;
    PdfPTable table = new PdfPTable(gm ? 6 : 5);
    table.setWidthPercentage(100);
    table.setSpacingBefore(4);
    header(table, t("apdf.col.figure"));
    header(table, v.area().name());
    if (gm) {
      header(table, v.gemeenteName());
    }
    header(table, t("apdf.col.netherlands"));
    header(table, t("apdf.col.peers"));
    header(table, t("apdf.col.source"));
    for (KeyRow k : v.keyFigures()) {
      table.addCell(cell(k.label() + (k.unit().isEmpty() ? "" : " (" + k.unit() + ")"), BODY));
      table.addCell(value(k.area()));
      if (gm) {
        table.addCell(value(k.gemeente()));
      }
      table.addCell(value(k.nl()));
      table.addCell(value(k.peers()));
      String year = k.area().year() == null ? "" : ", " + k.area().year();
      table.addCell(cell(k.source() + year, SMALL));
    }
    doc.add(table);
    doc.add(Chunk.NEWLINE);
  }

  private void trend() {
    if (v.trendJson().isEmpty()) {
      return;
    }
    JsonNode trend = JSON.readTree(v.trendJson());
    add(trend.path("label").asString(), H2);
    PdfPTable table = new PdfPTable(trend.path("years").size());
    table.setWidthPercentage(100);
    for (JsonNode y : trend.path("years")) {
      header(table, y.asString());
    }
    for (JsonNode val : trend.path("values")) {
      table.addCell(right(Page.format(val.asDouble(), 3, locale)));
    }
    doc.add(table);
    add(t("apdf.source", "source", trend.path("source").asString()), SMALL);
    doc.add(Chunk.NEWLINE);
  }

  private void dimensions() {
    if (v.dimensionsJson().isEmpty()) {
      return;
    }
    JsonNode dims = JSON.readTree(v.dimensionsJson());
    add(t("apdf.dimensions"), H2);
    float w = 515;
    float h = 18 * dims.path("values").size() + 8;
    PdfTemplate chart = writer.getDirectContent().createTemplate(w, h);
    PdfDrawing.drawBars(chart, dims, w, h, locale);
    doc.add(Image.getInstance(chart));
    String source = dims.path("source").asString() + ", " + dims.path("year").asInt();
    add(t("apdf.source", "source", source), SMALL);
    doc.add(Chunk.NEWLINE);
  }

  private void allFigures() {
    add(t("apdf.all", "year", v.year()), H2);
    PdfPTable all = new PdfPTable(new float[] {5, 2, 1.4f, 4});
    all.setWidthPercentage(100);
    all.setSpacingBefore(4);
    all.setHeaderRows(1);
    for (String key :
        List.of("apdf.col.figure", "apdf.col.value", "apdf.col.unit", "apdf.col.sourceYear")) {
      header(all, t(key));
    }
    int sourceNamed = 0;
    for (FigureRow r : v.figures()) {
      if (AreaProfileService.sourceNamed(r.indicatorId())) {
        sourceNamed++;
        continue;
      }
      all.addCell(cell(r.label(), BODY));
      all.addCell(right(figure(r)));
      all.addCell(cell(r.unit() == null ? "" : r.unit(), SMALL));
      all.addCell(cell((r.source() == null ? "" : r.source()) + ", " + v.year(), SMALL));
    }
    doc.add(all);
    if (sourceNamed > 0) {
      add(t("apdf.sourceNamed", "n", sourceNamed), SMALL);
    }
    doc.add(Chunk.NEWLINE);
  }

  private String figure(FigureRow r) {
    if ("ok".equals(r.status()) && r.value() != null) {
      return Page.format(r.value(), r.decimals(), locale);
    }
    return t("secret".equals(r.status()) ? "value.suppressed" : "value.unknown");
  }

  private void sources(Outlines outlines) {
    add(t("apdf.sources"), H2);
    for (String credit : v.credits()) {
      add("• " + credit, BODY);
    }
    add(t("apdf.mapCredit", "year", outlines.year()), BODY);
  }

  private static PdfPCell value(Cell c) {
    return right(c.text() + (c.year() == null ? "" : " (" + c.year() + ")"));
  }

  private static PdfPCell right(String text) {
    PdfPCell c = cell(text, BODY);
    c.setHorizontalAlignment(Element.ALIGN_RIGHT);
    return c;
  }

  private String t(String key, Object... args) {
    return PdfStyle.t(locale, key, args);
  }

  private void add(String text, Font font) {
    doc.add(new Paragraph(safe(text), font));
  }
}
