package nl.veerkracht.imports.read;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.veerkracht.area.domain.AreaCode;
import nl.veerkracht.common.Text;
import nl.veerkracht.statistics.domain.Indicator;

/**
 * CSV exports from CBS StatLine of any regional table: {@code ;}-separated, UTF-8 (often with a
 * byte-order mark), space-padded codes, figures right-aligned with spaces, and the CBS symbols
 * ({@code .} not available, {@code x} secret, {@code -} nil, {@code ?} unknown). Read are:
 *
 * <ul>
 *   <li>the typed export (keys as headers: {@code WijkenEnBuurten;Gemeentenaam_1;...;
 *       AantalInwoners_5});
 *   <li>"CSV met statistische symbolen" (titles as headers: {@code Wijken en buurten;Codering;
 *       Aantal inwoners (aantal)});
 *   <li>the same for any other regional table: a region column ({@code Regiocode (gemeente, wijk,
 *       buurt) (code)}, {@code Codering (code)}, {@code Wijken en buurten}, {@code Regio's}) and
 *       optionally {@code Perioden} ({@code 2019} or {@code 2019JJ00}) for the year.
 * </ul>
 *
 * Columns the catalogue does not know become source-named indicators: the id is a stable slug of
 * the column title without its unit, the unit comes from the title's last parentheses ({@code
 * Particuliere huishoudens (Aantal)} → {@code cbs_particuliere_huishoudens}, unit {@code Aantal}).
 */
public final class StatLineCsvReader implements FormatReader {

  private static final Set<String> TEXT =
      Set.of(
          "gemeentenaam",
          "gemeentenaam_1",
          "gemeentenaam_naam",
          "soort_regio",
          "soort_regio_omschrijving",
          "soortregio_2",
          "soort_regio_2",
          "indelingswijziging_gemeente_wijk_buurt",
          "indelingswijzigingwijkenenbuurten_4",
          "indelingswijziging_wijken_en_buurten",
          "indelingswijziginggemeentewijkbuurt_4",
          "meest_voorkomende_postcode",
          "meestvoorkomendepostcode_125",
          "meest_voorkomende_postcode_code",
          "id");

  /** Columns that hold names of regions; codes may stand in them too (the typed export). */
  private static final List<String> REGION_NAMES =
      List.of("WijkenEnBuurten", "Wijken en buurten", "Regio's", "Regios", "RegioS");

  /** Columns of the Kerncijfers only: they tell that table apart from other regional tables. */
  private static final List<String> KWB_ONLY =
      List.of(
          "Gemeentenaam",
          "Gemeentenaam_1",
          "Gemeentenaam (naam)",
          "Soort regio",
          "Soort regio (omschrijving)",
          "SoortRegio_2",
          "Codering_3",
          "Indelingswijziging wijken en buurten (code)");

  private static final Pattern UNIT = Pattern.compile("^(.*?)\\s*\\(([^()]*)\\)\\s*$");

  private static final Provenance CBS_STATLINE =
      new Provenance("CBS StatLine, regionale tabel {year}", "Bron: CBS", "CC BY 4.0");

  @Override
  public String kind() {
    return "cbs-statline-csv";
  }

  @Override
  public boolean recognises(Sniff sniff) throws IOException {
    if (!sniff.isDelimitedText()) {
      return false;
    }
    boolean regions = false;
    boolean codes = false;
    for (String h : sniff.header()) {
      regions |= REGION_NAMES.stream().anyMatch(r -> Indicator.normalise(r).equals(h));
      codes |= isCodeColumn(h);
    }
    // a titled export with names only is read too: its names are resolved to codes
    return regions;
  }

  /** A column holding region codes (normalised header). */
  private static boolean isCodeColumn(String normalised) {
    return normalised.equals("codering_3")
        || normalised.startsWith("codering")
        || normalised.startsWith("regiocode");
  }

  @Override
  public void read(Sniff sniff, ReadContext ctx, ImportSink sink) throws IOException {
    CsvTable table = CsvTable.read(sniff.file().name(), sniff.file().text(), (char) 0);
    List<String> header = table.header();
    int coding = -1;
    for (int c = 0; c < header.size() && coding < 0; c++) {
      coding = isCodeColumn(Indicator.normalise(header.get(c))) ? c : -1;
    }
    int regions = table.indexOf(REGION_NAMES.toArray(String[]::new));
    if (coding < 0
        && regions >= 0
        && !table.rows().isEmpty()
        && AreaCode.parse(String.valueOf(table.rows().get(0).get(regions)).strip()).isEmpty()) {
      // names only: resolved to the codes of their year, or the file is refused naming them
      Optional<CsvTable> coded = withCodes(sniff, table, regions, ctx, sink);
      if (coded.isEmpty()) {
        return;
      }
      table = coded.get();
      header = table.header();
      coding = header.size() - 1;
    }
    String codeColumn = header.get(coding >= 0 ? coding : regions);
    // In the typed export WijkenEnBuurten holds codes; in the titled export it holds names.
    String nameColumn = null;
    if (regions >= 0 && coding >= 0 && !table.rows().isEmpty()) {
      boolean holdsCodes = AreaCode.parse(table.rows().get(0).get(regions)).isPresent();
      nameColumn = holdsCodes ? null : header.get(regions);
    }
    boolean kwb = table.indexOf(KWB_ONLY.toArray(String[]::new)) >= 0;
    String source = kwb ? "CBS Kerncijfers wijken en buurten" : "CBS StatLine";
    if (!kwb) {
      sink.provenance(CBS_STATLINE);
    }
    int periods = table.indexOf("Perioden");
    WideLayout layout =
        WideLayout.of(codeColumn, nameColumn, "cbs", source)
            .withText(TEXT)
            .withIgnored(
                nameColumn == null && regions >= 0 && regions != header.indexOf(codeColumn)
                    ? Set.of(Indicator.normalise(header.get(regions)))
                    : Set.of())
            .withIndicators(titled(header, ctx, sink, source, Set.of(codeColumn, nameColumn)));
    if (periods >= 0) {
      layout = layout.withYearColumn(header.get(periods));
    }
    WideTableReader.read(sniff.file(), table, layout, ctx, null, sink);
  }

