package nl.veerkracht.bench;

import com.zaxxer.hikari.HikariDataSource;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.veerkracht.corporation.CorporationRepository;
import nl.veerkracht.imports.ImportService;
import nl.veerkracht.security.Membership;
import nl.veerkracht.security.UserAccounts;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code bench atelier}: two app instances started from this jar on 127.0.0.1, sharing the bench
 * database; 200 participants (half joined on each) place 10 pins each and then spend 5 votes each,
 * all at once, while 200 Server-Sent Event listeners (half on each instance) follow the atelier.
 * Every 10th pin is sent twice, as a phone does that retries after a dropped connection. Prints
 * what was sent and stored, the write latency and how long until every listener on both instances
 * saw every event. Bounded: fixed counts, a time limit, and the instances are stopped at the end.
 */
@Component
public class AtelierBenchmark implements BenchCommand.Benchmark {

  static final int PARTICIPANTS = 200;
  static final int PINS = 10;
  static final int VOTES = 5;
  static final int LISTENERS = 200;
  static final Duration LIMIT = Duration.ofMinutes(4);
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final Pattern T = Pattern.compile("\"t\":(\\d+)");
  private static final String USER = "bench-facilitator";

  private final ImportService imports;
  private final BenchDatabase database;
  private final CorporationRepository corporations;
  private final UserAccounts users;
  private final HikariDataSource dataSource;

  public AtelierBenchmark(
      ImportService imports,
      BenchDatabase database,
      CorporationRepository corporations,
      UserAccounts users,
      HikariDataSource dataSource) {
    this.imports = imports;
    this.database = database;
    this.corporations = corporations;
    this.users = users;
    this.dataSource = dataSource;
  }

  @Override
  public String name() {
    return "atelier";
  }

