package nl.veerkracht.imports.read;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A file to import, already decompressed and within the size limits.
 *
 * @param name the name the user knows it by (shown in reports)
 * @param path where its content is
 */
public record ImportFile(String name, Path path) {

  public InputStream open() throws IOException {
    return Files.newInputStream(path);
  }

  public long size() throws IOException {
    return Files.size(path);
  }

  /** The content as text (UTF-8, a byte-order mark removed). */
  public String text() throws IOException {
    String s = Files.readString(path, StandardCharsets.UTF_8);
    return s.startsWith("\uFEFF") ? s.substring(1) : s;
  }

  /** The lowercase file name without a compression suffix. */
  public String baseName() {
    String n = name.replaceAll(".*[/\\\\]", "").toLowerCase(java.util.Locale.ROOT);
    return n.endsWith(".gz") ? n.substring(0, n.length() - 3) : n;
  }

  public String extension() {
    String b = baseName();
    int dot = b.lastIndexOf('.');
    return dot < 0 ? "" : b.substring(dot + 1);
  }
}
