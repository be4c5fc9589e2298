package nl.veerkracht.stock;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.stream.Collectors;

/** Helpers for the temporary staging tables of the stock writers. */
final class StagingTables {

  private StagingTables() {}

  /** Creates (once per transaction) and empties a temporary table. */
  static void create(Connection connection, String name, String columns) throws SQLException {
    try (Statement s = connection.createStatement()) {
      s.execute("CREATE TEMP TABLE IF NOT EXISTS " + name + " (" + columns + ") ON COMMIT DROP");
      s.execute("TRUNCATE " + name);
    }
  }

  /**
   * Gives the planner the size of a staging table; for large ones, rules out nested loops, which
   * would rescan the target table (growing with this very statement) once per staged row.
   */
  static void analyze(Connection connection, String table) throws SQLException {
    try (Statement st = connection.createStatement()) {
      st.execute("ANALYZE " + table);
      long rows;
      try (var rs =
          st.executeQuery(
              "SELECT reltuples::bigint FROM pg_class WHERE relname = '"
                  + table
                  + "' AND relpersistence = 't'")) {
        rows = rs.next() ? rs.getLong(1) : 0;
      }
      st.execute(
          rows > 1000 ? "SET LOCAL enable_nestloop = off" : "SET LOCAL enable_nestloop = on");
    }
  }

  /** {@code "a, b"} with a prefix on each column: {@code "s.a, s.b"}. */
  static String prefixed(String prefix, String columns) {
    return Arrays.stream(columns.split(","))
        .map(c -> prefix + c.strip())
        .collect(Collectors.joining(", "));
  }
}
