package nl.veerkracht.allocation;

import static nl.veerkracht.web.PdfStyle.BODY;
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
import java.util.List;
import java.util.Locale;
import nl.veerkracht.allocation.domain.Route;
import nl.veerkracht.common.Text;

/**
 * Two scenarios for a complex on one landscape page, for the board or a beheerplan's appendix: per
 * scenario the vulnerable share per year with its P10–P90 band and the route mix, then the warnings
 * and the assumptions.
 */
final class AllocationPdf {

  private AllocationPdf() {}

  static byte[] write(AllocationViews.Comparison c, Locale locale) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Document doc = new Document(PageSize.A4.rotate(), 30, 30, 30, 30);
    try {
      PdfWriter.getInstance(doc, out);
      doc.open();
      doc.add(
          paragraph(
              t(locale, "allocation.title") + ": " + c.complex() + " " + c.complexName(), TITLE));
      doc.add(
          paragraph(
              t(
                  locale,
                  "allocation.pdf.basis",
                  "households",
                  c.households(),
                  "from",
                  c.calibratedFrom(),
                  "to",
                  c.calibratedTo(),
                  "lettings",
                  c.lettingsInWindow(),
                  "runs",
                  c.runs()),
              BODY));
      for (AllocationViews.ScenarioResult s : List.of(c.a(), c.b())) {
        doc.add(paragraph(s.label().in(locale), H2));
        PdfPTable table = new PdfPTable(4 + Route.COUNT);
        table.setWidthPercentage(100);
        header(table, t(locale, "allocation.col.year"));
        header(table, t(locale, "allocation.col.expected"));
        header(table, "P10");
        header(table, "P90");
        for (Route r : Route.values()) {
          header(table, t(locale, "allocation.route." + r.id()));
        }
        for (AllocationViews.YearRow y : s.years()) {
          table.addCell(cell(Integer.toString(y.year()), BODY));
          table.addCell(cell(pct(y.expected(), locale), BODY));
          table.addCell(cell(pct(y.p10(), locale), BODY));
          table.addCell(cell(pct(y.p90(), locale), BODY));
          for (Route r : Route.values()) {
            table.addCell(cell(pct(y.routes().get(r.id()), locale), BODY));
          }
        }
        doc.add(table);
        for (Text w : s.warnings()) {
          doc.add(paragraph(w.in(locale), BODY));
        }
      }
      doc.add(paragraph(t(locale, "allocation.assumptions"), H2));
      for (Text a : c.assumptions()) {
        doc.add(paragraph("- " + a.in(locale), SMALL));
      }
      doc.close();
    } catch (DocumentException e) {
      throw new IllegalStateException(e);
    }
    return out.toByteArray();
  }

  private static String pct(double share, Locale locale) {
    return Text.grouped(share * 100, 1).in(locale) + " %";
  }
}
