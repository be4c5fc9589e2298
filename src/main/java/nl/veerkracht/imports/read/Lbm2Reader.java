package nl.veerkracht.imports.read;

import java.io.IOException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.veerkracht.area.domain.AreaCode;
import nl.veerkracht.statistics.domain.Indicator;

/**
 * Leefbaarometer 2.0 (meting 2016) tables on the 2016 area division, in three layouts:
 *
 * <ul>
 *   <li>dimension scores: {@code GBD, JAAR, RLBRMTR, RLBWON, RLBBEV, RLBVRZ, RLBVEI, RLBFYS};
 *   <li>development between two years: {@code GBD, BEGIN, EINDE, DLBRMTR, ...}, stored in the end
 *       year under {@code lbm2_change_<dimension>_since_<begin>};
 *   <li>classes: {@code GM_CODE}, {@code WK_CODE} or {@code BU_CODE}, {@code KL02 ... KL16} (class
 *       1–9 per year) and {@code VKL0208 ...} (class of change between two years), stored as {@code
 *       lbm2_class} and {@code lbm2_class_change_since_<begin>}.
 * </ul>
 *
 * Every table comes at gemeente, wijk and buurt level; the level follows from the codes ({@code
 * GBD} holds any of them). LBM 2.0 has other dimensions than 3.x (bewoners and veiligheid instead
 * of sociale samenhang and overlast en onveiligheid), so its figures keep their own {@code lbm2_}
 * ids.
 */
public final class Lbm2Reader implements FormatReader {

  static final int DIVISION_YEAR = 2016;
  private static final Pattern CLASS = Pattern.compile("KL(\\d\\d)");
  private static final Pattern CLASS_CHANGE = Pattern.compile("VKL(\\d\\d)(\\d\\d)");
  private static final Map<String, String> DIMENSIONS =
      Map.of(
          "LBRMTR", "total", "LBWON", "won", "LBBEV", "bev", "LBVRZ", "vrz", "LBVEI", "vei",
          "LBFYS", "fys");
  private static final Map<String, String> DIMENSION_LABELS =
      Map.of(
          "total",
          "totaalscore",
          "won",
          "woningen",
          "bev",
          "bewoners",
          "vrz",
          "voorzieningen",
          "vei",
          "veiligheid",
          "fys",
          "fysieke omgeving");

  @Override
  public String kind() {
    return "lbm2";
  }

  @Override
  public boolean recognises(Sniff sniff) throws IOException {
    if (!sniff.isDelimitedText()) {
      return false;
    }
    return (sniff.hasColumns("GBD") && sniff.hasAnyColumn("RLBRMTR", "DLBRMTR"))
        || (sniff.hasAnyColumn("GM_CODE", "WK_CODE", "BU_CODE")
            && sniff.hasAnyColumn("KL16", "KL14", "KL12", "KL08", "KL02"));
  }

