package nl.veerkracht.database;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import nl.veerkracht.support.Http;
import nl.veerkracht.support.TestHome;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Must show 4 of the foundation issue: with {@code VEERKRACHT_DB_URL} (here the property it binds
 * to) the application uses that server, starts no embedded one, and works against it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class ExternalDatabaseIT {

  static EmbeddedPostgres external;
  static Path home;

  @DynamicPropertySource
  static void externalServer(DynamicPropertyRegistry registry) throws IOException {
    // Another PostgreSQL, started by the test itself in its own folder, stands in for a server.
    Path folder = TestHome.home().resolve("external-server");
    external =
        EmbeddedPostgres.builder()
            .setDataDirectory(folder.resolve("data"))
            .setOverrideWorkingDirectory(folder.resolve("bin").toFile())
            .start();
    home = Files.createDirectories(TestHome.home().resolve("external-home"));
    registry.add("veerkracht.db.url", () -> external.getJdbcUrl("postgres", "postgres"));
    registry.add("veerkracht.db.user", () -> "postgres");
    registry.add("veerkracht.db.password", () -> "");
    registry.add("veerkracht.home", () -> home.toString());
  }

  /**
   * The server outlives the class: the application context stays cached after it (and its scheduled
   * tasks keep using this server) until the cache closes it; the server stops with the test JVM.
   */
  @AfterAll
  static void stopWithTheJvm() {
    EmbeddedPostgres server = external;
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  try {
                    server.close();
                  } catch (IOException ignored) {
                    // the JVM ends anyway
                  }
                }));
  }

  @LocalServerPort int port;

  @Test
  void noEmbeddedServerStartsAndTheDataLandsInTheExternalOne() throws SQLException {
    assertThat(home.resolve("pgdata")).doesNotExist();
    assertThat(home.resolve("pgdata.lock")).doesNotExist();

    Http admin = new Http(port).as("admin", "admin-test-password");
    var r =
        admin.upload(
            "/api/imports",
            "values.csv",
            "code;year;indicator;value\nGM0308;2024;inhabitants;25000\n".getBytes());
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    assertThat(new Http(port).get("/api/areas/GM0308?year=2024").body()).contains("25000");

    try (Connection c = external.getPostgresDatabase().getConnection();
        ResultSet rs =
            c.createStatement()
                .executeQuery(
                    "SELECT value FROM observation WHERE area_code = 'GM0308' AND year = 2024 AND indicator_id = 'inhabitants'")) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getDouble(1)).isEqualTo(25000);
    }
  }
}
