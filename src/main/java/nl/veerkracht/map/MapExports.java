package nl.veerkracht.map;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import nl.veerkracht.common.Text;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The figures of a map as CSV or XLSX: one row per area with value, status (a missing or secret
 * figure is said so, never 0), reason, year and source; the credits below the table.
 */
final class MapExports {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  /** One area of the map. */
  record Line(String code, String name, Double value, String status, String reason) {}

  /** The table of a map. */
  record Table(
      String level,
      int year,
      String indicatorId,
      String label,
      String unit,
      String source,
      List<String> credits,
      List<Line> lines) {}

  private MapExports() {}

  static Table table(String geojson) {
    JsonNode doc = JSON.readTree(geojson);
    JsonNode ind = doc.path("indicator");
    List<Line> lines = new ArrayList<>();
    for (JsonNode f : doc.path("features")) {
      JsonNode p = f.path("properties");
      lines.add(
          new Line(
              p.path("code").asString(),
              p.path("name").asString(),
              p.path("value").isNumber() ? p.path("value").asDouble() : null,
              p.path("status").asString("missing"),
              p.path("reason").isNull() ? null : p.path("reason").asString(null)));
    }
    lines.sort((a, b) -> a.name().compareToIgnoreCase(b.name()));
    List<String> credits = new ArrayList<>();
    doc.path("attribution").forEach(a -> credits.add(a.asString()));
    return new Table(
        doc.path("level").asString(),
        doc.path("year").asInt(),
        ind.path("id").asString(""),
        ind.path("label").asString(""),
        ind.path("unit").asString(""),
        ind.path("source").asString(""),
        credits,
        lines);
  }

  static byte[] csv(Table t, Locale locale) {
    boolean nl = !Text.english(locale);
    char sep = nl ? ';' : ',';
    StringBuilder b = new StringBuilder("\uFEFF");
    List<String> header =
        columns(
            locale,
            "code",
            "name",
            "indicator",
            "label",
            "unit",
            "year",
            "value",
            "status",
            "reason",
            "source");
    b.append(String.join(String.valueOf(sep), header)).append("\r\n");
    for (Line l : t.lines()) {
      String value =
          l.value() == null ? "" : nl ? number(l.value()).replace('.', ',') : number(l.value());
      List<String> cells =
          List.of(
              l.code(),
              l.name(),
              t.indicatorId(),
              t.label(),
              t.unit(),
              Integer.toString(t.year()),
              value,
              l.status(),
              l.reason() == null ? "" : l.reason(),
              t.source() + " " + t.year());
      List<String> quoted = new ArrayList<>();
      for (String c : cells) {
        quoted.add(quote(c, sep));
      }
      b.append(String.join(String.valueOf(sep), quoted)).append("\r\n");
    }
    b.append("\r\n").append(quote(sources(t, locale), sep)).append("\r\n");
    return b.toString().getBytes(StandardCharsets.UTF_8);
  }

  static byte[] xlsx(Table t, Locale locale) {
    try (XSSFWorkbook wb = new XSSFWorkbook();
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      Sheet sheet =
          wb.createSheet(safeSheetName(t.indicatorId().isEmpty() ? "kaart" : t.indicatorId()));
      CellStyle bold = wb.createCellStyle();
      Font f = wb.createFont();
      f.setBold(true);
      bold.setFont(f);
      int r = 0;
      Row title = sheet.createRow(r++);
      title
          .createCell(0)
          .setCellValue(
              t.label() + (t.unit().isEmpty() ? "" : " (" + t.unit() + ")") + ", " + t.year());
      title.getCell(0).setCellStyle(bold);
      r++;
      Row head = sheet.createRow(r++);
      List<String> header =
          columns(locale, "code", "name", "value", "status", "reason", "year", "source");
      for (int i = 0; i < header.size(); i++) {
        Cell c = head.createCell(i);
        c.setCellValue(header.get(i));
        c.setCellStyle(bold);
      }
      for (Line l : t.lines()) {
        Row row = sheet.createRow(r++);
        row.createCell(0).setCellValue(l.code());
        row.createCell(1).setCellValue(l.name());
        if (l.value() != null) {
          row.createCell(2).setCellValue(l.value());
        } else {
          // a suppressed or missing figure is shown as such, never as 0
          row.createCell(2).setCellValue(statusText(l.status(), locale));
        }
        row.createCell(3).setCellValue(l.status());
        row.createCell(4).setCellValue(l.reason() == null ? "" : l.reason());
        row.createCell(5).setCellValue(t.year());
        row.createCell(6).setCellValue(t.source() + " " + t.year());
      }
      r++;
      sheet.createRow(r).createCell(0).setCellValue(sources(t, locale));
      sheet.setColumnWidth(0, 14 * 256);
      sheet.setColumnWidth(1, 34 * 256);
      sheet.setColumnWidth(2, 14 * 256);
      sheet.setColumnWidth(6, 44 * 256);
      wb.write(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String statusText(String status, Locale locale) {
    return switch (status) {
      case "secret" -> Text.msg("export.secret").in(locale);
      case "ok" -> "";
      default -> Text.msg("value.unknown").in(locale);
    };
  }

  private static List<String> columns(Locale locale, String... keys) {
    return java.util.Arrays.stream(keys).map(k -> Text.msg("export.col." + k).in(locale)).toList();
  }

  private static String sources(Table t, Locale locale) {
    return Text.msg("export.sources", "credits", String.join("; ", t.credits())).in(locale);
  }

  private static String number(double v) {
    return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
  }

  private static String quote(String s, char sep) {
    String safe = s;
    // no formula injection in spreadsheets
    if (!safe.isEmpty() && "=+-@".indexOf(safe.charAt(0)) >= 0 && !safe.matches("-?[0-9.,]+")) {
      safe = "'" + safe;
    }
    if (safe.indexOf(sep) >= 0 || safe.indexOf('"') >= 0 || safe.indexOf('\n') >= 0) {
      return "\"" + safe.replace("\"", "\"\"") + "\"";
    }
    return safe;
  }

  private static String safeSheetName(String s) {
    String n = s.replaceAll("[\\\\/?*\\[\\]:]", "_");
    return n.length() > 31 ? n.substring(0, 31) : n;
  }
}
