package nl.veerkracht.imports;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import nl.veerkracht.VeerkrachtProperties;
import nl.veerkracht.common.DataChangedEvent;
import nl.veerkracht.imports.ImportReport.FileReport;
import nl.veerkracht.imports.read.ColumnMapping;
import nl.veerkracht.imports.read.FormatReader;
import nl.veerkracht.imports.read.ImportFile;
import nl.veerkracht.imports.read.MappedReader;
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
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
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

  /** A file of the run, unpacked, with its checksum. */
  record Prepared(ImportFile file, String checksum, long size) {}

  private final DataSource dataSource;
  private final TransactionTemplate transactions;
  private final JdbcClient jdbc;
  private final CbsTableRepository cbsTables;
  private final ColumnMappings mappings;
  private final PublicDataWriter publicData;
  private final OwnDataImports ownData;
  private final VeerkrachtProperties properties;
  private final ApplicationEventPublisher events;
  private final CatalogueSynchroniser catalogueSynchroniser;

  public ImportService(
      DataSource dataSource,
      TransactionTemplate transactions,
      JdbcClient jdbc,
      CbsTableRepository cbsTables,
      ColumnMappings mappings,
      PublicDataWriter publicData,
      OwnDataImports ownData,
      VeerkrachtProperties properties,
      ApplicationEventPublisher events,
      CatalogueSynchroniser catalogueSynchroniser) {
    this.dataSource = dataSource;
    this.transactions = transactions;
    this.jdbc = jdbc;
    this.cbsTables = cbsTables;
    this.mappings = mappings;
    this.publicData = publicData;
    this.ownData = ownData;
    this.properties = properties;
    this.events = events;
    this.catalogueSynchroniser = catalogueSynchroniser;
  }

  /** All kinds a run can be given: public formats and a corporation's own files. */
  public List<String> kinds() {
    List<String> kinds = new ArrayList<>(Readers.kinds());
    kinds.addAll(ownData.kinds());
    return kinds;
  }

  /** Runs an import; never throws for bad input (that ends up in the report). */
  public ImportReport run(ImportRequest request, Progress progress) {
    catalogueSynchroniser.ensureSynchronised();
    Path work;
    try {
      work = Files.createDirectories(properties.home().resolve("uploads/work"));
    } catch (IOException e) {
      throw new IllegalStateException("Cannot create the work folder in " + properties.home(), e);
    }
    List<Prepared> prepared = new ArrayList<>();
    List<FileReport> early = new ArrayList<>();
    List<Path> temporary = new ArrayList<>();
    Unpacker unpacker =
        new Unpacker(
            properties.imports().maxUploadBytes(), properties.imports().maxExpansionRatio(), work);
    progress.phase("unpacking");
    for (ImportRequest.NamedFile f : request.files()) {
      try {
        for (ImportFile file : unpacker.unpack(f.name(), f.path())) {
          if (!file.path().equals(f.path())) {
            temporary.add(file.path());
          }
          prepared.add(new Prepared(file, checksum(file.path()), file.size()));
        }
      } catch (IOException e) {
        early.add(rejectedFile(f.name(), new Rejection(f.name(), 0, null, e.getMessage())));
      }
    }
    try {
      if (!early.isEmpty()) {
        return finish(early, true, false);
      }
      return runInTransaction(request, prepared, progress);
    } finally {
      for (Path p : temporary) {
        try {
          Files.deleteIfExists(p);
        } catch (IOException e) {
          log.debug("Could not delete {}", p);
        }
      }
    }
  }

  private ImportReport runInTransaction(
      ImportRequest request, List<Prepared> files, Progress progress) {
    List<FileReport> reports = new ArrayList<>();
    boolean[] rejected = {false};
    boolean[] changed = {false};
    transactions.executeWithoutResult(
        status -> {
          Connection connection = DataSourceUtils.getConnection(dataSource);
          try (ObservationStaging staging = new ObservationStaging(connection)) {
            for (Prepared p : files) {
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
      Prepared p,
      ObservationStaging staging,
      Progress progress,
      boolean runRejected)
      throws SQLException {
    ImportFile file = p.file();
    Sniff sniff = new Sniff(file);
    RunSink sink = new RunSink(file.name(), staging, progress);
    Optional<FormatReader> reader;
    try {
      Optional<OwnDataImports.Match> own =
          isPublicKind(request) ? Optional.empty() : ownData.find(request, sniff);
      if (own.isPresent()) {
        progress.beforeWrite(file.name());
        lockWrites();
        return ownData.run(request, p, sniff, own.get(), runRejected);
      }
      reader = chooseReader(request, sniff);
    } catch (IOException e) {
      sink.reject(new Rejection(file.name(), 0, null, "cannot read the file: " + e.getMessage()));
      return report(p, null, sink, 0, 0, 0, null);
    }
    if (reader.isEmpty()) {
      sink.reject(new Rejection(file.name(), 0, null, unknownLayout(sniff, request)));
      return report(p, null, sink, 0, 0, 0, null);
    }
    if (request.corporationId() != null) {
      sink.note("This is public data; it is stored for everyone, not for one corporation");
    }
    FormatReader r = reader.get();
    ReadContext ctx =
        new ReadContext(
            request.year(),
            IndicatorCatalogue.standard(),
            cbsTables::properties,
            request.repairGeometry());
    try {
      long t0 = System.nanoTime();
      r.read(sniff, ctx, sink);
      log.info(
          "{}: read {} rows in {} ms",
          file.name(),
          sink.rowsRead,
          (System.nanoTime() - t0) / 1_000_000);
    } catch (ReadContext.MissingYearException e) {
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
    if (sink.rejectionCount > 0 || runRejected) {
      return report(p, r, sink, 0, 0, 0, null);
    }
    progress.beforeWrite(file.name());
    progress.phase("writing " + file.name());
    lockWrites();
    PublicDataWriter.Written w = publicData.write(request, p, r, sink, staging);
    return report(p, r, sink, w.values(), w.areas(), w.indicators(), w.importId());
  }

  /** Imports may run at once (two users, the demo loader); their writes take turns. */
  private void lockWrites() {
    jdbc.sql("SELECT pg_advisory_xact_lock(" + WRITE_LOCK + ")").query(Object.class).single();
  }

  private static boolean isPublicKind(ImportRequest request) {
    return request.kind() != null && Readers.byKind(request.kind()).isPresent();
  }

  private Optional<FormatReader> chooseReader(ImportRequest request, Sniff sniff)
      throws IOException {
    String mappingName = request.mapping();
    if (mappingName == null && request.kind() != null && request.kind().startsWith("mapping:")) {
      mappingName = request.kind().substring("mapping:".length());
    }
    if (mappingName != null) {
      Optional<ColumnMapping> mapping = mappings.find(mappingName, request.corporationId());
      if (mapping.isEmpty()) {
        throw new IOException("there is no saved column mapping named '" + mappingName + "'");
      }
      return Optional.of(new MappedReader(mapping.get()));
    }
    if (request.kind() != null) {
      return Readers.byKind(request.kind());
    }
    if (sniff.isJson() && sniff.json() == null) {
      throw new IOException(sniff.jsonError());
    }
    return Readers.recognise(sniff, mappings.mappings(request.corporationId()));
  }

  private String unknownLayout(Sniff sniff, ImportRequest request) {
    if (request.kind() != null) {
      return "unknown kind '" + request.kind() + "'; known kinds: " + String.join(", ", kinds());
    }
    try {
      if (sniff.isDelimitedText()) {
        List<String> header = sniff.header();
        if (header.size() <= 1) {
          return "the header has a single column ('"
              + shorten(sniff.firstLine(), 60)
              + "'); is the delimiter one of ';' ',' tab '|'? No known layout fits";
        }
        return "no known layout fits these columns ("
            + shorten(String.join(", ", header), 120)
            + "); import it with a saved column mapping (--mapping NAME) or make one on the upload page";
      }
      if (sniff.isJson()) {
        return "no known JSON layout fits (GeoJSON, TopoJSON, CBS OData, VERA); import it with a saved column mapping";
      }
    } catch (IOException e) {
      return "cannot read the file: " + e.getMessage();
    }
    return "unknown file type '."
        + sniff.extension()
        + "' (csv, json, geojson, topojson, gpkg, xlsx, gz, zip)";
  }

  private static FileReport report(
      Prepared p,
      FormatReader reader,
      RunSink sink,
      long valuesWritten,
      int areasWritten,
      int indicatorsAdded,
      Long importId) {
    Integer year = sink.years.isEmpty() ? null : sink.years.stream().max(Integer::compare).get();
    FormatReader.Provenance provenance = reader == null ? null : reader.provenance().withYear(year);
    return new FileReport(
        p.file().name(),
        reader == null ? null : reader.kind(),
        p.checksum(),
        p.size(),
        provenance == null ? null : provenance.source(),
        provenance == null ? null : provenance.attribution(),
        provenance == null ? null : provenance.licence(),
        List.copyOf(sink.years),
        sink.rowsRead,
        sink.rowsImported,
        sink.rejectedRows.size(),
        sink.valuesRead,
        sink.valuesMissing,
        valuesWritten,
        sink.areas.size(),
        areasWritten,
        indicatorsAdded,
        importId,
        List.copyOf(sink.notes),
        sink.rejectionCount,
        List.copyOf(sink.rejections));
  }

  /** The report of a corporation's own file. */
  static FileReport ownReport(
      Prepared p,
      String kind,
      FormatReader.Provenance provenance,
      long rowsRead,
      long rowsImported,
      long rowsRejected,
      long recordsRead,
      long written,
      Long importId,
      List<String> notes,
      long rejectionCount,
      List<Rejection> rejections) {
    return new FileReport(
        p.file().name(),
        kind,
        p.checksum(),
        p.size(),
        provenance == null ? null : provenance.source(),
        provenance == null ? null : provenance.attribution(),
        provenance == null ? null : provenance.licence(),
        List.of(),
        rowsRead,
        rowsImported,
        rowsRejected,
        recordsRead,
        0,
        written,
        0,
        0,
        0,
        importId,
        notes,
        rejectionCount,
        List.copyOf(rejections));
  }

  private static FileReport rejectedFile(String name, Rejection rejection) {
    return new FileReport(
        name,
        null,
        null,
        0,
        null,
        null,
        null,
        List.of(),
        0,
        0,
        0,
        0,
        0,
        0,
        0,
        0,
        0,
        null,
        List.of(),
        1,
        List.of(rejection));
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

  static String shorten(String s, int max) {
    return s.length() > max ? s.substring(0, max - 3) + "..." : s;
  }
}
