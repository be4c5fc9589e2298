package nl.veerkracht.imports;

import java.util.List;
import nl.veerkracht.imports.read.ColumnMapping;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The saved rows of {@code column_mapping}. {@link ColumnMappings} holds the rules. */
@Repository
class ColumnMappingRepository {

  private final JdbcClient jdbc;

  ColumnMappingRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Shared mappings and those of this corporation (null: shared only), by name. */
  List<ColumnMappings.Saved> list(Long corporationId) {
    return jdbc.sql(
            """
            SELECT definition::text, corporation_id, created_by FROM column_mapping
             WHERE corporation_id IS NULL OR corporation_id = :c
             ORDER BY name
            """)
        .param("c", corporationId)
        .query(
            (rs, n) ->
                new ColumnMappings.Saved(
                    ColumnMapping.parse(rs.getString(1)),
                    false,
                    (Long) rs.getObject(2),
                    rs.getString(3)))
        .list();
  }

  /**
   * Saves a mapping under its name; one of the same name is replaced only when {@code actor} made
   * it or {@code override} holds. False when it was someone else's.
   */
  boolean save(String name, Long corporationId, String json, String actor, boolean override) {
    return jdbc.sql(
                """
                INSERT INTO column_mapping (name, corporation_id, definition, created_by)
                VALUES (:name, :c, CAST(:definition AS jsonb), :actor)
                ON CONFLICT (coalesce(corporation_id, 0), name)
                DO UPDATE SET definition = excluded.definition, created_at = now()
                 WHERE column_mapping.created_by = excluded.created_by OR :override
                """)
            .param("name", name)
            .param("c", corporationId)
            .param("definition", json)
            .param("actor", actor)
            .param("override", override)
            .update()
        > 0;
  }
}
