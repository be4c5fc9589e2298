package nl.veerkracht.imports.read;

import java.io.IOException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import nl.veerkracht.area.domain.AreaCode;
import nl.veerkracht.common.Text;
import nl.veerkracht.statistics.domain.Indicator;
import nl.veerkracht.statistics.domain.TableProperty;
import tools.jackson.databind.JsonNode;

/**
 * CBS Kerncijfers wijken en buurten rows from the OData v3 API ({@code
 * .../ODataApi/odata/85984NED/TypedDataSet}): {@code {"value": [{"WijkenEnBuurten": "GM0308 ",
 * "AantalInwoners_5": 25000, ...}]}}. Keys carry edition-specific suffixes and are mapped by their
 * stem. The table's DataProperties, when imported before, tell text columns from figures and label
 * unknown columns; a stem that occurs twice in a table (Appartement_54 in kWh, Appartement_62 in
 * m³) is told apart by its topic group.
 */
public final class CbsODataReader implements FormatReader {

  private static final Set<String> CODE_KEYS =
      Set.of("WijkenEnBuurten", "Codering_3", "Codering", "RegioS");
  private static final Set<String> SKIP = Set.of("ID", "Perioden");

  @Override
  public String kind() {
    return "cbs-odata";
  }

  @Override
  public boolean recognises(Sniff sniff) throws IOException {
    if (!sniff.isJson()) {
      return false;
    }
    JsonNode json = sniff.json();
    if (json == null || !json.isObject() || !json.path("value").isArray()) {
      return false;
    }
    JsonNode first = json.path("value").path(0);
    return first.isObject()
        && (first.has("WijkenEnBuurten") || first.has("Codering_3") || first.has("RegioS"));
  }

  /** The state of reading one file: its year, the table's columns and the indicators found. */
  private static final class Run {
    final String file;
    final ReadContext ctx;
    final ImportSink sink;
    final int year;
    final Map<String, TableProperty> properties;
    final Map<String, Integer> stemCounts = new HashMap<>();
    final Map<String, String> resolved = new HashMap<>();
    final Set<String> announced = new HashSet<>();

    Run(String file, ReadContext ctx, ImportSink sink, int year) {
      this.file = file;
      this.ctx = ctx;
      this.sink = sink;
      this.year = year;
      this.properties = ctx.tableProperties().apply(year);
      properties.keySet().forEach(k -> stemCounts.merge(Indicator.odataStem(k), 1, Integer::sum));
    }

    /** The indicator id of a column: a catalogue id, or a source-named one announced once. */
    String indicator(String key) {
      return resolved.computeIfAbsent(
          key,
          k -> {
            Optional<String> known = ctx.catalogue().findIdForColumn(k);
            if (known.isPresent()) {
              return known.get();
            }
            TableProperty property = properties.get(k);
            Indicator def =
                property != null
                    ? sourceIndicator(
                        property, stemCounts.getOrDefault(Indicator.odataStem(k), 0) > 1)
                    : WideTableReader.sourceIndicator(
                        Indicator.sourceNamedId("cbs", k), k, "CBS Kerncijfers wijken en buurten");
            if (announced.add(def.id())) {
              sink.indicator(def);
            }
            return def.id();
          });
    }
  }

  @Override
  public void read(Sniff sniff, ReadContext ctx, ImportSink sink) throws IOException {
    // tables other than the Kerncijfers carry the period per row ("2019JJ00")
    Optional<Integer> period =
        WideTableReader.parseYear(
            sniff.json().path("value").path(0).path("Perioden").asString(null));
    int year =
        period.isPresent() && ctx.year() == null
            ? period.get()
            : ctx.resolveYear(sniff.file(), Optional.empty(), sink);
    Run run = new Run(sniff.file().name(), ctx, sink, year);
    if (run.properties.isEmpty()) {
      sink.note(Text.msg("report.note.noDataProperties", "year", year));
    }
    long n = 0;
    for (JsonNode row : sniff.json().path("value")) {
      n++;
      if (sink.saturated()) {
        return;
      }
      sink.rowRead();
      row(run, row, n);
    }
  }

  private void row(Run run, JsonNode row, long n) {
    int year =
        run.ctx.year() == null && row.has("Perioden")
            ? WideTableReader.parseYear(row.path("Perioden").asString(null)).orElse(run.year)
            : run.year;
    String rawCode = null;
    for (String k : List.of("Codering_3", "WijkenEnBuurten", "Codering", "RegioS")) {
      if (row.hasNonNull(k)) {
        rawCode = row.get(k).asString();
        break;
      }
    }
    Optional<AreaCode> code = AreaCode.parse(rawCode);
    if (code.isEmpty()) {
      run.sink.reject(
          Rejection.record(
              run.file,
              n,
              "WijkenEnBuurten",
              "'" + WideTableReader.shorten(rawCode) + "' is not a CBS area code"));
      return;
    }
    Map<String, String> text = new LinkedHashMap<>();
    boolean rejected = false;
    for (Map.Entry<String, JsonNode> e : row.properties()) {
      String key = e.getKey();
      JsonNode v = e.getValue();
      if (CODE_KEYS.contains(key) || SKIP.contains(key)) {
        continue;
      }
      TableProperty property = run.properties.get(key);
      boolean textual =
          TextColumns.always(key)
              || (property != null
                  ? "String".equals(property.datatype())
                  : v.isString() && Values.parse(v.asString()).isEmpty());
      if (textual) {
        if (!v.isNull() && !v.asString().isBlank()) {
          text.put(key, v.asString().strip());
        }
        continue;
      }
      Optional<ParsedValue> parsed = figure(v);
      if (parsed.isEmpty()) {
        String raw = WideTableReader.shorten(v.asString());
        run.sink.reject(Rejection.record(run.file, n, key, "'" + raw + "' is not a number"));
        rejected = true;
        continue;
      }
      ParsedValue p = parsed.get();
      run.sink.value(
          new ValueRecord(
              code.get(),
              run.year,
              run.year,
              run.indicator(key),
              p.value(),
              p.status(),
              p.reason()));
    }
    if (!rejected) {
      area(run, code.get(), year, text);
    }
  }

  private static Optional<ParsedValue> figure(JsonNode v) {
    if (v.isNull()) {
      return Optional.of(ParsedValue.missing("null in source"));
    }
    if (v.isNumber()) {
      return Optional.of(Values.fromNumber(v.asDouble()));
    }
    return Values.parse(v.asString());
  }

  private static void area(Run run, AreaCode code, int year, Map<String, String> text) {
    String name = text.remove("Gemeentenaam_1");
    if (code.level() != nl.veerkracht.area.domain.AreaLevel.GEMEENTE) {
      if (name != null) {
        text.put("Gemeentenaam_1", name);
      }
      name = null;
    }
    run.sink.area(new AreaRecord(code, year, name, null, text));
    run.sink.rowImported();
  }

  /** A source-named indicator for an OData column, labelled from its DataProperties. */
  static Indicator sourceIndicator(TableProperty p, boolean ambiguousStem) {
    String stem = Indicator.odataStem(p.key());
    String base = ambiguousStem && p.parentTitle() != null ? p.parentTitle() + " " + stem : stem;
    String label =
        ambiguousStem && p.parentTitle() != null ? p.parentTitle() + ": " + p.title() : p.title();
    return new Indicator(
        Indicator.sourceNamedId("cbs", base),
        label,
        label,
        p.unit(),
        "CBS Kerncijfers wijken en buurten",
        null,
        "source",
        p.decimals(),
        p.description(),
        "source");
  }

  @Override
  public Provenance provenance() {
    return Provenance.CBS_KWB;
  }
}
