package nl.veerkracht.plan;

import static nl.veerkracht.web.PdfStyle.t;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.Locale;
import java.util.Map;
import nl.veerkracht.web.Workbooks;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The begroting as a workbook a finance department pastes into its budget: sheet 1 one row per
 * measure per year and per MJOB line, amounts as numbers; sheet 2 the totals (overall, per year,
 * per lever, per source), equal to the API's.
 */
final class BudgetXlsx {

  private BudgetXlsx() {}

  static byte[] write(Budget b, Locale locale) {
    try (XSSFWorkbook wb = new XSSFWorkbook()) {
      CellStyle euro = Workbooks.euro(wb);
      Sheet rows = wb.createSheet(t(locale, "budget.sheet.rows"));
      Workbooks.header(
          wb,
          rows,
          t(locale, "budget.col.year"),
          t(locale, "budget.col.lever"),
          t(locale, "budget.col.scope"),
          t(locale, "budget.col.source"),
          t(locale, "budget.col.title"),
          t(locale, "budget.col.measure"),
          t(locale, "budget.col.movedFrom"),
          t(locale, "budget.col.amount"));
      int r = 1;
      for (Budget.Row row : b.rows()) {
        Workbooks.row(
            rows,
            r++,
            euro,
            row.year(),
            t(locale, "measure.lever." + row.lever()),
            row.scope(),
            t(locale, "budget.source." + row.source()),
            row.title(),
            row.measureId(),
            row.movedFrom(),
            row.amountEuro());
      }
      Sheet totals = wb.createSheet(t(locale, "budget.sheet.totals"));
      Workbooks.header(
          wb,
          totals,
          t(locale, "budget.col.group"),
          t(locale, "budget.col.key"),
          t(locale, "budget.col.amount"));
      r = 1;
      Workbooks.row(totals, r++, euro, t(locale, "budget.total"), "", b.totals().total());
      r = section(totals, r, euro, t(locale, "budget.col.year"), b.totals().byYear(), locale, null);
      r =
          section(
              totals,
              r,
              euro,
              t(locale, "budget.col.lever"),
              b.totals().byLever(),
              locale,
              "measure.lever.");
      section(
          totals,
          r,
          euro,
          t(locale, "budget.col.source"),
          b.totals().bySource(),
          locale,
          "budget.source.");
      Workbooks.row(
          totals,
          totals.getLastRowNum() + 2,
          null,
          t(locale, "budget.range", "from", b.from(), "to", b.to()));
      return Workbooks.bytes(wb, 8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static <K> int section(
      Sheet sheet,
      int r,
      CellStyle euro,
      String group,
      Map<K, BigDecimal> values,
      Locale locale,
      String labelPrefix) {
    for (Map.Entry<K, BigDecimal> e : values.entrySet()) {
      Object key = labelPrefix == null ? e.getKey() : t(locale, labelPrefix + e.getKey());
      Workbooks.row(sheet, r++, euro, group, key, e.getValue());
    }
    return r;
  }
}
