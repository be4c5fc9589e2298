package nl.veerkracht.plan;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import nl.veerkracht.common.InvalidInputException;
import nl.veerkracht.common.Text;
import nl.veerkracht.measure.MeasureForms;
import nl.veerkracht.measure.MeasureRequests;
import nl.veerkracht.measure.PlannedMeasure;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Reads back the sheet {@code Maatregelen} ({@code Measures}) of a beheerplan workbook someone
 * edited: per row the measure id in column A and the columns {@link PlanXlsx} wrote. Costs and
 * scope are not read (they are edited on the measure's page); the cost sheets are derived.
 */
final class PlanXlsxReader {

  static final int MAX_BYTES = 5 * 1024 * 1024;

  /** One measure row as edited; {@code row} is the spreadsheet's row number (1-based). */
  record Edited(
      int row,
      long id,
      String title,
      String lever,
      String status,
      Integer startYear,
      Integer endYear,
      String owner,
      String partners,
      String packageName,
      BigDecimal streefhuurEuro,
      String targetIndicator,
      Double targetValue,
      Integer targetYear) {}

  private PlanXlsxReader() {}

  static List<Edited> read(byte[] bytes) {
    if (bytes == null || bytes.length == 0 || bytes.length > MAX_BYTES) {
      throw invalid("plan.import.file");
    }
    try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
      Sheet sheet = wb.getSheet("Maatregelen");
      if (sheet == null) {
        sheet = wb.getSheet("Measures");
      }
      if (sheet == null) {
        throw invalid("plan.import.sheet");
      }
      List<Edited> out = new ArrayList<>();
      for (Row r : sheet) {
        if (r.getRowNum() == 0 || blank(r, 0)) {
          continue;
        }
        int n = r.getRowNum() + 1;
        out.add(
            new Edited(
                n,
                whole(r, 0, n),
                text(r, 1),
                text(r, 2),
                text(r, 3),
                integer(r, 4, n),
                integer(r, 5, n),
                text(r, 6),
                text(r, 7),
                text(r, 8),
                blank(r, 9)
                    ? null
                    : BigDecimal.valueOf(number(r, 9, n))
                        .setScale(2, java.math.RoundingMode.HALF_UP),
                blank(r, 10) ? null : text(r, 10),
                blank(r, 11) ? null : number(r, 11, n),
                integer(r, 12, n)));
      }
      return out;
    } catch (IOException | RuntimeException e) {
      if (e instanceof InvalidInputException i) {
        throw i;
      }
      throw invalid("plan.import.file");
    }
  }

  private static final DataFormatter FORMAT = new DataFormatter();

  private static boolean blank(Row r, int c) {
    Cell cell = r.getCell(c);
    return cell == null || FORMAT.formatCellValue(cell).isBlank();
  }

  private static String text(Row r, int c) {
    Cell cell = r.getCell(c);
    return cell == null ? "" : FORMAT.formatCellValue(cell).trim();
  }

  private static double number(Row r, int c, int row) {
    Cell cell = r.getCell(c);
    if (cell.getCellType() == CellType.NUMERIC) {
      return cell.getNumericCellValue();
    }
    try {
      return MeasureForms.decimal(text(r, c)).doubleValue();
    } catch (InvalidInputException e) {
      throw invalid("plan.import.number", "row", row, "column", columnName(c));
    }
  }

  private static Integer integer(Row r, int c, int row) {
    if (blank(r, c)) {
      return null;
    }
    double v = number(r, c, row);
    if (v != Math.rint(v)) {
      throw invalid("plan.import.number", "row", row, "column", columnName(c));
    }
    return (int) v;
  }

  private static long whole(Row r, int c, int row) {
    Integer v = integer(r, c, row);
    return v == null ? 0 : v;
  }

  static String columnName(int c) {
    return String.valueOf((char) ('A' + c));
  }

  private static InvalidInputException invalid(String key, Object... args) {
    return new InvalidInputException(Text.msg(key, args));
  }

  /** The measure as a request, with the workbook's fields when {@code e} is given. */
  static MeasureRequests.Measure asRequest(String corporation, PlannedMeasure p, Edited e) {
    PlannedMeasure.Target t = p.target();
    return new MeasureRequests.Measure(
        corporation,
        e == null ? p.title() : e.title(),
        e == null ? p.lever() : e.lever(),
        p.description(),
        p.areaCode(),
        p.clusterCode(),
        p.costs().stream()
            .map(c -> new MeasureRequests.CostLine(c.kind().id(), c.amountEuro()))
            .toList(),
        e == null ? p.startYear() : e.startYear(),
        e == null ? p.endYear() : e.endYear(),
        e == null ? p.owner() : e.owner(),
        e == null ? p.partners() : e.partners(),
        e == null ? p.status() : e.status(),
        e == null ? p.streefhuurEuro() : e.streefhuurEuro(),
        e == null
            ? (t == null
                ? null
                : new MeasureRequests.TargetInput(t.indicator(), t.value(), t.year()))
            : (e.targetIndicator() == null && e.targetValue() == null && e.targetYear() == null
                ? null
                : new MeasureRequests.TargetInput(
                    e.targetIndicator(), e.targetValue(), e.targetYear())),
        e == null ? p.packageName() : (e.packageName().isEmpty() ? null : e.packageName()),
        p.atelier() == null ? null : p.atelier().atelierMeasureId());
  }
}
