package nl.veerkracht.bench;

import java.nio.file.Path;
import java.util.List;
import nl.veerkracht.demo.DemoData;
import nl.veerkracht.imports.ImportReport;
import nl.veerkracht.imports.ImportRequest;
import nl.veerkracht.imports.ImportService;

/** Imports bundled demo files, one run each, for a benchmark's set-up. */
final class DemoImport {

  private DemoImport() {}

  static void run(ImportService imports, Path folder, List<String> files) {
    for (String f : files) {
      Path p = DemoData.copy(f, folder);
      ImportReport r =
          imports.run(
              new ImportRequest(
                  List.of(new ImportRequest.NamedFile(p.getFileName().toString(), p)),
                  null,
                  null,
                  null,
                  null,
                  "bench",
                  false),
              ImportService.Progress.NONE);
      if (r.rejected()) {
        throw new IllegalStateException("the set-up import was rejected:\n" + r.toText());
      }
    }
  }
}
