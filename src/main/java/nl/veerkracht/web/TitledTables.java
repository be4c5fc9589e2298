package nl.veerkracht.web;

import static nl.veerkracht.web.PdfStyle.BODY;
import static nl.veerkracht.web.PdfStyle.H2;
import static nl.veerkracht.web.PdfStyle.cell;
import static nl.veerkracht.web.PdfStyle.header;
import static nl.veerkracht.web.PdfStyle.paragraph;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.pdf.PdfPTable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import nl.veerkracht.common.Text;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Reports made of titled tables (the yearly report, an agreement's evaluation): the same tables as
 * sections of a PDF and as the sheets of a workbook, so the two files say the same. Amounts are
 * {@link BigDecimal}s: euros in the PDF, numbers with a euro format in the workbook.
 */
public final class TitledTables {

  /** A titled table of a report. */
  public record Table(String title, List<String> header, List<List<Object>> rows) {}

  private TitledTables() {}

  /**
   * Adds each table to the document: its title, then the table, or {@code empty} when it has no
   * rows. A table of two columns gives the second (the content) most of the width.
   */
  public static void addTo(Document doc, List<Table> tables, Locale locale, String empty)
      throws DocumentException {
    for (Table table : tables) {
      doc.add(paragraph(table.title(), H2));
      if (table.rows().isEmpty()) {
        doc.add(paragraph(empty, BODY));
        continue;
      }
      PdfPTable p = new PdfPTable(table.header().size());
      p.setWidthPercentage(100);
      if (table.header().size() == 2) {
        p.setWidths(new float[] {1, 4});
      }
      table.header().forEach(h -> header(p, h));
      for (List<Object> row : table.rows()) {
        for (Object v : row) {
          p.addCell(
              cell(
                  v instanceof BigDecimal b
                      ? Text.euro(b.doubleValue(), 2).in(locale)
                      : String.valueOf(v),
                  BODY));
        }
      }
      doc.add(p);
    }
  }

  /** The tables as a workbook: a sheet each, named by its title, with a bold header row. */
  public static byte[] xlsx(List<Table> tables) {
    try (XSSFWorkbook wb = new XSSFWorkbook()) {
      CellStyle euro = Workbooks.euro(wb);
      for (Table table : tables) {
        Sheet s = wb.createSheet(table.title().replaceAll("[\\\\/?*\\[\\]:]", " "));
        Workbooks.header(wb, s, table.header().toArray(String[]::new));
        int i = 1;
        for (List<Object> row : table.rows()) {
          Workbooks.row(s, i++, euro, row.toArray());
        }
      }
      return Workbooks.bytes(wb, 8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
