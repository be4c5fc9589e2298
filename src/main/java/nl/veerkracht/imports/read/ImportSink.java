package nl.veerkracht.imports.read;

import nl.veerkracht.common.Text;
import nl.veerkracht.statistics.domain.Indicator;
import nl.veerkracht.statistics.domain.TableInfo;
import nl.veerkracht.statistics.domain.TableProperty;

/** Receives what a reader finds in a file. Readers never write anywhere else. */
public interface ImportSink {

  void area(AreaRecord area);

  void value(ValueRecord value);

  /** A source-defined indicator: an unknown column kept under its source name, or metadata. */
  void indicator(Indicator indicator);

  /** A CBS OData table property from a DataProperties document, for later row imports. */
  default void tableProperty(TableProperty property) {}

  /** A CBS table's description from a TableInfos document. */
  default void tableInfo(TableInfo info) {}

  void reject(Rejection rejection);

  /** Counts one data row read (a CSV line, a feature, a JSON record). */
  void rowRead();

  /** Counts one data row that produced areas or values. */
  void rowImported();

  /** Whether the reader should stop early (too many rejections to be useful). */
  default boolean saturated() {
    return false;
  }

  /**
   * Where this file's data comes from, when the reader learns more from the file than its {@link
   * FormatReader#provenance()} says (a StatLine table other than the Kerncijfers).
   */
  default void provenance(FormatReader.Provenance provenance) {}

  /** A remark for the report that is not a rejection (a year taken from the file name, ...). */
  void note(Text note);
}
