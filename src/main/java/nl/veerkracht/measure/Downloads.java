package nl.veerkracht.measure;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** Attachment responses for the exports of this package. */
final class Downloads {

  static final MediaType XLSX =
      MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

  private Downloads() {}

  static ResponseEntity<byte[]> xlsx(String name, byte[] body) {
    return attachment(name + ".xlsx", XLSX, body);
  }

  static ResponseEntity<byte[]> pdf(String name, byte[] body) {
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
