package nl.veerkracht.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A small HTTP client for tests against a running server. */
public final class Http {

  public static final JsonMapper JSON = JsonMapper.builder().build();
  private static final HttpClient CLIENT = HttpClient.newHttpClient();
  private final String base;
  private final String authorization;

  public Http(int port) {
    this("http://localhost:" + port, null);
  }

  private Http(String base, String authorization) {
    this.base = base;
    this.authorization = authorization;
  }

  /** The same client sending HTTP Basic credentials. */
  public Http as(String user, String password) {
    return new Http(
        base,
        "Basic "
            + Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
  }

  /** The same client sending an atelier participant's token. */
  public Http bearer(String token) {
    return new Http(base, "Bearer " + token);
  }

  public HttpResponse<byte[]> getBytes(String path) {
    try {
      return CLIENT.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** The Authorization header this client sends, or null. */
  public String authorization() {
    return authorization;
  }

  public HttpResponse<String> send(String method, String path, String json) {
    return send(
        request(path)
            .header("Content-Type", "application/json")
            .method(method, HttpRequest.BodyPublishers.ofString(json))
            .build());
  }

  /** A JSON request with extra headers (say Accept-Language). */
  public HttpResponse<String> send(
      String method, String path, String json, java.util.Map<String, String> headers) {
    HttpRequest.Builder b =
        request(path)
            .header("Content-Type", "application/json")
            .method(method, HttpRequest.BodyPublishers.ofString(json));
    headers.forEach(b::header);
    return send(b.build());
  }

  /**
   * Any method with any content type and body, for requests that are not what an endpoint takes.
   */
  public HttpResponse<String> post(String method, String path, String contentType, String body) {
    return send(
        request(path)
            .header("Content-Type", contentType)
            .method(method, HttpRequest.BodyPublishers.ofString(body))
            .build());
  }

  /** A POST with any content type, for bodies that are not what the endpoint expects. */
  public HttpResponse<String> post(String path, String contentType, String body) {
    return send(
        request(path)
            .header("Content-Type", contentType)
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build());
  }

  public HttpResponse<String> delete(String path) {
    return send(request(path).DELETE().build());
  }

  public HttpResponse<String> get(String path) {
    return send(request(path).GET().build());
  }

  /** A GET with one extra header (e.g. If-None-Match). */
  public HttpResponse<String> get(String path, String header, String value) {
    return send(request(path).header(header, value).GET().build());
  }

  public JsonNode getJson(String path) {
    HttpResponse<String> r = get(path);
    if (r.statusCode() != 200) {
      throw new AssertionError("GET " + path + " answered " + r.statusCode() + ": " + r.body());
    }
    return JSON.readTree(r.body());
  }

  public HttpResponse<String> postJson(String path, String json) {
    return send(
        request(path)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json))
            .build());
  }

  /** Posts a file as multipart/form-data in field {@code file}, plus extra text fields. */
  public HttpResponse<String> upload(
      String path, String fileName, byte[] content, String... fields) {
    String boundary = "----vk" + UUID.randomUUID();
    var out = new java.io.ByteArrayOutputStream();
    try {
      for (int i = 0; i + 1 < fields.length; i += 2) {
        out.write(
            ("--"
                    + boundary
                    + "\r\nContent-Disposition: form-data; name=\""
                    + fields[i]
                    + "\"\r\n\r\n"
                    + fields[i + 1]
                    + "\r\n")
                .getBytes(StandardCharsets.UTF_8));
      }
      out.write(
          ("--"
                  + boundary
                  + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                  + fileName
                  + "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
              .getBytes(StandardCharsets.UTF_8));
      out.write(content);
      out.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return send(
        request(path)
            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
            .POST(HttpRequest.BodyPublishers.ofByteArray(out.toByteArray()))
            .build());
  }

  public HttpResponse<String> upload(String path, Path file, String... fields) {
    try {
      return upload(path, file.getFileName().toString(), Files.readAllBytes(file), fields);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private HttpRequest.Builder request(String path) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path));
    if (authorization != null) {
      b.header("Authorization", authorization);
    }
    return b;
  }

  /** A request slower than this is printed, so that a CI log shows where its minutes go. */
  private static final long SLOW_MS = 1_000;

  private HttpResponse<String> send(HttpRequest request) {
    try {
      long t0 = System.nanoTime();
      var r = CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
      long ms = (System.nanoTime() - t0) / 1_000_000;
      if (ms > SLOW_MS) {
        System.out.println(
            "[slow] "
                + ms
                + " ms "
                + request.method()
                + " "
                + request.uri()
                + " "
                + r.statusCode());
      }
      return r;
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
