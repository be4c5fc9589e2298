package nl.veerkracht.plan;

import static nl.veerkracht.web.PdfStyle.BODY;
import static nl.veerkracht.web.PdfStyle.BOLD;
import static nl.veerkracht.web.PdfStyle.H2;
import static nl.veerkracht.web.PdfStyle.SMALL;
import static nl.veerkracht.web.PdfStyle.TITLE;
import static nl.veerkracht.web.PdfStyle.cell;
import static nl.veerkracht.web.PdfStyle.header;
import static nl.veerkracht.web.PdfStyle.paragraph;
import static nl.veerkracht.web.PdfStyle.t;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.PageSize;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.util.Locale;
import java.util.TreeSet;
import nl.veerkracht.atelier.FigureCards;
import nl.veerkracht.common.Text;

/**
 * The beheerplan for the board: context figures, the atelier outcome, the measures with planning,
 * cost per year and target, MJOB lines taken up, partners and agreements, and the sources.
 */
public final class PlanPdf {

  private PlanPdf() {}

  static byte[] write(PlanService.Shown shown, Locale locale) {
    return write(shown.content(), PlanTexts.version(shown, locale), true, locale);
  }

  /**
   * The plan as a partner reads it: {@code versionLine} under the title, no amounts (the content
   * comes redacted; the cost column and the cost table are left out).
   */
  public static byte[] writeShared(PlanContent c, String versionLine, Locale locale) {
    return write(c, versionLine, false, locale);
  }

  private static byte[] write(PlanContent c, String versionLine, boolean money, Locale locale) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Document doc = new Document(PageSize.A4.rotate(), 36, 36, 36, 36);
    try {
      PdfWriter.getInstance(doc, out);
      doc.open();
      doc.add(
          paragraph(t(locale, "plan.title", "name", c.scopeName(), "code", c.scopeCode()), TITLE));
      doc.add(paragraph(c.corporationName() + " · " + versionLine, BODY));
      if (!c.summary().isEmpty()) {
        doc.add(paragraph(c.summary(), BODY));
      }
      context(doc, c, locale);
      ateliers(doc, c, locale);
      measures(doc, c, money, locale);
      if (money) {
        costs(doc, c, locale);
      }
      doc.add(paragraph(t(locale, "plan.partners"), H2));
      doc.add(paragraph(c.partners().isEmpty() ? "–" : String.join(", ", c.partners()), BODY));
      doc.add(paragraph(t(locale, "plan.agreements"), BOLD));
      doc.add(paragraph(c.agreements().isEmpty() ? "–" : c.agreements(), BODY));
      doc.add(paragraph(t(locale, "plan.sources"), H2));
      for (String s : c.sources()) {
        doc.add(paragraph("– " + s, SMALL));
      }
      doc.close();
    } catch (DocumentException e) {
      throw new IllegalStateException(e);
    }
    return out.toByteArray();
  }

  private static void context(Document doc, PlanContent c, Locale locale) throws DocumentException {
    doc.add(paragraph(t(locale, "plan.context", "units", c.units()), H2));
    PdfPTable table = new PdfPTable(new float[] {3, 5, 3});
    table.setWidthPercentage(100);
    header(table, t(locale, "plan.col.figure"));
    header(table, t(locale, "plan.col.values"));
    header(table, t(locale, "plan.col.source"));
    for (FigureCards.Card card : c.context()) {
      table.addCell(cell(card.title().in(locale), BODY));
      table.addCell(cell(PlanTexts.values(card, locale), BODY));
      table.addCell(cell(card.source() == null ? "–" : card.source(), SMALL));
    }
    doc.add(table);
  }

  private static void ateliers(Document doc, PlanContent c, Locale locale)
      throws DocumentException {
    doc.add(paragraph(t(locale, "plan.ateliers"), H2));
    if (c.ateliers().isEmpty()) {
      doc.add(paragraph(t(locale, "plan.ateliers.none"), BODY));
      return;
    }
    for (PlanContent.AtelierOutcome o : c.ateliers()) {
      doc.add(paragraph(PlanTexts.outcome(o, locale).in(locale), BODY));
    }
  }

  private static void measures(Document doc, PlanContent c, boolean money, Locale locale)
      throws DocumentException {
    doc.add(paragraph(t(locale, money ? "plan.measures" : "partner.plan.measures"), H2));
    PdfPTable table =
        new PdfPTable(money ? new float[] {4, 2, 2, 2, 3, 4, 2} : new float[] {4, 2, 2, 2, 3, 4});
    table.setWidthPercentage(100);
    java.util.List<String> headers =
        new java.util.ArrayList<>(
            java.util.List.of(
                "measure.col.title",
                "measure.col.lever",
                "measure.col.status",
                "measure.col.years",
                "measure.col.owner",
                "measure.col.target"));
    if (money) {
      headers.add("measure.col.total");
    }
    for (String h : headers) {
      header(table, t(locale, h));
    }
    for (PlanContent.Entry e : c.measures()) {
      StringBuilder title = new StringBuilder(e.title());
      for (PlanContent.MjobEntry l : e.mjob()) {
        title.append("\nMJOB ").append(PlanTexts.mjob(l, locale));
      }
      for (Text w : e.warnings()) {
        title.append("\n! ").append(w.in(locale));
      }
      table.addCell(cell(title.toString(), BODY));
      table.addCell(cell(t(locale, "measure.lever." + e.lever()), BODY));
      table.addCell(cell(t(locale, "measure.status." + e.status()), BODY));
      table.addCell(cell(e.startYear() + "–" + e.endYear(), BODY));
      table.addCell(
          cell(
              e.owner()
                  + (e.owner().isEmpty() || e.partners().isEmpty() ? "" : " · ")
                  + e.partners(),
              BODY));
      table.addCell(cell(PlanTexts.target(e.target(), locale), BODY));
      if (money) {
        table.addCell(cell(PlanTexts.euro(e.total(), locale), BODY));
      }
    }
    doc.add(table);
  }

  private static void costs(Document doc, PlanContent c, Locale locale) throws DocumentException {
    TreeSet<Integer> years = new TreeSet<>();
    c.measures().forEach(e -> years.addAll(e.perYear().keySet()));
    if (years.isEmpty()) {
      return;
    }
    doc.add(paragraph(t(locale, "plan.costs"), H2));
    PdfPTable table = new PdfPTable(years.size() + 1);
    table.setWidthPercentage(100);
    header(table, t(locale, "measure.col.title"));
    years.forEach(y -> header(table, Integer.toString(y)));
    for (PlanContent.Entry e : c.measures()) {
      table.addCell(cell(e.title(), BODY));
      for (int y : years) {
        BigDecimal v = e.perYear().get(y);
        table.addCell(cell(v == null ? "" : PlanTexts.euro(v, locale), BODY));
      }
    }
    table.addCell(cell(t(locale, "budget.total"), BOLD));
    for (int y : years) {
      BigDecimal sum = BigDecimal.ZERO;
      for (PlanContent.Entry e : c.measures()) {
        sum = sum.add(e.perYear().getOrDefault(y, BigDecimal.ZERO));
      }
      table.addCell(cell(PlanTexts.euro(sum, locale), BOLD));
    }
    doc.add(table);
    doc.add(paragraph(t(locale, "plan.costs.note"), SMALL));
  }
}