  @Override
  public void run(BenchCommand.BenchContext context, PrintStream out) throws Exception {
    Path jar = ownJar();
    Path folder = Files.createTempDirectory("veerkracht-bench-atelier");
    database.reset();
    database.jdbc().sql("DELETE FROM app_user WHERE username = ?").param(USER).update();
    DemoImport.run(imports, folder, List.of("geo/baarn_buurten_2024_wgs84_pdok_full.geojson"));
    long corporation = corporations.create("BENCH", "Benchmark", true).id();
    String password = UUID.randomUUID().toString();
    long user = users.create(USER, password, "Benchmark", false);
    users.grant(user, corporation, Membership.Role.FACILITATOR);
    String basic =
        "Basic "
            + Base64.getEncoder()
                .encodeToString((USER + ":" + password).getBytes(StandardCharsets.UTF_8));

    List<Process> instances = new ArrayList<>();
    ExecutorService pool = Executors.newFixedThreadPool(PARTICIPANTS + LISTENERS + 4);
    try {
      String[] bases = new String[2];
      for (int i = 0; i < 2; i++) {
        int port = freePort();
        bases[i] = "http://127.0.0.1:" + port;
        instances.add(start(jar, port, folder.resolve("instance-" + i)));
        waitUntilUp(bases[i], instances.get(i), folder.resolve("instance-" + i + ".log"));
      }
      out.printf(
          "  two instances on %s and %s, one PostgreSQL (%s)%n",
          bases[0], bases[1], dataSource.getJdbcUrl());
      HttpClient http =
          HttpClient.newBuilder()
              .version(HttpClient.Version.HTTP_1_1)
              .connectTimeout(Duration.ofSeconds(10))
              .build();
      Client staff = new Client(http, basic);
      JsonNode created =
          staff.post(
              bases[0] + "/api/ateliers",
              "{\"name\":\"Benchmark\",\"type\":\"gebied\",\"areaCodes\":[\"BU03080000\","
                  + "\"BU03080001\"],\"votesPerParticipant\":"
                  + VOTES
                  + "}");
      long id = created.get("id").asLong();
      String api = "/api/ateliers/" + id;
      long area =
          staff
              .post(bases[0] + api + "/problem-areas", "{\"name\":\"Benchmarkgebied\"}")
              .get("id")
              .asLong();
      List<Long> measures = new ArrayList<>();
      for (int m = 0; m < VOTES; m++) {
        measures.add(
            staff
                .post(
                    bases[0] + api + "/measures",
                    "{\"problemAreaId\":"
                        + area
                        + ",\"title\":\"Maatregel "
                        + (m + 1)
                        + "\",\"lever\":\"sociaal_beheer\"}")
                .get("id")
                .asLong());
      }
      staff.post(bases[0] + api + "/phase", "{\"phase\":\"PINNING\"}");
      List<Client> participants = new ArrayList<>();
      for (int p = 0; p < PARTICIPANTS; p++) {
        JsonNode joined =
            new Client(http, null)
                .post(
                    bases[p % 2] + "/api/ateliers/join",
                    "{\"joinCode\":\"" + created.get("joinCode").asString() + "\"}");
        participants.add(new Client(http, "Bearer " + joined.get("participantToken").asString()));
      }

      // listeners: half on each instance, connected before the first write
      long before = lastEventId(id);
      Listener[] listeners = new Listener[LISTENERS];
      CountDownLatch connected = new CountDownLatch(LISTENERS);
      for (int l = 0; l < LISTENERS; l++) {
        listeners[l] = new Listener(http, bases[l % 2] + api + "/events?after=" + before, basic);
        Listener listener = listeners[l];
        pool.submit(() -> listener.follow(connected));
      }
      if (!connected.await(60, TimeUnit.SECONDS)) {
        throw new IllegalStateException("not all listeners could connect");
      }

      // pins, all participants at once
      List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
      AtomicInteger pinsSent = new AtomicInteger();
      AtomicInteger resent = new AtomicInteger();
      AtomicInteger failed = new AtomicInteger();
      long t0 = System.nanoTime();
      runAll(
          pool,
          PARTICIPANTS,
          p -> {
            Client c = participants.get(p);
            String base = bases[p % 2];
            for (int k = 0; k < PINS; k++) {
              double lat = 52.2105 + (p % 20) * 0.0004 + k * 0.00003;
              double lon = 5.2840 + (p / 20) * 0.0005;
              String body =
                  String.format(
                      Locale.ROOT,
                      "{\"lat\":%.6f,\"lon\":%.6f,\"category\":\"%s\",\"text\":\"Speld %d van"
                          + " deelnemer %d\",\"clientId\":\"b-%d-%d\"}",
                      lat,
                      lon,
                      k % 3 == 0 ? "probleem" : k % 3 == 1 ? "kans" : "idee",
                      k,
                      p,
                      p,
                      k);
              timed(latencies, failed, () -> c.post(base + api + "/pins", body));
              pinsSent.incrementAndGet();
              if (k % 10 == 9) {
                // the retry goes to the other instance, as after a reconnect
                timed(latencies, failed, () -> c.post(bases[(p + 1) % 2] + api + "/pins", body));
                resent.incrementAndGet();
              }
            }
          });
      double pinSeconds = (System.nanoTime() - t0) / 1e9;
      List<Long> pinLatencies = new ArrayList<>(latencies);

      staff.post(bases[1] + api + "/phase", "{\"phase\":\"PRIORITISING\"}");
      latencies.clear();
      AtomicInteger votesSent = new AtomicInteger();
      long t1 = System.nanoTime();
      runAll(
          pool,
          PARTICIPANTS,
          p -> {
            Client c = participants.get(p);
            for (int v = 0; v < VOTES; v++) {
              long measure = measures.get((p + v) % measures.size());
              String url = bases[(p + v) % 2] + api + "/votes";
              timed(
                  latencies,
                  failed,
                  () -> c.post(url, "{\"targetId\":" + measure + ",\"count\":1}"));
              votesSent.incrementAndGet();
            }
          });
      double voteSeconds = (System.nanoTime() - t1) / 1e9;
      List<Long> voteLatencies = new ArrayList<>(latencies);

      long last = lastEventId(id);
      long events =
          database
              .jdbc()
              .sql("SELECT count(*) FROM atelier_event WHERE atelier_id = ? AND id > ?")
              .params(id, before)
              .query(Long.class)
              .single();
      long deadline = System.currentTimeMillis() + 30_000;
      while (System.currentTimeMillis() < deadline) {
        boolean all = true;
        for (Listener l : listeners) {
          all &= l.lastId.get() >= last;
        }
        if (all) {
          break;
        }
        Thread.sleep(50);
      }
      for (Listener l : listeners) {
        l.stop();
      }

      long storedPins =
          database
              .jdbc()
              .sql("SELECT count(*) FROM atelier_pin WHERE atelier_id = ?")
              .param(id)
              .query(Long.class)
              .single();
      long storedVotes =
          database
              .jdbc()
              .sql("SELECT coalesce(sum(votes), 0) FROM atelier_vote WHERE atelier_id = ?")
              .param(id)
              .query(Long.class)
              .single();
      int complete = 0;
      long worstDelivery = 0;
      List<Long> deliveries = new ArrayList<>();
      for (Listener l : listeners) {
        if (l.seen.size() >= events) {
          complete++;
        }
        deliveries.addAll(l.latencies);
        worstDelivery = Math.max(worstDelivery, l.worst.get());
      }
      List<Long> writes = new ArrayList<>(pinLatencies);
      writes.addAll(voteLatencies);
      out.printf(
          Locale.ROOT,
          "  pins:  %,d sent (+%,d resent with the same client id), %,d stored%s; %.1f s"
              + " (%,.0f pins/s)%n",
          pinsSent.get(),
          resent.get(),
          storedPins,
          storedPins == pinsSent.get() ? " (equal)" : " (NOT EQUAL)",
          pinSeconds,
          pinsSent.get() / pinSeconds);
      out.printf(
          Locale.ROOT,
          "  votes: %,d sent, %,d stored%s; %.1f s%n",
          votesSent.get(),
          storedVotes,
          storedVotes == votesSent.get() ? " (equal)" : " (NOT EQUAL)",
          voteSeconds);
      out.printf("  failed requests: %d%n", failed.get());
      out.printf(
          Locale.ROOT,
          "  write latency (%,d requests): p50 %d ms, p99 %d ms, max %d ms (target p99 < 200 ms)"
              + "; pins p99 %d ms, votes p99 %d ms%n",
          writes.size(),
          percentile(writes, 50),
          percentile(writes, 99),
          percentile(writes, 100),
          percentile(pinLatencies, 99),
          percentile(voteLatencies, 99));
      out.printf(
          Locale.ROOT,
          "  events: %,d; listeners that saw every event: %d of %d (%d on each instance)%n",
          events,
          complete,
          LISTENERS,
          LISTENERS / 2);
      out.printf(
          Locale.ROOT,
          "  delivery (event stored to listener, %,d deliveries): p50 %d ms, p99 %d ms;"
              + " every listener on both instances had every event within %d ms (target < 1000"
              + " ms)%n",
          deliveries.size(),
          percentile(deliveries, 50),
          percentile(deliveries, 99),
          worstDelivery);
    } finally {
      pool.shutdownNow();
      for (Process p : instances) {
        p.destroy();
      }
      for (Process p : instances) {
        if (!p.waitFor(20, TimeUnit.SECONDS)) {
          p.destroyForcibly();
        }
      }
      database.reset();
      database.jdbc().sql("DELETE FROM app_user WHERE username = ?").param(USER).update();
    }
  }

