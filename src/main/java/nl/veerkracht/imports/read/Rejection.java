package nl.veerkracht.imports.read;

import nl.veerkracht.common.Text;

/**
 * Why part of a file cannot be imported. Any rejection rejects the whole file.
 *
 * @param unit what {@code line} counts: {@code line} in text files, {@code feature} or {@code
 *     record} in JSON and GeoPackage files
 * @param line 1-based position of the line, feature or record; 0 when it concerns the file
 * @param column the column or field, or null
 * @param text the reason in both languages, or null where only the English reason exists
 */
public record Rejection(
    String file, String unit, long line, String column, String reason, Text text) {

  public Rejection(String file, String unit, long line, String column, String reason) {
    this(file, unit, line, column, reason, null);
  }

  /** A rejection at a line of a text file. */
  public Rejection(String file, long line, String column, String reason) {
    this(file, "line", line, column, reason);
  }

  /** A rejection of the whole file, with its reason in both languages for the pages. */
  public static Rejection ofFile(String file, Text reason) {
    return new Rejection(file, "line", 0, null, reason.en(), reason);
  }

  /** The reason in the reader's language where it is known in both, else as written. */
  public String reason(java.util.Locale locale) {
    return text == null ? reason : text.in(locale);
  }

  /** A rejection of the n-th feature (GeoJSON, TopoJSON, GeoPackage). */
  public static Rejection feature(String file, long n, String column, String reason) {
    return new Rejection(file, "feature", n, column, reason);
  }

  /** A rejection of the n-th record of a JSON document. */
  public static Rejection record(String file, long n, String column, String reason) {
    return new Rejection(file, "record", n, column, reason);
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder(file);
    if (line > 0) {
      sb.append(", ").append(unit).append(' ').append(line);
    }
    if (column != null) {
      sb.append(", column ").append(column);
    }
    return sb.append(": ").append(reason).toString();
  }
}