  /** The column added to a names-only export for the codes its names resolve to. */
  static final String RESOLVED_CODES = "Regiocode (code)";

  /**
   * The table with a code column for its region names, rows of other region kinds left out; empty
   * after rejecting the file when a name does not resolve to exactly one code of its year.
   */
  private static Optional<CsvTable> withCodes(
      Sniff sniff, CsvTable table, int regions, ReadContext ctx, ImportSink sink) {
    String file = sniff.file().name();
    int periods = table.indexOf("Perioden");
    int kinds = table.indexOf("Soort regio", "Soort regio (omschrijving)", "SoortRegio_2");
    int gemeenten = table.indexOf("Gemeentenaam", "Gemeentenaam (naam)", "Gemeentenaam_1");
    List<CsvTable.Row> rows = table.rows();
    Integer[] fileYear = {null};
    IntFunction<Integer> yearOf =
        i -> {
          Optional<Integer> y =
              periods < 0 ? Optional.empty() : WideTableReader.parseYear(rows.get(i).get(periods));
          if (y.isPresent()) {
            return y.get();
          }
          if (fileYear[0] == null) {
            fileYear[0] = ctx.resolveYear(sniff.file(), Optional.empty(), sink);
          }
          return fileYear[0];
        };
    RegionNames.Resolution r =
        RegionNames.resolve(rows, regions, kinds, gemeenten, yearOf, ctx.areas());
    if (!r.complete()) {
      boolean none = ctx.areas().areas().isEmpty();
      sink.reject(
          Rejection.ofFile(
              file,
              none
                  ? Text.msg("import.statline.names.noAreas", "file", file, "year", r.year())
                  : Text.msg(
                      "import.statline.names",
                      "file",
                      file,
                      "year",
                      r.year(),
                      "unknown",
                      list(r.unknown()),
                      "ambiguous",
                      list(r.ambiguous()))));
      return Optional.empty();
    }
    List<String> header = new ArrayList<>(table.header());
    header.add(RESOLVED_CODES);
    List<CsvTable.Row> coded = new ArrayList<>();
    for (int i = 0; i < rows.size(); i++) {
      if (r.codes()[i] != null) {
        String[] cells = java.util.Arrays.copyOf(rows.get(i).cells(), header.size());
        for (int c = rows.get(i).cells().length; c < cells.length - 1; c++) {
          cells[c] = "";
        }
        cells[cells.length - 1] = r.codes()[i];
        coded.add(new CsvTable.Row(rows.get(i).line(), cells));
      }
    }
    sink.note(
        Text.msg(
            "import.statline.names.resolved",
            "count",
            coded.size(),
            "year",
            r.year(),
            "other",
            r.otherKinds()));
    return Optional.of(CsvTable.of(header, coded, table.problems()));
  }

  /** At most ten names, then how many more. */
  private static String list(java.util.Set<String> names) {
    if (names.isEmpty()) {
      return "–";
    }
    List<String> shown = names.stream().limit(10).map(n -> "“" + n + "”").toList();
    return String.join(", ", shown) + (names.size() > 10 ? " (+" + (names.size() - 10) + ")" : "");
  }

  /**
   * Indicators for titled columns the catalogue does not know ("Particuliere huishoudens
   * (Aantal)"): a slug of the title without its unit, announced with the unit.
   */
  private static Map<String, String> titled(
      List<String> header, ReadContext ctx, ImportSink sink, String source, Set<String> skip) {
    Map<String, String> ids = new HashMap<>();
    Set<String> taken = new HashSet<>();
    for (String column : header) {
      Matcher m = UNIT.matcher(column.strip());
      if (skip.contains(column)
          || TEXT.contains(Indicator.normalise(column))
          || !m.matches()
          || Indicator.normalise(column).equals("perioden")
          || isCodeColumn(Indicator.normalise(column))
          || ctx.catalogue().findIdForColumn(column).isPresent()) {
        continue;
      }
      String title = m.group(1).replace("/", " / ").replaceAll("\\s+", " ").strip();
      String id = Indicator.sourceNamedId("cbs", m.group(1));
      if (!taken.add(id)) {
        id = Indicator.sourceNamedId("cbs", column);
      }
      ids.put(column, id);
      String unit = m.group(2).strip().toLowerCase(Locale.ROOT);
      sink.indicator(
          new Indicator(id, title, title, unit, source, null, "source", 2, column, "source"));
    }
    return ids;
  }

  @Override
  public Provenance provenance() {
    return Provenance.CBS_KWB;
  }
}
