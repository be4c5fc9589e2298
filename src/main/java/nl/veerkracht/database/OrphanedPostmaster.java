package nl.veerkracht.database;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deals with a {@code postmaster.pid} left in a data folder: after {@code kill -9} of the JVM the
 * server keeps running as an orphan (pg_ctl starts it in its own session). Only a live process that
 * is a {@code postgres} serving exactly this data folder is signalled; anything else means the pid
 * file is stale and is deleted.
 */
final class OrphanedPostmaster {

  private static final Logger log = LoggerFactory.getLogger(OrphanedPostmaster.class);

  private OrphanedPostmaster() {}

  static void stopIfRunning(Path dataDirectory) throws IOException {
    Path pidFile = dataDirectory.resolve("postmaster.pid");
    if (!Files.exists(pidFile)) {
      return;
    }
    Optional<Long> pid = readPid(pidFile);
    if (pid.isEmpty() || !isOurPostmaster(pid.get(), dataDirectory)) {
      log.info("Removing stale {}", pidFile);
      Files.deleteIfExists(pidFile);
      return;
    }
    long started = System.nanoTime();
    log.warn(
        "PostgreSQL (pid {}) from an earlier run is still serving {}; stopping it",
        pid.get(),
        dataDirectory);
    signal(pid.get(), "INT");
    if (!waitUntilGone(pidFile, pid.get(), 30_000)) {
      signal(pid.get(), "QUIT");
      if (!waitUntilGone(pidFile, pid.get(), 10_000)) {
        throw new IllegalStateException(
            "PostgreSQL process " + pid.get() + " does not stop; stop it by hand and start again");
      }
    }
    log.info("Stopped the orphaned PostgreSQL in {} ms", (System.nanoTime() - started) / 1_000_000);
  }

  private static Optional<Long> readPid(Path pidFile) {
    try {
      List<String> lines = Files.readAllLines(pidFile, StandardCharsets.US_ASCII);
      return lines.isEmpty() ? Optional.empty() : Optional.of(Long.parseLong(lines.get(0).trim()));
    } catch (IOException | NumberFormatException e) {
      return Optional.empty();
    }
  }

  /** True when the process runs a binary named postgres with {@code -D <dataDirectory>}. */
  static boolean isOurPostmaster(long pid, Path dataDirectory) {
    Optional<ProcessHandle> handle = ProcessHandle.of(pid);
    if (handle.isEmpty() || !handle.get().isAlive()) {
      return false;
    }
    Path cmdline = Path.of("/proc", Long.toString(pid), "cmdline");
    try {
      String[] args = new String(Files.readAllBytes(cmdline), StandardCharsets.UTF_8).split("\0");
      if (args.length == 0 || !args[0].endsWith("/postgres")) {
        return false;
      }
      String wanted = dataDirectory.toAbsolutePath().normalize().toString();
      for (int i = 0; i + 1 < args.length; i++) {
        if (args[i].equals("-D")
            && Path.of(args[i + 1]).toAbsolutePath().normalize().toString().equals(wanted)) {
          return true;
        }
      }
      return false;
    } catch (IOException e) {
      // No /proc (not Linux): fall back to the process handle's command line.
      String command = handle.get().info().commandLine().orElse("");
      return command.contains("postgres") && command.contains(dataDirectory.toString());
    }
  }

  private static void signal(long pid, String signal) {
    try {
      new ProcessBuilder("kill", "-" + signal, Long.toString(pid)).inheritIO().start().waitFor();
    } catch (IOException e) {
      throw new IllegalStateException("Could not signal PostgreSQL process " + pid, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static boolean waitUntilGone(Path pidFile, long pid, long timeoutMillis) {
    long deadline = System.currentTimeMillis() + timeoutMillis;
    while (System.currentTimeMillis() < deadline) {
      // PostgreSQL removes its pid file as the last step of a shutdown; a process that is gone
      // without removing it crashed, and the next start treats the file as stale.
      boolean alive = ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
      if (!Files.exists(pidFile) || !alive) {
        return true;
      }
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    }
    return false;
  }
}
