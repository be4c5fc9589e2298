package nl.veerkracht.audit;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The rows of {@code audit_event}: appended, read newest first; never changed or deleted. */
@Repository
class AuditLogRepository {

  private final JdbcClient jdbc;

  AuditLogRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  void insert(
      String actor,
      String address,
      Long corporationId,
      String action,
      String target,
      String detailJson) {
    jdbc.sql(
            """
            INSERT INTO audit_event (actor, address, corporation_id, action, target, detail)
            VALUES (:actor, :address, :corporation, :action, :target, :detail::jsonb)
            """)
        .param("actor", actor)
        .param("address", address)
        .param("corporation", corporationId)
        .param("action", action)
        .param("target", target)
        .param("detail", detailJson)
        .update();
  }

  List<AuditLog.Event> newest(int limit, Long beforeId) {
    return jdbc.sql(
            """
            SELECT id, at, actor, address, corporation_id, action, target, detail::text
            FROM audit_event
            WHERE (CAST(:before AS bigint) IS NULL OR id < :before)
            ORDER BY id DESC LIMIT :limit
            """)
        .param("before", beforeId)
        .param("limit", limit)
        .query(
            (rs, n) ->
                new AuditLog.Event(
                    rs.getLong(1),
                    rs.getTimestamp(2).toInstant(),
                    rs.getString(3),
                    rs.getString(4),
                    (Long) rs.getObject(5),
                    rs.getString(6),
                    rs.getString(7),
                    rs.getString(8)))
        .list();
  }

  /**
   * Hands every row to {@code row} in id order with: id, time (UTC text), action, whether its hash
   * matches its content, whether it follows the row before it, and its hash in hex.
   */
  void chain(org.springframework.jdbc.core.RowCallbackHandler row) {
    jdbc.sql(
            """
            SELECT e.id, to_char(e.at AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS') || ' UTC', e.action,
                   e.hash IS NOT NULL AND e.hash = audit_event_digest(e, e.prev_hash),
                   e.prev_hash IS NOT DISTINCT FROM lag(e.hash) OVER (ORDER BY e.id),
                   encode(e.hash, 'hex')
              FROM audit_event e ORDER BY e.id""")
        .query(row);
  }
}
