package nl.veerkracht.imports;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import nl.veerkracht.VeerkrachtProperties;
import nl.veerkracht.imports.ImportReport.FileReport;
import nl.veerkracht.imports.read.ImportFile;
import nl.veerkracht.imports.read.Rejection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The files of a run unpacked (gz, zip) within the size limits, with checksums; a file that cannot
 * be unpacked is refused before anything is read. Closing removes the unpacked copies.
 */
final class RunPreparation implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(RunPreparation.class);

  final List<PreparedFile> files = new ArrayList<>();
  final List<FileReport> refused = new ArrayList<>();
  private final List<Path> temporary = new ArrayList<>();

  private RunPreparation() {}

  static RunPreparation of(ImportRequest request, VeerkrachtProperties properties) {
    Path work;
    try {
      work = Files.createDirectories(properties.home().resolve("uploads/work"));
    } catch (IOException e) {
      throw new IllegalStateException("Cannot create the work folder in " + properties.home(), e);
    }
    VeerkrachtProperties.Imports limits = properties.imports();
    Unpacker unpacker = new Unpacker(limits.maxUploadBytes(), limits.maxExpansionRatio(), work);
    RunPreparation run = new RunPreparation();
    for (ImportRequest.NamedFile f : request.files()) {
      try {
        for (ImportFile file : unpacker.unpack(f.name(), f.path())) {
          if (!file.path().equals(f.path())) {
            run.temporary.add(file.path());
          }
          run.files.add(new PreparedFile(file, checksum(file.path()), file.size()));
        }
      } catch (IOException e) {
        run.refused.add(
            FileReport.refused(f.name(), new Rejection(f.name(), 0, null, e.getMessage())));
      }
    }
    return run;
  }

  static String checksum(Path path) throws IOException {
    try (InputStream in = Files.newInputStream(path)) {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      byte[] buffer = new byte[1 << 16];
      int n;
      while ((n = in.read(buffer)) > 0) {
        digest.update(buffer, 0, n);
      }
      return HexFormat.of().formatHex(digest.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    for (Path p : temporary) {
      try {
        Files.deleteIfExists(p);
      } catch (IOException e) {
        log.debug("Could not delete {}", p);
      }
    }
  }
}
