package nl.veerkracht.bench;

import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** App instances started from this process's own jar, for benchmarks that need several. */
final class AppInstances implements AutoCloseable {

  private final HikariDataSource dataSource;
  private final List<Process> processes = new ArrayList<>();

  AppInstances(HikariDataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** Starts an instance on a free port of 127.0.0.1 and waits until it is up; its base URL. */
  String startOne(Path folder) throws Exception {
    Path jar = ownJar();
    int port = freePort();
    Path home = folder.resolve("instance-" + processes.size());
    Process p = start(jar, port, home);
    processes.add(p);
    String base = "http://127.0.0.1:" + port;
    waitUntilUp(base, p, home.resolveSibling(home.getFileName() + ".log"));
    return base;
  }

  @Override
  public void close() throws InterruptedException {
    for (Process p : processes) {
      p.destroy();
    }
    for (Process p : processes) {
      if (!p.waitFor(20, TimeUnit.SECONDS)) {
        p.destroyForcibly();
      }
    }
  }

  /** The process ids of the instances started so far. */
  java.util.Set<Long> pids() {
    java.util.Set<Long> pids = new java.util.HashSet<>();
    processes.forEach(p -> pids.add(p.pid()));
    return pids;
  }

  private Process start(Path jar, int port, Path home) throws IOException {
    Files.createDirectories(home);
    ProcessBuilder b =
        new ProcessBuilder(
            new ArrayList<>(
                List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString())));
    // e.g. VEERKRACHT_BENCH_JAVA_OPTIONS="-XX:StartFlightRecording=filename=/tmp/i{port}.jfr" to
    // profile
    String extra = System.getenv("VEERKRACHT_BENCH_JAVA_OPTIONS");
    if (extra != null && !extra.isBlank()) {
      b.command().addAll(List.of(extra.trim().replace("{port}", "" + port).split("\\s+")));
    }
    b.command()
        .addAll(
            List.of(
                "-Xmx512m",
                "-jar",
                jar.toString(),
                "--server.port=" + port,
                "--server.address=127.0.0.1",
                "--veerkracht.demo=false",
                // every simulated participant joins from this machine's one address
                "--veerkracht.ateliers.joins-per-address-per-hour=100000",
                "--veerkracht.db.pool-size=20",
                "--logging.level.root=WARN"));
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
        Path.of(AppInstances.class.getProtectionDomain().getCodeSource().getLocation().toURI());
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
