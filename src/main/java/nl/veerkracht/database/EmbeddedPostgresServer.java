package nl.veerkracht.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A PostgreSQL 17 server that lives in {@code VEERKRACHT_HOME} and survives restarts and crashes.
 *
 * <p>zonky's embedded PostgreSQL is a test fixture out of the box; this class turns it into a
 * durable database:
 *
 * <ul>
 *   <li>fsync and synchronous commit are on;
 *   <li>an application lock file next to the data folder stops a second JVM from using it;
 *   <li>a server orphaned by {@code kill -9} of an earlier JVM is shut down (SIGINT, then SIGQUIT;
 *       never SIGKILL) before the new one starts; a stale {@code postmaster.pid} is removed;
 *   <li>a data folder whose {@code initdb} never completed is recreated;
 *   <li>binaries are unpacked under the home folder, not under {@code java.io.tmpdir};
 *   <li>no other local account can read the folder or connect: see {@link EmbeddedLockdown}.
 * </ul>
 *
 * <p>One server per home folder per JVM: {@link #startOrGet} returns the running one, so several
 * Spring contexts in one test JVM share it. Startup costs about 3 s the first time (unpack,
 * initdb), 0.5 s afterwards.
 */
public final class EmbeddedPostgresServer {

  private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);
  private static final Map<Path, EmbeddedPostgresServer> RUNNING = new ConcurrentHashMap<>();
  private static final Map<Path, java.util.concurrent.CompletableFuture<EmbeddedPostgresServer>>
      STARTING = new ConcurrentHashMap<>();
  static final String INITIALIZED_MARKER = "pgdata.initialized";
  static final String PORT_FILE = "pgdata.port";
  static final String SERVER = "server";
  static final String COMMAND = "command";
  private static volatile String kind = SERVER;

  private final Path home;
  private final EmbeddedPostgres postgres;
  private final HomeLock appLock;
  private final String password;

  private EmbeddedPostgresServer(
      Path home, EmbeddedPostgres postgres, HomeLock appLock, String password) {
    this.home = home;
    this.postgres = postgres;
    this.appLock = appLock;
    this.password = password;
  }

  /**
   * Starts the server for this home folder on a background thread, so that unpacking, initdb and
   * start-up overlap with the rest of the application's start; {@link #startOrGet} then waits for
   * it. Does nothing when another process holds the folder.
   */
  public static void startInBackground(Path home) {
    Path key = home.toAbsolutePath().normalize();
    if (RUNNING.containsKey(key) || HomeLock.heldByOtherProcess(key)) {
      return;
    }
    STARTING.computeIfAbsent(
        key,
        k ->
            java.util.concurrent.CompletableFuture.supplyAsync(
                () -> startOrGet(k),
                runnable -> {
                  Thread t = new Thread(runnable, "embedded-postgres-start");
                  t.setDaemon(true);
                  t.start();
                }));
  }

  /** Returns the server for this home folder, starting it when this JVM has none yet. */
  public static EmbeddedPostgresServer startOrGet(Path home) {
    Path key = home.toAbsolutePath().normalize();
    java.util.concurrent.CompletableFuture<EmbeddedPostgresServer> starting = STARTING.get(key);
    if (starting != null && !Thread.currentThread().getName().equals("embedded-postgres-start")) {
      try {
        return starting.join();
      } catch (java.util.concurrent.CompletionException e) {
        STARTING.remove(key);
        throw e.getCause() instanceof RuntimeException re ? re : e;
      }
    }
    synchronized (EmbeddedPostgresServer.class) {
      EmbeddedPostgresServer running = RUNNING.get(key);
      if (running != null) {
        return running;
      }
      EmbeddedPostgresServer started = start(key);
      RUNNING.put(key, started);
      return started;
    }
  }

  /**
   * When another Veerkracht process holds this home folder's database, the port it serves on, so a
   * command-line run can work against the same data instead of refusing. While that process is
   * still starting its server (a first start: unpacking, initdb), this waits for it, up to {@code
   * wait}; it never touches the other process's server.
   */
  public static Optional<Integer> findServerOfOtherProcess(Path home, Duration wait) {
    Path key = home.toAbsolutePath().normalize();
    if (RUNNING.containsKey(key) || STARTING.containsKey(key) || HomeLock.heldHere(key)) {
      return Optional.empty();
    }
    long deadline = System.nanoTime() + wait.toNanos();
    while (HomeLock.heldByOtherProcess(key)) {
      Optional<Long> owner = HomeLock.ownerPid(key);
      Optional<String[]> served = readPortFile(key);
      // Only a web server's database is used: a command stops its server when it ends, so
      // another command waits for it to end instead.
      if (owner.isPresent()
          && served.isPresent()
          && served.get()[1].equals(Long.toString(owner.get()))
          && served.get()[2].equals(SERVER)) {
        return Optional.of(Integer.parseInt(served.get()[0]));
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(
            "Another Veerkracht process holds the database in "
                + key
                + " and has not started serving it within "
                + wait.toSeconds()
                + " s. Try again when it runs, or stop it first.");
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("Interrupted while waiting for the database in " + key);
      }
    }
    return Optional.empty(); // no other process holds it (any more): this one now owns the folder
  }

  /**
   * Waits until no other process holds this home folder, and takes it for this process. The web
   * server does this rather than use another process's database: that process may be a command that
   * stops its server when it ends.
   */
  public static void awaitHome(Path home, Duration wait) {
    Path key = home.toAbsolutePath().normalize();
    long deadline = System.nanoTime() + wait.toNanos();
    boolean told = false;
    while (HomeLock.heldByOtherProcess(key)) {
      if (!told) {
        log.warn("Another Veerkracht process uses the database in {}; waiting for it to end", key);
        told = true;
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(
            "Another Veerkracht process is using the database in "
                + key
                + ". Stop it first, or point VEERKRACHT_HOME at another folder.");
      }
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("Interrupted while waiting for the database in " + key);
      }
    }
  }

  /** Port, process id and kind ({@value #SERVER} or {@value #COMMAND}) from the port file. */
  private static Optional<String[]> readPortFile(Path home) {
    try {
      String[] parts = Files.readString(home.resolve(PORT_FILE)).trim().split("\\s+");
      return parts.length == 3 ? Optional.of(parts) : Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /**
   * Says that this process runs one command and ends: other processes then wait for it rather than
   * use its database.
   */
  public static void markCommandProcess() {
    kind = COMMAND;
  }

  private static EmbeddedPostgresServer start(Path home) {
    long started = System.nanoTime();
    try {
      EmbeddedLockdown.restrictHome(home);
      HomeLock lock =
          HomeLock.acquire(home)
              .orElseThrow(
                  () ->
                      new IllegalStateException(
                          "Another Veerkracht process is using the database in "
                              + home
                              + ". Stop it first, or point VEERKRACHT_HOME at another folder."));
      // a port file left by a killed run must not send another process to a dead port
      Files.deleteIfExists(home.resolve(PORT_FILE));
      Path data = home.resolve("pgdata");
      Path marker = home.resolve(INITIALIZED_MARKER);
      if (Files.exists(data) && !Files.exists(marker)) {
        log.warn("Data folder {} was never fully initialised; creating it again", data);
        deleteRecursively(data);
      }
      OrphanedPostmaster.stopIfRunning(data);
      Path binaries = home.resolve("pgbin");
      // A new data folder is made by initdb with the password already set and scram-sha-256 in
      // pg_hba.conf: the server never runs a moment without one. A folder from a version without
      // a password (the only case left with a trusting server) gets one right after its start.
      boolean fresh = !Files.exists(data);
      Optional<String> known =
          fresh
              ? Optional.of(EmbeddedLockdown.writeNewPassword(home))
              : Files.exists(marker) ? EmbeddedLockdown.password(home) : Optional.empty();
      EmbeddedPostgres.Builder builder = builder(home, data, binaries);
      known.ifPresent(pw -> builder.setConnectConfig("password", pw));
      if (fresh) {
        // passed to initdb after zonky's own "-A trust"; the later option wins
        builder
            .setLocaleConfig("auth", "scram-sha-256")
            .setLocaleConfig(
                "pwfile", home.resolve(EmbeddedLockdown.PASSWORD_FILE).toAbsolutePath().toString());
      }
      EmbeddedPostgres postgres = builder.start();
      String password =
          known.isPresent()
              ? known.get()
              : EmbeddedLockdown.generatePassword(home, postgres.getPostgresDatabase());
      EmbeddedLockdown.requirePassword(
          data, EmbeddedLockdown.dataSource(postgres.getPort(), "postgres", password));
      EmbeddedLockdown.restrictBinaries(home);
      EmbeddedPostgresServer server = new EmbeddedPostgresServer(home, postgres, lock, password);
      server.checkDataDirectory(data);
      Files.writeString(marker, "initdb completed\n");
      Files.writeString(
          home.resolve(PORT_FILE),
          postgres.getPort() + " " + ProcessHandle.current().pid() + " " + kind + "\n");
      log.info(
          "Embedded PostgreSQL running on port {} with data in {} (started in {} ms)",
          postgres.getPort(),
          data,
          (System.nanoTime() - started) / 1_000_000);
      return server;
    } catch (SQLException e) {
      throw new IllegalStateException("Could not close the embedded PostgreSQL in " + home, e);
    } catch (IOException e) {
      throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + home, e);
    }
  }

  /**
   * The server's settings: durable (fsync, synchronous commit, full pages), reachable on localhost
   * by TCP only, its log in the data folder's logs.
   */
  private static EmbeddedPostgres.Builder builder(Path home, Path data, Path binaries) {
    return EmbeddedPostgres.builder()
        .setDataDirectory(data)
        .setCleanDataDirectory(false)
        .setOverrideWorkingDirectory(binaries.toFile())
        .setServerConfig("fsync", "on")
        .setServerConfig("synchronous_commit", "on")
        .setServerConfig("full_page_writes", "on")
        .setServerConfig("listen_addresses", "localhost")
        .setServerConfig("unix_socket_directories", "")
        .setServerConfig("max_connections", "100")
        .setServerConfig("shared_buffers", "128MB")
        .setServerConfig("max_wal_size", "1GB")
        .setServerConfig("work_mem", "32MB")
        .setServerConfig("maintenance_work_mem", "128MB")
        .setLocaleConfig("locale", "C.UTF-8")
        .setPGStartupWait(Duration.ofSeconds(60))
        .setOutputRedirector(
            ProcessBuilder.Redirect.appendTo(home.resolve("logs/postgres.log").toFile()))
        .setErrorRedirector(
            ProcessBuilder.Redirect.appendTo(home.resolve("logs/postgres.log").toFile()));
  }

  private void checkDataDirectory(Path expected) throws IOException {
    try (Connection c = dataSource("postgres").getConnection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SHOW data_directory")) {
      rs.next();
      Path actual = Path.of(rs.getString(1)).toRealPath();
      if (!actual.equals(expected.toRealPath())) {
        throw new IllegalStateException(
            "The PostgreSQL on port "
                + postgres.getPort()
                + " serves "
                + actual
                + ", not "
                + expected
                + "; another server holds the port.");
      }
    } catch (SQLException e) {
      throw new IOException("Embedded PostgreSQL did not answer", e);
    }
  }

  /** Creates the database when it does not exist yet and returns a data source for it. */
  public DataSource database(String name) {
    createDatabaseIfMissing(port(), password, name);
    return dataSource(name);
  }

  /**
   * Creates a database on an embedded server (this process's or another's) when it does not exist
   * yet; safe when another process creates it at the same moment.
   */
  public static void createDatabaseIfMissing(int port, String password, String name) {
    if (!name.matches("[a-z][a-z0-9_]{0,62}")) {
      throw new IllegalArgumentException("Not a valid database name: " + name);
    }
    try (Connection c = EmbeddedLockdown.dataSource(port, "postgres", password).getConnection();
        Statement s = c.createStatement()) {
      try (ResultSet rs =
          s.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + name + "'")) {
        if (!rs.next()) {
          s.execute("CREATE DATABASE " + name);
        }
      }
    } catch (SQLException e) {
      // 42P04 duplicate_database, 23505: another process created it in between
      if (!"42P04".equals(e.getSQLState()) && !"23505".equals(e.getSQLState())) {
        throw new IllegalStateException("Could not create database " + name, e);
      }
    }
  }

  private DataSource dataSource(String name) {
    return EmbeddedLockdown.dataSource(postgres.getPort(), name, password);
  }

  /** The superuser's password (also in {@code VEERKRACHT_HOME/pgdata.password}). */
  public String password() {
    return password;
  }

  /** The password of the embedded server another process runs for this home folder, if any. */
  public static Optional<String> passwordOf(Path home) {
    return EmbeddedLockdown.password(home.toAbsolutePath().normalize());
  }

  public String jdbcUrl(String database) {
    return "jdbc:postgresql://localhost:" + postgres.getPort() + "/" + database;
  }

  public int port() {
    return postgres.getPort();
  }

  public Path home() {
    return home;
  }

  /** Stops the server (fast shutdown) and releases the home folder. */
  public synchronized void stop() {
    RUNNING.remove(home);
    try {
      postgres.close();
      Files.deleteIfExists(home.resolve(PORT_FILE));
      appLock.release();
    } catch (IOException e) {
      log.warn("Stopping the embedded PostgreSQL: {}", e.getMessage());
    }
  }

  private static void deleteRecursively(Path dir) throws IOException {
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
