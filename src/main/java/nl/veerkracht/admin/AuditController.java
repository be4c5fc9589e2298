package nl.veerkracht.admin;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.nio.charset.StandardCharsets;
import java.util.List;
import nl.veerkracht.audit.AuditLog;
import nl.veerkracht.security.CurrentUser;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The audit log for administrators: newest first, and as CSV for a spreadsheet or an auditor. */
@RestController
@Tag(name = "Administration")
public class AuditController {

  private final AuditLog audit;
  private final CurrentUser currentUser;

  public AuditController(AuditLog audit, CurrentUser currentUser) {
    this.audit = audit;
    this.currentUser = currentUser;
  }

  @GetMapping("/api/admin/audit")
  @Operation(summary = "The audit log, newest first (page on with before=ID)")
  public List<AuditLog.Event> list(
      @RequestParam(defaultValue = "200") int limit, @RequestParam(required = false) Long before) {
    currentUser.requireAdministrator();
    return audit.newest(limit, before);
  }

  @GetMapping("/api/admin/audit.csv")
  @Operation(summary = "The whole audit log as CSV (UTF-8, semicolons)")
  public ResponseEntity<byte[]> csv() {
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
    return ResponseEntity.ok()
        .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
        .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"veerkracht_audit.csv\"")
        .body(b.toString().getBytes(StandardCharsets.UTF_8));
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
