package nl.veerkracht.statistics;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nl.veerkracht.statistics.domain.TableInfo;
import nl.veerkracht.statistics.domain.TableProperty;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** CBS StatLine table metadata: {@code cbs_table} and {@code cbs_table_property}. */
@Repository
public class CbsTableRepository {

  private final JdbcClient jdbc;

  public CbsTableRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * @return the number of properties inserted or changed
   */
  public int saveProperties(List<TableProperty> properties) {
    int changed = 0;
    for (TableProperty p : properties) {
      changed +=
          jdbc.sql(
                  """
                  INSERT INTO cbs_table_property AS t (year, key, title, unit, datatype, decimals, parent_title, description)
                  VALUES (:year, :key, :title, :unit, :datatype, :decimals, :parentTitle, :description)
                  ON CONFLICT (year, key) DO UPDATE SET title = excluded.title, unit = excluded.unit,
                    datatype = excluded.datatype, decimals = excluded.decimals,
                    parent_title = excluded.parent_title, description = excluded.description
                  WHERE (t.title, t.unit, t.datatype, t.decimals, t.parent_title, t.description)
                     IS DISTINCT FROM (excluded.title, excluded.unit, excluded.datatype, excluded.decimals,
                                       excluded.parent_title, excluded.description)
                  """)
              .param("year", p.year())
              .param("key", p.key())
              .param("title", p.title())
              .param("unit", p.unit())
              .param("datatype", p.datatype())
              .param("decimals", p.decimals())
              .param("parentTitle", p.parentTitle())
              .param("description", p.description())
              .update();
    }
    return changed;
  }

  /**
   * @return the number of tables inserted or changed
   */
  public int saveTables(List<TableInfo> tables, long importId) {
    int changed = 0;
    for (TableInfo t : tables) {
      changed +=
          jdbc.sql(
                  """
                  INSERT INTO cbs_table AS c (identifier, title, period, modified, summary, import_id)
                  VALUES (:identifier, :title, :period, :modified, :summary, :importId)
                  ON CONFLICT (identifier) DO UPDATE SET title = excluded.title, period = excluded.period,
                    modified = excluded.modified, summary = excluded.summary, import_id = excluded.import_id
                  WHERE (c.title, c.period, c.modified, c.summary)
                     IS DISTINCT FROM (excluded.title, excluded.period, excluded.modified, excluded.summary)
                  """)
              .param("identifier", t.identifier())
              .param("title", t.title())
              .param("period", t.period())
              .param("modified", t.modified())
              .param("summary", t.summary())
              .param("importId", importId)
              .update();
    }
    return changed;
  }

  public Map<String, TableProperty> properties(int year) {
    Map<String, TableProperty> map = new HashMap<>();
    jdbc.sql("SELECT * FROM cbs_table_property WHERE year = :year")
        .param("year", year)
        .query(
            (rs, n) ->
                new TableProperty(
                    rs.getString("key"),
                    rs.getInt("year"),
                    rs.getString("title"),
                    rs.getString("unit"),
                    rs.getString("datatype"),
                    rs.getInt("decimals"),
                    rs.getString("parent_title"),
                    rs.getString("description")))
        .list()
        .forEach(p -> map.put(p.key(), p));
    return map;
  }
}
