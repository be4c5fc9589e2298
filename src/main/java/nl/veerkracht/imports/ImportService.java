package nl.veerkracht.imports;

import java.io.IOException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;
import nl.veerkracht.VeerkrachtProperties;
import nl.veerkracht.common.DataChangedEvent;
import nl.veerkracht.common.Text;
import nl.veerkracht.imports.ImportReport.FileReport;
import nl.veerkracht.imports.read.FormatReader;
import nl.veerkracht.imports.read.ImportFile;
import nl.veerkracht.imports.read.ReadContext;
import nl.veerkracht.imports.read.Readers;
import nl.veerkracht.imports.read.Rejection;
import nl.veerkracht.imports.read.Sniff;
import nl.veerkracht.statistics.CatalogueSynchroniser;
import nl.veerkracht.statistics.CbsTableRepository;
import nl.veerkracht.statistics.ObservationStaging;
import nl.veerkracht.statistics.domain.IndicatorCatalogue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Imports files all-or-nothing: every file of a run is read, validated and written inside one
 * transaction, which is rolled back when any file has a rejection. Re-importing a file writes
 * nothing (figures are merged only where they differ) and leaves no provenance record. Public data
 * goes through the format readers and {@link PublicDataWriter}; a corporation's own files through
 * the {@link CorporationImporter}s.
 */
@Service
public class ImportService {

  private static final Logger log = LoggerFactory.getLogger(ImportService.class);

  /** Advisory lock key serialising the write phase of imports ("VKIM"). */
  static final long WRITE_LOCK = 0x564b494dL;

  /** Progress of a run, for the upload page. */
  public interface Progress {
    void phase(String phase);

    void rows(String file, long rowsRead);

    /**
     * Called when a file was read and validated, before anything of it is written; a caller running
     * several imports at once may hold it back here to keep the order of writes.
     */
    default void beforeWrite(String file) {}

    /**
     * Whether figures may be written while the file is still read (a first import of a year's
     * figures goes straight into observation). A caller that holds writes back in {@link
     * #beforeWrite} says no.
     */
    default boolean mayWriteWhileReading() {
      return true;
    }

    Progress NONE =
        new Progress() {
          @Override
          public void phase(String phase) {}

          @Override
          public void rows(String file, long rowsRead) {}
        };
  }

  /** A database failure while staging; ends the run. */
  static final class StorageException extends RuntimeException {
    StorageException(SQLException cause) {
      super(cause);
    }
  }

  private final DataSource dataSource;
  private final TransactionTemplate transactions;
  private final CbsTableRepository cbsTables;
  private final ReaderChoice readers;
  private final PublicDataWriter publicData;
  private final OwnDataImports ownData;
  private final VeerkrachtProperties properties;
  private final ApplicationEventPublisher events;
  private final CatalogueSynchroniser catalogueSynchroniser;

  private final RunLogRepository runLog;
  private final KnownAreas knownAreas;
  private final ImportRunRepository runs;

  public ImportService(
      DataSource dataSource,
      TransactionTemplate transactions,
      CbsTableRepository cbsTables,
      ReaderChoice readers,
      PublicDataWriter publicData,
      OwnDataImports ownData,
      VeerkrachtProperties properties,
      ApplicationEventPublisher events,
      CatalogueSynchroniser catalogueSynchroniser,
      RunLogRepository runLog,
      KnownAreas knownAreas,
      ImportRunRepository runs) {
    this.runs = runs;
    this.dataSource = dataSource;
    this.transactions = transactions;
    this.cbsTables = cbsTables;
    this.readers = readers;
    this.publicData = publicData;
    this.ownData = ownData;
    this.properties = properties;
    this.events = events;
    this.catalogueSynchroniser = catalogueSynchroniser;
    this.runLog = runLog;
    this.knownAreas = knownAreas;
  }

  /** All kinds a run can be given: public formats and a corporation's own files. */
  public List<String> kinds() {
    List<String> kinds = new ArrayList<>(Readers.kinds());
    kinds.addAll(ownData.kinds());
    return kinds;
  }

  /** Runs an import; never throws for bad input (that ends up in the report). */
  public ImportReport run(ImportRequest request, Progress progress) {
    List<String> names = request.files().stream().map(ImportRequest.NamedFile::name).toList();
    ImportReport report;
    try {
      report = prepareAndRun(request, progress);
    } catch (RuntimeException e) {
      runLog.record(
          request.actor(),
          request.corporationId(),
          names,
          "failed",
          Text.msg("imports.failed.log", "error", e.getClass().getSimpleName()));
      throw e;
    }
    runLog.record(
        request.actor(), request.corporationId(), names, report.status(), report.summary());
    return report;
  }

  private ImportReport prepareAndRun(ImportRequest request, Progress progress) {
    catalogueSynchroniser.ensureSynchronised();
    progress.phase("unpacking");
    try (RunPreparation prepared = RunPreparation.of(request, properties)) {
      if (!prepared.refused.isEmpty()) {
        return finish(prepared.refused, true, false);
      }
      return runInTransaction(request, prepared.files, progress);
    }
  }

