package nl.veerkracht.imports;

import java.nio.file.Path;
import java.util.List;

/**
 * An import run: one or more files read and written in one transaction.
 *
 * @param kind the reader to use, or null to recognise each file
 * @param year the year when the files do not say it, or null
 * @param corporationId the corporation whose own data this is, or null for public data
 * @param mapping the name of a saved column mapping to read with, or null
 * @param actor who imports ("admin", "cli:jan")
 * @param repairGeometry repair invalid polygons instead of rejecting
 */
public record ImportRequest(
    List<NamedFile> files,
    String kind,
    Integer year,
    Long corporationId,
    String mapping,
    String actor,
    boolean repairGeometry) {

  /**
   * A file and the name the user knows it by.
   *
   * @param sourceUrl where it was downloaded from (recorded with the import), or null
   */
  public record NamedFile(String name, Path path, String sourceUrl) {
    public NamedFile(String name, Path path) {
      this(name, path, null);
    }
  }
}
