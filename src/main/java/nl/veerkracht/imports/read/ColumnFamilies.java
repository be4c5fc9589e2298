package nl.veerkracht.imports.read;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Who publishes a column of a map file (issue 28, finding 1). A gemeente GeoJSON built from the
 * PDOK Wijk- en buurtkaart may be enriched with police crime ({@code cr_*}), Vektis health costs
 * ({@code zk_*}), the landbouwtelling ({@code lbt_*}), GBIF species ({@code ff_*}) and BAG counts
 * ({@code bag_*}); those figures are stored under their own publisher, never under the file's. A
 * field of the Wijk- en buurtkaart itself is a CBS figure; a field nobody recognises is stored
 * under "bron onbekend: kolom X uit bestand Y". Reference-year fields ({@code zk_jaar}, {@code
 * bbg_peiljaar}) are attributes, not figures.
 */
final class ColumnFamilies {

  /** A family of columns: its field prefix, the prefix of its indicator ids, its publisher. */
  record Family(String fieldPrefix, String idPrefix, String source) {}

  static final String KWB_SOURCE = "CBS Wijk- en buurtkaart";

  private static final List<Family> FOREIGN =
      List.of(
          new Family("cr_", "politie", "Politie, geregistreerde criminaliteit"),
          new Family("zk_", "vektis", "Vektis, zorgkosten"),
          new Family("lbt_", "lbt", "CBS Landbouwtelling"),
          new Family("ff_", "gbif", "GBIF, waarnemingen van soorten"),
          new Family("bag_", "bag", "Kadaster, Basisregistratie Adressen en Gebouwen (BAG)"),
          new Family("rivm_", "rivm", "RIVM"),
          new Family("lbm_", "lbm", "Leefbaarometer (BZK)"),
          new Family("ses_", "ses", "CBS SES-WOA"));

  /** Fields of the Wijk- en buurtkaart of 2017 and earlier: upper-case abbreviations. */
  private static final Pattern KWB_ABBREVIATION =
      Pattern.compile(
          "(AANT|AANTAL|P|A|G|AF|AV\\d+|BEV|WOZ|WON|OPP|OAD|STED|PST|PST_MVP|IND|DEK|BEDR|UITK|INK"
              + "|AUTO|MOTOR|OPL|GEM|HUISH|GEB|STERFT|WONING|UIT)(_[A-Z0-9]+)*");

  /** Reference years: a figure's year, not a figure. */
  private static final Pattern REFERENCE_YEAR =
      Pattern.compile("(?i).*(_jaar|peiljaar|_peildatum|_year|_periode)");

  private static final Set<String> KWB_FIELDS = load();

  private ColumnFamilies() {}

  /** The foreign family of a field, if any. */
  static Optional<Family> foreign(String field) {
    String f = field.toLowerCase(Locale.ROOT);
    return FOREIGN.stream().filter(x -> f.startsWith(x.fieldPrefix())).findFirst();
  }

  /** Whether the field is one of the Wijk- en buurtkaart's own. */
  static boolean kwb(String field) {
    return KWB_FIELDS.contains(field.toLowerCase(Locale.ROOT))
        || KWB_ABBREVIATION.matcher(field).matches();
  }

  /** Whether the field holds the reference year of other fields. */
  static boolean referenceYear(String field) {
    return REFERENCE_YEAR.matcher(field).matches();
  }

  /** The source of a field nobody recognises. */
  static String unknownSource(String field, String file) {
    return "bron onbekend: kolom " + field + " uit bestand " + file;
  }

  private static Set<String> load() {
    Set<String> names = new HashSet<>();
    try (var in = ColumnFamilies.class.getResourceAsStream("/imports/kwb-fields.txt");
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      for (String line; (line = r.readLine()) != null; ) {
        String l = line.strip();
        if (!l.isEmpty() && !l.startsWith("#")) {
          names.add(l);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return names;
  }
}
