package nl.veerkracht.imports;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import nl.veerkracht.common.Text;
import nl.veerkracht.imports.read.FormatReader;
import nl.veerkracht.imports.read.Rejection;
import nl.veerkracht.imports.read.Sniff;

/**
 * Imports a corporation's own data (stock, plans, allocations). Implemented by the features that
 * own those tables; {@link ImportService} runs them inside the same all-or-nothing transaction,
 * records provenance and writes the report.
 */
public interface CorporationImporter {

  /** The kinds this importer reads ({@code stock-units}, {@code vera-json}, ...). */
  List<String> kinds();

  /** The kind of file this is, when this importer knows it. */
  Optional<String> recognise(Sniff sniff) throws IOException;

  /**
   * Reads and checks a file; writes nothing.
   *
   * @param mapping column → field of a saved mapping, or empty
   */
  Pending read(
      Sniff sniff,
      String kind,
      long corporationId,
      java.util.Map<String, String> mapping,
      Consumer<Rejection> reject,
      Consumer<Text> note)
      throws IOException;

  /**
   * Brings what this importer placed on the map in line with boundaries that an import has just
   * added or changed, inside that import's transaction (units imported before the area geometry get
   * their buurten now).
   *
   * @param years the division years whose boundaries changed
   * @param note receives what the report should say
   * @return the number of rows written
   */
  default long afterBoundariesChanged(java.util.Set<Integer> years, Consumer<Text> note) {
    return 0;
  }

  /** A file that was read and checked, waiting to be written. */
  interface Pending {
    long rowsRead();

    long rowsImported();

    /**
     * Writes inside the import's transaction.
     *
     * @return the number of records inserted or changed (0 when all was there already)
     */
    long write(long importId);

    FormatReader.Provenance provenance();
  }

  /** The kinds of all importers, for usage texts. */
  static List<String> kindsOf(List<CorporationImporter> importers) {
    return importers.stream().flatMap(i -> i.kinds().stream()).toList();
  }

  /** A rejection that concerns the whole file. */
  static Rejection fileProblem(String file, String reason) {
    return new Rejection(file, 0, null, reason);
  }
}
