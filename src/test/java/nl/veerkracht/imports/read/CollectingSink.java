package nl.veerkracht.imports.read;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.veerkracht.statistics.domain.Indicator;
import nl.veerkracht.statistics.domain.TableInfo;
import nl.veerkracht.statistics.domain.TableProperty;

/** An {@link ImportSink} that keeps everything, for reader tests. */
class CollectingSink implements ImportSink {

  final List<AreaRecord> areas = new ArrayList<>();
  final List<ValueRecord> values = new ArrayList<>();
  final Map<String, Indicator> indicators = new LinkedHashMap<>();
  final List<TableProperty> properties = new ArrayList<>();
  final List<TableInfo> tables = new ArrayList<>();
  final List<Rejection> rejections = new ArrayList<>();
  final List<String> notes = new ArrayList<>();
  long rowsRead;
  long rowsImported;

  @Override
  public void area(AreaRecord area) {
    areas.add(area);
  }

  @Override
  public void value(ValueRecord value) {
    values.add(value);
  }

  @Override
  public void indicator(Indicator indicator) {
    indicators.putIfAbsent(indicator.id(), indicator); // as RunSink: the first announcement wins
  }

  @Override
  public void tableProperty(TableProperty property) {
    properties.add(property);
  }

  @Override
  public void tableInfo(TableInfo info) {
    tables.add(info);
  }

  @Override
  public void reject(Rejection rejection) {
    rejections.add(rejection);
  }

  @Override
  public void rowRead() {
    rowsRead++;
  }

  @Override
  public void rowImported() {
    rowsImported++;
  }

  @Override
  public void note(nl.veerkracht.common.Text note) {
    notes.add(note.en());
  }

  Optional<ValueRecord> value(String code, int year, String indicator) {
    return values.stream()
        .filter(
            v ->
                v.code().value().equals(code)
                    && v.year() == year
                    && v.indicatorId().equals(indicator))
        .findFirst();
  }

  double number(String code, int year, String indicator) {
    return value(code, year, indicator)
        .orElseThrow(() -> new AssertionError("no " + indicator + " for " + code + " " + year))
        .value();
  }

  Optional<AreaRecord> area(String code) {
    return areas.stream().filter(a -> a.code().value().equals(code)).findFirst();
  }
}
