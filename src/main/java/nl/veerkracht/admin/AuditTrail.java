package nl.veerkracht.admin;

import java.util.List;
import nl.veerkracht.audit.AuditLog;
import nl.veerkracht.security.CurrentUser;
import org.springframework.stereotype.Service;

/**
 * The audit log as administrators read it: newest first, and as CSV for a spreadsheet or an auditor
 * (cells quoted, a leading {@code = + - @} made harmless so no formula runs). Refused for anyone
 * else.
 */
@Service
public class AuditTrail {

  private final AuditLog audit;
  private final CurrentUser currentUser;

  public AuditTrail(AuditLog audit, CurrentUser currentUser) {
    this.audit = audit;
    this.currentUser = currentUser;
  }

  public List<AuditLog.Event> newest(int limit, Long before) {
    currentUser.requireAdministrator();
    return audit.newest(limit, before);
  }

  /** The newest 10,000 events as CSV (semicolons). */
  public String csv() {
    currentUser.requireAdministrator();
    StringBuilder b =
        new StringBuilder("id;at;actor;address;corporation_id;action;target;detail\n");
    for (AuditLog.Event e : audit.newest(10_000, null)) {
      b.append(e.id()).append(';');
      b.append(e.at()).append(';');
      cell(b, e.actor());
      cell(b, e.address());
      b.append(e.corporationId() == null ? "" : e.corporationId()).append(';');
      cell(b, e.action());
      cell(b, e.target());
      b.append(quote(e.detail())).append('\n');
    }
    return b.toString();
  }

  private static void cell(StringBuilder b, String s) {
    b.append(quote(s)).append(';');
  }

  /** Quoted, and a leading = + - @ made harmless, so a spreadsheet never runs it as a formula. */
  static String quote(String s) {
    if (s == null) {
      return "";
    }
    String t = s;
    if (!t.isEmpty() && "=+-@".indexOf(t.charAt(0)) >= 0) {
      t = "'" + t;
    }
    return "\"" + t.replace("\"", "\"\"") + "\"";
  }
}
