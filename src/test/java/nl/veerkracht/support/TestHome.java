package nl.veerkracht.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Gives each test JVM a fresh data folder ({@code target/test-home/run-<pid>}), so the embedded
 * PostgreSQL of the tests starts empty, and removes folders of earlier runs.
 */
public class TestHome implements LauncherSessionListener {

  public static final Path ROOT = Path.of("target", "test-home").toAbsolutePath();

  @Override
  public void launcherSessionOpened(LauncherSession session) {
    home();
  }

  public static synchronized Path home() {
    String existing = System.getProperty("veerkracht.home");
    if (existing != null) {
      return Path.of(existing);
    }
    try {
      Files.createDirectories(ROOT);
      try (Stream<Path> runs = Files.list(ROOT)) {
        for (Path old : runs.toList()) {
          if (!isLocked(old)) {
            deleteQuietly(old);
          }
        }
      }
      Path home = ROOT.resolve("run-" + ProcessHandle.current().pid());
      Files.createDirectories(home);
      System.setProperty("veerkracht.home", home.toString());
      return home;
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static boolean isLocked(Path run) {
    Path lock = run.resolve("pgdata.lock");
    if (!Files.exists(lock)) {
      return false;
    }
    try (var channel =
        java.nio.channels.FileChannel.open(lock, java.nio.file.StandardOpenOption.WRITE)) {
      var l = channel.tryLock();
      if (l == null) {
        return true;
      }
      l.release();
      return false;
    } catch (IOException | java.nio.channels.OverlappingFileLockException e) {
      return true;
    }
  }

  public static void deleteQuietly(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // best effort
    }
  }
}
