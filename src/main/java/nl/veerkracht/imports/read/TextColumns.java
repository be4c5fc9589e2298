package nl.veerkracht.imports.read;

import java.util.Locale;
import java.util.Set;

/**
 * Columns that are text by nature in every reader, even when their values look like numbers: the
 * CBS indelingswijziging code ("1" = unchanged), year-and-code fields and postcodes. One rule for
 * every format, so the same column is never an attribute in one reader and a figure in another
 * (issue 28, finding 7).
 */
final class TextColumns {

  private static final Set<String> EXACT =
      Set.of("indwbi", "jaarstatcode", "jrstatcode", "postcode", "pc4", "meestvoorkomendepostcode");

  private TextColumns() {}

  /** Whether a column of this name is text, whatever its values look like. */
  static boolean always(String column) {
    if (column == null) {
      return false;
    }
    // "IndelingswijzigingWijkenEnBuurten_4", "indelingswijziging_wijken_en_buurten", "IND_WBI"
    String key =
        column.toLowerCase(Locale.ROOT).replaceAll("_\\d+$", "").replaceAll("[^a-z0-9]", "");
    return EXACT.contains(key)
        || key.startsWith("indelingswijziging")
        || key.startsWith("regioaanduidingindelingswijziging");
  }
}
