package nl.veerkracht.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One screen following an atelier's Server-Sent Events: which events it saw and how long each took
 * from the server's time stamp ({@code t} in the data) to arrival.
 */
final class SseListener {

  private static final Pattern T = Pattern.compile("\"t\":(\\d+)");

  final HttpClient http;
  final String url;
  final String authorization;
  final Map<Long, Boolean> seen = new ConcurrentHashMap<>();
  final List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
  final AtomicLong lastId = new AtomicLong();
  final AtomicLong worst = new AtomicLong();

  /** When (epoch ms) this screen received the first {@code reveal} event, 0 before. */
  final AtomicLong revealedAt = new AtomicLong();

  volatile InputStream body;

  SseListener(HttpClient http, String url, String authorization) {
    this.http = http;
    this.url = url;
    this.authorization = authorization;
  }

  void follow(CountDownLatch connected) {
    try {
      HttpRequest request =
          HttpRequest.newBuilder(URI.create(url))
              .header("Authorization", authorization)
              .header("Accept", "text/event-stream")
              .build();
      HttpResponse<InputStream> r = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
      body = r.body();
      try (BufferedReader reader =
          new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
        boolean first = true;
        long id = 0;
        String kind = "";
        String line;
        while ((line = reader.readLine()) != null) {
          if (first) {
            connected.countDown();
            first = false;
          }
          if (line.startsWith("id:")) {
            id = Long.parseLong(line.substring(3).trim());
          } else if (line.startsWith("event:")) {
            kind = line.substring(6).trim();
          } else if (line.startsWith("data:")) {
            long now = System.currentTimeMillis();
            if (kind.equals("reveal")) {
              revealedAt.compareAndSet(0, now);
            }
            Matcher m = T.matcher(line);
            if (m.find()) {
              long delay = now - Long.parseLong(m.group(1));
              latencies.add(delay);
              worst.accumulateAndGet(delay, Math::max);
            }
            seen.put(id, Boolean.TRUE);
            lastId.accumulateAndGet(id, Math::max);
          }
        }
      }
    } catch (IOException e) {
      // closed at the end of the run
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  void stop() {
    try {
      if (body != null) {
        body.close();
      }
    } catch (IOException e) {
      // already closed
    }
  }
}