  private long lastEventId(long atelierId) {
    return database
        .jdbc()
        .sql("SELECT coalesce(max(id), 0) FROM atelier_event WHERE atelier_id = ?")
        .param(atelierId)
        .query(Long.class)
        .single();
  }

  interface Task {
    void run(int index) throws Exception;
  }

  interface Call {
    JsonNode call() throws Exception;
  }

  private static void runAll(ExecutorService pool, int n, Task task) throws Exception {
    CountDownLatch start = new CountDownLatch(1);
    List<Future<?>> futures = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      int index = i;
      futures.add(
          pool.submit(
              () -> {
                start.await();
                task.run(index);
                return null;
              }));
    }
    start.countDown();
    for (Future<?> f : futures) {
      f.get(LIMIT.toSeconds(), TimeUnit.SECONDS);
    }
  }

  private static void timed(List<Long> latencies, AtomicInteger failed, Call call) {
    long t = System.nanoTime();
    try {
      call.call();
    } catch (Exception e) {
      failed.incrementAndGet();
    }
    latencies.add((System.nanoTime() - t) / 1_000_000);
  }

  static long percentile(List<Long> values, int p) {
    if (values.isEmpty()) {
      return 0;
    }
    List<Long> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
    return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
  }

  /** An HTTP client with one caller's Authorization header. */
  private record Client(HttpClient http, String authorization) {
    JsonNode post(String url, String json) throws IOException, InterruptedException {
      HttpRequest.Builder b =
          HttpRequest.newBuilder(URI.create(url))
              .timeout(Duration.ofSeconds(30))
              .header("Content-Type", "application/json")
              .POST(HttpRequest.BodyPublishers.ofString(json));
      if (authorization != null) {
        b.header("Authorization", authorization);
      }
      HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
      if (r.statusCode() >= 300) {
        throw new IOException("POST " + url + " answered " + r.statusCode() + ": " + r.body());
      }
      return JSON.readTree(r.body());
    }
  }

  /** One screen following the atelier's events; records when each event arrived. */
  private static final class Listener {
    final HttpClient http;
    final String url;
    final String authorization;
    final Map<Long, Boolean> seen = new ConcurrentHashMap<>();
    final List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
    final AtomicLong lastId = new AtomicLong();
    final AtomicLong worst = new AtomicLong();
    volatile InputStream body;

    Listener(HttpClient http, String url, String authorization) {
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
          String line;
          while ((line = reader.readLine()) != null) {
            if (first) {
              connected.countDown();
              first = false;
            }
            if (line.startsWith("id:")) {
              id = Long.parseLong(line.substring(3).trim());
            } else if (line.startsWith("data:")) {
              long now = System.currentTimeMillis();
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

  private Process start(Path jar, int port, Path home) throws IOException {
    Files.createDirectories(home);
    ProcessBuilder b =
        new ProcessBuilder(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-Xmx512m",
            "-jar",
            jar.toString(),
            "--server.port=" + port,
            "--server.address=127.0.0.1",
            "--veerkracht.demo=false",
            "--veerkracht.db.pool-size=20",
            "--logging.level.root=WARN");
    Map<String, String> env = b.environment();
    env.put("VEERKRACHT_HOME", home.toString());
    env.put("VEERKRACHT_DB_URL", dataSource.getJdbcUrl());
    env.put("VEERKRACHT_DB_USER", dataSource.getUsername());
    env.put(
        "VEERKRACHT_DB_PASSWORD", dataSource.getPassword() == null ? "" : dataSource.getPassword());
    env.put("VEERKRACHT_ADMIN_PASSWORD", UUID.randomUUID().toString());
    b.redirectErrorStream(true);
    b.redirectOutput(home.resolveSibling(home.getFileName() + ".log").toFile());
    return b.start();
  }

  private static void waitUntilUp(String base, Process process, Path log) throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    long deadline = System.currentTimeMillis() + 120_000;
    while (System.currentTimeMillis() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException("an instance stopped while starting; see " + log);
      }
      try {
        HttpResponse<String> r =
            http.send(
                HttpRequest.newBuilder(URI.create(base + "/actuator/health")).build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() == 200 && r.body().contains("UP")) {
          return;
        }
      } catch (IOException e) {
        // not listening yet
      }
      Thread.sleep(250);
    }
    throw new IllegalStateException("an instance did not start within 2 minutes; see " + log);
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  /** The jar this process runs from: the instances are started from the same build. */
  private static Path ownJar() throws Exception {
    Path p =
        Path.of(AtelierBenchmark.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    String s = p.toString();
    int bang = s.indexOf(".jar");
    if (bang > 0) {
      Path jar = Path.of(s.substring(0, bang + 4).replaceFirst("^(jar:)?(nested:)?(file:)?", ""));
      if (Files.isRegularFile(jar)) {
        return jar;
      }
    }
    String command = ProcessHandle.current().info().commandLine().orElse("");
    Matcher m = Pattern.compile("-jar\\s+(\\S+\\.jar)").matcher(command);
    if (m.find() && Files.isRegularFile(Path.of(m.group(1)))) {
      return Path.of(m.group(1)).toAbsolutePath();
    }
    throw new IllegalStateException(
        "bench atelier starts two app instances from the jar: run java -jar"
            + " target/veerkracht.jar bench atelier");
  }
}
