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
