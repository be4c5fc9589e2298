package nl.veerkracht.database;

import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.SQLException;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * Rows for PostgreSQL's {@code COPY ... FROM STDIN} in its text format, sent in chunks of a few
 * megabytes: the one place that knows the escaping ({@code \N} for null; backslash, tab, newline
 * and carriage return escaped). Used by every bulk writer (observations, analysis results, stock).
 *
 * <p>Write a row as a sequence of {@code text}/{@code number}/{@code integer}/{@code nul} calls
 * ended by {@link #endRow()}, or with {@link #row(Object...)}.
 */
public final class CopyWriter {

  private static final int DEFAULT_FLUSH_CHARS = 4 << 20;

  private static final int STREAM_CHUNK_CHARS = 256 << 10;

  private final CopyManager copy;
  private final String sql;
  private final int flushChars;
  private final StringBuilder buffer;
  private final boolean streaming;
  private org.postgresql.copy.CopyIn open;
  private boolean rowStarted;
  private long rows;

  /**
   * A writer that keeps one COPY open and sends every 256 kB as it fills, so the server works on
   * the rows while the caller makes the next ones; {@link #flush()} ends the COPY. No other
   * statement can run on the connection while it is open: flush first.
   */
  public static CopyWriter streaming(Connection connection, String sql) throws SQLException {
    return new CopyWriter(connection, sql, STREAM_CHUNK_CHARS, true);
  }

  /**
   * @param sql the COPY statement, e.g. {@code COPY staging (a, b) FROM STDIN}
   */
  public CopyWriter(Connection connection, String sql) throws SQLException {
    this(connection, sql, DEFAULT_FLUSH_CHARS);
  }

  public CopyWriter(Connection connection, String sql, int flushChars) throws SQLException {
    this(connection, sql, flushChars, false);
  }

  private CopyWriter(Connection connection, String sql, int flushChars, boolean streaming)
      throws SQLException {
    this.copy = connection.unwrap(PGConnection.class).getCopyAPI();
    this.sql = sql;
    this.flushChars = flushChars;
    this.buffer = new StringBuilder(Math.min(flushChars, 1 << 20) + 1024);
    this.streaming = streaming;
  }

  private void separate() {
    if (rowStarted) {
      buffer.append('\t');
    }
    rowStarted = true;
  }

  public CopyWriter text(String s) {
    separate();
    if (s == null) {
      buffer.append("\\N");
    } else {
      escape(buffer, s);
    }
    return this;
  }

  public CopyWriter number(double v) {
    separate();
    buffer.append(v);
    return this;
  }

  public CopyWriter number(Double v) {
    return v == null ? nul() : number(v.doubleValue());
  }

  public CopyWriter integer(long v) {
    separate();
    buffer.append(v);
    return this;
  }

  public CopyWriter nul() {
    separate();
    buffer.append("\\N");
    return this;
  }

  /** Ends the row; sends the buffer when it has grown past the chunk size. */
  public void endRow() throws SQLException {
    buffer.append('\n');
    rowStarted = false;
    rows++;
    if (buffer.length() >= flushChars) {
      if (streaming) {
        send();
      } else {
        flush();
      }
    }
  }

  /** Sends the buffer into the open COPY (opening it first), without ending it. */
  private void send() throws SQLException {
    if (open == null) {
      open = copy.copyIn(sql);
    }
    byte[] bytes = buffer.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
    open.writeToCopy(bytes, 0, bytes.length);
    buffer.setLength(0);
  }

  /** One row of values: null as {@code \N}, anything else by its {@code toString()}. */
  public void row(Object... values) throws SQLException {
    for (Object v : values) {
      text(v == null ? null : v.toString());
    }
    endRow();
  }

  /** Sends what is buffered. */
  public void flush() throws SQLException {
    if (streaming) {
      if (!buffer.isEmpty()) {
        send();
      }
      if (open != null) {
        org.postgresql.copy.CopyIn ending = open;
        open = null;
        ending.endCopy();
      }
      return;
    }
    if (buffer.isEmpty()) {
      return;
    }
    try {
      copy.copyIn(sql, new StringReader(buffer.toString()));
    } catch (IOException e) {
      throw new SQLException("COPY failed: " + sql, e);
    }
    buffer.setLength(0);
  }

  /** Forgets what is buffered and not yet sent. */
  public void discard() {
    buffer.setLength(0);
    rowStarted = false;
    if (open != null) {
      org.postgresql.copy.CopyIn cancelled = open;
      open = null;
      try {
        if (cancelled.isActive()) {
          cancelled.cancelCopy();
        }
      } catch (SQLException e) {
        // the transaction is being rolled back or the connection is gone: nothing to keep
      }
    }
  }

  /** Rows ended so far. */
  public long rows() {
    return rows;
  }

  /** Appends {@code s} escaped for COPY text format. */
  static void escape(StringBuilder b, String s) {
    for (int i = 0; i < s.length(); i++) {
      char ch = s.charAt(i);
      switch (ch) {
        case '\\' -> b.append("\\\\");
        case '\t' -> b.append("\\t");
        case '\n' -> b.append("\\n");
        case '\r' -> b.append("\\r");
        default -> b.append(ch);
      }
    }
  }
}
