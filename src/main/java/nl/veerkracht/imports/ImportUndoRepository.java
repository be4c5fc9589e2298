package nl.veerkracht.imports;

import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * What undoing an import of figures reads and writes: the run (locked), the figures it wrote and
 * those it replaced ({@code observation}, {@code observation_replaced}), indicators only it
 * brought, and the run's undone mark. {@link ImportUndo} holds the rules.
 */
@Repository
class ImportUndoRepository {

  /** What undoing needs to know of a run. */
  record Run(long id, Long corporationId, String importedBy, int areasWritten, boolean undone) {}

  private final JdbcClient jdbc;

  ImportUndoRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** The run, locked until the transaction ends. */
  Optional<Run> lockRun(long importId) {
    return jdbc.sql(
            """
            SELECT id, corporation_id, imported_by, areas_written, undone_at IS NOT NULL
              FROM import_run WHERE id = :id FOR UPDATE
            """)
        .param("id", importId)
        .query(
            (rs, n) ->
                new Run(
                    rs.getLong(1),
                    (Long) rs.getObject(2),
                    rs.getString(3),
                    rs.getInt(4),
                    rs.getBoolean(5)))
        .optional();
  }

  /** Later imports that replaced figures this one wrote. */
  List<Long> laterImports(long importId) {
    return jdbc.sql(
            """
            SELECT DISTINCT import_id FROM observation_replaced
             WHERE previous_import_id = :id ORDER BY 1
            """)
        .param("id", importId)
        .query(Long.class)
        .list();
  }

  /** Removes the figures the import wrote; the indicator of each removed figure. */
  List<String> removeFigures(long importId) {
    return jdbc.sql("DELETE FROM observation WHERE import_id = :id RETURNING indicator_id")
        .param("id", importId)
        .query(String.class)
        .list();
  }

  /** Puts back the figures the import replaced (with the imports that wrote them); how many. */
  long restoreReplaced(long importId) {
    long restored =
        jdbc.sql(
                """
                INSERT INTO observation (area_code, year, indicator_id, value, status, reason,
                                         division_year, import_id)
                SELECT area_code, year, indicator_id, value, status, reason, division_year,
                       previous_import_id
                  FROM observation_replaced WHERE import_id = :id
                """)
            .param("id", importId)
            .update();
    jdbc.sql("DELETE FROM observation_replaced WHERE import_id = :id")
        .param("id", importId)
        .update();
    return restored;
  }

  /** Removes indicators kept from a source that no figure uses any more; their ids. */
  List<String> removeUnusedIndicators(List<String> ids) {
    return jdbc.sql(
            """
            DELETE FROM indicator i WHERE i.origin = 'source' AND i.id = ANY(:ids)
               AND NOT EXISTS (SELECT 1 FROM observation o WHERE o.indicator_id = i.id)
            RETURNING i.id
            """)
        .param("ids", ids.stream().distinct().toArray(String[]::new))
        .query(String.class)
        .list();
  }

  void markUndone(long importId, String by) {
    jdbc.sql("UPDATE import_run SET undone_at = now(), undone_by = :by WHERE id = :id")
        .param("by", by)
        .param("id", importId)
        .update();
  }
}
