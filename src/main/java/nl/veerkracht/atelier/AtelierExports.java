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
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import nl.veerkracht.area.domain.AreaCode;
import nl.veerkracht.area.domain.AreaLevel;
import nl.veerkracht.common.Text;
import nl.veerkracht.map.Detail;
import nl.veerkracht.map.MapGeometryRepository;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The record of an atelier: results as JSON, XLSX (pins, answers, votes, ranking), PDF (map with
 * pins, figure cards with the room's answers, ranked measures, counts) and GeoJSON. The record
 * follows the room's rules for what the room may see: no identities, and in a resident atelier no
 * position of a pin within 25 m of a home (only its buurt). Every text goes in as text.
 */
@Service
public class AtelierExports {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final AtelierViews views;
  private final FigureCards figureCards;
  private final AtelierRepository repository;
  private final MapGeometryRepository geometry;

  public AtelierExports(
      AtelierViews views,
      FigureCards figureCards,
      AtelierRepository repository,
      MapGeometryRepository geometry) {
    this.views = views;
    this.figureCards = figureCards;
    this.repository = repository;
    this.geometry = geometry;
  }

  public Map<String, Object> results(Atelier a, Caller caller) {
    AtelierViews.Lens lens = AtelierViews.lens(caller, false);
    Map<String, Object> out = new LinkedHashMap<>();
    Map<String, Object> atelier = new LinkedHashMap<>();
    atelier.put("id", a.id());
    atelier.put("name", a.name());
    atelier.put("type", a.kind().name().toLowerCase(Locale.ROOT));
    atelier.put("phase", a.phase().name());
    atelier.put("areaCodes", a.areaCodes());
    atelier.put("heldOn", a.heldOn());
    out.put("atelier", atelier);
    out.put("participantCount", repository.participants(a.id()).size());
    out.put("problemAreas", views.problemAreas(a, caller, lens));
    out.put("cards", figureCards.cards(a));
    out.put("answers", views.answers(a, caller));
    out.put("counts", views.counts(a));
    return out;
  }

  public AtelierResultsView resultsView(Atelier a, Caller caller) {
    Map<String, AtelierViews.CardAnswers> answers = new LinkedHashMap<>();
    views.answers(a, caller).forEach(c -> answers.put(c.card(), c));
    return new AtelierResultsView(
        a,
        caller instanceof Caller.Staff,
        repository.participants(a.id()).size(),
        views.problemAreas(a, caller, AtelierViews.lens(caller, false)),
        figureCards.cards(a),
        answers,
        views.counts(a));
  }

  /** The pins of the record: visible ones, merged and hidden ones left out. */
  private List<AtelierRepository.Pin> recordPins(Atelier a) {
    return repository.pins(a.id()).stream().filter(p -> "VISIBLE".equals(p.status())).toList();
  }

  /** Whether the record may show where this pin is (not near a home in a resident atelier). */
  private static boolean placed(Atelier a, AtelierRepository.Pin p) {
    return !(a.residents() && p.nearHome());
  }

  public String outlinesGeoJson(Atelier a) {
    ObjectNode fc = JSON.createObjectNode();
    fc.put("type", "FeatureCollection");
    ArrayNode features = fc.putArray("features");
    for (MapGeometryRepository.Shape s : shapes(a)) {
      ObjectNode f = features.addObject();
      f.put("type", "Feature");
      f.putObject("properties").put("code", s.code()).put("name", s.name());
      f.set("geometry", JSON.readTree(s.geometry()));
    }
    return JSON.writeValueAsString(fc);
  }

  private List<MapGeometryRepository.Shape> shapes(Atelier a) {
    List<MapGeometryRepository.Shape> out = new ArrayList<>();
    for (String code : a.areaCodes()) {
      Optional<AreaCode> c = AreaCode.parse(code);
      if (c.isPresent()) {
        out.addAll(geometry.shapes(AreaLevel.BUURT, a.areaYear(), c, Detail.DETAIL));
      }
    }
    return out;
  }

  public byte[] pinsGeoJson(Atelier a, Caller caller) {
    ObjectNode fc = JSON.createObjectNode();
    fc.put("type", "FeatureCollection");
    fc.put("name", a.name());
    ArrayNode features = fc.putArray("features");
    for (AtelierRepository.Pin p : recordPins(a)) {
      ObjectNode f = features.addObject();
      f.put("type", "Feature");
      ObjectNode props = f.putObject("properties");
      props.put("id", p.id());
      props.put("category", p.category());
      props.put("theme", p.theme());
      props.put("text", p.body());
      props.put("buurtCode", p.buurtCode());
      props.put("buurtYear", p.buurtYear());
      if (caller instanceof Caller.Staff && !a.residents()) {
        props.put("complexCode", p.complexCode());
      }
      if (placed(a, p)) {
        ObjectNode g = f.putObject("geometry");
        g.put("type", "Point");
        g.putArray("coordinates").add(round(p.lon())).add(round(p.lat()));
      } else {
        f.putNull("geometry");
        props.put("nearHome", true);
      }
    }
    return JSON.writeValueAsBytes(fc);
  }

  private static double round(double v) {
    return Math.round(v * 1e6) / 1e6;
  }

  public byte[] xlsx(Atelier a, Caller caller, Locale locale) {
    try (XSSFWorkbook wb = new XSSFWorkbook();
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      Sheet pins = wb.createSheet("Pins");
      row(
          pins,
          0,
          "id",
          t(locale, "atelier.col.category"),
          t(locale, "atelier.col.theme"),
          t(locale, "atelier.col.text"),
          "lat",
          "lon",
          "buurt",
          t(locale, "atelier.col.year"),
          t(locale, "atelier.col.complex"));
      int r = 1;
      for (AtelierRepository.Pin p : recordPins(a)) {
        boolean at = placed(a, p);
        row(
            pins,
            r++,
            p.id(),
            p.category(),
            p.theme(),
            p.body(),
            at ? round(p.lat()) : t(locale, "atelier.nearHome.short"),
            at ? round(p.lon()) : "",
            p.buurtCode(),
            p.buurtYear(),
            a.residents() ? "" : p.complexCode());
      }
      Sheet answers = wb.createSheet(t(locale, "atelier.sheet.answers"));
      row(
          answers,
          0,
          t(locale, "atelier.col.card"),
          t(locale, "atelier.answer.RECOGNISED"),
          t(locale, "atelier.answer.NOT_RECOGNISED"),
          t(locale, "atelier.answer.DONT_KNOW"),
          t(locale, "atelier.col.remarks"));
      r = 1;
      Map<String, FigureCards.Card> cards = cardsById(a);
      for (AtelierViews.CardAnswers c : views.answers(a, caller)) {
        row(
            answers,
            r++,
            cards.containsKey(c.card()) ? cards.get(c.card()).title().in(locale) : c.card(),
            c.counts().get("RECOGNISED"),
            c.counts().get("NOT_RECOGNISED"),
            c.counts().get("DONT_KNOW"),
            String.join(" | ", c.remarks()));
      }
      Sheet ranking = wb.createSheet(t(locale, "atelier.sheet.ranking"));
      row(
          ranking,
          0,
          t(locale, "atelier.col.problemArea"),
          t(locale, "atelier.col.rank"),
          t(locale, "atelier.col.measure"),
          t(locale, "atelier.col.lever"),
          t(locale, "atelier.col.votes"));
      r = 1;
      for (AtelierViews.AreaView pa : views.problemAreas(a, caller, AtelierViews.Lens.STAFF)) {
        for (AtelierViews.MeasureView m : pa.measures()) {
          row(
              ranking,
              r++,
              pa.name(),
              m.rank(),
              m.title(),
              t(locale, "atelier.lever." + m.lever()),
              m.votes());
        }
      }
      Sheet votes = wb.createSheet(t(locale, "atelier.sheet.votes"));
      row(votes, 0, t(locale, "atelier.col.measure"), t(locale, "atelier.col.votes"));
      r = 1;
      Map<Long, String> titles = new LinkedHashMap<>();
      repository.measures(a.id()).forEach(m -> titles.put(m.id(), m.title()));
      Map<Long, Integer> perMeasure = new LinkedHashMap<>();
      for (AtelierRepository.Vote v : repository.votes(a.id())) {
        perMeasure.merge(v.measureId(), v.votes(), Integer::sum);
      }
      for (Map.Entry<Long, Integer> e : perMeasure.entrySet()) {
        row(votes, r++, titles.get(e.getKey()), e.getValue());
      }
      for (Sheet s : List.of(pins, answers, ranking, votes)) {
        for (int c = 0; c < 6; c++) {
          s.setColumnWidth(c, 22 * 256);
        }
      }
      wb.write(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void row(Sheet sheet, int index, Object... values) {
    Row row = sheet.createRow(index);
    for (int i = 0; i < values.length; i++) {
      Object v = values[i];
      if (v instanceof Number n) {
        row.createCell(i).setCellValue(n.doubleValue());
      } else if (v != null) {
        row.createCell(i).setCellValue(v.toString());
      }
    }
  }

  private Map<String, FigureCards.Card> cardsById(Atelier a) {
    Map<String, FigureCards.Card> out = new LinkedHashMap<>();
    figureCards.cards(a).forEach(c -> out.put(c.id(), c));
    return out;
  }

  public byte[] pdf(Atelier a, Caller caller, Locale locale) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Document doc = new Document(PageSize.A4, 36, 36, 36, 36);
    try {
      PdfWriter writer = PdfWriter.getInstance(doc, out);
      doc.open();
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

      doc.add(paragraph(t(locale, "atelier.pdf.pins"), H2));
      PdfPTable pinTable = new PdfPTable(new float[] {2, 2, 2, 6});
      pinTable.setWidthPercentage(100);
      header(pinTable, t(locale, "atelier.col.category"));
      header(pinTable, t(locale, "atelier.col.theme"));
      header(pinTable, "buurt");
      header(pinTable, t(locale, "atelier.col.text"));
      for (AtelierRepository.Pin p : recordPins(a)) {
        pinTable.addCell(cell(label(locale, "atelier.category.", p.category()), BODY));
        pinTable.addCell(
            cell(p.theme() == null ? "" : label(locale, "atelier.theme.", p.theme()), BODY));
        pinTable.addCell(cell(p.buurtCode() == null ? "" : p.buurtCode(), BODY));
        pinTable.addCell(cell(p.body(), BODY));
      }
      doc.add(pinTable);

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
                table.addCell(cell(label(locale, "atelier.category.", k), BODY));
                table.addCell(cell(Integer.toString(n), BODY));
              });
      header(table, t(locale, "atelier.col.theme"));
      header(table, t(locale, "atelier.col.pins"));
      counts
          .get("byTheme")
          .forEach(
              (k, n) -> {
                table.addCell(cell(label(locale, "atelier.theme.", k), BODY));
                table.addCell(cell(Integer.toString(n), BODY));
              });
      doc.add(table);
      doc.add(paragraph(t(locale, "atelier.pdf.source"), SMALL));
      doc.close();
    } catch (DocumentException e) {
      throw new IllegalStateException(e);
    }
    return out.toByteArray();
  }

  /** A category or theme by its name in the bundles, or as the facilitator typed it. */
  static String label(Locale locale, String prefix, String key) {
    return nl.veerkracht.common.Messages.has(prefix + key) ? t(locale, prefix + key) : key;
  }

  private void drawMap(PdfTemplate g, Atelier a, float w, float h) {
    List<double[][]> rings = new ArrayList<>();
    for (MapGeometryRepository.Shape s : shapes(a)) {
      rings.addAll(rings(s.geometry()));
    }
    List<AtelierRepository.Pin> pins = recordPins(a).stream().filter(p -> placed(a, p)).toList();
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
    for (AtelierRepository.Pin p : pins) {
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
    for (AtelierRepository.Pin p : pins) {
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
