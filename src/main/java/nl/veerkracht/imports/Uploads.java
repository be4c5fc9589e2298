package nl.veerkracht.imports;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import nl.veerkracht.VeerkrachtProperties;
import nl.veerkracht.common.BadRequestException;
import nl.veerkracht.common.Text;
import nl.veerkracht.corporation.Corporation;
import nl.veerkracht.corporation.CorporationRepository;
import nl.veerkracht.security.CurrentUser;
import org.springframework.stereotype.Component;
import org.springframework.web.multipart.MultipartFile;

/**
 * Turns an uploaded file and its form fields into an {@link ImportRequest}, checking who asks:
 * public data needs an administrator or an analyst, a corporation's own data its analyst.
 */
@Component
public class Uploads {

  private final VeerkrachtProperties properties;
  private final CurrentUser currentUser;
  private final CorporationRepository corporations;
  private final ImportService imports;

  public Uploads(
      VeerkrachtProperties properties,
      CurrentUser currentUser,
      CorporationRepository corporations,
      ImportService imports) {
    this.imports = imports;
    this.properties = properties;
    this.currentUser = currentUser;
    this.corporations = corporations;
  }

  public ImportRequest request(
      MultipartFile file,
      String kind,
      Integer year,
      String corporation,
      String mapping,
      boolean repair) {
    Long corporationId = null;
    if (corporation != null && !corporation.isBlank()) {
      String code = corporation.trim().toUpperCase(Locale.ROOT);
      corporationId = currentUser.requireAnalyst(code).corporationId();
      corporations
          .findByCode(code)
          .map(Corporation::id)
          .orElseThrow(
              () ->
                  new BadRequestException(
                      Text.msg("error.noCorporation", "code", String.valueOf(code))));
    } else {
      currentUser.requirePublicDataWriter();
    }
    if (file == null || file.isEmpty()) {
      throw new BadRequestException(Text.msg("error.imports.emptyFile"));
    }
    if (kind != null
        && !kind.isBlank()
        && !kind.startsWith("mapping:")
        && !imports.kinds().contains(kind)) {
      throw new BadRequestException(
          Text.msg(
              "error.imports.kind",
              "kind",
              String.valueOf(kind),
              "known",
              String.valueOf(String.join(", ", imports.kinds()))));
    }
    if (year != null && (year < 1980 || year > 2099)) {
      throw new BadRequestException(Text.msg("error.imports.year", "year", String.valueOf(year)));
    }
    String name = safeName(file.getOriginalFilename());
    Path stored = store(file);
    return new ImportRequest(
        List.of(new ImportRequest.NamedFile(name, stored)),
        kind == null || kind.isBlank() ? null : kind,
        year,
        corporationId,
        mapping == null || mapping.isBlank() ? null : mapping,
        currentUser.findUsername().orElse("?"),
        repair);
  }

  /** Copies an upload into the data folder (it may live only in memory or a servlet temp file). */
  Path store(MultipartFile file) {
    try {
      Path dir = Files.createDirectories(properties.home().resolve("uploads/incoming"));
      Path target = Files.createTempFile(dir, "upload-", ".data");
      file.transferTo(target);
      return target;
    } catch (IOException e) {
      throw new UncheckedIOException("Could not store the upload", e);
    }
  }

  public void discard(ImportRequest request) {
    for (ImportRequest.NamedFile f : request.files()) {
      try {
        Files.deleteIfExists(f.path());
      } catch (IOException e) {
        // left for the next clean-up
      }
    }
  }

  /** The file name without any path, control characters or overlong tails. */
  static String safeName(String original) {
    String name = original == null ? "upload" : original.replaceAll(".*[/\\\\]", "");
    name = name.replaceAll("[\\p{Cntrl}]", "").strip();
    if (name.isEmpty()) {
      name = "upload";
    }
    return name.length() > 120 ? name.substring(name.length() - 120) : name;
  }
}
