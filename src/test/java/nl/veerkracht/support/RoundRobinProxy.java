package nl.veerkracht.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;

/**
 * A plain round-robin HTTP proxy, as a load balancer without sticky sessions: request n goes to
 * backend n mod k, whoever sent it, with the usual X-Forwarded headers. Counts what each backend
 * served.
 */
public final class RoundRobinProxy implements AutoCloseable {

  private static final Set<String> HOP =
      Set.of(
          "connection",
          "content-length",
          "host",
          "keep-alive",
          "transfer-encoding",
          "upgrade",
          "expect",
          "te",
          "trailer",
          "proxy-connection");

  private final HttpServer server;
  private final List<Integer> backends;
  private final AtomicInteger next = new AtomicInteger();
  private final AtomicIntegerArray served;
  private final HttpClient client =
      HttpClient.newBuilder()
          .followRedirects(HttpClient.Redirect.NEVER)
          .connectTimeout(Duration.ofSeconds(10))
          .build();

  public RoundRobinProxy(List<Integer> backendPorts) throws IOException {
    this.backends = List.copyOf(backendPorts);
    this.served = new AtomicIntegerArray(backends.size());
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.setExecutor(Executors.newFixedThreadPool(8));
    server.createContext("/", this::forward);
    server.start();
  }

  public int port() {
    return server.getAddress().getPort();
  }

  /** How many requests backend i answered. */
  public int served(int i) {
    return served.get(i);
  }

  private void forward(HttpExchange exchange) throws IOException {
    int i = Math.floorMod(next.getAndIncrement(), backends.size());
    try (exchange) {
      byte[] body;
      try (InputStream in = exchange.getRequestBody()) {
        body = in.readAllBytes();
      }
      URI target =
          URI.create("http://127.0.0.1:" + backends.get(i) + exchange.getRequestURI().toString());
      HttpRequest.Builder b =
          HttpRequest.newBuilder(target)
              .timeout(Duration.ofSeconds(60))
              .method(
                  exchange.getRequestMethod(),
                  body.length == 0
                      ? HttpRequest.BodyPublishers.noBody()
                      : HttpRequest.BodyPublishers.ofByteArray(body));
      exchange
          .getRequestHeaders()
          .forEach(
              (name, values) -> {
                if (!HOP.contains(name.toLowerCase(Locale.ROOT))) {
                  values.forEach(v -> b.header(name, v));
                }
              });
      // what a load balancer tells the instance about the address the person used
      String host = exchange.getRequestHeaders().getFirst("Host");
      b.header("X-Forwarded-Host", host == null ? "localhost:" + port() : host);
      b.header("X-Forwarded-Proto", "http");
      b.header("X-Forwarded-Port", Integer.toString(port()));
      b.header("X-Forwarded-For", exchange.getRemoteAddress().getAddress().getHostAddress());
      HttpResponse<byte[]> r = client.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
      served.incrementAndGet(i);
      r.headers()
          .map()
          .forEach(
              (name, values) -> {
                if (!HOP.contains(name.toLowerCase(Locale.ROOT)) && !name.startsWith(":")) {
                  exchange.getResponseHeaders().put(name, values);
                }
              });
      byte[] out = r.body();
      exchange.sendResponseHeaders(r.statusCode(), out.length == 0 ? -1 : out.length);
      if (out.length > 0) {
        try (OutputStream os = exchange.getResponseBody()) {
          os.write(out);
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      exchange.sendResponseHeaders(502, -1);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
