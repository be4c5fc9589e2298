package nl.veerkracht.imports.read;

import java.io.IOException;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import nl.veerkracht.area.domain.AreaCode;
import nl.veerkracht.statistics.domain.Indicator;

/**
 * The plain long format for anything else: {@code code;year;indicator;value} (comma, semicolon or
 * tab separated; header names in any case). The indicator is a catalogue id or alias, or any name,
 * which is then kept as a source-named indicator ({@code src_...}). An optional {@code name} column
 * names the area; optional {@code source} is ignored.
 */
public final class LongFormatReader implements FormatReader {

  @Override
  public String kind() {
    return "long";
  }

  @Override
  public boolean recognises(Sniff sniff) throws IOException {
    return sniff.isDelimitedText() && sniff.hasColumns("code", "year", "indicator", "value");
  }

  @Override
  public void read(Sniff sniff, ReadContext ctx, ImportSink sink) throws IOException {
    String fileName = sniff.file().name();
    CsvTable table = CsvTable.read(fileName, sniff.file().text(), (char) 0);
    table.problems().forEach(sink::reject);
    int code = table.indexOf("code");
    int year = table.indexOf("year");
    int indicator = table.indexOf("indicator");
    int value = table.indexOf("value");
    int name = table.indexOf("name");
    if (code < 0 || year < 0 || indicator < 0 || value < 0) {
      sink.reject(
          new Rejection(fileName, 1, null, "the header must name code, year, indicator and value"));
      return;
    }
    Columns cols = new Columns(fileName, table.header(), code, year, indicator, value, name);
    Set<String> announced = new HashSet<>();
    for (CsvTable.Row row : table.rows()) {
      if (sink.saturated()) {
        return;
      }
      sink.rowRead();
      row(cols, row, ctx, announced, sink);
    }
  }

  /** The positions of the columns. */
  private record Columns(
      String file, List<String> header, int code, int year, int indicator, int value, int name) {

    void reject(CsvTable.Row row, int column, String reason, ImportSink sink) {
      sink.reject(new Rejection(file, row.line(), header.get(column), reason));
    }

    void notA(CsvTable.Row row, int column, String what, ImportSink sink) {
      reject(
          row, column, "'" + WideTableReader.shorten(row.get(column)) + "' is not " + what, sink);
    }
  }

  private static void row(
      Columns cols, CsvTable.Row row, ReadContext ctx, Set<String> announced, ImportSink sink) {
    Optional<AreaCode> area = AreaCode.parse(row.get(cols.code()));
    if (area.isEmpty()) {
      cols.notA(row, cols.code(), "a CBS area code", sink);
      return;
    }
    Optional<Integer> y = WideTableReader.parseYear(row.get(cols.year()));
    if (y.isEmpty()) {
      cols.notA(row, cols.year(), "a year", sink);
      return;
    }
    String rawIndicator =
        row.get(cols.indicator()) == null ? "" : row.get(cols.indicator()).strip();
    if (rawIndicator.isEmpty() || Indicator.normalise(rawIndicator).isEmpty()) {
      cols.reject(row, cols.indicator(), "the indicator is empty", sink);
      return;
    }
    Optional<ParsedValue> v = Values.parse(row.get(cols.value()));
    if (v.isEmpty()) {
      cols.notA(row, cols.value(), "a number", sink);
      return;
    }
    String id =
        ctx.catalogue()
            .find(rawIndicator)
            .map(Indicator::id)
            .or(() -> ctx.catalogue().findIdForColumn(rawIndicator))
            .orElseGet(() -> Indicator.sourceNamedId("src", rawIndicator));
    if (ctx.catalogue().find(id).isEmpty() && announced.add(id)) {
      sink.indicator(WideTableReader.sourceIndicator(id, rawIndicator, "Eigen bestand"));
    }
    String name = cols.name() >= 0 ? row.get(cols.name()) : null;
    String areaName = name != null && !name.isBlank() ? name.strip() : null;
    sink.area(new AreaRecord(area.get(), y.get(), areaName, null, Map.of()));
    ParsedValue p = v.get();
    sink.value(
        new ValueRecord(area.get(), y.get(), y.get(), id, p.value(), p.status(), p.reason()));
    sink.rowImported();
  }

  @Override
  public Provenance provenance() {
    return new Provenance("Long-format file", "Bron: eigen bestand", null);
  }
}
