package nl.veerkracht.imports;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import nl.veerkracht.common.Text;
import nl.veerkracht.imports.ImportReport.FileReport;
import nl.veerkracht.imports.read.ColumnMapping;
import nl.veerkracht.imports.read.FormatReader;
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
  private final ImportRunRepository runs;

  OwnDataImports(
      List<CorporationImporter> importers, ColumnMappings mappings, ImportRunRepository runs) {
    this.importers = importers;
    this.mappings = mappings;
    this.runs = runs;
  }

  List<String> kinds() {
    return CorporationImporter.kindsOf(importers);
  }

  /** Lets every importer follow boundaries that this transaction added or changed. */
  long afterBoundariesChanged(Set<Integer> years, java.util.function.Consumer<Text> note) {
    long written = 0;
    for (CorporationImporter i : importers) {
      written += i.afterBoundariesChanged(years, note);
    }
    return written;
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

  /** What reading one own file collected besides its records: rejections and notes. */
  private static final class Collected {
    final List<Rejection> rejections = new ArrayList<>();
    final Set<Text> notes = new LinkedHashSet<>();
    long rejectionCount;

    void reject(Rejection r) {
      rejectionCount++;
      if (rejections.size() < RunSink.MAX_LISTED_REJECTIONS) {
        rejections.add(r);
      }
    }

    void note(Text n) {
      if (notes.size() < 50) {
        notes.add(n);
      }
    }

    long rejectedRows() {
      return rejections.stream().map(Rejection::line).filter(l -> l > 0).distinct().count();
    }
  }

  FileReport run(
      ImportRequest request, PreparedFile p, Sniff sniff, Match match, boolean runRejected) {
    String file = p.file().name();
    Collected c = new Collected();
    if (request.corporationId() == null) {
      c.reject(Rejection.ofFile(file, Text.msg("imports.reject.whose", "kind", match.kind())));
      return report(p, match.kind(), null, ImportReport.Counts.ofRecords(0, 0, 1, 0, 0), null, c);
    }
    CorporationImporter.Pending pending;
    try {
      pending =
          match
              .importer()
              .read(
                  sniff,
                  match.kind(),
                  request.corporationId(),
                  columns(request),
                  c::reject,
                  c::note);
    } catch (IOException | RuntimeException e) {
      c.reject(CorporationImporter.fileProblem(file, "cannot read the file: " + e.getMessage()));
      return report(p, match.kind(), null, ImportReport.Counts.ofRecords(0, 0, 1, 0, 0), null, c);
    }
    if (c.rejectionCount > 0 || runRejected) {
      ImportReport.Counts counts =
          ImportReport.Counts.ofRecords(
              pending.rowsRead(), pending.rowsImported(), c.rejectedRows(), 0, 0);
      return report(p, match.kind(), pending.provenance(), counts, null, c);
    }
    return write(request, p, match, pending, c);
  }

  private Map<String, String> columns(ImportRequest request) {
    return request.mapping() == null
        ? Map.of()
        : mappings
            .find(request.mapping(), request.corporationId())
            .map(ColumnMapping::columns)
            .orElse(Map.of());
  }

  private FileReport write(
      ImportRequest request,
      PreparedFile p,
      Match match,
      CorporationImporter.Pending pending,
      Collected c) {
    long id =
        runs.start(
            request,
            p,
            match.kind(),
            pending.provenance(),
            pending.rowsRead(),
            pending.rowsImported(),
            null);
    long written = pending.write(id);
    Long importId = id;
    if (written == 0) {
      runs.discard(id);
      c.note(Text.msg("report.note.unchanged"));
      importId = null;
    } else {
      runs.finish(
          id,
          written,
          0,
          new ImportRunRepository.Summary(
              pending.rowsRead(), pending.rowsImported(), written, 0, 0, List.copyOf(c.notes)));
    }
    ImportReport.Counts counts =
        ImportReport.Counts.ofRecords(
            pending.rowsRead(), pending.rowsImported(), 0, written, written);
    return report(p, match.kind(), pending.provenance(), counts, importId, c);
  }

  private static FileReport report(
      PreparedFile p,
      String kind,
      FormatReader.Provenance provenance,
      ImportReport.Counts counts,
      Long importId,
      Collected c) {
    return new FileReport(
        p.file().name(),
        kind,
        p.checksum(),
        p.size(),
        provenance,
        List.of(),
        counts,
        importId,
        List.copyOf(c.notes),
        c.rejectionCount,
        List.copyOf(c.rejections));
  }
}
