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
import com.lowagie.text.Element;
import com.lowagie.text.PageSize;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;

/**
 * The begroting as a PDF for the board: the year × lever table (the same table as the XLSX's totals
 * sheet, equal to the API's totals), then the rows behind it per year.
 */
final class BudgetPdf {

  private BudgetPdf() {}

  static byte[] write(Budget b, String corporationName, Locale locale) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Document doc = new Document(PageSize.A4.rotate(), 36, 36, 36, 36);
    try {
      PdfWriter.getInstance(doc, out);
      doc.open();
      doc.add(paragraph(t(locale, "budget.title") + ": " + corporationName, TITLE));
      doc.add(
          paragraph(
              t(locale, "budget.range", "from", b.from(), "to", b.to())
                  + " · "
                  + t(locale, "budget.pdf.made", "date", java.time.LocalDate.now().toString()),
              BODY));
      doc.add(paragraph(t(locale, "budget.pdf.table"), H2));
      List<List<Object>> table = BudgetXlsx.table(b, locale);
      PdfPTable p = new PdfPTable(table.get(0).size());
      p.setWidthPercentage(100);
      p.setHeaderRows(1);
      table.get(0).forEach(h -> header(p, String.valueOf(h)));
      for (int i = 1; i < table.size(); i++) {
        boolean last = i == table.size() - 1;
        for (Object v : table.get(i)) {
          PdfPCell c =
              cell(
                  v instanceof BigDecimal d ? PlanTexts.euro(d, locale) : String.valueOf(v),
                  last ? BOLD : BODY);
          if (v instanceof BigDecimal) {
            c.setHorizontalAlignment(Element.ALIGN_RIGHT);
          }
          p.addCell(c);
        }
      }
      doc.add(p);
      doc.add(paragraph(t(locale, "budget.pdf.rows"), H2));
      PdfPTable rows = new PdfPTable(new float[] {1, 2, 2, 1.2f, 4, 1.6f});
      rows.setWidthPercentage(100);
      rows.setHeaderRows(1);
      for (String h :
          List.of(
              "budget.col.year",
              "budget.col.lever",
              "budget.col.scope",
              "budget.col.source",
              "budget.col.title",
              "budget.col.amount")) {
        header(rows, t(locale, h));
      }
      for (Budget.Row r : b.rows()) {
        rows.addCell(cell(String.valueOf(r.year()), BODY));
        rows.addCell(cell(t(locale, "measure.lever." + r.lever()), BODY));
        rows.addCell(cell(r.scope(), BODY));
        rows.addCell(cell(t(locale, "budget.source." + r.source()), BODY));
        rows.addCell(
            cell(
                r.movedFrom() == null
                    ? r.title()
                    : r.title() + " " + t(locale, "budget.pdf.moved", "year", r.movedFrom()),
                BODY));
        PdfPCell amount = cell(PlanTexts.euro(r.amountEuro(), locale), BODY);
        amount.setHorizontalAlignment(Element.ALIGN_RIGHT);
        rows.addCell(amount);
      }
      doc.add(rows);
      doc.add(paragraph(t(locale, "budget.pdf.note"), SMALL));
      doc.close();
    } catch (DocumentException e) {
      throw new IllegalStateException(e);
    }
    return out.toByteArray();
  }
}
