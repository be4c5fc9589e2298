package nl.veerkracht.database;

import nl.veerkracht.VeerkrachtProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Row-level security is never silently off. After the migrations (whose callback {@code
 * afterMigrate__row_level_security.sql} puts the role's rights and the policies in place on every
 * start), a start on a database where it is still off — the user may not create or take the role
 * {@code veerkracht_staff} — is refused with what the database administrator can do, unless {@code
 * VEERKRACHT_DB_ALLOW_UNSCOPED=true} says to run without it.
 */
@Component
public class RowLevelSecurityCheck {

  private static final Logger log = LoggerFactory.getLogger(RowLevelSecurityCheck.class);

  public static final String SETTING = "VEERKRACHT_DB_ALLOW_UNSCOPED";

  public RowLevelSecurityCheck(JdbcClient jdbc, VeerkrachtProperties properties) {
    boolean on =
        jdbc.sql(
                "SELECT coalesce((SELECT pg_has_role(current_user, oid, 'MEMBER') FROM pg_roles"
                    + " WHERE rolname = '"
                    + ScopedDataSource.ROLE
                    + "'), false) AND coalesce((SELECT relrowsecurity FROM pg_class"
                    + " WHERE oid = to_regclass('atelier')), false)")
            .query(Boolean.class)
            .single();
    if (on) {
      return;
    }
    String user = jdbc.sql("SELECT current_user").query(String.class).single();
    if (properties.db().allowUnscoped()) {
      log.warn(
          "Row-level security is off (database user {} may not create or take role {}); running"
              + " unscoped because {}=true",
          user,
          ScopedDataSource.ROLE,
          SETTING);
      return;
    }
    throw new RowLevelSecurityOffException(user);
  }

  /** The start is refused: names the user, what the DBA runs, and the setting. */
  public static final class RowLevelSecurityOffException extends IllegalStateException {
    private final String user;

    RowLevelSecurityOffException(String user) {
      super(
          "Row-level security is off: database user "
              + user
              + " may not create or take the role "
              + ScopedDataSource.ROLE
              + ", so the database would not limit a staff member's requests to their own"
              + " corporations. Start refused; "
              + SETTING
              + "=true (veerkracht.db.allow-unscoped) runs without it.");
      this.user = user;
    }

    /** What a database administrator runs once, after which a start turns it on. */
    public String remedy() {
      return "Ask the database administrator to run, as a superuser or a role with CREATEROLE:\n"
          + "    CREATE ROLE "
          + ScopedDataSource.ROLE
          + " NOLOGIN;\n"
          + "    GRANT "
          + ScopedDataSource.ROLE
          + " TO \""
          + user.replace("\"", "\"\"")
          + "\";\n"
          + "and start again: the policies are put in place at start. Or set "
          + SETTING
          + "=true to run without row-level security (the services still check every request).";
    }
  }
}
