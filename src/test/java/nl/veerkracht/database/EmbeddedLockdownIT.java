package nl.veerkracht.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Must show 2 of the trust issue: no other local account can open the embedded database — a
 * connection without the password or with a wrong one is refused, and the folders Veerkracht keeps
 * have no permission bits for group or others — and a data folder made by the previous version (no
 * password, {@code trust} in {@code pg_hba.conf}, folders 755) starts closed with its data.
 */
class EmbeddedLockdownIT {

  @TempDir Path tmp;

  @Test
  void aConnectionWithoutTheRightPasswordIsRefusedAndTheFoldersAreTheOwnersOnly() throws Exception {
    Path home = tmp.resolve("home");
    EmbeddedPostgresServer server = EmbeddedPostgresServer.startOrGet(home);
    try {
      assertClosed(home, server);
    } finally {
      server.stop();
    }
  }

  /**
   * Finding 4 of the second trust review: polling a new home's server without a password connected
   * as superuser before {@code pg_hba.conf} was rewritten. Now initdb sets the password and
   * scram-sha-256 itself: from the first moment the server listens, no connection gets in without
   * it. Five new homes, polled as fast as the driver connects.
   */
  @Test
  void aNewHomesServerNeverAcceptsAConnectionWithoutThePassword() throws Exception {
    int attempts = 0;
    int admitted = 0;
    for (int i = 0; i < 5; i++) {
      Path home = tmp.resolve("window-" + i);
      java.util.concurrent.CompletableFuture<EmbeddedPostgresServer> starting =
          java.util.concurrent.CompletableFuture.supplyAsync(
              () -> EmbeddedPostgresServer.startOrGet(home));
      Path pid = home.resolve("pgdata/postmaster.pid");
      while (!starting.isDone() || attempts == 0) {
        java.util.Optional<Integer> port = portOf(pid);
        if (port.isEmpty()) {
          Thread.onSpinWait();
          if (starting.isDone()) {
            break;
          }
          continue;
        }
        attempts++;
        try (Connection c = connect(port.get(), null)) {
          admitted++;
        } catch (SQLException refused) {
          // what must happen every time
        }
      }
      EmbeddedPostgresServer server = starting.join();
      try {
        for (int k = 0; k < 20; k++, attempts++) {
          try (Connection c = connect(server.port(), null)) {
            admitted++;
          } catch (SQLException refused) {
            // expected
          }
        }
      } finally {
        server.stop();
      }
    }
    System.out.printf(
        "[lockdown] 5 new homes: %d connections without a password tried while and after the"
            + " server started, %d admitted%n",
        attempts, admitted);
    assertThat(attempts).isGreaterThan(100);
    assertThat(admitted).isZero();
  }

  private static java.util.Optional<Integer> portOf(Path postmasterPid) {
    try {
      List<String> lines = Files.readAllLines(postmasterPid);
      return lines.size() > 3
          ? java.util.Optional.of(Integer.parseInt(lines.get(3).trim()))
          : java.util.Optional.empty();
    } catch (java.io.IOException | NumberFormatException e) {
      return java.util.Optional.empty();
    }
  }

  @Test
  void aDataFolderOfThePreviousVersionStartsClosedAndKeepsItsData() throws Exception {
    Path home = tmp.resolve("before");
    Files.createDirectories(home.resolve("pgbin"));
    // what the previous version left: zonky's defaults (trust for local connections, no
    // password), the marker of a completed initdb, folders readable by everyone
    try (EmbeddedPostgres before =
        EmbeddedPostgres.builder()
            .setDataDirectory(home.resolve("pgdata"))
            .setCleanDataDirectory(false)
            .setOverrideWorkingDirectory(home.resolve("pgbin").toFile())
            .setServerConfig("unix_socket_directories", "")
            .start()) {
      try (Connection c = before.getPostgresDatabase().getConnection();
          Statement s = c.createStatement()) {
        s.execute("CREATE TABLE kept (v text)");
        s.execute("INSERT INTO kept VALUES ('from before')");
      }
    }
    Files.writeString(
        home.resolve(EmbeddedPostgresServer.INITIALIZED_MARKER), "initdb completed\n");
    Files.setPosixFilePermissions(home, PosixFilePermissions.fromString("rwxr-xr-x"));
    Files.setPosixFilePermissions(
        home.resolve("pgbin"), PosixFilePermissions.fromString("rwxrwxrwx"));

    EmbeddedPostgresServer server = EmbeddedPostgresServer.startOrGet(home);
    try {
      assertClosed(home, server);
      try (Connection c = connect(server.port(), server.password());
          Statement s = c.createStatement();
          ResultSet rs = s.executeQuery("SELECT v FROM kept")) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getString(1)).isEqualTo("from before");
      }
    } finally {
      server.stop();
    }
    // and the next start uses the kept password
    EmbeddedPostgresServer again = EmbeddedPostgresServer.startOrGet(home);
    try {
      assertClosed(home, again);
    } finally {
      again.stop();
    }
  }

  private static void assertClosed(Path home, EmbeddedPostgresServer server) throws Exception {
    int port = server.port();
    assertThatThrownBy(() -> connect(port, null).close())
        .isInstanceOf(SQLException.class)
        .hasMessageContaining("password");
    assertThatThrownBy(() -> connect(port, "not-the-password").close())
        .isInstanceOf(SQLException.class)
        .hasMessageContaining("password");
    try (Connection c = connect(port, server.password());
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT 1")) {
      assertThat(rs.next()).isTrue();
    }
    assertThat(Files.readString(home.resolve("pgdata/pg_hba.conf")))
        .contains("scram-sha-256")
        .doesNotContain("trust");
    for (String f :
        List.of("", "pgdata", "pgbin", "uploads", "logs", EmbeddedLockdown.PASSWORD_FILE)) {
      assertThat(Files.getPosixFilePermissions(home.resolve(f)))
          .as(home.resolve(f).toString())
          .allMatch(p -> p.name().startsWith("OWNER_"));
    }
    try (Stream<Path> binaries = Files.walk(home.resolve("pgbin"))) {
      for (Path b : binaries.filter(p -> !Files.isSymbolicLink(p)).toList()) {
        assertThat(Files.getPosixFilePermissions(b))
            .as(b.toString())
            .doesNotContain(PosixFilePermission.GROUP_WRITE, PosixFilePermission.OTHERS_WRITE);
      }
    }
  }

  private static Connection connect(int port, String password) throws SQLException {
    Properties p = new Properties();
    p.setProperty("user", "postgres");
    if (password != null) {
      p.setProperty("password", password);
    }
    return DriverManager.getConnection("jdbc:postgresql://localhost:" + port + "/postgres", p);
  }
}
