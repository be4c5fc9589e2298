package nl.veerkracht.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Debian's Chromium, headless, driven over the DevTools protocol (no Playwright in the jar): opens
 * a page and evaluates expressions in it. For the browser benchmark of the map; each instance is a
 * fresh browser with an empty cache.
 */
final class HeadlessChromium implements AutoCloseable {

  static final Path EXECUTABLE = Path.of("/usr/bin/chromium");
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final Process process;
  private final Path profile;
  private final WebSocket socket;
  private final AtomicInteger ids = new AtomicInteger();
  private final Map<Integer, CompletableFuture<JsonNode>> answers = new ConcurrentHashMap<>();

  static boolean available() {
    return Files.isExecutable(EXECUTABLE);
  }

  HeadlessChromium(String url) throws Exception {
    profile = Files.createTempDirectory("veerkracht-bench-chromium");
    process =
        new ProcessBuilder(
                EXECUTABLE.toString(),
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                "--window-size=1280,900",
                "--remote-debugging-port=0",
                "--user-data-dir=" + profile,
                url)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .start();
    int port = port();
    HttpClient http = HttpClient.newHttpClient();
    String target = null;
    for (int i = 0; i < 100 && target == null; i++) {
      JsonNode list =
          JSON.readTree(
              http.send(
                      HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/json/list"))
                          .build(),
                      HttpResponse.BodyHandlers.ofString())
                  .body());
      for (JsonNode t : list) {
        if ("page".equals(t.path("type").asString())) {
          target = t.path("webSocketDebuggerUrl").asString();
        }
      }
      if (target == null) {
        Thread.sleep(50);
      }
    }
    if (target == null) {
      throw new IllegalStateException("Chromium opened no page");
    }
    socket =
        http.newWebSocketBuilder()
            .buildAsync(URI.create(target), new Listener())
            .get(10, TimeUnit.SECONDS);
  }

  /** The DevTools port Chromium writes into its profile folder once it listens. */
  private int port() throws Exception {
    Path file = profile.resolve("DevToolsActivePort");
    for (int i = 0; i < 200; i++) {
      if (Files.exists(file)) {
        List<String> lines = Files.readAllLines(file);
        if (!lines.isEmpty() && !lines.get(0).isBlank()) {
          return Integer.parseInt(lines.get(0).strip());
        }
      }
      Thread.sleep(50);
    }
    throw new IllegalStateException("Chromium did not open its DevTools port");
  }

  /** The value of a JavaScript expression in the page ({@code null} while undefined). */
  JsonNode evaluate(String expression) throws Exception {
    int id = ids.incrementAndGet();
    CompletableFuture<JsonNode> answer = new CompletableFuture<>();
    answers.put(id, answer);
    Map<String, Object> msg =
        Map.of(
            "id",
            id,
            "method",
            "Runtime.evaluate",
            "params",
            Map.of("expression", expression, "returnByValue", true));
    socket.sendText(JSON.writeValueAsString(msg), true).get(10, TimeUnit.SECONDS);
    return answer.get(30, TimeUnit.SECONDS).path("result").path("result").path("value");
  }

  /** Evaluates until the expression yields a non-empty string, or fails after {@code max}. */
  String await(String expression, Duration max) throws Exception {
    long end = System.nanoTime() + max.toNanos();
    while (System.nanoTime() < end) {
      JsonNode v = evaluate(expression);
      if (v.isString() && !v.asString().isEmpty()) {
        return v.asString();
      }
      Thread.sleep(25);
    }
    throw new IllegalStateException("timed out waiting for " + expression);
  }

  private final class Listener implements WebSocket.Listener {
    private final StringBuilder text = new StringBuilder();

    @Override
    public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
      text.append(data);
      if (last) {
        JsonNode msg = JSON.readTree(text.toString());
        text.setLength(0);
        CompletableFuture<JsonNode> f = answers.remove(msg.path("id").asInt(-1));
        if (f != null) {
          f.complete(msg);
        }
      }
      ws.request(1);
      return null;
    }
  }

  @Override
  public void close() throws IOException {
    socket.abort();
    process.destroy();
    try {
      process.waitFor(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    process.destroyForcibly();
    try (var files = Files.walk(profile)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }
}
