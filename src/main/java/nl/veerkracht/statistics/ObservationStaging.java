package nl.veerkracht.statistics;

import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * Stages observations of one import in a temporary table with PostgreSQL's {@code COPY}, then
 * merges them into {@code observation} in one statement. Lives inside the import's transaction: a
 * rolled-back import leaves nothing behind.
 *
 * <p>Cost: COPY of the staged rows plus one {@code INSERT ... SELECT ... ON CONFLICT} that writes
 * only rows that differ, so re-importing the same file writes nothing.
 */
public final class ObservationStaging implements AutoCloseable {

  /** A value pair seen twice for the same area, year and indicator. */
  public record Duplicate(
      String areaCode, int year, String indicatorId, long firstRow, long secondRow) {}

  private static final int FLUSH_CHARS = 4 << 20;

  private final Connection connection;
  private final CopyManager copy;
  private final StringBuilder buffer = new StringBuilder(FLUSH_CHARS + 1024);
  private long staged;

  public ObservationStaging(Connection connection) throws SQLException {
    this.connection = connection;
    this.copy = connection.unwrap(PGConnection.class).getCopyAPI();
    try (Statement s = connection.createStatement()) {
      s.execute(
          "CREATE TEMP TABLE IF NOT EXISTS import_staging ("
              + " area_code text, year smallint, indicator_id text, value double precision,"
              + " status text, reason text, division_year smallint, row_no bigint) ON COMMIT DROP");
      s.execute("TRUNCATE import_staging");
    }
  }

  /** Buffers one observation; flushes to the server now and then. */
  public void add(
      String areaCode,
      int year,
      String indicatorId,
      Double value,
      String status,
      String reason,
      int divisionYear,
      long rowNo)
      throws SQLException {
    buffer.append(areaCode).append('\t').append(year).append('\t').append(indicatorId).append('\t');
    if (value == null) {
      buffer.append("\\N");
    } else {
      buffer.append(value.doubleValue());
    }
    buffer.append('\t').append(status).append('\t');
    if (reason == null) {
      buffer.append("\\N");
    } else {
      escape(reason);
    }
    buffer.append('\t').append(divisionYear).append('\t').append(rowNo).append('\n');
    staged++;
    if (buffer.length() >= FLUSH_CHARS) {
      flush();
    }
  }

  private void escape(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '\\' -> buffer.append("\\\\");
        case '\t' -> buffer.append("\\t");
        case '\n' -> buffer.append("\\n");
        case '\r' -> buffer.append("\\r");
        default -> buffer.append(c);
      }
    }
  }

  public void flush() throws SQLException {
    if (buffer.isEmpty()) {
      return;
    }
    try {
      copy.copyIn("COPY import_staging FROM STDIN", new StringReader(buffer.toString()));
    } catch (IOException e) {
      throw new SQLException("COPY into the staging table failed", e);
    }
    buffer.setLength(0);
  }

  public long staged() {
    return staged;
  }

  /** Up to {@code limit} keys staged more than once. */
  public List<Duplicate> duplicates(int limit) throws SQLException {
    flush();
    List<Duplicate> result = new ArrayList<>();
    try (Statement s = connection.createStatement();
        var rs =
            s.executeQuery(
                "SELECT area_code, year, indicator_id, min(row_no), max(row_no) FROM import_staging"
                    + " GROUP BY area_code, year, indicator_id HAVING count(*) > 1"
                    + " ORDER BY min(row_no) LIMIT "
                    + limit)) {
      while (rs.next()) {
        result.add(
            new Duplicate(
                rs.getString(1), rs.getInt(2), rs.getString(3), rs.getLong(4), rs.getLong(5)));
      }
    }
    return result;
  }

  /**
   * Merges the staged rows into {@code observation}: new keys are inserted, changed values updated;
   * a missing or secret value never replaces a known one.
   *
   * @return the number of observations written (inserted or changed)
   */
  public long merge(long importId) throws SQLException {
    flush();
    try (var ps =
        connection.prepareStatement(
            """
            INSERT INTO observation (area_code, year, indicator_id, value, status, reason, division_year, import_id)
            SELECT area_code, year, indicator_id, value, status, reason, division_year, ?
              FROM import_staging
            ON CONFLICT (area_code, year, indicator_id) DO UPDATE
               SET value = excluded.value, status = excluded.status, reason = excluded.reason,
                   division_year = excluded.division_year, import_id = excluded.import_id
             WHERE (observation.value, observation.status, observation.reason, observation.division_year)
                   IS DISTINCT FROM (excluded.value, excluded.status, excluded.reason, excluded.division_year)
               AND NOT (observation.status = 'ok' AND excluded.status <> 'ok')
            """)) {
      ps.setLong(1, importId);
      return ps.executeLargeUpdate();
    }
  }

  /** Empties the staging table for the next file of the same run. */
  public void reset() throws SQLException {
    buffer.setLength(0);
    staged = 0;
    try (Statement s = connection.createStatement()) {
      s.execute("TRUNCATE import_staging");
    }
  }

  @Override
  public void close() {
    buffer.setLength(0);
  }
}
