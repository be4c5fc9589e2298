package nl.veerkracht.web;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** Attachment responses for the exports: XLSX and PDF with a safe file name. */
public final class Downloads {

  public static final MediaType XLSX =
      MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

  private Downloads() {}

  public static ResponseEntity<byte[]> xlsx(String name, byte[] body) {
    return attachment(name + ".xlsx", XLSX, body);
  }

  public static ResponseEntity<byte[]> pdf(String name, byte[] body) {
    return attachment(name + ".pdf", MediaType.APPLICATION_PDF, body);
  }

  private static ResponseEntity<byte[]> attachment(String file, MediaType type, byte[] body) {
    return ResponseEntity.ok()
        .contentType(type)
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment()
                .filename(file.replaceAll("[^A-Za-z0-9_.-]", "_"))
                .build()
                .toString())
        .body(body);
  }
}
