package nl.veerkracht.ogc;

import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.util.HtmlUtils;
import tools.jackson.databind.json.JsonMapper;

/** How the OGC API answers: JSON with an ETag (304 for a client that has it), or plain HTML. */
final class OgcResponses {

  static final MediaType GEO_JSON = MediaType.parseMediaType("application/geo+json");

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private OgcResponses() {}

  static boolean wantsHtml(String f, HttpServletRequest request) {
    if (f != null) {
      return f.equalsIgnoreCase("html");
    }
    String accept = request.getHeader(HttpHeaders.ACCEPT);
    return accept != null && accept.startsWith("text/html");
  }

  static ResponseEntity<String> html(String title, String body) {
    String page =
        "<!doctype html><html lang=\"nl\"><head><meta charset=\"utf-8\"><title>"
            + HtmlUtils.htmlEscape(title)
            + "</title></head><body><main><h1>"
            + HtmlUtils.htmlEscape(title)
            + "</h1>"
            + body
            + "</main></body></html>";
    return ResponseEntity.ok().contentType(MediaType.TEXT_HTML).body(page);
  }

  /** JSON with an ETag; a client that has this version gets 304. */
  static ResponseEntity<String> json(Object value, MediaType type, HttpServletRequest request) {
    String body = value instanceof String s ? s : JSON.writeValueAsString(value);
    // weak: the same content gzipped or not (a strong ETag would stop Tomcat compressing it)
    String etag = "W/\"" + fingerprint(body) + "\"";
    String match = request.getHeader(HttpHeaders.IF_NONE_MATCH);
    if (match != null && match.contains(etag.substring(2))) {
      return ResponseEntity.status(HttpStatus.NOT_MODIFIED).eTag(etag).build();
    }
    return ResponseEntity.ok().contentType(type).eTag(etag).body(body);
  }

  /** A fast fingerprint of the body (two CRC32C of its halves and its length). */
  private static String fingerprint(String s) {
    byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
    java.util.zip.CRC32C a = new java.util.zip.CRC32C();
    java.util.zip.CRC32C b = new java.util.zip.CRC32C();
    a.update(bytes, 0, bytes.length / 2);
    b.update(bytes, bytes.length / 2, bytes.length - bytes.length / 2);
    return Long.toHexString(a.getValue()) + Long.toHexString(b.getValue()) + "-" + bytes.length;
  }

  /** The text gzipped (kept in {@link OgcPageCache}, so the default level is worth its time). */
  static byte[] gzip(String text) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(bytes.length / 8 + 64);
    try (java.util.zip.GZIPOutputStream gz = new java.util.zip.GZIPOutputStream(out, 65536)) {
      gz.write(bytes);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** A gzipped page as bytes again, for the rare client that does not take gzip. */
  static byte[] gunzip(byte[] gzipped) {
    try (java.util.zip.GZIPInputStream in =
        new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(gzipped))) {
      return in.readAllBytes();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** A page of items (GeoJSON text) as an HTML table with a link to the next page. */
  static ResponseEntity<String> itemsTable(String collectionId, String json) {
    tools.jackson.databind.JsonNode page = JSON.readTree(json);
    StringBuilder b = new StringBuilder("<table><thead><tr><th>id</th>");
    java.util.List<String> columns = new java.util.ArrayList<>();
    if (!page.get("features").isEmpty()) {
      for (String name : page.get("features").get(0).get("properties").propertyNames()) {
        if (columns.size() < 12) {
          columns.add(name);
          b.append("<th>").append(HtmlUtils.htmlEscape(name)).append("</th>");
        }
      }
    }
    b.append("</tr></thead><tbody>");
    for (tools.jackson.databind.JsonNode f : page.get("features")) {
      b.append("<tr><td>").append(HtmlUtils.htmlEscape(f.get("id").asString())).append("</td>");
      for (String c : columns) {
        tools.jackson.databind.JsonNode v = f.get("properties").get(c);
        b.append("<td>")
            .append(v == null || v.isNull() ? "" : HtmlUtils.htmlEscape(v.asString()))
            .append("</td>");
      }
      b.append("</tr>");
    }
    b.append("</tbody></table><p>")
        .append(page.get("numberReturned").asInt())
        .append(" van ")
        .append(page.get("numberMatched").asLong());
    for (tools.jackson.databind.JsonNode l : page.get("links")) {
      if (l.get("rel").asString().equals("next")) {
        b.append(" — <a href=\"")
            .append(HtmlUtils.htmlEscape(l.get("href").asString()))
            .append("\">volgende</a>");
      }
    }
    return html(collectionId, b.append("</p>").toString());
  }
}
