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
    List<String> header = table.header();
    Set<String> announced = new HashSet<>();
    for (CsvTable.Row row : table.rows()) {
      if (sink.saturated()) {
        return;
      }
      sink.rowRead();
      Optional<AreaCode> area = AreaCode.parse(row.get(code));
      if (area.isEmpty()) {
        sink.reject(
            new Rejection(
                fileName,
                row.line(),
                header.get(code),
                "'" + WideTableReader.shorten(row.get(code)) + "' is not a CBS area code"));
        continue;
      }
      Optional<Integer> y = WideTableReader.parseYear(row.get(year));
      if (y.isEmpty()) {
        sink.reject(
            new Rejection(
                fileName,
                row.line(),
                header.get(year),
                "'" + WideTableReader.shorten(row.get(year)) + "' is not a year"));
        continue;
      }
      String rawIndicator = row.get(indicator) == null ? "" : row.get(indicator).strip();
      if (rawIndicator.isEmpty() || Indicator.normalise(rawIndicator).isEmpty()) {
        sink.reject(
            new Rejection(fileName, row.line(), header.get(indicator), "the indicator is empty"));
        continue;
      }
      Optional<ParsedValue> v = Values.parse(row.get(value));
      if (v.isEmpty()) {
        sink.reject(
            new Rejection(
                fileName,
                row.line(),
                header.get(value),
                "'" + WideTableReader.shorten(row.get(value)) + "' is not a number"));
        continue;
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
      String areaName =
          name >= 0 && row.get(name) != null && !row.get(name).isBlank()
              ? row.get(name).strip()
              : null;
      sink.area(new AreaRecord(area.get(), y.get(), areaName, null, Map.of()));
      sink.value(
          new ValueRecord(
              area.get(),
              y.get(),
              y.get(),
              id,
              v.get().value(),
              v.get().status(),
              v.get().reason()));
      sink.rowImported();
    }
  }

  @Override
  public Provenance provenance() {
    return new Provenance("Long-format file", "Bron: eigen bestand", null);
  }
}
