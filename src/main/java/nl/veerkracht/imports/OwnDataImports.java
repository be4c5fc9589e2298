package nl.veerkracht.imports;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import nl.veerkracht.imports.ImportReport.FileReport;
import nl.veerkracht.imports.read.ColumnMapping;
import nl.veerkracht.imports.read.Rejection;
import nl.veerkracht.imports.read.Sniff;
import org.springframework.stereotype.Component;

/** The import of a corporation's own files through the {@link CorporationImporter}s. */
@Component
class OwnDataImports {

  /** An importer that knows a file, and the kind it took it for. */
  record Match(CorporationImporter importer, String kind) {}

  private final List<CorporationImporter> importers;
  private final ColumnMappings mappings;
  private final ImportRuns runs;

  OwnDataImports(List<CorporationImporter> importers, ColumnMappings mappings, ImportRuns runs) {
    this.importers = importers;
    this.mappings = mappings;
    this.runs = runs;
  }

  List<String> kinds() {
    return CorporationImporter.kindsOf(importers);
  }

  /** The importer for this file: by the kind asked for, the mapping's kind, or recognition. */
  Optional<Match> find(ImportRequest request, Sniff sniff) throws IOException {
    String kind = request.kind();
    if (kind == null && request.mapping() != null) {
      kind =
          mappings
              .find(request.mapping(), request.corporationId())
              .map(ColumnMapping::kind)
              .orElse(null);
    }
    for (CorporationImporter i : importers) {
      if (kind != null) {
        if (i.kinds().contains(kind)) {
          return Optional.of(new Match(i, kind));
        }
      } else {
        Optional<String> recognised = i.recognise(sniff);
        if (recognised.isPresent()) {
          return Optional.of(new Match(i, recognised.get()));
        }
      }
    }
    return Optional.empty();
  }

  FileReport run(
      ImportRequest request,
      ImportService.Prepared p,
      Sniff sniff,
      Match match,
      boolean runRejected) {
    String file = p.file().name();
    List<Rejection> rejections = new ArrayList<>();
    long[] rejectionCount = {0};
    Set<String> notes = new LinkedHashSet<>();
    if (request.corporationId() == null) {
      rejections.add(
          CorporationImporter.fileProblem(
              file,
              "this is a corporation's own data ("
                  + match.kind()
                  + "); say whose it is (--corporation CODE, or the corporation field)"));
      return ImportService.ownReport(
          p, match.kind(), null, 0, 0, 1, 0, 0, null, List.of(), 1, rejections);
    }
    Map<String, String> columns =
        request.mapping() == null
            ? Map.of()
            : mappings
                .find(request.mapping(), request.corporationId())
                .map(ColumnMapping::columns)
                .orElse(Map.of());
    CorporationImporter.Pending pending;
    try {
      pending =
          match
              .importer()
              .read(
                  sniff,
                  match.kind(),
                  request.corporationId(),
                  columns,
                  r -> {
                    rejectionCount[0]++;
                    if (rejections.size() < RunSink.MAX_LISTED_REJECTIONS) {
                      rejections.add(r);
                    }
                  },
                  n -> {
                    if (notes.size() < 50) {
                      notes.add(n);
                    }
                  });
    } catch (IOException | RuntimeException e) {
      rejectionCount[0]++;
      rejections.add(
          CorporationImporter.fileProblem(file, "cannot read the file: " + e.getMessage()));
      return ImportService.ownReport(
          p,
          match.kind(),
          null,
          0,
          0,
          1,
          0,
          0,
          null,
          List.copyOf(notes),
          rejectionCount[0],
          rejections);
    }
    long rejectedRows =
        rejections.stream().map(Rejection::line).filter(l -> l > 0).distinct().count();
    if (rejectionCount[0] > 0 || runRejected) {
      return ImportService.ownReport(
          p,
          match.kind(),
          pending.provenance(),
          pending.rowsRead(),
          pending.rowsImported(),
          rejectedRows,
          0,
          0,
          null,
          List.copyOf(notes),
          rejectionCount[0],
          rejections);
    }
    long id =
        runs.start(
            request,
            p,
            match.kind(),
            pending.provenance(),
            pending.rowsRead(),
            pending.rowsImported());
    long written = pending.write(id);
    Long importId = id;
    if (written == 0) {
      runs.discard(id);
      notes.add("Everything in this file was in the database already; nothing changed");
      importId = null;
    } else {
      runs.finish(
          id,
          written,
          0,
          new ImportRuns.Summary(
              pending.rowsRead(), pending.rowsImported(), written, 0, 0, List.copyOf(notes)));
    }
    return ImportService.ownReport(
        p,
        match.kind(),
        pending.provenance(),
        pending.rowsRead(),
        pending.rowsImported(),
        0,
        written,
        written,
        importId,
        List.copyOf(notes),
        0,
        List.of());
  }
}
