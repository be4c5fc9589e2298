package nl.veerkracht.imports.read;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import nl.veerkracht.statistics.domain.Indicator;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * A saved column mapping: how to read a file in a layout no built-in reader knows. The same
 * declarative document serves the files Veerkracht ships and the mappings users make on the upload
 * page. A CSV example:
 *
 * <pre>{@code
 * {"name": "utrecht-buurten-2020", "format": "csv",
 *  "match": {"columns": ["buurt_code", "leefbarometer_score"]},
 *  "code": "buurt_code", "areaName": "regio", "year": {"fixed": 2020},
 *  "columns": {"aantal_inwoners": "inhabitants", "leefbarometer_score": "lbm_score"},
 *  "text": ["gm_naam"], "ignore": [""], "zeroIsMissing": ["afstand_*"]}
 * }</pre>
 *
 * A JSON file names where its records are instead: {@code "records": [{"path": "buurten.*", "code":
 * "$key", "name": "naam", "series": "tijdreeksen"}]} where {@code *} walks every member of an
 * object ({@code $key} is the member's name), {@code fields} names an object of indicator → value
 * (for one year) and {@code series} an object of indicator → {year → value}.
 */
public record ColumnMapping(
    String name,
    String description,
    Match match,
    String format,
    String delimiter,
    String code,
    String areaName,
    Year year,
    Map<String, String> columns,
    List<String> text,
    List<String> ignore,
    List<String> zeroIsMissing,
    String unknownPrefix,
    List<RecordSpec> records,
    IndicatorMetadata indicatorMetadata,
    String source,
    String attribution,
    String licence,
    String kind) {

  private static final JsonMapper JSON =
      JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
  private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]{1,63}");

  public ColumnMapping {
    columns = columns == null ? Map.of() : Map.copyOf(columns);
    text = text == null ? List.of() : List.copyOf(text);
    ignore = ignore == null ? List.of() : List.copyOf(ignore);
    zeroIsMissing = zeroIsMissing == null ? List.of() : List.copyOf(zeroIsMissing);
    records = records == null ? List.of() : List.copyOf(records);
    unknownPrefix = unknownPrefix == null ? "src" : unknownPrefix;
    format = format == null ? "csv" : format;
    source = source == null ? "Bestand met kolomkoppeling " + name : source;
    attribution = attribution == null ? "Bron: " + source : attribution;
  }

  /**
   * When a mapping applies to a file without being named.
   *
   * @param fileName a regular expression the file name must match (case-insensitive), or null
   * @param columns header names a CSV must have
   * @param paths dot paths a JSON document must have
   */
  public record Match(String fileName, List<String> columns, List<String> paths) {}

  /** A fixed year, or the column holding the year per row. */
  public record Year(Integer fixed, String column) {}

  /** Where records sit in a JSON document; see the class comment. */
  public record RecordSpec(String path, String code, String name, String fields, String series) {}

  /** Where a JSON document describes its indicators (labels, units, direction). */
  public record IndicatorMetadata(
      String path, String label, String unit, String higherIsWorse, String description) {}

  public static ColumnMapping parse(String json) {
    try {
      ColumnMapping m = json == null ? null : JSON.readValue(json, ColumnMapping.class);
      if (m == null) {
        // an empty body or the JSON literal null
        throw new IllegalArgumentException(
            "The column mapping is empty: send it as a JSON object.");
      }
      List<String> problems = m.problems();
      if (!problems.isEmpty()) {
        throw new IllegalArgumentException(
            "The column mapping is not usable: " + String.join("; ", problems));
      }
      return m;
    } catch (JacksonException e) {
      throw new IllegalArgumentException(
          "The column mapping is not valid JSON: " + e.getOriginalMessage());
    }
  }

  public String toJson() {
    return JSON.writeValueAsString(this);
  }

  /** What is wrong with this mapping, in words; empty when it can be used. */
  public List<String> problems() {
    List<String> problems = new ArrayList<>();
    if (name == null || !NAME.matcher(name).matches()) {
      problems.add("a name of 2-64 lowercase letters, digits and '-' is needed");
    }
    if (!format.equals("csv") && !format.equals("json")) {
      problems.add("format must be csv or json");
    }
    if (format.equals("csv") && (code == null || code.isBlank())) {
      problems.add("name the column with the area code");
    }
    if (format.equals("json") && records.isEmpty()) {
      problems.add("name where the records are (records)");
    }
    if (year == null && !format.equals("json")) {
      problems.add("give a fixed year or the year column");
    }
    if (year != null && year.fixed() != null && (year.fixed() < 1980 || year.fixed() > 2099)) {
      problems.add("the year " + year.fixed() + " is not plausible");
    }
    if (delimiter != null && delimiter.length() != 1 && !delimiter.equals("\\t")) {
      problems.add("the delimiter is one character");
    }
    columns.forEach(
        (column, id) -> {
          if (id == null || !id.matches("[a-z][a-z0-9_]{0,99}")) {
            problems.add("column " + column + " maps to '" + id + "', not a valid indicator id");
          }
        });
    if (match != null && match.fileName() != null) {
      try {
        Pattern.compile(match.fileName());
      } catch (PatternSyntaxException e) {
        problems.add("match.fileName is not a valid regular expression");
      }
    }
    return problems;
  }

  /** Whether this mapping's match rule fits the file. */
  public boolean matches(Sniff sniff) throws IOException {
    if (match == null) {
      return false;
    }
    if (match.fileName() != null
        && !Pattern.compile(match.fileName(), Pattern.CASE_INSENSITIVE)
            .matcher(sniff.file().baseName())
            .matches()) {
      return false;
    }
    if (format.equals("csv")) {
      return sniff.isDelimitedText()
          && (match.columns() == null || sniff.hasColumns(match.columns().toArray(String[]::new)));
    }
    if (!sniff.isJson() || sniff.json() == null) {
      return false;
    }
    if (match.paths() != null) {
      for (String path : match.paths()) {
        if (JsonPaths.at(sniff.json(), path).isMissingNode()) {
          return false;
        }
      }
    }
    return true;
  }

  char delimiterChar() {
    if (delimiter == null) {
      return 0;
    }
    return delimiter.equals("\\t") ? '\t' : delimiter.charAt(0);
  }

  /** Whether a column is listed (by normalised name or a glob with '*'). */
  static boolean listed(List<String> patterns, String column) {
    String norm = Indicator.normalise(column);
    for (String p : patterns) {
      if (p.contains("*")) {
        String regex = Pattern.quote(p.toLowerCase(java.util.Locale.ROOT)).replace("*", "\\E.*\\Q");
        if (column.toLowerCase(java.util.Locale.ROOT).matches(regex)) {
          return true;
        }
      } else if (Indicator.normalise(p).equals(norm)) {
        return true;
      }
    }
    return false;
  }
}
