package nl.veerkracht.admin;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.nio.charset.StandardCharsets;
import java.util.List;
import nl.veerkracht.audit.AuditLog;
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

  private final AuditTrail audit;

  public AuditController(AuditTrail audit) {
    this.audit = audit;
  }

  @GetMapping("/api/admin/audit")
  @Operation(summary = "The audit log, newest first (page on with before=ID)")
  public List<AuditLog.Event> list(
      @RequestParam(defaultValue = "200") int limit, @RequestParam(required = false) Long before) {
    return audit.newest(limit, before);
  }

  @GetMapping("/api/admin/audit.csv")
  @Operation(summary = "The whole audit log as CSV (UTF-8, semicolons)")
  public ResponseEntity<byte[]> csv() {
    return ResponseEntity.ok()
        .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
        .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"veerkracht_audit.csv\"")
        .body(audit.csv().getBytes(StandardCharsets.UTF_8));
  }
}
