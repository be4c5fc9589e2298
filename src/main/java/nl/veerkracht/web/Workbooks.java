package nl.veerkracht.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Small helpers for the XLSX exports: rows whose numbers stay numbers (amounts in euros get a
 * two-decimal format, so a finance department can paste and sum them) and a bold header row.
 */
public final class Workbooks {

  private Workbooks() {}

  /** Writes a row; numbers as numeric cells, {@link BigDecimal} with {@code euro}'s format. */
  public static Row row(Sheet sheet, int index, CellStyle euro, Object... values) {
    Row row = sheet.createRow(index);
    for (int i = 0; i < values.length; i++) {
      Object v = values[i];
      if (v instanceof BigDecimal b) {
        row.createCell(i).setCellValue(b.doubleValue());
        if (euro != null) {
          row.getCell(i).setCellStyle(euro);
        }
      } else if (v instanceof Number n) {
        row.createCell(i).setCellValue(n.doubleValue());
      } else if (v != null) {
        row.createCell(i).setCellValue(v.toString());
      }
    }
    return row;
  }

  /** The style of amounts in euros: {@code #,##0.00}. */
  public static CellStyle euro(XSSFWorkbook wb) {
    CellStyle s = wb.createCellStyle();
    s.setDataFormat(wb.createDataFormat().getFormat("#,##0.00"));
    return s;
  }

  /** A header row in bold, frozen above the data. */
  public static void header(XSSFWorkbook wb, Sheet sheet, String... titles) {
    CellStyle bold = wb.createCellStyle();
    org.apache.poi.ss.usermodel.Font f = wb.createFont();
    f.setBold(true);
    bold.setFont(f);
    Row row = row(sheet, 0, null, (Object[]) titles);
    row.forEach(c -> c.setCellStyle(bold));
    sheet.createFreezePane(0, 1);
  }

  /** The workbook as bytes, with columns of a readable width. */
  public static byte[] bytes(XSSFWorkbook wb, int columns) {
    for (Sheet s : wb) {
      for (int c = 0; c < columns; c++) {
        s.setColumnWidth(c, 20 * 256);
      }
    }
    try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      wb.write(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
