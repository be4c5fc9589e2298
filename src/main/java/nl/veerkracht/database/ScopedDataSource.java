package nl.veerkracht.database;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * The data source every repository uses. On a thread with a {@link StaffScope} it hands out
 * connections that run as role {@code veerkracht_staff} with {@code veerkracht.corporations} set to
 * the scope, so the row-level security policies (migration V24) return and accept only those
 * corporations' own rows; the connection is set back before it returns to the pool. Without a scope
 * the connections are the pool's own.
 *
 * <p>When the database has no such role (an external database whose user may not make roles), it
 * says so once and hands out unscoped connections.
 */
public class ScopedDataSource extends DelegatingDataSource {

  private static final Logger log = LoggerFactory.getLogger(ScopedDataSource.class);

  static final String ROLE = "veerkracht_staff";

  private volatile Boolean available;

  public ScopedDataSource(DataSource target) {
    super(target);
  }

  @Override
  public Connection getConnection() throws SQLException {
    Connection c = super.getConnection();
    long[] scope = StaffScope.current();
    if (scope == null || !available(c)) {
      return c;
    }
    try (Statement s = c.createStatement()) {
      s.execute(
          "SET ROLE "
              + ROLE
              + "; SET veerkracht.corporations = '"
              + StaffScope.setting(scope)
              + "'");
    } catch (SQLException e) {
      c.close();
      throw e;
    }
    return scoped(c);
  }

  /** Whether the policies' role exists and this connection's user may take it. */
  private boolean available(Connection c) throws SQLException {
    Boolean known = available;
    if (known == null) {
      try (Statement s = c.createStatement();
          ResultSet rs =
              s.executeQuery(
                  "SELECT coalesce((SELECT pg_has_role(current_user, oid, 'MEMBER') FROM pg_roles"
                      + " WHERE rolname = '"
                      + ROLE
                      + "'), false)")) {
        rs.next();
        known = rs.getBoolean(1);
      }
      if (!known) {
        log.warn(
            "The database has no role {} this user may take: a staff member's queries are not"
                + " limited to their corporations by row-level security (the services still"
                + " check). Run the migrations as a user that may create roles to turn it on.",
            ROLE);
      }
      available = known;
    }
    return known;
  }

  /** The connection, set back to the pool's user and no scope when it is closed. */
  private static Connection scoped(Connection c) {
    return (Connection)
        Proxy.newProxyInstance(
            ScopedDataSource.class.getClassLoader(),
            new Class<?>[] {Connection.class},
            (proxy, method, args) -> {
              if (method.getName().equals("close") && method.getParameterCount() == 0) {
                reset(c);
                c.close();
                return null;
              }
              try {
                return method.invoke(c, args);
              } catch (InvocationTargetException e) {
                throw e.getCause();
              }
            });
  }

  private static void reset(Connection c) {
    try (Statement s = c.createStatement()) {
      s.execute("RESET ROLE; RESET veerkracht.corporations");
    } catch (SQLException e) {
      // never hand a connection that may still be scoped back to the pool
      log.warn("Could not set a scoped connection back ({}); dropping it", e.getMessage());
      try {
        c.abort(Runnable::run);
      } catch (SQLException ignored) {
        // the pool replaces it
      }
    }
  }
}
