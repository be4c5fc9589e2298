package nl.veerkracht.database;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Base64;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.postgresql.ds.PGSimpleDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Closes the embedded PostgreSQL to every other local account: {@code VEERKRACHT_HOME} and
 * everything Veerkracht keeps there are readable by their owner only (folders 700, files 600, the
 * unpacked server binaries not writable by others); the superuser has a generated password kept in
 * {@code VEERKRACHT_HOME/pgdata.password} (600); {@code pg_hba.conf} asks {@code scram-sha-256} of
 * every connection (there is no Unix socket). A data folder from a version without a password is
 * closed in place on its next start: its data stays.
 */
final class EmbeddedLockdown {

  static final String PASSWORD_FILE = "pgdata.password";
  static final String USER = "postgres";

  static final String PG_HBA =
      """
      # Written by Veerkracht at every start: every connection needs the superuser's password,
      # which is kept in VEERKRACHT_HOME/pgdata.password (readable by its owner only).
      local   all   all                  scram-sha-256
      host    all   all   127.0.0.1/32   scram-sha-256
      host    all   all   ::1/128        scram-sha-256
      """;

  private static final Logger log = LoggerFactory.getLogger(EmbeddedLockdown.class);
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Set<PosixFilePermission> OWNER_ONLY_DIR =
      PosixFilePermissions.fromString("rwx------");

  private EmbeddedLockdown() {}

  /**
   * The home folder and what Veerkracht keeps in it (logs, uploads, binaries, its own files) for
   * the owner only. The data folder is left to PostgreSQL, which makes it 700 itself.
   */
  static void restrictHome(Path home) throws IOException {
    Files.createDirectories(home);
    if (!posix(home)) {
      return;
    }
    Files.setPosixFilePermissions(home, OWNER_ONLY_DIR);
    for (String folder : new String[] {"logs", "uploads", "pgbin"}) {
      Path f = home.resolve(folder);
      Files.createDirectories(f);
      withoutGroupAndOthers(f, true);
    }
    try (Stream<Path> files = Files.list(home)) {
      for (Path f : files.toList()) {
        if (Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS)) {
          withoutGroupAndOthers(f, false);
        }
      }
    }
  }

  /**
   * The unpacked server binaries for the owner only: the database library makes their folder
   * writable for everyone each time it unpacks or checks them.
   */
  static void restrictBinaries(Path home) throws IOException {
    Path binaries = home.resolve("pgbin");
    if (posix(home) && Files.exists(binaries)) {
      withoutGroupAndOthers(binaries, true);
    }
  }

  /** Takes every permission bit of group and others away, of the tree under {@code root}. */
  private static void withoutGroupAndOthers(Path root, boolean recursive) throws IOException {
    try (Stream<Path> paths = recursive ? Files.walk(root) : Stream.of(root)) {
      for (Path p : paths.toList()) {
        if (Files.isSymbolicLink(p)) {
          continue;
        }
        Set<PosixFilePermission> perms = Files.getPosixFilePermissions(p);
        Set<PosixFilePermission> kept = EnumSet.noneOf(PosixFilePermission.class);
        for (PosixFilePermission x : perms) {
          if (x.name().startsWith("OWNER_")) {
            kept.add(x);
          }
        }
        if (!kept.equals(perms)) {
          Files.setPosixFilePermissions(p, kept);
        }
      }
    }
  }

  /** The superuser's password, when this home folder has one yet. */
  static Optional<String> password(Path home) {
    Path f = home.resolve(PASSWORD_FILE);
    try {
      return Files.exists(f) ? Optional.of(Files.readString(f).trim()) : Optional.empty();
    } catch (IOException e) {
      throw new IllegalStateException("Cannot read " + f, e);
    }
  }

  /**
   * Gives the superuser a new generated password (over a connection the server still trusts) and
   * keeps it in the home folder; then {@link #requirePassword} closes the server.
   */
  static String generatePassword(Path home, javax.sql.DataSource trusted)
      throws IOException, SQLException {
    String password = writeNewPassword(home);
    try (Connection c = trusted.getConnection();
        Statement s = c.createStatement()) {
      s.execute("SET password_encryption = 'scram-sha-256'");
      // URL-safe base64: no quote can end the literal
      s.execute("ALTER ROLE " + USER + " PASSWORD '" + password + "'");
    }
    return password;
  }

  /**
   * A new generated password, kept in the home folder (600) before any server uses it: initdb of a
   * new data folder reads it from there ({@code --pwfile}).
   */
  static String writeNewPassword(Path home) throws IOException {
    byte[] b = new byte[24];
    RANDOM.nextBytes(b);
    String password = Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    Path tmp = home.resolve(PASSWORD_FILE + ".tmp");
    Files.deleteIfExists(tmp);
    if (posix(home)) {
      Files.createFile(
          tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    }
    Files.writeString(
        tmp,
        password + "\n",
        StandardCharsets.US_ASCII,
        StandardOpenOption.CREATE,
        StandardOpenOption.WRITE);
    Files.move(
        tmp,
        home.resolve(PASSWORD_FILE),
        StandardCopyOption.ATOMIC_MOVE,
        StandardCopyOption.REPLACE_EXISTING);
    log.info(
        "The embedded PostgreSQL's superuser now has a password (kept in {})",
        home.resolve(PASSWORD_FILE));
    return password;
  }

  /**
   * Makes {@code pg_hba.conf} ask for the password on every connection and has the server read it
   * again, when it does not yet.
   */
  static void requirePassword(Path data, javax.sql.DataSource withPassword)
      throws IOException, SQLException {
    Path hba = data.resolve("pg_hba.conf");
    if (Files.exists(hba) && Files.readString(hba).equals(PG_HBA)) {
      return;
    }
    Path tmp = data.resolve("pg_hba.conf.tmp");
    Files.writeString(tmp, PG_HBA, StandardCharsets.US_ASCII);
    if (posix(data)) {
      Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
    }
    Files.move(tmp, hba, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    try (Connection c = withPassword.getConnection();
        Statement s = c.createStatement()) {
      s.execute("SELECT pg_reload_conf()");
    }
    log.info("The embedded PostgreSQL now asks every connection for the password (scram-sha-256)");
  }

  /** A data source for one database of the embedded server, with the superuser's password. */
  static PGSimpleDataSource dataSource(int port, String database, String password) {
    PGSimpleDataSource ds = new PGSimpleDataSource();
    ds.setServerNames(new String[] {"localhost"});
    ds.setPortNumbers(new int[] {port});
    ds.setDatabaseName(database);
    ds.setUser(USER);
    ds.setPassword(password);
    return ds;
  }

  private static boolean posix(Path p) {
    return p.getFileSystem().supportedFileAttributeViews().contains("posix");
  }
}
