package nl.veerkracht.bench;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Empties the scratch database between benchmark iterations (the catalogue stays). */
@Component
public class BenchDatabase {

  private final JdbcClient jdbc;

  public BenchDatabase(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public void reset() {
    jdbc.sql(
            "TRUNCATE observation, area, cbs_table, cbs_table_property, demo_file, import_run, stock_cluster, stock_unit"
                + " CASCADE")
        .update();
    jdbc.sql("TRUNCATE stock_unit_cluster, stock_unit_area, analysis_result, analysis_run")
        .update();
    jdbc.sql("DELETE FROM corporation WHERE code = 'BENCH'").update();
    jdbc.sql("DELETE FROM indicator WHERE origin = 'source'").update();
    jdbc.sql("CHECKPOINT").update();
  }

  public JdbcClient jdbc() {
    return jdbc;
  }
}
