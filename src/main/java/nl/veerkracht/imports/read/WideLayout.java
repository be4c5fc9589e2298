package nl.veerkracht.imports.read;

import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * How to read a table with one row per area and one column per figure.
 *
 * @param codeColumn the column holding the CBS area code
 * @param nameColumn the column with the area's name, or null
 * @param yearColumn a column with the reference year per row, or null to use the context's year
 * @param textColumns columns that hold text kept as area attributes (normalised names)
 * @param ignoredColumns columns to skip entirely (normalised names; row indexes and the like)
 * @param explicitIndicators column → indicator id, before catalogue aliases are tried
 * @param unknownPrefix prefix for source-named indicators of unknown numeric columns
 * @param unknownSource source named in the catalogue for such indicators
 * @param zeroIsMissing columns where 0 means "unknown" in this file
 */
public record WideLayout(
    String codeColumn,
    String nameColumn,
    String yearColumn,
    Set<String> textColumns,
    Set<String> ignoredColumns,
    Map<String, String> explicitIndicators,
    String unknownPrefix,
    String unknownSource,
    Predicate<String> zeroIsMissing) {

  public static WideLayout of(
      String codeColumn, String nameColumn, String unknownPrefix, String unknownSource) {
    return new WideLayout(
        codeColumn,
        nameColumn,
        null,
        Set.of(),
        Set.of(),
        Map.of(),
        unknownPrefix,
        unknownSource,
        c -> false);
  }

  public WideLayout withYearColumn(String column) {
    return new WideLayout(
        codeColumn,
        nameColumn,
        column,
        textColumns,
        ignoredColumns,
        explicitIndicators,
        unknownPrefix,
        unknownSource,
        zeroIsMissing);
  }

  public WideLayout withText(Set<String> columns) {
    return new WideLayout(
        codeColumn,
        nameColumn,
        yearColumn,
        columns,
        ignoredColumns,
        explicitIndicators,
        unknownPrefix,
        unknownSource,
        zeroIsMissing);
  }

  public WideLayout withIgnored(Set<String> columns) {
    return new WideLayout(
        codeColumn,
        nameColumn,
        yearColumn,
        textColumns,
        columns,
        explicitIndicators,
        unknownPrefix,
        unknownSource,
        zeroIsMissing);
  }

  public WideLayout withIndicators(Map<String, String> columns) {
    return new WideLayout(
        codeColumn,
        nameColumn,
        yearColumn,
        textColumns,
        ignoredColumns,
        columns,
        unknownPrefix,
        unknownSource,
        zeroIsMissing);
  }

  public WideLayout withZeroIsMissing(Predicate<String> columns) {
    return new WideLayout(
        codeColumn,
        nameColumn,
        yearColumn,
        textColumns,
        ignoredColumns,
        explicitIndicators,
        unknownPrefix,
        unknownSource,
        columns);
  }
}
