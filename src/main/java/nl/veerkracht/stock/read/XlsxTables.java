package nl.veerkracht.stock.read;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import nl.veerkracht.imports.read.CsvTable;
import nl.veerkracht.imports.read.Rejection;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;

/**
 * Reads the first sheet of an Excel workbook as a table of text cells: the first non-empty row is
 * the header; numbers are written without thousands separators and with a decimal point; dates as
 * ISO dates. Line numbers are Excel's row numbers.
 */
public final class XlsxTables {

  private XlsxTables() {}

  public static CsvTable read(String fileName, InputStream in) throws IOException {
    List<Rejection> problems = new ArrayList<>();
    try (Workbook workbook = WorkbookFactory.create(in)) {
      Sheet sheet = workbook.getSheetAt(0);
      DataFormatter formatter = new DataFormatter(java.util.Locale.ROOT);
      List<String> header = null;
      List<CsvTable.Row> rows = new ArrayList<>();
      for (Row row : sheet) {
        int last = Math.max(row.getLastCellNum(), header == null ? 0 : header.size());
        String[] cells = new String[Math.max(last, 0)];
        boolean empty = true;
        for (int c = 0; c < cells.length; c++) {
          cells[c] = text(row.getCell(c), formatter);
          if (cells[c] != null && !cells[c].isBlank()) {
            empty = false;
          }
        }
        if (empty) {
          continue;
        }
        if (header == null) {
          List<String> h = new ArrayList<>();
          for (String cell : cells) {
            h.add(cell == null ? "" : cell.strip());
          }
          header = h;
          continue;
        }
        String[] sized = new String[header.size()];
        System.arraycopy(cells, 0, sized, 0, Math.min(cells.length, sized.length));
        rows.add(new CsvTable.Row(row.getRowNum() + 1, sized));
      }
      if (header == null) {
        problems.add(new Rejection(fileName, 0, null, "the first sheet is empty"));
        header = List.of();
      }
      return CsvTable.of(header, rows, problems);
    } catch (org.apache.poi.EmptyFileException | org.apache.poi.UnsupportedFileFormatException e) {
      problems.add(
          new Rejection(
              fileName, 0, null, "not a readable Excel workbook (" + e.getMessage() + ")"));
      return CsvTable.of(List.of(), List.of(), problems);
    }
  }

  private static String text(Cell cell, DataFormatter formatter) {
    if (cell == null) {
      return null;
    }
    CellType type =
        cell.getCellType() == CellType.FORMULA
            ? cell.getCachedFormulaResultType()
            : cell.getCellType();
    if (type == CellType.NUMERIC) {
      if (DateUtil.isCellDateFormatted(cell)) {
        return cell.getLocalDateTimeCellValue().toLocalDate().toString();
      }
      double d = cell.getNumericCellValue();
      if (d == Math.rint(d) && Math.abs(d) < 1e15) {
        return Long.toString((long) d);
      }
      return Double.toString(d);
    }
    if (type == CellType.BOOLEAN) {
      return Boolean.toString(cell.getBooleanCellValue());
    }
    if (type == CellType.BLANK) {
      return null;
    }
    return formatter.formatCellValue(cell);
  }
}
