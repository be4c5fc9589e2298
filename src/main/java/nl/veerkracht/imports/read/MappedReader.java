package nl.veerkracht.imports.read;

import java.io.IOException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import nl.veerkracht.area.domain.AreaCode;
import nl.veerkracht.statistics.domain.Indicator;
import tools.jackson.databind.JsonNode;

/** Reads a file through a {@link ColumnMapping}. */
public final class MappedReader implements FormatReader {

  private final ColumnMapping mapping;

  public MappedReader(ColumnMapping mapping) {
    this.mapping = mapping;
  }

  public ColumnMapping mapping() {
    return mapping;
  }

  @Override
  public String kind() {
    return "mapping:" + mapping.name();
  }

  @Override
  public boolean recognises(Sniff sniff) throws IOException {
    return mapping.matches(sniff);
  }

  @Override
  public void read(Sniff sniff, ReadContext ctx, ImportSink sink) throws IOException {
    if (mapping.format().equals("csv")) {
      readCsv(sniff, ctx, sink);
    } else {
      readJson(sniff, ctx, sink);
    }
  }

  private void readCsv(Sniff sniff, ReadContext ctx, ImportSink sink) throws IOException {
    CsvTable table =
        CsvTable.read(sniff.file().name(), sniff.file().text(), mapping.delimiterChar());
    Set<String> missingColumns = new HashSet<>();
    for (String column : mapping.columns().keySet()) {
      if (table.indexOf(column) < 0) {
        missingColumns.add(column);
      }
    }
    if (!missingColumns.isEmpty()) {
      sink.reject(
          new Rejection(
              sniff.file().name(),
              1,
              null,
              "the mapping "
                  + mapping.name()
                  + " names columns the file lacks: "
                  + String.join(", ", missingColumns)));
      return;
    }
    Set<String> text =
        mapping.text().stream().map(Indicator::normalise).collect(Collectors.toSet());
    Set<String> ignored =
        mapping.ignore().stream().map(Indicator::normalise).collect(Collectors.toSet());
    WideLayout layout =
        WideLayout.of(mapping.code(), mapping.areaName(), mapping.unknownPrefix(), mapping.source())
            .withText(text)
            .withIgnored(ignored)
            .withIndicators(mapping.columns())
            .withZeroIsMissing(column -> ColumnMapping.listed(mapping.zeroIsMissing(), column));
    Integer fixed = null;
    if (mapping.year() != null && mapping.year().column() != null) {
      layout = layout.withYearColumn(mapping.year().column());
    } else if (mapping.year() != null) {
      fixed = ctx.year() != null ? ctx.year() : mapping.year().fixed();
    }
    WideTableReader.read(sniff.file(), table, layout, ctx, fixed, sink);
  }

  /** The state of reading one JSON file through the mapping. */
  private final class JsonRun {
    final Sniff sniff;
    final ReadContext ctx;
    final ImportSink sink;
    final String file;
    final Map<String, Indicator> described;
    final Map<String, String> resolved = new HashMap<>();
    final Set<String> announced = new HashSet<>();
    Integer fixedYear;

    JsonRun(Sniff sniff, ReadContext ctx, ImportSink sink, Map<String, Indicator> described) {
      this.sniff = sniff;
      this.ctx = ctx;
      this.sink = sink;
      this.file = sniff.file().name();
      this.described = described;
      this.fixedYear =
          ctx.year() != null ? ctx.year() : mapping.year() == null ? null : mapping.year().fixed();
    }
  }

  private void readJson(Sniff sniff, ReadContext ctx, ImportSink sink) throws IOException {
    JsonRun run = new JsonRun(sniff, ctx, sink, describedIndicators(sniff.json()));
    long n = 0;
    for (ColumnMapping.RecordSpec spec : mapping.records()) {
      for (JsonPaths.Found found : JsonPaths.all(sniff.json(), spec.path())) {
        n++;
        if (sink.saturated()) {
          return;
        }
        sink.rowRead();
        record(run, spec, found, n);
      }
    }
  }

  private void record(JsonRun run, ColumnMapping.RecordSpec spec, JsonPaths.Found found, long n)
      throws IOException {
    JsonNode record = found.node();
    String rawCode =
        "$key".equals(spec.code()) ? found.key() : JsonPaths.at(record, spec.code()).asString(null);
    Optional<AreaCode> code = AreaCode.parse(rawCode);
    if (code.isEmpty()) {
      run.sink.reject(
          Rejection.record(
              run.file,
              n,
              spec.code(),
              "'" + WideTableReader.shorten(rawCode) + "' is not a CBS area code"));
      return;
    }
    String name = spec.name() == null ? null : JsonPaths.at(record, spec.name()).asString(null);
    Set<Integer> years = new HashSet<>();
    boolean rejected = false;
    for (Map.Entry<String, Map<Integer, JsonNode>> cell : cells(run, spec, record, n).entrySet()) {
      String column = cell.getKey();
      if (ColumnMapping.listed(mapping.ignore(), column)) {
        continue;
      }
      String id =
          run.resolved.computeIfAbsent(
              column, c -> indicatorFor(c, run.ctx, run.described, run.announced, run.sink));
      for (Map.Entry<Integer, JsonNode> yv : cell.getValue().entrySet()) {
        Optional<ParsedValue> parsed = parse(yv.getValue(), column);
        if (parsed.isEmpty()) {
          String raw = WideTableReader.shorten(yv.getValue().asString());
          run.sink.reject(Rejection.record(run.file, n, column, "'" + raw + "' is not a number"));
          rejected = true;
          continue;
        }
        ParsedValue v = parsed.get();
        years.add(yv.getKey());
        run.sink.value(
            new ValueRecord(
                code.get(), yv.getKey(), yv.getKey(), id, v.value(), v.status(), v.reason()));
      }
    }
    if (!rejected) {
      for (int y : years) {
        run.sink.area(new AreaRecord(code.get(), y, name, null, Map.of()));
      }
      run.sink.rowImported();
    }
  }

