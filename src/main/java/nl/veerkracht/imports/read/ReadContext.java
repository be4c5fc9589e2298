package nl.veerkracht.imports.read;

import java.util.Map;
import java.util.Optional;
import java.util.function.IntFunction;
import nl.veerkracht.common.Text;
import nl.veerkracht.statistics.domain.IndicatorCatalogue;
import nl.veerkracht.statistics.domain.TableProperty;

/**
 * What a reader may know besides the file.
 *
 * @param year the year the user gave ({@code --year}), or null
 * @param tableProperties CBS OData table properties by year, from earlier DataProperties imports
 * @param repairGeometry repair invalid polygons instead of rejecting the file
 * @param areas the areas held, by name (for files that name regions without their codes)
 */
public record ReadContext(
    Integer year,
    IndicatorCatalogue catalogue,
    IntFunction<Map<String, TableProperty>> tableProperties,
    boolean repairGeometry,
    AreaDirectory areas) {

  public static ReadContext of(Integer year) {
    return new ReadContext(
        year, IndicatorCatalogue.standard(), y -> Map.of(), false, AreaDirectory.NONE);
  }

  /** The same context with these areas known by name. */
  public ReadContext withAreas(AreaDirectory directory) {
    return new ReadContext(year, catalogue, tableProperties, repairGeometry, directory);
  }

  /**
   * The year to use: the user's, else one found in the file, else one in the file name.
   *
   * @throws MissingYearException when none is known
   */
  public int resolveYear(ImportFile file, Optional<Integer> inFile, ImportSink sink) {
    if (year != null) {
      return year;
    }
    if (inFile.isPresent()) {
      return inFile.get();
    }
    Optional<Integer> fromName = Values.yearInFileName(file.name());
    if (fromName.isPresent()) {
      sink.note(Text.msg("report.note.yearFromName", "year", fromName.get(), "file", file.name()));
      return fromName.get();
    }
    throw new MissingYearException(
        file.name()
            + " does not say which year it describes; give it with --year (or the year field)");
  }

  /**
   * The whole file is refused for what it is (a grid file read as buurten, say); the message names
   * the format and what to use instead.
   */
  public static final class RefusedFileException extends RuntimeException {
    public RefusedFileException(String message) {
      super(message);
    }
  }

  /** The file does not say its year and the user did not either. */
  public static final class MissingYearException extends RuntimeException {
    public MissingYearException(String message) {
      super(message);
    }
  }
}
