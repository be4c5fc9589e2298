package nl.veerkracht.imports.read;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.veerkracht.area.domain.AreaCode;
import nl.veerkracht.statistics.domain.Indicator;

/**
 * Reads a {@link CsvTable} laid out as one row per area. Each column is classified once: the code,
 * name and year columns; declared text columns (kept as area attributes); numeric columns, which
 * become observations under a catalogue indicator or, when no alias matches, under a source-named
 * indicator. A column the layout does not declare is numeric when most of its filled cells are
 * numbers and text otherwise; a cell with text in a numeric column rejects the file.
 */
public final class WideTableReader {

  private WideTableReader() {}

  private enum Role {
    CODE,
    NAME,
    YEAR,
    TEXT,
    IGNORED,
    NUMERIC
  }

  public static void read(
      ImportFile file,
      CsvTable table,
      WideLayout layout,
      ReadContext ctx,
      Integer fixedYear,
      ImportSink sink) {
    table.problems().forEach(sink::reject);
    List<String> header = table.header();
    int codeIndex = table.indexOf(layout.codeColumn());
    if (codeIndex < 0) {
      sink.reject(new Rejection(file.name(), 1, layout.codeColumn(), "the code column is missing"));
      return;
    }
    int yearIndex = layout.yearColumn() == null ? -1 : table.indexOf(layout.yearColumn());
    Integer year = fixedYear;
    if (yearIndex < 0 && year == null) {
      year = ctx.resolveYear(file, Optional.empty(), sink);
    }
    Role[] roles = classify(table, layout, ctx, codeIndex, yearIndex);
    String[] indicatorIds = new String[header.size()];
    for (int c = 0; c < header.size(); c++) {
      if (roles[c] == Role.NUMERIC) {
        indicatorIds[c] = indicatorFor(header.get(c), layout, ctx, sink);
      }
    }
    for (CsvTable.Row row : table.rows()) {
      if (sink.saturated()) {
        return;
      }
      sink.rowRead();
      readRow(
          new Columns(file, header, roles, indicatorIds, codeIndex, yearIndex, year, layout),
          row,
          sink);
    }
  }

  /** How the columns of one file are read. */
  private record Columns(
      ImportFile file,
      List<String> header,
      Role[] roles,
      String[] indicatorIds,
      int codeIndex,
      int yearIndex,
      Integer fixedYear,
      WideLayout layout) {

    void reject(CsvTable.Row row, int column, String reason, ImportSink sink) {
      sink.reject(new Rejection(file.name(), row.line(), header.get(column), reason));
    }
  }

  private static void readRow(Columns cols, CsvTable.Row row, ImportSink sink) {
    String rawCode = row.get(cols.codeIndex());
    Optional<AreaCode> code = AreaCode.parse(rawCode);
    if (code.isEmpty()) {
      cols.reject(
          row,
          cols.codeIndex(),
          "'"
              + shorten(rawCode)
              + "' is not a CBS area code (GM + 4 digits, WK + 6, BU + 8 characters)",
          sink);
      return;
    }
    Integer year = cols.fixedYear();
    if (cols.yearIndex() >= 0) {
      year = parseYear(row.get(cols.yearIndex())).orElse(null);
      if (year == null) {
        String raw = shorten(row.get(cols.yearIndex()));
        cols.reject(row, cols.yearIndex(), "'" + raw + "' is not a year", sink);
        return;
      }
    }
    String name = null;
    Map<String, String> attributes = new HashMap<>();
    List<ValueRecord> values = new ArrayList<>();
    boolean rejected = false;
    for (int c = 0; c < cols.roles().length; c++) {
      String cell = row.get(c);
      switch (cols.roles()[c]) {
        case NAME -> name = cell == null || cell.isBlank() ? null : cell.strip();
        case TEXT -> {
          if (cell != null && !cell.isBlank() && !cell.strip().equals(".")) {
            attributes.put(cols.header().get(c), cell.strip());
          }
        }
        case NUMERIC -> {
          ValueRecord v = value(cols, code.get(), year, c, cell);
          if (v == null) {
            cols.reject(row, c, "'" + shorten(cell) + "' is not a number", sink);
            rejected = true;
          } else {
            values.add(v);
          }
        }
        default -> {}
      }
    }
    if (!rejected) {
      sink.area(new AreaRecord(code.get(), year, name, null, attributes));
      values.forEach(sink::value);
      sink.rowImported();
    }
  }

