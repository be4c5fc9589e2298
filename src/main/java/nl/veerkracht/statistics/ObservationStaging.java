package nl.veerkracht.statistics;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import nl.veerkracht.database.CopyWriter;

/**
 * Stages observations of one import in a temporary table with PostgreSQL's {@code COPY}, then
 * merges them into {@code observation} in one statement. Lives inside the import's transaction: a
 * rolled-back import leaves nothing behind.
 *
 * <p>Cost: COPY of the staged rows plus one {@code INSERT ... SELECT ... ON CONFLICT} that writes
 * only rows that differ, so re-importing the same file writes nothing.
 */
public final class ObservationStaging implements AutoCloseable {

  private static final org.slf4j.Logger LOG =
      org.slf4j.LoggerFactory.getLogger(ObservationStaging.class);

  /**
   * Lets figures go straight into {@code observation} while every key a file brings is new (a first
   * import of a year's table): the caller takes the import's write lock, so no other import can add
   * those keys meanwhile, and reserves the import's id, which the direct rows carry.
   */
  @FunctionalInterface
  public interface Direct {
    long begin() throws SQLException;
  }

  private final Connection connection;
  private final CopyWriter copy;
  private long staged;
  private Direct direct;
  private Long directImportId;
  private CopyWriter directCopy;
  private boolean directStopped;
  private long directRows;
  private final java.util.Map<String, java.util.Map<Integer, Boolean>> newPairs =
      new java.util.HashMap<>();

  /**
   * The staging table on the connection of the transaction that is running (the run's own), so what
   * is staged and merged commits or rolls back with the run.
   */
  public static ObservationStaging inTransaction(javax.sql.DataSource dataSource)
      throws SQLException {
    return new ObservationStaging(
        org.springframework.jdbc.datasource.DataSourceUtils.getConnection(dataSource));
  }

  ObservationStaging(Connection connection) throws SQLException {
    this.connection = connection;
    try (Statement s = connection.createStatement()) {
      // Sorting and hashing the staged keys against the table wants more than the 4 MB default.
      s.execute("SET LOCAL work_mem = '256MB'");
      s.execute(
          "CREATE TEMP TABLE IF NOT EXISTS import_staging ("
              + " area_code text COLLATE \"C\", year smallint, indicator_id text COLLATE \"C\","
              + " value double precision,"
              + " status text, reason text, division_year smallint, row_no bigint) ON COMMIT DROP");
      s.execute("TRUNCATE import_staging");
    }
    this.copy = new CopyWriter(connection, "COPY import_staging FROM STDIN");
  }

  /**
   * Allows the direct path for the next file (null: always stage). Must be set before its first
   * {@link #add}; {@link #reset()} turns it off again.
   */
  public void allowDirect(Direct direct) {
    this.direct = direct;
  }

  /**
   * The import id reserved for this file when the direct path was allowed (its direct rows carry
   * it), or null.
   */
  public Long directImportId() {
    return directImportId;
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
    if (direct != null && directImportId == null) {
      // the write lock before the first question: what observation holds is then asked under it
      // and stays so until this import commits (another import's figures cannot slip in between)
      directImportId = direct.begin();
    }
    if (direct != null && !directStopped && isNew(indicatorId, year)) {
      if (directCopy == null) {
        directCopy =
            CopyWriter.streaming(
                connection,
                "COPY observation (area_code, year, indicator_id, value, status, reason,"
                    + " division_year, import_id) FROM STDIN");
      }
      directCopy.text(areaCode).integer(year).text(indicatorId).number(value).text(status);
      directCopy.text(reason).integer(divisionYear).integer(directImportId).endRow();
      directRows++;
      return;
    }
    copy.text(areaCode).integer(year).text(indicatorId).number(value).text(status).text(reason);
    copy.integer(divisionYear).integer(rowNo).endRow();
    staged++;
  }

  /**
   * Ends an open COPY so that the connection can answer another statement (a reader's lookup in the
   * middle of a file).
   */
  public void pause() throws SQLException {
    if (directCopy != null) {
      directCopy.flush();
    }
  }

