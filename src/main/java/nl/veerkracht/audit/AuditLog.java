package nl.veerkracht.audit;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import tools.jackson.databind.json.JsonMapper;

/**
 * The audit log: imports, deletions, moderation, role and membership changes, sign-ins, backups —
 * who (the signed-in user, {@code cli:USER} on the command line), what, when and from which
 * address. Written in the caller's transaction, so what was undone leaves no record; rows cannot be
 * changed or deleted (a database trigger refuses it). Administrators read and export it.
 */
@Service
public class AuditLog {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  /** One recorded action. */
  public record Event(
      long id,
      Instant at,
      String actor,
      String address,
      Long corporationId,
      String action,
      String target,
      String detail) {}

  private final AuditLogRepository rows;

  public AuditLog(AuditLogRepository rows) {
    this.rows = rows;
  }

  /** Records an action by whoever is asking now. */
  public void record(String action, Long corporationId, String target, Map<String, ?> detail) {
    record(actor(), action, corporationId, target, detail);
  }

  /** Records an action by a named actor (a sign-in attempt, an atelier participant). */
  public void record(
      String actor, String action, Long corporationId, String target, Map<String, ?> detail) {
    rows.insert(
        clip(actor, 100),
        address(),
        corporationId,
        action,
        clip(target, 500),
        detail == null || detail.isEmpty() ? null : JSON.writeValueAsString(detail));
  }

  /** The newest events first, at most {@code limit}, before event {@code beforeId} if given. */
  public List<Event> newest(int limit, Long beforeId) {
    return rows.newest(Math.max(1, Math.min(limit, 10_000)), beforeId);
  }

  /** The signed-in user, or {@code cli:USER} outside a web request. */
  static String actor() {
    Authentication a = SecurityContextHolder.getContext().getAuthentication();
    if (a != null
        && a.isAuthenticated()
        && a.getName() != null
        && !"anonymousUser".equals(a.getName())) {
      return a.getName();
    }
    return RequestContextHolder.getRequestAttributes() == null
        ? "cli:" + System.getProperty("user.name", "unknown")
        : "anonymous";
  }

  private static String address() {
    if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes s) {
      HttpServletRequest r = s.getRequest();
      return r.getRemoteAddr();
    }
    return null;
  }

  private static String clip(String s, int max) {
    if (s == null) {
      return null;
    }
    String t = s.replaceAll("\\p{Cntrl}", " ");
    return t.length() > max ? t.substring(0, max) + "…" : t;
  }
}
