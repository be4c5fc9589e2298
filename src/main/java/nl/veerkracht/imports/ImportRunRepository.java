package nl.veerkracht.imports;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import nl.veerkracht.common.Text;
import nl.veerkracht.imports.read.FormatReader;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Provenance records ({@code import_run}): started before a file's data is written (its id goes on
 * every row written), completed afterwards, and removed again when nothing changed.
 */
@Component
class ImportRunRepository {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  /** What the history page shows of a run. */
  record Summary(
      long rowsRead,
      long rowsImported,
      long valuesRead,
      long valuesMissing,
      int indicatorsAdded,
      List<Text> notes) {}

  private final JdbcClient jdbc;

  ImportRunRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Waits for the transaction-scoped lock that makes imports' writes take turns. */
  void lockWrites(long lock) {
    jdbc.sql("SELECT pg_advisory_xact_lock(:lock)")
        .param("lock", lock)
        .query(Object.class)
        .single();
  }

  /**
   * @param reservedId the id from {@link #reserveId()} that figures written before the run's record
   *     already carry, or null for a new one
   */
  long start(
      ImportRequest request,
      PreparedFile file,
      String kind,
      FormatReader.Provenance provenance,
      long rowsRead,
      long rowsImported,
      Long reservedId) {
    return jdbc.sql(
            """
            INSERT INTO import_run (id, kind, file_name, checksum_sha256, size_bytes, source, attribution, licence,
                                    source_url, corporation_id, imported_by, started_at, finished_at, rows_read,
                                    rows_imported, values_written, areas_written, report)
            VALUES (coalesce(?, nextval('import_run_id_seq')), ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,
                    0, 0, '{}'::jsonb) RETURNING id
            """)
        .params(
            reservedId,
            kind,
            file.file().name(),
            file.checksum(),
            file.size(),
            provenance.source(),
            provenance.attribution(),
            provenance.licence(),
            request.files().stream()
                .filter(f -> f.name().equals(file.file().name()))
                .map(ImportRequest.NamedFile::sourceUrl)
                .filter(u -> u != null)
                .findFirst()
                .orElse(null),
            request.corporationId(),
            request.actor(),
            Timestamp.from(Instant.now()),
            Timestamp.from(Instant.now()),
            rowsRead,
            rowsImported)
        .query(Long.class)
        .single();
  }

  void finish(long id, long valuesWritten, int areasWritten, Summary summary) {
    jdbc.sql(
            "UPDATE import_run SET finished_at = ?, values_written = ?, areas_written = ?, report = ?::jsonb WHERE id = ?")
        .params(
            Timestamp.from(Instant.now()),
            valuesWritten,
            areasWritten,
            JSON.writeValueAsString(summary),
            id)
        .update();
  }

  /** An id for a run whose figures are written before its record (see ObservationStaging). */
  long reserveId() {
    return jdbc.sql("SELECT nextval('import_run_id_seq')").query(Long.class).single();
  }

  void discard(long id) {
    jdbc.sql("DELETE FROM import_run WHERE id = :id").param("id", id).update();
  }
}
