package nl.veerkracht.imports;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import nl.veerkracht.VeerkrachtProperties;
import nl.veerkracht.area.AreaRepository;
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
import nl.veerkracht.statistics.CbsTableRepository;
import nl.veerkracht.statistics.IndicatorRepository;
import nl.veerkracht.statistics.ObservationStaging;
import nl.veerkracht.statistics.domain.Indicator;
import nl.veerkracht.statistics.domain.IndicatorCatalogue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Imports files all-or-nothing: every file of a run is read, validated and written inside one
 * transaction, which is rolled back when any file has a rejection. Re-importing a file writes
 * nothing (figures are merged only where they differ) and leaves no provenance record.
 */
@Service
public class ImportService {

  private static final Logger log = LoggerFactory.getLogger(ImportService.class);
  private static final JsonMapper JSON = JsonMapper.builder().build();

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

  private final DataSource dataSource;
  private final TransactionTemplate transactions;
  private final JdbcClient jdbc;
  private final AreaRepository areas;
  private final IndicatorRepository indicators;
  private final CbsTableRepository cbsTables;
  private final ColumnMappings mappings;
  private final AreaWriter areaWriter;
  private final VeerkrachtProperties properties;
  private final ApplicationEventPublisher events;
  private final nl.veerkracht.statistics.CatalogueSynchroniser catalogueSynchroniser;

  public ImportService(
      DataSource dataSource,
      TransactionTemplate transactions,
      JdbcClient jdbc,
      AreaRepository areas,
      IndicatorRepository indicators,
      CbsTableRepository cbsTables,
      ColumnMappings mappings,
      VeerkrachtProperties properties,
      ApplicationEventPublisher events,
      nl.veerkracht.statistics.CatalogueSynchroniser catalogueSynchroniser) {
    this.dataSource = dataSource;
    this.transactions = transactions;
    this.jdbc = jdbc;
    this.areas = areas;
    this.indicators = indicators;
    this.cbsTables = cbsTables;
    this.mappings = mappings;
    this.areaWriter = new AreaWriter(areas);
    this.properties = properties;
    this.events = events;
    this.catalogueSynchroniser = catalogueSynchroniser;
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

  private record Prepared(ImportFile file, String checksum, long size) {}

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
      reader = chooseReader(request, sniff);
    } catch (IOException e) {
      sink.reject(new Rejection(file.name(), 0, null, "cannot read the file: " + e.getMessage()));
      return report(p, null, sink, 0, 0, 0, null);
    }
    if (reader.isEmpty()) {
      sink.reject(new Rejection(file.name(), 0, null, unknownLayout(sniff, request)));
      return report(p, null, sink, 0, 0, 0, null);
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
    // Imports may run at once (two users, the demo loader); their writes take turns, so that two
    // runs never insert the same new key concurrently.
    jdbc.sql("SELECT pg_advisory_xact_lock(" + WRITE_LOCK + ")").query(Object.class).single();
    return write(request, p, r, sink, staging);
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

  private static String unknownLayout(Sniff sniff, ImportRequest request) {
    if (request.kind() != null) {
      return "unknown kind '"
          + request.kind()
          + "'; known kinds: "
          + String.join(", ", Readers.kinds());
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
        return "no known JSON layout fits (GeoJSON, TopoJSON, CBS OData); import it with a saved column mapping";
      }
    } catch (IOException e) {
      return "cannot read the file: " + e.getMessage();
    }
    return "unknown file type '."
        + sniff.extension()
        + "' (csv, json, geojson, topojson, gpkg, gz, zip)";
  }

  private FileReport write(
      ImportRequest request,
      Prepared p,
      FormatReader reader,
      RunSink sink,
      ObservationStaging staging)
      throws SQLException {
    Integer year = sink.years.isEmpty() ? null : sink.years.stream().max(Integer::compare).get();
    FormatReader.Provenance provenance = reader.provenance().withYear(year);
    Instant started = Instant.now();
    long importId = insertRun(request, p, reader, provenance, sink, started);
    int indicatorsAdded = 0;
    for (Indicator i : sink.indicators.values()) {
      if (indicators.addIfAbsent(i)) {
        indicatorsAdded++;
      }
    }
    long t0 = System.nanoTime();
    int areasWritten = areaWriter.write(sink.areas.values(), importId);
    long t1 = System.nanoTime();
    long valuesWritten = staging.merge(importId);
    log.info(
        "{}: areas written in {} ms, figures merged in {} ms",
        p.file().name(),
        (t1 - t0) / 1_000_000,
        (System.nanoTime() - t1) / 1_000_000);
    int metadataWritten =
        cbsTables.saveProperties(sink.tableProperties)
            + cbsTables.saveTables(sink.tableInfos, importId);
    boolean changed = indicatorsAdded + areasWritten + valuesWritten + metadataWritten > 0;
    Long id = importId;
    if (!changed) {
      jdbc.sql("DELETE FROM import_run WHERE id = ?").param(importId).update();
      sink.note("Everything in this file was in the database already; nothing changed");
      id = null;
    } else {
      jdbc.sql(
              "UPDATE import_run SET finished_at = ?, values_written = ?, areas_written = ?, report = ?::jsonb WHERE id = ?")
          .params(
              Timestamp.from(Instant.now()),
              valuesWritten,
              areasWritten,
              JSON.writeValueAsString(
                  new ReportSummary(
                      sink.rowsRead,
                      sink.rowsImported,
                      sink.valuesRead,
                      sink.valuesMissing,
                      indicatorsAdded,
                      List.copyOf(sink.notes))),
              importId)
          .update();
    }
    return report(p, reader, sink, valuesWritten, areasWritten, indicatorsAdded, id);
  }

  /** What the history page shows of a run. */
  record ReportSummary(
      long rowsRead,
      long rowsImported,
      long valuesRead,
      long valuesMissing,
      int indicatorsAdded,
      List<String> notes) {}

  private long insertRun(
      ImportRequest request,
      Prepared p,
      FormatReader reader,
      FormatReader.Provenance provenance,
      RunSink sink,
      Instant started) {
    return jdbc.sql(
            """
            INSERT INTO import_run (kind, file_name, checksum_sha256, size_bytes, source, attribution, licence,
                                    corporation_id, imported_by, started_at, finished_at, rows_read, rows_imported,
                                    values_written, areas_written, report)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, 0, '{}'::jsonb) RETURNING id
            """)
        .params(
            reader.kind(),
            p.file().name(),
            p.checksum(),
            p.size(),
            provenance.source(),
            provenance.attribution(),
            provenance.licence(),
            request.corporationId(),
            request.actor(),
            Timestamp.from(started),
            Timestamp.from(Instant.now()),
            sink.rowsRead,
            sink.rowsImported)
        .query(Long.class)
        .single();
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
        "Imported: " + written + " figures and " + areasWritten + " areas written.",
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
