package nl.veerkracht.imports;

import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Past imports (provenance records) a user may see. */
@Repository
public class ImportHistoryRepository {

  /** One import that changed the database. */
  public record Entry(
      long id,
      String kind,
      String fileName,
      String checksum,
      long sizeBytes,
      String source,
      String attribution,
      String licence,
      String corporationCode,
      String importedBy,
      OffsetDateTime finishedAt,
      int rowsRead,
      int rowsImported,
      int valuesWritten,
      int areasWritten,
      boolean undone) {

    /** Whether undoing it is possible at all (figures only; see {@link ImportUndo}). */
    public boolean undoable() {
      return !undone && areasWritten == 0 && corporationCode == null && valuesWritten > 0;
    }
  }

  private final JdbcClient jdbc;

  public ImportHistoryRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Public-data imports and those of the given corporations, newest first. */
  /**
   * A stamp that changes whenever data is imported or an import is undone, on any instance: what a
   * result computed from the data may be kept by.
   */
  public String stamp() {
    return jdbc.sql("SELECT coalesce(max(id), 0) || ':' || count(undone_at) FROM import_run")
        .query(String.class)
        .single();
  }

  public List<Entry> list(Collection<Long> corporationIds, int limit) {
    return jdbc.sql(
            """
            SELECT r.id, r.kind, r.file_name, r.checksum_sha256, r.size_bytes, r.source, r.attribution, r.licence,
                   c.code, r.imported_by, r.finished_at, r.rows_read, r.rows_imported, r.values_written, r.areas_written,
                   r.undone_at IS NOT NULL
              FROM import_run r LEFT JOIN corporation c ON c.id = r.corporation_id
             WHERE r.corporation_id IS NULL OR r.corporation_id = ANY (:corporations)
             ORDER BY r.id DESC LIMIT :limit
            """)
        .param("corporations", corporationIds.toArray(Long[]::new))
        .param("limit", limit)
        .query(
            (rs, n) ->
                new Entry(
                    rs.getLong(1),
                    rs.getString(2),
                    rs.getString(3),
                    rs.getString(4),
                    rs.getLong(5),
                    rs.getString(6),
                    rs.getString(7),
                    rs.getString(8),
                    rs.getString(9),
                    rs.getString(10),
                    rs.getObject(11, OffsetDateTime.class),
                    rs.getInt(12),
                    rs.getInt(13),
                    rs.getInt(14),
                    rs.getInt(15),
                    rs.getBoolean(16)))
        .list();
  }

  /** An import undone since a moment: its file, source and when it was undone. */
  public record Undone(long id, String fileName, String source, OffsetDateTime undoneAt) {}

  /**
   * Public-data imports and those of the given corporations undone since a moment, newest first.
   */
  public List<Undone> undoneSince(Collection<Long> corporationIds, OffsetDateTime since) {
    return jdbc.sql(
            """
            SELECT id, file_name, source, undone_at FROM import_run
             WHERE undone_at >= :since
               AND (corporation_id IS NULL OR corporation_id = ANY (:corporations))
             ORDER BY undone_at DESC
            """)
        .param("since", since)
        .param("corporations", corporationIds.toArray(Long[]::new))
        .query(
            (rs, n) ->
                new Undone(
                    rs.getLong(1),
                    rs.getString(2),
                    rs.getString(3),
                    rs.getObject(4, OffsetDateTime.class)))
        .list();
  }

  /** The public sources loaded so far, each with its credit, files and last load. */
  public List<LoadedSource> publicSources() {
    return jdbc.sql(
            """
                SELECT source, attribution, coalesce(licence, ''), count(*), max(finished_at)::date::text
                  FROM import_run WHERE corporation_id IS NULL
                 GROUP BY source, attribution, licence ORDER BY source
                """)
        .query(
            (rs, n) ->
                new LoadedSource(
                    rs.getString(1),
                    rs.getString(2),
                    rs.getString(3),
                    rs.getInt(4),
                    rs.getString(5)))
        .list();
  }

  /** Public figures per real source, as figures are shown (V38's {@code figure_source}). */
  public record FigureSource(String source, int indicators, long values) {}

  private volatile List<FigureSource> figureSources;

  /**
   * Public figures grouped by the source they are shown under: per column, not per file, so the
   * Leefbaarometer and SES-WOA figures of a CBS compilation count under their own publishers.
   * Counted once after each change of the data (a scan of every figure).
   */
  public List<FigureSource> figureSources() {
    List<FigureSource> known = figureSources;
    if (known != null) {
      return known;
    }
    known =
        jdbc.sql(
                """
                SELECT figure_source(i.source, r.source),
                       count(DISTINCT x.indicator_id), sum(x.n)
                  FROM (SELECT import_id, indicator_id, count(*) AS n FROM observation
                         GROUP BY import_id, indicator_id) x
                  JOIN import_run r ON r.id = x.import_id AND r.corporation_id IS NULL
                  JOIN indicator i ON i.id = x.indicator_id
                 GROUP BY 1 ORDER BY 1
                """)
            .query((rs, n) -> new FigureSource(rs.getString(1), rs.getInt(2), rs.getLong(3)))
            .list();
    figureSources = known;
    return known;
  }

  @org.springframework.context.event.EventListener
  public void onDataChanged(nl.veerkracht.common.DataChangedEvent event) {
    figureSources = null;
  }
}