  @Override
  public void read(Sniff sniff, ReadContext ctx, ImportSink sink) throws IOException {
    CsvTable table = CsvTable.read(sniff.file().name(), sniff.file().text(), (char) 0);
    table.problems().forEach(sink::reject);
    List<String> header = table.header();
    int codeIndex = table.indexOf("GBD", "WK_CODE", "GM_CODE", "BU_CODE");
    int yearIndex = table.indexOf("JAAR");
    int beginIndex = table.indexOf("BEGIN");
    int endIndex = table.indexOf("EINDE");
    int division = ctx.year() != null ? ctx.year() : DIVISION_YEAR;
    Set<String> announced = new HashSet<>();
    for (CsvTable.Row row : table.rows()) {
      if (sink.saturated()) {
        return;
      }
      sink.rowRead();
      Optional<AreaCode> code = AreaCode.parse(row.get(codeIndex));
      if (code.isEmpty()) {
        sink.reject(
            new Rejection(
                sniff.file().name(),
                row.line(),
                header.get(codeIndex),
                "'" + WideTableReader.shorten(row.get(codeIndex)) + "' is not a CBS area code"));
        continue;
      }
      Map<String, ValueRecord> values = new HashMap<>();
      boolean ok = true;
      for (int c = 0; c < header.size(); c++) {
        String column = header.get(c).strip().toUpperCase(java.util.Locale.ROOT);
        Target target = target(column, row, yearIndex, beginIndex, endIndex);
        if (target == null) {
          continue;
        }
        if (target.year == null) {
          sink.reject(
              new Rejection(
                  sniff.file().name(), row.line(), header.get(c), "the row has no valid year"));
          ok = false;
          break;
        }
        Optional<ParsedValue> parsed = Values.parse(row.get(c));
        if (parsed.isEmpty()) {
          sink.reject(
              new Rejection(
                  sniff.file().name(),
                  row.line(),
                  header.get(c),
                  "'" + WideTableReader.shorten(row.get(c)) + "' is not a number"));
          ok = false;
          continue;
        }
        if (ctx.catalogue().find(target.indicator).isEmpty() && announced.add(target.indicator)) {
          sink.indicator(target.definition());
        }
        ParsedValue v = parsed.get();
        values.put(
            target.indicator + "@" + target.year,
            new ValueRecord(
                code.get(),
                target.year,
                division,
                target.indicator,
                v.value(),
                v.status(),
                v.reason()));
      }
      if (ok) {
        sink.area(new AreaRecord(code.get(), division, null, null, Map.of()));
        values.values().forEach(sink::value);
        sink.rowImported();
      }
    }
  }

  /** What a column of this row means, or null for the code and year columns. */
  private record Target(String indicator, Integer year, String labelNl, String labelEn) {
    Indicator definition() {
      return new Indicator(
          indicator,
          labelNl,
          labelEn,
          indicator.contains("class") ? "klasse" : "afwijking",
          "Leefbaarometer 2.0",
          false,
          "livability",
          indicator.contains("class") ? 0 : 3,
          null,
          "source");
    }
  }

  private static Target target(
      String column, CsvTable.Row row, int yearIndex, int beginIndex, int endIndex) {
    Matcher m = CLASS_CHANGE.matcher(column);
    if (m.matches()) {
      int begin = twoDigitYear(m.group(1));
      return new Target(
          "lbm2_class_change_since_" + begin,
          twoDigitYear(m.group(2)),
          "Leefbaarometer 2.0: klasse van ontwikkeling sinds " + begin,
          "Leefbaarometer 2.0: class of change since " + begin);
    }
    m = CLASS.matcher(column);
    if (m.matches()) {
      return new Target("lbm2_class", twoDigitYear(m.group(1)), null, null);
    }
    if (column.length() > 1 && DIMENSIONS.containsKey(column.substring(1))) {
      String dim = DIMENSIONS.get(column.substring(1));
      if (column.startsWith("R")) {
        Integer year = WideTableReader.parseYear(row.get(yearIndex)).orElse(null);
        return new Target(
            dim.equals("total") ? "lbm2_score_dev" : "lbm2_" + dim,
            yearIndex < 0 ? null : year,
            null,
            null);
      }
      if (column.startsWith("D") && beginIndex >= 0 && endIndex >= 0) {
        Integer begin = WideTableReader.parseYear(row.get(beginIndex)).orElse(null);
        Integer end = WideTableReader.parseYear(row.get(endIndex)).orElse(null);
        if (begin == null) {
          return new Target("lbm2_change_" + dim, null, null, null);
        }
        return new Target(
            "lbm2_change_" + dim + "_since_" + begin,
            end,
            "Leefbaarometer 2.0: ontwikkeling " + DIMENSION_LABELS.get(dim) + " sinds " + begin,
            "Leefbaarometer 2.0: change in " + dim + " since " + begin);
      }
    }
    return null;
  }

  private static int twoDigitYear(String yy) {
    return 2000 + Integer.parseInt(yy);
  }

  @Override
  public Provenance provenance() {
    return new Provenance(
        "Leefbaarometer 2.0, meting 2016 (Ministerie van BZK / RIGO / Atlas Research)",
        "Bron: Leefbaarometer 2.0, Ministerie van BZK",
        "open data, data.overheid.nl");
  }
}
