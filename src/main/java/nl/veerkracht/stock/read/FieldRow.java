package nl.veerkracht.stock.read;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntPredicate;
import nl.veerkracht.imports.read.CsvTable;
import nl.veerkracht.imports.read.Rejection;

/**
 * One row of a stock table with its columns resolved to fields: cells by field name, and rejections
 * that name the line and the column as the file calls it. {@link #ok()} turns false on the first
 * rejection.
 */
final class FieldRow {

  private final CsvTable.Row row;
  private final Map<String, Integer> fields;
  private final List<String> header;
  private final String fileName;
  private final StockSink sink;
  private boolean ok = true;

  FieldRow(
      CsvTable.Row row,
      Map<String, Integer> fields,
      List<String> header,
      String fileName,
      StockSink sink) {
    this.row = row;
    this.fields = fields;
    this.header = header;
    this.fileName = fileName;
    this.sink = sink;
  }

  long line() {
    return row.line();
  }

  boolean ok() {
    return ok;
  }

  boolean has(String field) {
    return fields.containsKey(field);
  }

  /** The cleaned cell of a field, or null when the column is absent or the cell empty. */
  String cell(String field) {
    Integer c = fields.get(field);
    return c == null ? null : Cells.clean(row.get(c));
  }

  /** The cleaned cell of a column by position. */
  String column(int index) {
    return Cells.clean(row.get(index));
  }

  void reject(String field, String reason) {
    ok = false;
    String column =
        field == null || !fields.containsKey(field) ? null : header.get(fields.get(field));
    sink.reject(new Rejection(fileName, row.line(), column, reason));
  }

  /**
   * A whole number, or null when the cell is empty; a value that is no whole number or fails the
   * check is rejected as "'…' is not {what}".
   */
  Integer whole(String field, IntPredicate valid, String what) {
    String raw = cell(field);
    if (raw == null) {
      return null;
    }
    Integer v = Cells.whole(raw).filter(valid::test).orElse(null);
    if (v == null) {
      reject(field, "'" + raw + "' is not " + what);
    }
    return v;
  }

  /** An amount in euro from 0 to 100,000, or null when empty; anything else is rejected. */
  BigDecimal amount(String field) {
    String raw = cell(field);
    if (raw == null) {
      return null;
    }
    Optional<BigDecimal> v = Cells.euro(raw);
    if (v.isEmpty() || v.get().signum() < 0 || v.get().compareTo(BigDecimal.valueOf(100_000)) > 0) {
      reject(field, "'" + raw + "' is not an amount in euro");
      return null;
    }
    return v.get();
  }
}
