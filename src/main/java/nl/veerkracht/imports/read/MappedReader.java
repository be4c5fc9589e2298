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

  private void readJson(Sniff sniff, ReadContext ctx, ImportSink sink) throws IOException {
    String file = sniff.file().name();
    JsonNode root = sniff.json();
    Map<String, Indicator> described = describedIndicators(root);
    Map<String, String> resolved = new HashMap<>();
    Set<String> announced = new HashSet<>();
    Integer fixedYear =
        ctx.year() != null ? ctx.year() : mapping.year() == null ? null : mapping.year().fixed();
    long n = 0;
    for (ColumnMapping.RecordSpec spec : mapping.records()) {
      for (JsonPaths.Found found : JsonPaths.all(root, spec.path())) {
        n++;
        if (sink.saturated()) {
          return;
        }
        sink.rowRead();
        JsonNode record = found.node();
        String rawCode =
            "$key".equals(spec.code())
                ? found.key()
                : JsonPaths.at(record, spec.code()).asString(null);
        Optional<AreaCode> code = AreaCode.parse(rawCode);
        if (code.isEmpty()) {
          sink.reject(
              Rejection.record(
                  file,
                  n,
                  spec.code(),
                  "'" + WideTableReader.shorten(rawCode) + "' is not a CBS area code"));
          continue;
        }
        String name = spec.name() == null ? null : JsonPaths.at(record, spec.name()).asString(null);
        // indicator -> year -> value
        Map<String, Map<Integer, JsonNode>> cells = new LinkedHashMap<>();
        if (spec.series() != null) {
          for (Map.Entry<String, JsonNode> ind : JsonPaths.at(record, spec.series()).properties()) {
            Map<Integer, JsonNode> byYear = new LinkedHashMap<>();
            for (Map.Entry<String, JsonNode> y : ind.getValue().properties()) {
              Optional<Integer> year = WideTableReader.parseYear(y.getKey());
              if (year.isEmpty()) {
                sink.reject(
                    Rejection.record(file, n, ind.getKey(), "'" + y.getKey() + "' is not a year"));
                continue;
              }
              byYear.put(year.get(), y.getValue());
            }
            cells.put(ind.getKey(), byYear);
          }
        }
        if (spec.fields() != null) {
          if (fixedYear == null) {
            fixedYear = ctx.resolveYear(sniff.file(), Optional.empty(), sink);
          }
          for (Map.Entry<String, JsonNode> f : JsonPaths.at(record, spec.fields()).properties()) {
            if (isSkipped(f.getKey(), spec)) {
              continue;
            }
            cells
                .computeIfAbsent(f.getKey(), k -> new LinkedHashMap<>())
                .put(fixedYear, f.getValue());
          }
        }
        Set<Integer> years = new HashSet<>();
        boolean rejected = false;
        for (Map.Entry<String, Map<Integer, JsonNode>> cell : cells.entrySet()) {
          String column = cell.getKey();
          if (ColumnMapping.listed(mapping.ignore(), column)) {
            continue;
          }
          String id =
              resolved.computeIfAbsent(
                  column, c -> indicatorFor(c, ctx, described, announced, sink));
          for (Map.Entry<Integer, JsonNode> yv : cell.getValue().entrySet()) {
            JsonNode v = yv.getValue();
            ParsedValue parsed;
            if (v == null || v.isNull()) {
              parsed = ParsedValue.missing("null in source");
            } else if (v.isNumber()) {
              parsed = Values.fromNumber(v.asDouble());
            } else {
              Optional<ParsedValue> p = Values.parse(v.asString());
              if (p.isEmpty()) {
                sink.reject(
                    Rejection.record(
                        file,
                        n,
                        column,
                        "'" + WideTableReader.shorten(v.asString()) + "' is not a number"));
                rejected = true;
                continue;
              }
              parsed = p.get();
            }
            if (parsed.isOk()
                && parsed.value() == 0
                && ColumnMapping.listed(mapping.zeroIsMissing(), column)) {
              parsed = ParsedValue.missing("0 in this file may mean unknown");
            }
            years.add(yv.getKey());
            sink.value(
                new ValueRecord(
                    code.get(),
                    yv.getKey(),
                    yv.getKey(),
                    id,
                    parsed.value(),
                    parsed.status(),
                    parsed.reason()));
          }
        }
        if (rejected) {
          continue;
        }
        for (int y : years) {
          sink.area(new AreaRecord(code.get(), y, name, null, Map.of()));
        }
        sink.rowImported();
      }
    }
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