  public void flush() throws SQLException {
    if (directCopy != null) {
      directCopy.flush();
    }
    copy.flush();
  }

  /**
   * Whether observation holds no figure of this indicator in this year (asked once per pair and
   * file, between COPY chunks). The first pair that is held ends the direct path for the rest of
   * the file: what went directly stays (its keys were new), the rest is staged and merged.
   */
  private boolean isNew(String indicatorId, int year) throws SQLException {
    var years = newPairs.computeIfAbsent(indicatorId, k -> new java.util.HashMap<>(4));
    Boolean fresh = years.get(year);
    if (fresh == null) {
      pause(); // the question needs the connection
      fresh = !held(indicatorId, year);
      years.put(year, fresh);
      if (!fresh) {
        directStopped = true;
      }
    }
    return fresh;
  }

  private boolean held(String indicatorId, int year) throws SQLException {
    try (var q =
        connection.prepareStatement(
            "SELECT EXISTS (SELECT 1 FROM observation WHERE indicator_id = ? AND year = ?)")) {
      q.setString(1, indicatorId);
      q.setInt(2, year);
      try (var rs = q.executeQuery()) {
        rs.next();
        return rs.getBoolean(1);
      }
    }
  }

  public long staged() {
    return staged;
  }

  /**
   * Merges the staged rows into {@code observation}: changed values are updated, new keys inserted;
   * a missing or secret value never replaces a known one. Two plain statements (an update joined on
   * the key, an insert of the keys not yet held) instead of {@code INSERT ... ON CONFLICT}, which
   * costs about twice as much per row for bulk loads.
   *
   * @return the number of observations written (inserted or changed)
   */
  public long merge(long importId) throws SQLException {
    flush();
    if (directRows > 0) {
      LOG.info("merge: {} figures went straight into observation", directRows);
    }
    if (staged == 0) {
      return directRows;
    }
    return directRows + mergeStaged(importId);
  }

  private long mergeStaged(long importId) throws SQLException {
    if (onlyNewKeys()) {
      return insertAll(importId);
    }
    boolean probe = choosePlan();
    long written;
    try (var update =
        connection.prepareStatement(
            """
            WITH changed AS (
              UPDATE observation o
                 SET value = s.value, status = s.status, reason = s.reason,
                     division_year = s.division_year, import_id = ?
                FROM import_staging s, observation old
               WHERE o.area_code = s.area_code AND o.year = s.year AND o.indicator_id = s.indicator_id
                 AND old.area_code = o.area_code AND old.year = o.year AND old.indicator_id = o.indicator_id
                 AND (o.value, o.status, o.reason, o.division_year)
                     IS DISTINCT FROM (s.value, s.status, s.reason, s.division_year)
                 AND NOT (o.status = 'ok' AND s.status <> 'ok')
              RETURNING old.area_code, old.year, old.indicator_id, old.value, old.status, old.reason,
                        old.division_year, old.import_id)
            INSERT INTO observation_replaced (import_id, area_code, year, indicator_id, value, status,
                                              reason, division_year, previous_import_id)
            SELECT ?, * FROM changed
            """)) {
      // the self-join "old" reads the rows as they were before this statement: what the import
      // replaces is kept for undoing it
      update.setLong(1, importId);
      update.setLong(2, importId);
      long t0 = System.nanoTime();
      written = update.executeLargeUpdate();
      LOG.info(
          "merge: {} updated in {} ms (probe {})",
          written,
          (System.nanoTime() - t0) / 1_000_000,
          probe);
    }
    try (var insert =
        connection.prepareStatement(
            """
            INSERT INTO observation (area_code, year, indicator_id, value, status, reason, division_year, import_id)
            SELECT s.area_code, s.year, s.indicator_id, s.value, s.status, s.reason, s.division_year, ?
              FROM import_staging s
             WHERE NOT EXISTS (SELECT 1 FROM observation o
                                WHERE o.area_code = s.area_code AND o.year = s.year
                                  AND o.indicator_id = s.indicator_id)
             ORDER BY s.area_code, s.year, s.indicator_id
            """)) {
      // in key order: a hash anti join hands rows out in hash order, and both of observation's
      // indexes then take random-order inserts (10.7 s against 6.0 s for a national table)
      insert.setLong(1, importId);
      long t0 = System.nanoTime();
      long inserted = insert.executeLargeUpdate();
      LOG.debug("merge: {} inserted in {} ms", inserted, (System.nanoTime() - t0) / 1_000_000);
      written += inserted;
    }
    try (Statement s = connection.createStatement()) {
      s.execute("SET LOCAL enable_hashjoin = on");
      s.execute("SET LOCAL enable_mergejoin = on");
      s.execute("SET LOCAL enable_nestloop = on");
    }
    return written;
  }

