package nl.veerkracht.backup;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a backup holds, read from the database's own catalogue, so a table added by a later
 * migration is backed up without a change here: every table of schema {@code public} but Flyway's
 * history and the signed-in sessions, parents before the tables that refer to them, each read in
 * primary-key order (so the same rows give the same bytes and checksum). For a corporation's
 * backup, which rows of each table are that corporation's, found along the foreign keys.
 */
final class BackupTables {

  static final String HISTORY = "flyway_schema_history";

  /**
   * Signed-in sessions (V36) are never backed up: a backup file would carry live session ids, and a
   * restore signs everyone in again who was signed in then.
   */
  static final String SESSIONS = "spring_session";

  /** A table with its columns; rows are read ordered by {@code orderBy}. */
  record Table(String name, List<String> orderBy, Map<String, Boolean> nullable) {}

  /** A single-column foreign key. */
  record ForeignKey(String table, String column, String parent, String parentColumn) {}

  private BackupTables() {}

  /** Every table, parents first. */
  static List<Table> tables(Connection c) throws SQLException {
    Map<String, Map<String, Boolean>> columns = new LinkedHashMap<>();
    try (Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT c.table_name, c.column_name, c.is_nullable = 'YES' FROM"
                    + " information_schema.columns c JOIN information_schema.tables t USING"
                    + " (table_schema, table_name) WHERE c.table_schema = 'public' AND"
                    + " t.table_type = 'BASE TABLE' ORDER BY c.table_name, c.ordinal_position")) {
      while (rs.next()) {
        if (!rs.getString(1).equals(HISTORY) && !rs.getString(1).startsWith(SESSIONS)) {
          columns
              .computeIfAbsent(rs.getString(1), k -> new LinkedHashMap<>())
              .put(rs.getString(2), rs.getBoolean(3));
        }
      }
    }
    Map<String, List<String>> keys = primaryKeys(c);
    Map<String, Set<String>> parents = new HashMap<>();
    for (ForeignKey fk : foreignKeys(c)) {
      if (!fk.table().equals(fk.parent())) {
        parents.computeIfAbsent(fk.table(), k -> new LinkedHashSet<>()).add(fk.parent());
      }
    }
    List<Table> ordered = new ArrayList<>();
    Set<String> done = new LinkedHashSet<>();
    for (String name : columns.keySet()) {
      visit(name, columns, keys, parents, done, ordered, new LinkedHashSet<>());
    }
    return ordered;
  }

  private static void visit(
      String name,
      Map<String, Map<String, Boolean>> columns,
      Map<String, List<String>> keys,
      Map<String, Set<String>> parents,
      Set<String> done,
      List<Table> ordered,
      Set<String> path) {
    if (done.contains(name) || !columns.containsKey(name) || !path.add(name)) {
      return;
    }
    for (String p : parents.getOrDefault(name, Set.of())) {
      visit(p, columns, keys, parents, done, ordered, path);
    }
    done.add(name);
    List<String> order = keys.getOrDefault(name, List.copyOf(columns.get(name).keySet()));
    ordered.add(new Table(name, order, columns.get(name)));
  }

  private static Map<String, List<String>> primaryKeys(Connection c) throws SQLException {
    Map<String, List<String>> keys = new HashMap<>();
    try (Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT t.relname, a.attname FROM pg_constraint k JOIN pg_class t ON t.oid ="
                    + " k.conrelid JOIN pg_namespace n ON n.oid = t.relnamespace CROSS JOIN"
                    + " LATERAL unnest(k.conkey) WITH ORDINALITY AS u(attnum, pos) JOIN"
                    + " pg_attribute a ON a.attrelid = t.oid AND a.attnum = u.attnum WHERE"
                    + " k.contype = 'p' AND n.nspname = 'public' ORDER BY t.relname, u.pos")) {
      while (rs.next()) {
        keys.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getString(2));
      }
    }
    return keys;
  }

  static List<ForeignKey> foreignKeys(Connection c) throws SQLException {
    List<ForeignKey> out = new ArrayList<>();
    try (Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT t.relname, a.attname, p.relname, pa.attname FROM pg_constraint k JOIN"
                    + " pg_class t ON t.oid = k.conrelid JOIN pg_class p ON p.oid = k.confrelid"
                    + " JOIN pg_namespace n ON n.oid = t.relnamespace JOIN pg_attribute a ON"
                    + " a.attrelid = t.oid AND a.attnum = k.conkey[1] JOIN pg_attribute pa ON"
                    + " pa.attrelid = p.oid AND pa.attnum = k.confkey[1] WHERE k.contype = 'f'"
                    + " AND n.nspname = 'public' AND cardinality(k.conkey) = 1"
                    + " ORDER BY t.relname, a.attname")) {
      while (rs.next()) {
        out.add(new ForeignKey(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)));
      }
    }
    return out;
  }

  /**
   * Per table, the condition that keeps one corporation's rows (and rows of no corporation, such as
   * shared mappings or public imports); a table without a path to a corporation is public data and
   * has none. Accounts are those with a role in the corporation; audit events those recorded for
   * it.
   */
  static Map<String, String> corporationFilters(
      List<Table> tables, List<ForeignKey> keys, long corporationId) {
    Map<String, String> filters = new HashMap<>();
    for (Table t : tables) {
      String f;
      if (t.name().equals("corporation")) {
        f = "id = " + corporationId;
      } else if (t.name().equals("audit_event")) {
        // the corporation's own events only: rows without a corporation are the server's
        // (other staff's accounts and sign-ins) and stay in the full backup
        f = "corporation_id = " + corporationId;
      } else if (t.name().equals("app_user")) {
        f = "id IN (SELECT user_id FROM membership WHERE corporation_id = " + corporationId + ")";
      } else if (t.nullable().containsKey("corporation_id")) {
        f = orNull(t, "corporation_id", "corporation_id = " + corporationId);
      } else {
        List<String> parts = new ArrayList<>();
        for (ForeignKey k : keys) {
          String parent = filters.get(k.parent());
          if (k.table().equals(t.name()) && !k.parent().equals(t.name()) && parent != null) {
            parts.add(
                orNull(
                    t,
                    k.column(),
                    q(k.column())
                        + " IN (SELECT "
                        + q(k.parentColumn())
                        + " FROM "
                        + q(k.parent())
                        + " WHERE "
                        + parent
                        + ")"));
          }
        }
        f = parts.isEmpty() ? null : String.join(" AND ", parts);
      }
      if (f != null) {
        filters.put(t.name(), f);
      }
    }
    return filters;
  }

  private static String orNull(Table t, String column, String condition) {
    return Boolean.TRUE.equals(t.nullable().get(column))
        ? "(" + q(column) + " IS NULL OR " + condition + ")"
        : "(" + condition + ")";
  }

  /** The rows of a table as read for a backup: filtered, in primary-key order. */
  static String select(Table t, String filter) {
    StringBuilder sql = new StringBuilder("SELECT * FROM ").append(q(t.name()));
    if (filter != null) {
      sql.append(" WHERE ").append(filter);
    }
    sql.append(" ORDER BY ");
    for (int i = 0; i < t.orderBy().size(); i++) {
      sql.append(i == 0 ? "" : ", ").append(q(t.orderBy().get(i)));
    }
    return sql.toString();
  }

  static String q(String identifier) {
    return "\"" + identifier.replace("\"", "\"\"") + "\"";
  }
}
