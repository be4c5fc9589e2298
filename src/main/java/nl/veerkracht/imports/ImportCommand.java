package nl.veerkracht.imports;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import nl.veerkracht.cli.Arguments;
import nl.veerkracht.cli.Command;
import nl.veerkracht.corporation.Corporation;
import nl.veerkracht.corporation.CorporationRepository;
import org.springframework.stereotype.Component;

/**
 * {@code import [--kind KIND] [--year YYYY] [--corporation CODE] [--mapping NAME] [--repair]
 * FILE...}: imports files into the configured database without a web server. Exit 0 when all was
 * imported, 1 when rejected (nothing written), 2 on a usage error.
 */
@Component
public class ImportCommand implements Command {

  private final ImportService imports;
  private final CorporationRepository corporations;

  public ImportCommand(ImportService imports, CorporationRepository corporations) {
    this.imports = imports;
    this.corporations = corporations;
  }

  @Override
  public String name() {
    return "import";
  }

  @Override
  public String summary() {
    return "Import data files";
  }

  @Override
  public String usage() {
    return "import [--kind KIND] [--year YYYY] [--corporation CODE] [--mapping NAME] [--repair] FILE...\n"
        + "  kinds: "
        + String.join(", ", imports.kinds())
        + " (recognised automatically when left out)";
  }

  @Override
  public int run(List<String> args, PrintStream out, PrintStream err) {
    Arguments a =
        Arguments.parse(args, Set.of("kind", "year", "corporation", "mapping"), Set.of("repair"));
    if (a.positional().isEmpty()) {
      throw new Arguments.UsageException("Name at least one file to import");
    }
    a.find("kind").ifPresent(this::checkKind);
    Integer year = a.findInt("year").orElse(null);
    if (year != null && (year < 1980 || year > 2099)) {
      throw new Arguments.UsageException("--year " + year + " is not a plausible year");
    }
    Long corporationId = null;
    if (a.find("corporation").isPresent()) {
      String code = a.find("corporation").get().trim().toUpperCase(java.util.Locale.ROOT);
      corporationId =
          corporations
              .findByCode(code)
              .map(Corporation::id)
              .orElseThrow(() -> new Arguments.UsageException("There is no corporation " + code));
    }
    List<ImportRequest.NamedFile> files = new ArrayList<>();
    for (String name : a.positional()) {
      Path path = Path.of(name);
      if (!Files.isRegularFile(path)) {
        throw new Arguments.UsageException("No such file: " + name);
      }
      files.add(new ImportRequest.NamedFile(path.getFileName().toString(), path));
    }
    ImportRequest request =
        new ImportRequest(
            files,
            a.find("kind").orElse(null),
            year,
            corporationId,
            a.find("mapping").orElse(null),
            "cli:" + System.getProperty("user.name", "unknown"),
            a.flag("repair"));
    ImportReport report = imports.run(request, ImportService.Progress.NONE);
    out.print(report.toText());
    if (report.rejected()) {
      err.println("veerkracht import: " + report.message());
    }
    return report.exitCode();
  }

  private void checkKind(String kind) {
    if (!kind.startsWith("mapping:") && !imports.kinds().contains(kind)) {
      throw new Arguments.UsageException("Unknown kind '" + kind + "'");
    }
  }
}
