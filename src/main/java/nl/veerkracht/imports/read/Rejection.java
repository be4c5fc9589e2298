package nl.veerkracht.imports.read;

/**
 * Why part of a file cannot be imported. Any rejection rejects the whole file.
 *
 * @param unit what {@code line} counts: {@code line} in text files, {@code feature} or {@code
 *     record} in JSON and GeoPackage files
 * @param line 1-based position of the line, feature or record; 0 when it concerns the file
 * @param column the column or field, or null
 */
public record Rejection(String file, String unit, long line, String column, String reason) {

  /** A rejection at a line of a text file. */
  public Rejection(String file, long line, String column, String reason) {
    this(file, "line", line, column, reason);
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