  /** Indicator → year → value of one record: its series (per year) and its fields (one year). */
  private Map<String, Map<Integer, JsonNode>> cells(
      JsonRun run, ColumnMapping.RecordSpec spec, JsonNode record, long n) throws IOException {
    Map<String, Map<Integer, JsonNode>> cells = new LinkedHashMap<>();
    if (spec.series() != null) {
      for (Map.Entry<String, JsonNode> ind : JsonPaths.at(record, spec.series()).properties()) {
        Map<Integer, JsonNode> byYear = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> y : ind.getValue().properties()) {
          Optional<Integer> year = WideTableReader.parseYear(y.getKey());
          if (year.isEmpty()) {
            run.sink.reject(
                Rejection.record(run.file, n, ind.getKey(), "'" + y.getKey() + "' is not a year"));
            continue;
          }
          byYear.put(year.get(), y.getValue());
        }
        cells.put(ind.getKey(), byYear);
      }
    }
    if (spec.fields() != null) {
      if (run.fixedYear == null) {
        run.fixedYear = run.ctx.resolveYear(run.sniff.file(), Optional.empty(), run.sink);
      }
      for (Map.Entry<String, JsonNode> f : JsonPaths.at(record, spec.fields()).properties()) {
        if (!isSkipped(f.getKey(), spec)) {
          cells
              .computeIfAbsent(f.getKey(), k -> new LinkedHashMap<>())
              .put(run.fixedYear, f.getValue());
        }
      }
    }
    return cells;
  }

  /** A JSON value as a figure; empty when it is text that is not a number. */
  private Optional<ParsedValue> parse(JsonNode v, String column) {
    ParsedValue parsed;
    if (v == null || v.isNull()) {
      parsed = ParsedValue.missing("null in source");
    } else if (v.isNumber()) {
      parsed = Values.fromNumber(v.asDouble());
    } else {
      Optional<ParsedValue> p = Values.parse(v.asString());
      if (p.isEmpty()) {
        return Optional.empty();
      }
      parsed = p.get();
    }
    if (parsed.isOk()
        && parsed.value() == 0
        && ColumnMapping.listed(mapping.zeroIsMissing(), column)) {
      parsed = ParsedValue.missing("0 in this file may mean unknown");
    }
    return Optional.of(parsed);
  }

  private boolean isSkipped(String field, ColumnMapping.RecordSpec spec) {
    return field.equals(spec.code())
        || field.equals(spec.name())
        || ColumnMapping.listed(mapping.text(), field);
  }

  private String indicatorFor(
      String column,
      ReadContext ctx,
      Map<String, Indicator> described,
      Set<String> announced,
      ImportSink sink) {
    String explicit = mapping.columns().get(column);
    if (explicit == null) {
      explicit = ctx.catalogue().findIdForColumn(column).orElse(null);
    }
    if (explicit != null && ctx.catalogue().find(explicit).isPresent()) {
      return explicit;
    }
    String id =
        explicit != null ? explicit : Indicator.sourceNamedId(mapping.unknownPrefix(), column);
    Indicator def = described.get(column);
    Indicator indicator =
        def != null
            ? new Indicator(
                id,
                def.labelNl(),
                def.labelEn(),
                def.unit(),
                mapping.source(),
                def.higherIsWorse(),
                def.category(),
                def.decimals(),
                def.description(),
                "source")
            : WideTableReader.sourceIndicator(id, column, mapping.source());
    if (announced.add(id)) {
      sink.indicator(indicator);
    }
    return id;
  }

  /** Indicator descriptions the document itself gives, keyed by its own indicator names. */
  private Map<String, Indicator> describedIndicators(JsonNode root) {
    Map<String, Indicator> result = new HashMap<>();
    ColumnMapping.IndicatorMetadata meta = mapping.indicatorMetadata();
    if (meta == null) {
      return result;
    }
    for (Map.Entry<String, JsonNode> e : JsonPaths.at(root, meta.path()).properties()) {
      JsonNode d = e.getValue();
      String label = meta.label() == null ? e.getKey() : d.path(meta.label()).asString(e.getKey());
      JsonNode hiw = meta.higherIsWorse() == null ? null : d.get(meta.higherIsWorse());
      result.put(
          e.getKey(),
          new Indicator(
              "described",
              label,
              label,
              meta.unit() == null ? "" : d.path(meta.unit()).asString(""),
              mapping.source(),
              hiw != null && hiw.isBoolean() ? hiw.asBoolean() : null,
              "source",
              1,
              meta.description() == null ? null : d.path(meta.description()).asString(null),
              "source"));
    }
    return result;
  }

  @Override
  public Provenance provenance() {
    return new Provenance(mapping.source(), mapping.attribution(), mapping.licence());
  }
}
