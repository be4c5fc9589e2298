package nl.veerkracht.support;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Row counts and an MD5 over the full contents of every application table, to prove that a rejected
 * import changed nothing. The analysis tables are left out: they are derived from the others and
 * rewritten in the background after every earlier import that did change something. The run log is
 * left out too: it records every run, a rejected one as well, by design; so is the audit log, which
 * records the rejected run (and nothing else of it).
 */
public final class DatabaseFingerprint {

  private DatabaseFingerprint() {}

  public static Map<String, String> of(JdbcClient jdbc) {
    List<String> tables =
        jdbc.sql(
                "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'"
                    + " AND table_type = 'BASE TABLE' AND table_name NOT IN ('flyway_schema_history',"
                    + " 'analysis_result', 'analysis_run', 'run_log', 'audit_event') ORDER BY 1")
            .query(String.class)
            .list();
    Map<String, String> result = new LinkedHashMap<>();
    for (String t : tables) {
      String row =
          jdbc.sql(
                  "SELECT count(*) || ':' || coalesce(md5(string_agg(x::text, '|' ORDER BY x::text)), '-') FROM \""
                      + t
                      + "\" x")
              .query(String.class)
              .single();
      result.put(t, row);
    }
    return result;
  }
}