  /**
   * Analyses the staged rows and tells the planner how to join them with {@code observation}:
   * returns whether the primary key is probed per row (few rows against a large table).
   */
  private boolean choosePlan() throws SQLException {
    boolean probe;
    try (Statement s = connection.createStatement()) {
      s.execute("ANALYZE import_staging");
      // Few staged rows against a large table: probe the primary key per row instead of hashing
      // or sorting the whole table (0.9 s instead of 2 s for 53,000 rows against 430,000).
      long tableRows;
      try (var rs =
          s.executeQuery(
              "SELECT greatest(c.reltuples::bigint, coalesce(s.n_live_tup, 0)) FROM pg_class c"
                  + " LEFT JOIN pg_stat_user_tables s ON s.relid = c.oid WHERE c.oid = 'observation'::regclass")) {
        rs.next();
        tableRows = rs.getLong(1);
      }
      probe = staged * 4 < tableRows;
      if (probe) {
        s.execute("SET LOCAL enable_hashjoin = off");
        s.execute("SET LOCAL enable_mergejoin = off");
      } else {
        // Many rows against a small (or just emptied) table: the planner may pick a nested loop
        // with a sequential scan of observation, which then rescans every row this very insert
        // has added (invisible, but read) - quadratic. Hashing the table once avoids that.
        s.execute("SET LOCAL enable_nestloop = off");
      }
    }
    return probe;
  }

  /**
   * Whether no staged key can be held already: observation has no figure of any staged indicator in
   * any staged year (one probe of its {@code (indicator_id, year)} index per pair). The common
   * first import of a year's table then needs neither the update nor the anti join.
   */
  private boolean onlyNewKeys() throws SQLException {
    try (Statement s = connection.createStatement();
        var rs =
            s.executeQuery(
                "SELECT EXISTS (SELECT 1 FROM (SELECT DISTINCT indicator_id, year FROM"
                    + " import_staging) k WHERE EXISTS (SELECT 1 FROM observation o WHERE"
                    + " o.indicator_id = k.indicator_id AND o.year = k.year))")) {
      rs.next();
      return !rs.getBoolean(1);
    }
  }

  /** Inserts every staged row, in key order, when none can be held already. */
  private long insertAll(long importId) throws SQLException {
    try (var insert =
        connection.prepareStatement(
            """
            INSERT INTO observation (area_code, year, indicator_id, value, status, reason, division_year, import_id)
            SELECT s.area_code, s.year, s.indicator_id, s.value, s.status, s.reason, s.division_year, ?
              FROM import_staging s
             ORDER BY s.area_code, s.year, s.indicator_id
            """)) {
      insert.setLong(1, importId);
      long t0 = System.nanoTime();
      long inserted = insert.executeLargeUpdate();
      LOG.info(
          "merge: {} inserted (all keys new) in {} ms",
          inserted,
          (System.nanoTime() - t0) / 1_000_000);
      return inserted;
    }
  }

  /** Empties the staging table for the next file of the same run. */
  public void reset() throws SQLException {
    copy.discard();
    staged = 0;
    if (directCopy != null) {
      directCopy.discard();
    }
    direct = null;
    directCopy = null;
    directImportId = null;
    directStopped = false;
    directRows = 0;
    newPairs.clear();
    try (Statement s = connection.createStatement()) {
      s.execute("TRUNCATE import_staging");
    }
  }

  @Override
  public void close() {
    copy.discard();
    if (directCopy != null) {
      directCopy.discard();
    }
  }
}
