package nl.veerkracht.imports;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import nl.veerkracht.imports.read.ImportFile;

/**
 * Turns an uploaded or named file into the files to read: {@code .gz} is gunzipped, {@code .zip}
 * yields its data files, anything else is used as it is. Sizes are checked while unpacking, so a
 * zip bomb is stopped after at most the size limit was written, never after filling the disk.
 */
final class Unpacker {

  /** The file is too large, or expands suspiciously; the message is for the user. */
  static final class TooLargeException extends IOException {
    TooLargeException(String message) {
      super(message);
    }
  }

  private final long maxBytes;
  private final int maxRatio;
  private final Path workDir;

  Unpacker(long maxBytes, int maxRatio, Path workDir) {
    this.maxBytes = maxBytes;
    this.maxRatio = maxRatio;
    this.workDir = workDir;
  }

  /**
   * The files to read; on any refusal (too large, a bomb, broken) every copy made so far is deleted
   * before the exception leaves, so a rejected archive leaves nothing on disk.
   */
  List<ImportFile> unpack(String name, Path path) throws IOException {
    created.clear();
    try {
      return unpackChecked(name, path);
    } catch (IOException | RuntimeException e) {
      for (Path p : created) {
        Files.deleteIfExists(p);
      }
      throw e;
    } finally {
      created.clear();
    }
  }

  private final List<Path> created = new ArrayList<>();

  private Path newWorkFile(String prefix) throws IOException {
    Path p = Files.createTempFile(workDir, prefix, ".data");
    created.add(p);
    return p;
  }

  private List<ImportFile> unpackChecked(String name, Path path) throws IOException {
    long size = Files.size(path);
    if (size > maxBytes) {
      throw new TooLargeException(
          name
              + " is "
              + human(size)
              + "; the limit is "
              + human(maxBytes)
              + " (veerkracht.imports.max-upload-bytes)");
    }
    String lower = name.toLowerCase(java.util.Locale.ROOT);
    if (lower.endsWith(".gz")) {
      Path out = newWorkFile("unpacked-");
      try (InputStream in = new GZIPInputStream(Files.newInputStream(path), 1 << 16)) {
        copyLimited(in, out, name, size);
      } catch (java.util.zip.ZipException | java.io.EOFException e) {
        throw new IOException(name + " is not a complete gzip file (" + e.getMessage() + ")");
      }
      return List.of(new ImportFile(name.substring(0, name.length() - 3), out));
    }
    if (lower.endsWith(".zip")) {
      return unzip(name, path, size);
    }
    return List.of(new ImportFile(name, path));
  }

  private List<ImportFile> unzip(String name, Path path, long packedSize) throws IOException {
    List<ImportFile> files = new ArrayList<>();
    long total = 0;
    try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(path))) {
      ZipEntry entry;
      while ((entry = zip.getNextEntry()) != null) {
        String entryName = entry.getName();
        if (entry.isDirectory()
            || entryName.startsWith("__MACOSX/")
            || entryName.contains("/.")
            || !isDataFile(entryName)) {
          continue;
        }
        Path out = newWorkFile("unzipped-");
        long written = copyLimited(zip, out, name + "!/" + entryName, packedSize, maxBytes - total);
        total += written;
        files.add(new ImportFile(name + "!/" + entryName, out));
      }
    } catch (java.util.zip.ZipException e) {
      throw new IOException(name + " is not a readable zip file (" + e.getMessage() + ")");
    }
    if (files.isEmpty()) {
      throw new IOException(
          name + " holds no data files (csv, json, geojson, topojson, gpkg, xlsx)");
    }
    return files;
  }

  static boolean isDataFile(String entryName) {
    String l = entryName.toLowerCase(java.util.Locale.ROOT);
    return l.endsWith(".csv")
        || l.endsWith(".json")
        || l.endsWith(".geojson")
        || l.endsWith(".topojson")
        || l.endsWith(".gpkg")
        || l.endsWith(".txt")
        || l.endsWith(".xlsx")
        || l.endsWith(".tsv");
  }

  private long copyLimited(InputStream in, Path out, String name, long packedSize)
      throws IOException {
    return copyLimited(in, out, name, packedSize, maxBytes);
  }

  private long copyLimited(InputStream in, Path out, String name, long packedSize, long budget)
      throws IOException {
    long ratioLimit = Math.max(packedSize, 1) * maxRatio;
    long written = 0;
    byte[] buffer = new byte[1 << 16];
    try (OutputStream os = Files.newOutputStream(out)) {
      int n;
      while ((n = in.read(buffer)) > 0) {
        written += n;
        if (written > budget) {
          throw new TooLargeException(
              name
                  + " unpacks to more than "
                  + human(maxBytes)
                  + ", the size limit; nothing was imported");
        }
        if (written > ratioLimit && written > 1 << 20) {
          throw new TooLargeException(
              name
                  + " expands more than "
                  + maxRatio
                  + " times its packed size (a zip bomb?); nothing was imported");
        }
        os.write(buffer, 0, n);
      }
    }
    return written;
  }

  static String human(long bytes) {
    if (bytes >= 1 << 20) {
      return String.format(java.util.Locale.ROOT, "%.1f MB", bytes / 1048576.0);
    }
    if (bytes >= 1 << 10) {
      return String.format(java.util.Locale.ROOT, "%.1f kB", bytes / 1024.0);
    }
    return bytes + " bytes";
  }
}
