package nl.veerkracht.plan;

import static nl.veerkracht.web.PdfStyle.t;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import nl.veerkracht.web.Workbooks;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The begroting as a workbook a finance department pastes into its budget: sheet 1 one row per
 * measure per year and per MJOB line, amounts as numbers; sheet 2 the totals as a year × lever
 * table (with row and column totals) and per source, equal to the API's.
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
      List<List<Object>> table = table(b, locale);
      Workbooks.header(
          wb, totals, table.get(0).stream().map(String::valueOf).toArray(String[]::new));
      r = 1;
      for (List<Object> row : table.subList(1, table.size())) {
        Workbooks.row(totals, r++, euro, row.toArray());
      }
      r++;
      Workbooks.row(totals, r++, null, t(locale, "budget.col.source"));
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

  /**
   * The year × lever table: a header row (year, each lever, total), a row per year and a row of
   * totals; amounts as {@link BigDecimal}, the year as its number.
   */
  static List<List<Object>> table(Budget b, Locale locale) {
    List<String> levers = b.levers();
    List<List<Object>> out = new ArrayList<>();
    List<Object> header = new ArrayList<>();
    header.add(t(locale, "budget.col.year"));
    levers.forEach(l -> header.add(t(locale, "measure.lever." + l)));
    header.add(t(locale, "budget.total"));
    out.add(header);
    Map<String, BigDecimal> columns = new java.util.LinkedHashMap<>();
    BigDecimal all = BigDecimal.ZERO;
    for (Map.Entry<Integer, Map<String, BigDecimal>> y : b.byYearAndLever().entrySet()) {
      List<Object> row = new ArrayList<>();
      row.add(y.getKey());
      BigDecimal sum = BigDecimal.ZERO;
      for (String l : levers) {
        BigDecimal v = y.getValue().getOrDefault(l, BigDecimal.ZERO);
        row.add(v);
        sum = sum.add(v);
        columns.merge(l, v, BigDecimal::add);
      }
      row.add(sum);
      all = all.add(sum);
      out.add(row);
    }
    List<Object> total = new ArrayList<>();
    total.add(t(locale, "budget.total"));
    levers.forEach(l -> total.add(columns.getOrDefault(l, BigDecimal.ZERO)));
    total.add(all);
    out.add(total);
    return out;
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
