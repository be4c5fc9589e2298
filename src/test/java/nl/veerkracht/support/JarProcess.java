package nl.veerkracht.support;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The packaged jar ({@code target/veerkracht.jar}, built by {@code package} before the integration
 * tests) run as a separate process on a home folder: the server, or one command.
 */
public final class JarProcess {

  private JarProcess() {}

  /** Starts the server; its output goes to {@code logs/app.log} of the home folder. */
  public static Process startServer(Path home, int port, String adminPassword) throws IOException {
    return startServer(home, port, adminPassword, java.util.Map.of());
  }

  /** A server with extra environment variables (say an external database's). */
  public static Process startServer(
      Path home, int port, String adminPassword, java.util.Map<String, String> environment)
      throws IOException {
    // the quick compiler only: a test server answers a few hundred requests, and on two cores the
    // optimising compiler's threads slowed its start more than they gained
    ProcessBuilder pb = builder(home, List.of("--server.port=" + port), "-XX:TieredStopAtLevel=1");
    pb.environment().putAll(environment);
    pb.environment().put("VEERKRACHT_ADMIN_PASSWORD", adminPassword);
    pb.redirectErrorStream(true);
    pb.redirectOutput(
        ProcessBuilder.Redirect.appendTo(
            Files.createDirectories(home.resolve("logs")).resolve("app.log").toFile()));
    return pb.start();
  }

  /** Waits until the server answers health UP; milliseconds since {@code startedNanos}. */
  public static long awaitHealthy(Process app, Path home, int port, long startedNanos)
      throws IOException, InterruptedException {
    Http http = new Http(port);
    long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
    while (System.nanoTime() < deadline) {
      if (!app.isAlive()) {
        throw new AssertionError(
            "The application stopped: " + Files.readString(home.resolve("logs/app.log")));
      }
      try {
        if (http.get("/actuator/health").body().contains("\"status\":\"UP\"")) {
          return (System.nanoTime() - startedNanos) / 1_000_000;
        }
      } catch (IllegalStateException notYet) {
        // not listening yet
      }
      Thread.sleep(200);
    }
    throw new AssertionError("No health UP within 120 s");
  }

  /** What a command printed and its exit code. */
  public record Result(int exitCode, String output) {}

  /** Runs one command of the jar on the home folder to its end (at most two minutes). */
  public static Result command(Path home, String... args) throws IOException, InterruptedException {
    // a short-lived command: the quick compiler only, so ten of them beside a server fit two cores
    ProcessBuilder pb = builder(home, List.of(args), "-XX:TieredStopAtLevel=1");
    pb.redirectErrorStream(true);
    Path out = Files.createTempFile("veerkracht-command", ".log");
    pb.redirectOutput(out.toFile());
    Process p = pb.start();
    if (!p.waitFor(120, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("The command did not end within 120 s: " + List.of(args));
    }
    String output = Files.readString(out, StandardCharsets.UTF_8);
    Files.deleteIfExists(out);
    return new Result(p.exitValue(), output);
  }

  /** Stops a server with SIGTERM and waits for it. */
  public static void stop(Process app) throws InterruptedException {
    if (app != null && app.isAlive()) {
      app.destroy();
      app.waitFor(60, TimeUnit.SECONDS);
    }
  }

  public static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  private static ProcessBuilder builder(Path home, List<String> args, String... jvmOptions) {
    Path jar = Path.of("target", "veerkracht.jar").toAbsolutePath();
    if (!Files.exists(jar)) {
      throw new AssertionError("Build the jar first (./mvnw package): " + jar);
    }
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(List.of(jvmOptions));
    command.add("-jar");
    command.add(jar.toString());
    command.addAll(args);
    ProcessBuilder pb = new ProcessBuilder(command);
    pb.environment().put("VEERKRACHT_HOME", home.toString());
    pb.environment().remove("VEERKRACHT_DB_URL");
    return pb;
  }
}