  /** The figure of a numeric cell, or null when the cell holds no number. */
  private static ValueRecord value(Columns cols, AreaCode code, int year, int c, String cell) {
    Optional<ParsedValue> parsed = Values.parse(cell);
    if (parsed.isEmpty()) {
      return null;
    }
    ParsedValue v = parsed.get();
    if (v.isOk() && v.value() == 0 && cols.layout().zeroIsMissing().test(cols.header().get(c))) {
      v = ParsedValue.missing("0 in this file may mean unknown");
    }
    return new ValueRecord(
        code, year, year, cols.indicatorIds()[c], v.value(), v.status(), v.reason());
  }

  private static Role[] classify(
      CsvTable table, WideLayout layout, ReadContext ctx, int codeIndex, int yearIndex) {
    List<String> header = table.header();
    Role[] roles = new Role[header.size()];
    int nameIndex = layout.nameColumn() == null ? -1 : table.indexOf(layout.nameColumn());
    for (int c = 0; c < header.size(); c++) {
      String norm = Indicator.normalise(header.get(c));
      if (c == codeIndex) {
        roles[c] = Role.CODE;
      } else if (c == yearIndex) {
        roles[c] = Role.YEAR;
      } else if (c == nameIndex) {
        roles[c] = Role.NAME;
      } else if (norm.isEmpty() || layout.ignoredColumns().contains(norm)) {
        roles[c] = Role.IGNORED;
      } else if (layout.textColumns().contains(norm)) {
        roles[c] = Role.TEXT;
      } else if (layout.explicitIndicators().containsKey(header.get(c))
          || ctx.catalogue().findIdForColumn(header.get(c)).isPresent()) {
        roles[c] = Role.NUMERIC;
      } else {
        roles[c] = mostlyNumeric(table, c) ? Role.NUMERIC : Role.TEXT;
      }
    }
    return roles;
  }

  private static boolean mostlyNumeric(CsvTable table, int c) {
    int numbers = 0;
    int text = 0;
    for (CsvTable.Row row : table.rows()) {
      String cell = row.get(c);
      Optional<ParsedValue> v = Values.parse(cell);
      if (v.isEmpty()) {
        text++;
      } else if (v.get().isOk()) {
        numbers++;
      }
    }
    return numbers >= text;
  }

  static String indicatorFor(String column, WideLayout layout, ReadContext ctx, ImportSink sink) {
    String explicit = layout.explicitIndicators().get(column);
    if (explicit != null) {
      if (ctx.catalogue().find(explicit).isEmpty()) {
        sink.indicator(sourceIndicator(explicit, column, layout.unknownSource()));
      }
      return explicit;
    }
    Optional<String> known = ctx.catalogue().findIdForColumn(column);
    if (known.isPresent()) {
      return known.get();
    }
    // a column of another publisher's family (police, Vektis, Leefbaarometer ...) keeps its own
    Optional<ColumnFamilies.Family> family = ColumnFamilies.foreign(column);
    String id =
        Indicator.sourceNamedId(
            family.map(ColumnFamilies.Family::idPrefix).orElse(layout.unknownPrefix()), column);
    sink.indicator(
        sourceIndicator(
            id, column, family.map(ColumnFamilies.Family::source).orElse(layout.unknownSource())));
    return id;
  }

  static Indicator sourceIndicator(String id, String column, String source) {
    String label = column.strip().replace('.', ' ').replaceAll("\\s+", " ").strip();
    return new Indicator(id, label, label, "", source, null, "source", 2, null, "source");
  }

  static Optional<Integer> parseYear(String raw) {
    if (raw == null) {
      return Optional.empty();
    }
    String s = raw.strip();
    // "2019", "2019.0" (spreadsheets) and StatLine's period code "2019JJ00" (the whole year)
    if (s.matches("(19|20)\\d\\d(\\.0+|JJ00)?")) {
      return Optional.of(Integer.parseInt(s.substring(0, 4)));
    }
    return Optional.empty();
  }

  static String shorten(String s) {
    if (s == null) {
      return "";
    }
    String t = s.strip();
    return t.length() > 40 ? t.substring(0, 37) + "..." : t;
  }
}
