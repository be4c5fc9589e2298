package nl.veerkracht.database;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The process's one lock on a home folder ({@code VEERKRACHT_HOME/pgdata.lock}): whoever holds it
 * owns the embedded PostgreSQL of that folder.
 *
 * <p>On Linux a file lock belongs to the process, and closing <em>any</em> descriptor of the file
 * drops it. So the lock file is opened once per process and that descriptor is kept until {@link
 * #release}; the owner never opens the file again, not even to look. A probe from a process that
 * does not own the folder opens, tries and closes: it holds no lock that closing could drop.
 */
final class HomeLock {

  static final String FILE = "pgdata.lock";

  private static final Map<Path, HomeLock> HELD = new HashMap<>();

  private final Path home;
  private final FileChannel channel;
  private final FileLock lock;

  private HomeLock(Path home, FileChannel channel, FileLock lock) {
    this.home = home;
    this.channel = channel;
    this.lock = lock;
  }

  /**
   * Takes the folder for this process, or returns the lock this process already holds; empty when
   * another process holds it. The lock file then names this process's id.
   */
  static synchronized Optional<HomeLock> acquire(Path home) throws IOException {
    HomeLock held = HELD.get(home);
    if (held != null) {
      return Optional.of(held);
    }
    Files.createDirectories(home);
    FileChannel channel =
        FileChannel.open(home.resolve(FILE), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    FileLock lock;
    try {
      lock = channel.tryLock();
    } catch (OverlappingFileLockException e) {
      lock = null; // cannot happen while HELD is the only way in; treated as "not ours"
    }
    if (lock == null) {
      channel.close(); // this process holds no lock on the file: nothing to drop
      return Optional.empty();
    }
    channel.truncate(0);
    channel.write(
        ByteBuffer.wrap(
            Long.toString(ProcessHandle.current().pid()).getBytes(StandardCharsets.US_ASCII)));
    channel.force(true);
    HomeLock acquired = new HomeLock(home, channel, lock);
    HELD.put(home, acquired);
    return Optional.of(acquired);
  }

  /** True when this process holds the folder's lock (answered from memory, never from the file). */
  static synchronized boolean heldHere(Path home) {
    return HELD.containsKey(home);
  }

  /**
   * True when another process holds the folder. When no one does, this process takes it (and keeps
   * it): asking is only ever done by a process that would start the server itself otherwise.
   */
  static boolean heldByOtherProcess(Path home) {
    try {
      return acquire(home).isEmpty();
    } catch (IOException e) {
      return false; // the start itself will report why the folder cannot be used
    }
  }

  /** The process id the owner wrote into the lock file; empty while it has not written it yet. */
  static Optional<Long> ownerPid(Path home) {
    if (heldHere(home)) {
      return Optional.of(ProcessHandle.current().pid());
    }
    try {
      String text = Files.readString(home.resolve(FILE), StandardCharsets.US_ASCII).trim();
      return text.isEmpty() ? Optional.empty() : Optional.of(Long.parseLong(text));
    } catch (IOException | NumberFormatException e) {
      return Optional.empty();
    }
  }

  synchronized void release() throws IOException {
    synchronized (HomeLock.class) {
      HELD.remove(home);
    }
    lock.release();
    channel.close();
  }
}
