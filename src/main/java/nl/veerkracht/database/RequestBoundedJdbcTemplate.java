package nl.veerkracht.database;

import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The application's {@link JdbcTemplate} (and so its {@code JdbcClient}): a statement run for a
 * person's request may take at most {@code veerkracht.db.request-statement-timeout} (30 s), so no
 * request holds locks for minutes (finding 6 of the second trust review: one request held a
 * transaction for 5 min 37 s and blocked another for 3.5 min). PostgreSQL cancels the statement,
 * the transaction rolls back, and the person gets 503 with a message in their language ({@code
 * ApiExceptionHandler}). Imports, fetches and the analysis recompute started from a page or the API
 * are the exception: they are long by nature and run under their own limits. Background work and
 * commands are not bounded.
 */
public class RequestBoundedJdbcTemplate extends JdbcTemplate {

  /** Requests that run an import (or undo one), a fetch or a full recompute. */
  private static final List<String> LONG_BY_NATURE =
      List.of(
          "/api/imports",
          "/gegevens/",
          "/api/plans/import",
          "/beheerplan/excel",
          "/api/admin/analysis/recompute");

  private final int seconds;

  public RequestBoundedJdbcTemplate(DataSource dataSource, Duration timeout) {
    super(dataSource);
    this.seconds = (int) Math.max(1, timeout.toSeconds());
  }

  @Override
  protected void applyStatementSettings(Statement stmt) throws SQLException {
    super.applyStatementSettings(stmt);
    if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes a
        && !longByNature(a.getRequest().getRequestURI())
        && (stmt.getQueryTimeout() == 0 || stmt.getQueryTimeout() > seconds)) {
      stmt.setQueryTimeout(seconds);
    }
  }

  static boolean longByNature(String path) {
    return path != null && LONG_BY_NATURE.stream().anyMatch(path::startsWith);
  }

  public int seconds() {
    return seconds;
  }

  /** Whether PostgreSQL cancelled a statement for running too long (SQLSTATE 57014). */
  public static boolean isTimeout(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof org.springframework.dao.QueryTimeoutException
          || t instanceof SQLException s && "57014".equals(s.getSQLState())) {
        return true;
      }
    }
    return false;
  }
}