  private ImportReport runInTransaction(
      ImportRequest request, List<PreparedFile> files, Progress progress) {
    List<FileReport> reports = new ArrayList<>();
    boolean[] rejected = {false};
    boolean[] changed = {false};
    transactions.executeWithoutResult(
        status -> {
          try (ObservationStaging staging = ObservationStaging.inTransaction(dataSource)) {
            for (PreparedFile p : files) {
              progress.phase("reading " + p.file().name());
              staging.reset();
              FileReport report = importOne(request, p, staging, progress, rejected[0]);
              reports.add(report);
              if (report.rejectionCount() > 0) {
                rejected[0] = true;
              } else if (report.importId() != null) {
                changed[0] = true;
              }
            }
          } catch (SQLException e) {
            throw new IllegalStateException(
                "Database error during the import: " + e.getMessage(), e);
          } catch (StorageException e) {
            throw new IllegalStateException(
                "Database error during the import: " + e.getCause().getMessage(), e);
          }
          if (rejected[0]) {
            status.setRollbackOnly();
          }
        });
    ImportReport report = finish(reports, rejected[0], changed[0]);
    if (changed[0] && !rejected[0]) {
      events.publishEvent(new DataChangedEvent("import"));
    }
    return report;
  }

  private FileReport importOne(
      ImportRequest request,
      PreparedFile p,
      ObservationStaging staging,
      Progress progress,
      boolean runRejected)
      throws SQLException {
    ImportFile file = p.file();
    Sniff sniff = new Sniff(file);
    RunSink sink =
        new RunSink(
            file.name(),
            staging,
            progress,
            properties.imports().maxIndicators(),
            properties.imports().maxAreas());
    Optional<FormatReader> reader;
    try {
      Optional<OwnDataImports.Match> own =
          isPublicKind(request) ? Optional.empty() : ownData.find(request, sniff);
      if (own.isPresent()) {
        progress.beforeWrite(file.name());
        lockWrites();
        return ownData.run(request, p, sniff, own.get(), runRejected);
      }
      reader = readers.choose(request, sniff);
    } catch (IOException e) {
      sink.reject(new Rejection(file.name(), 0, null, "cannot read the file: " + e.getMessage()));
      return sink.report(p, null, PublicDataWriter.Written.NOTHING);
    }
    if (reader.isEmpty()) {
      sink.reject(
          new Rejection(file.name(), 0, null, readers.unknownLayout(sniff, request, kinds())));
      return sink.report(p, null, PublicDataWriter.Written.NOTHING);
    }
    if (request.corporationId() != null) {
      sink.note(Text.msg("report.note.public"));
    }
    if (!runRejected && progress.mayWriteWhileReading()) {
      // a first import of a year's figures goes straight into observation (see ObservationStaging)
      staging.allowDirect(
          () -> {
            lockWrites();
            return runs.reserveId();
          });
    }
    read(request, file, sniff, reader.get(), sink);
    staging.pause(); // the figures' COPY ends here: what follows asks the database
    if (sink.rejectionCount > 0 || runRejected) {
      return sink.report(p, reader.get(), PublicDataWriter.Written.NOTHING);
    }
    progress.beforeWrite(file.name());
    progress.phase("writing " + file.name());
    lockWrites();
    PublicDataWriter.Written written = publicData.write(request, p, reader.get(), sink, staging);
    Set<Integer> boundaries = sink.geometryYears();
    if (written.areas() > 0 && !boundaries.isEmpty()) {
      ownData.afterBoundariesChanged(boundaries, sink::note);
    }
    return sink.report(p, reader.get(), written);
  }

  private void read(
      ImportRequest request, ImportFile file, Sniff sniff, FormatReader r, RunSink sink) {
    ReadContext ctx =
        new ReadContext(
            request.year(),
            IndicatorCatalogue.standard(),
            year -> {
              // a lookup in the middle of a file: the figures' COPY may be open on this connection
              try {
                sink.pauseStaging();
              } catch (SQLException e) {
                throw new StorageException(e);
              }
              return cbsTables.properties(year);
            },
            request.repairGeometry(),
            knownAreas.directory());
    try {
      long t0 = System.nanoTime();
      r.read(sniff, ctx, sink);
      log.info(
          "{}: read {} rows in {} ms",
          file.name(),
          sink.rowsRead,
          (System.nanoTime() - t0) / 1_000_000);
    } catch (ReadContext.MissingYearException | ReadContext.RefusedFileException e) {
      sink.reject(new Rejection(file.name(), 0, null, e.getMessage()));
    } catch (IOException | RuntimeException e) {
      if (e instanceof StorageException se) {
        throw se;
      }
      log.warn("Reading {} failed", file.name(), e);
      sink.reject(
          new Rejection(
              file.name(), sink.rowsRead, null, "cannot read the file: " + e.getMessage()));
    }
  }

  /** Imports may run at once (two users, the demo loader); their writes take turns. */
  private void lockWrites() {
    runs.lockWrites(WRITE_LOCK);
  }

  private static boolean isPublicKind(ImportRequest request) {
    return request.kind() != null && Readers.byKind(request.kind()).isPresent();
  }

  private static ImportReport finish(List<FileReport> files, boolean rejected, boolean changed) {
    if (rejected) {
      long n = files.stream().mapToLong(FileReport::rejectionCount).sum();
      return new ImportReport(
          ImportReport.REJECTED,
          "Rejected: " + n + (n == 1 ? " problem" : " problems") + " found; nothing was written.",
          files);
    }
    if (!changed) {
      return new ImportReport(
          ImportReport.UNCHANGED,
          "Imported: nothing new, the database already held all of it.",
          files);
    }
    long written = files.stream().mapToLong(FileReport::valuesWritten).sum();
    int areasWritten = files.stream().mapToInt(FileReport::areasWritten).sum();
    return new ImportReport(
        ImportReport.IMPORTED,
        "Imported: " + written + " records and " + areasWritten + " areas written.",
        files);
  }
}
