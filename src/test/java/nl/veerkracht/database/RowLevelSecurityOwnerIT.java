package nl.veerkracht.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import nl.veerkracht.VeerkrachtApplication;
import nl.veerkracht.support.TestHome;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Finding 14 of the second trust review, its last part: under a database owner without CREATEROLE
 * row-level security was off for good — one WARN, and creating the role afterwards changed nothing
 * (the migration was recorded as done). On a PostgreSQL of its own (roles belong to the whole
 * server), with a database owned by a user without CREATEROLE: the start is refused naming the
 * setting; once the "DBA" creates the role and grants it, the next start puts every policy in place
 * and a staff connection sees only its own corporation; with the setting, a start without the role
 * runs unscoped.
 */
class RowLevelSecurityOwnerIT {

  @Test
  void refusedWithoutTheRoleOnOnceTheDbaMadeItAndUnscopedOnlyWhenSaid() throws Exception {
    Path folder = TestHome.home().resolve("rls-owner-server");
    try (EmbeddedPostgres db =
        EmbeddedPostgres.builder()
            .setDataDirectory(folder.resolve("data"))
            .setOverrideWorkingDirectory(folder.resolve("bin").toFile())
            .start()) {
      try (Connection su = db.getPostgresDatabase().getConnection();
          Statement s = su.createStatement()) {
        s.execute("CREATE ROLE app LOGIN NOSUPERUSER NOCREATEROLE PASSWORD 'app-password'");
        s.execute("CREATE DATABASE vk OWNER app");
        s.execute("CREATE ROLE other LOGIN NOSUPERUSER NOCREATEROLE PASSWORD 'other-password'");
        s.execute("CREATE DATABASE vk_other OWNER other");
      }
      String url = "jdbc:postgresql://localhost:" + db.getPort() + "/vk";

      // 1. no role, no setting: refused, naming the setting and what the DBA runs
      assertThatThrownBy(() -> start(url, "app", "app-password", false).close())
          .rootCause()
          .isInstanceOf(RowLevelSecurityCheck.RowLevelSecurityOffException.class)
          .hasMessageContaining("database user app")
          .hasMessageContaining("VEERKRACHT_DB_ALLOW_UNSCOPED=true")
          .satisfies(
              e ->
                  assertThat(((RowLevelSecurityCheck.RowLevelSecurityOffException) e).remedy())
                      .contains("CREATE ROLE veerkracht_staff NOLOGIN;")
                      .contains("GRANT veerkracht_staff TO \"app\";"));
      assertThat(policies(url)).as("no policy while the role is missing").isZero();

      // 2. the DBA makes the role and grants it; the next start turns row-level security on
      try (Connection su = db.getPostgresDatabase().getConnection();
          Statement s = su.createStatement()) {
        s.execute("CREATE ROLE veerkracht_staff NOLOGIN NOSUPERUSER NOBYPASSRLS");
        s.execute("GRANT veerkracht_staff TO app");
      }
      try (ConfigurableApplicationContext app = start(url, "app", "app-password", false)) {
        int policies = policies(url);
        assertThat(policies).as("policies after the DBA made the role").isEqualTo(33);
        try (Connection c = DriverManager.getConnection(url, "app", "app-password");
            Statement s = c.createStatement()) {
          s.execute("INSERT INTO corporation (code, name) VALUES ('WA', 'Woonstad A')");
          s.execute(
              "INSERT INTO signal_threshold (corporation_id, signal_type, per_100_units)"
                  + " SELECT id, 'overlast', 2 FROM corporation");
          s.execute("SET ROLE veerkracht_staff; SET veerkracht.corporations = '999999'");
          try (ResultSet rs = s.executeQuery("SELECT count(*) FROM signal_threshold")) {
            rs.next();
            assertThat(rs.getInt(1))
                .as("another corporation's staff sees none of its thresholds")
                .isZero();
          }
          s.execute("RESET ROLE");
          try (ResultSet rs = s.executeQuery("SELECT count(*) FROM signal_threshold")) {
            rs.next();
            assertThat(rs.getInt(1)).isEqualTo(1);
          }
        }
        System.out.printf(
            "[rls owner] refused without the role; after CREATE ROLE + GRANT by the DBA and a"
                + " restart: %d policies, row-level security on%n",
            policies);
      }
      // and a restart with everything in place changes nothing
      try (ConfigurableApplicationContext app = start(url, "app", "app-password", false)) {
        assertThat(policies(url)).isEqualTo(33);
      }

      // 3. an owner who may not take the role runs only when the setting says so
      String otherUrl = "jdbc:postgresql://localhost:" + db.getPort() + "/vk_other";
      assertThatThrownBy(() -> start(otherUrl, "other", "other-password", false).close())
          .rootCause()
          .isInstanceOf(RowLevelSecurityCheck.RowLevelSecurityOffException.class);
      try (ConfigurableApplicationContext app = start(otherUrl, "other", "other-password", true)) {
        assertThat(app.isRunning()).isTrue();
      }
    }
  }

  private static ConfigurableApplicationContext start(
      String url, String user, String password, boolean allowUnscoped) throws Exception {
    Path home = Files.createDirectories(TestHome.home().resolve("rls-owner-home"));
    SpringApplication app = new SpringApplication(VeerkrachtApplication.class);
    app.setWebApplicationType(WebApplicationType.NONE);
    return app.run(
        "--spring.profiles.active=test",
        "--veerkracht.home=" + home,
        "--veerkracht.db.url=" + url,
        "--veerkracht.db.user=" + user,
        "--veerkracht.db.password=" + password,
        "--veerkracht.db.allow-unscoped=" + allowUnscoped);
  }

  private static int policies(String url) throws Exception {
    try (Connection c = DriverManager.getConnection(url, "app", "app-password");
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery("SELECT count(*) FROM pg_policies WHERE policyname = 'staff_own'")) {
      rs.next();
      return rs.getInt(1);
    }
  }
}
