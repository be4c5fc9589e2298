package nl.veerkracht.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import nl.veerkracht.cli.CommandLine;
import nl.veerkracht.support.Cli;
import nl.veerkracht.support.Http;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;

/**
 * The audit log: role and membership changes, sign-ins and imports are recorded with who, what,
 * when and from where; nobody can change or delete an entry; only administrators read it.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "veerkracht.db.embedded-database=it_audit")
@ActiveProfiles("test")
class AuditIT {

  @Autowired nl.veerkracht.security.SignInThrottle throttle;

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  @Autowired CommandLine commandLine;
  @Autowired javax.sql.DataSource dataSource;

  @Test
  void whoDidWhatWhenAndFromWhereIsKeptAndCannotBeChanged() throws Exception {
    Http admin = new Http(port).as("admin", "admin-test-password");
    assertThat(
            admin
                .postJson("/api/corporations", "{\"code\":\"AUD\",\"name\":\"Audit Wonen\"}")
                .statusCode())
        .isEqualTo(201);
    assertThat(
            admin
                .postJson(
                    "/api/admin/users",
                    "{\"username\":\"auditee\",\"password\":\"auditee-pass\",\"memberships\":"
                        + "[{\"corporation\":\"AUD\",\"role\":\"ANALYST\"}]}")
                .statusCode())
        .isEqualTo(201);
    assertThat(
            admin
                .send("PUT", "/api/admin/users/auditee/memberships/AUD?role=VIEWER", "")
                .statusCode())
        .isEqualTo(200);
    assertThat(admin.delete("/api/admin/users/auditee/memberships/AUD").statusCode())
        .isEqualTo(200);
    assertThat(new Http(port).as("auditee", "wrong-one").get("/api/corporations").statusCode())
        .isEqualTo(401);
    Path units = Files.createTempFile("aud", ".csv");
    Files.writeString(units, "VHE-nummer;Postcode;Huisnummer\nAUD-1;3743AB;1\n");
    Cli.run(commandLine, "import", "--corporation", "AUD", units.toString());

    // failed sign-ins reach the log as one row per address and minute (SignInThrottle)
    throttle.summarise(true);
    JsonNode log = Http.JSON.readTree(admin.get("/api/admin/audit?limit=50").body());
    String all = log.toString();
    assertThat(all)
        .contains("corporation.create", "user.create", "membership.grant", "membership.revoke")
        .contains("sign-in.failed", "import.");
    for (JsonNode e : log) {
      if (e.get("action").asString().equals("corporation.create")) {
        assertThat(e.get("actor").asString()).isEqualTo("admin");
        assertThat(e.get("address").asString()).isIn("127.0.0.1", "0:0:0:0:0:0:0:1");
        assertThat(e.get("at").isNull()).isFalse();
      }
      if (e.get("action").asString().equals("sign-in.failed")
          && e.get("detail").toString().contains("auditee")) {
        assertThat(e.get("actor").asString()).isEqualTo("auditee");
      }
    }
    // append-only: the database refuses changes and deletions
    assertThatThrownBy(() -> jdbc.sql("UPDATE audit_event SET actor = 'someone else'").update())
        .isInstanceOf(DataAccessException.class)
        .hasMessageContaining("append-only");
    assertThatThrownBy(() -> jdbc.sql("DELETE FROM audit_event").update())
        .isInstanceOf(DataAccessException.class);
    // administrators read and export it; nobody else
    HttpResponse<byte[]> csv = admin.getBytes("/api/admin/audit.csv");
    assertThat(csv.statusCode()).isEqualTo(200);
    assertThat(new String(csv.body(), StandardCharsets.UTF_8))
        .startsWith("id;at;actor;address;corporation_id;action;target;detail")
        .contains("\"membership.revoke\"");
    assertThat(new Http(port).get("/api/admin/audit").statusCode()).isEqualTo(401);
    assertThat(
            admin
                .postJson(
                    "/api/admin/users",
                    "{\"username\":\"reader\",\"password\":\"reader-pass\",\"memberships\":"
                        + "[{\"corporation\":\"AUD\",\"role\":\"ANALYST\"}]}")
                .statusCode())
        .isEqualTo(201);
    assertThat(new Http(port).as("reader", "reader-pass").get("/api/admin/audit").statusCode())
        .isEqualTo(403);
    assertThat(admin.get("/beheer").body())
        .contains("id=\"audit-table\"")
        .contains("membership.revoke")
        .contains("rol ingetrokken")
        .contains("Wanneer (Nederlandse tijd)");
  }

  /**
   * Must show 2 of the second trust issue, finding 5: the log is a hash chain that {@code
   * verify-audit} checks — intact on what the application wrote; after an UPDATE made as the
   * superuser (triggers set aside) it names the first changed row and exits 1; as the role a staff
   * member's requests run as, TRUNCATE, UPDATE, DELETE and switching triggers off are refused.
   */
  @Test
  void theLogIsAHashChainThatNamesTheFirstChangedRow() throws Exception {
    Http admin = new Http(port).as("admin", "admin-test-password");
    for (int i = 0; i < 3; i++) {
      admin.postJson(
          "/api/corporations", "{\"code\":\"CH" + i + "\",\"name\":\"Keten " + i + "\"}");
    }
    String intact = verify(0);
    assertThat(intact).contains("rows, chain intact");
    long middle =
        jdbc.sql("SELECT id FROM audit_event ORDER BY id OFFSET 2 LIMIT 1")
            .query(Long.class)
            .single();
    String action =
        jdbc.sql("SELECT action FROM audit_event WHERE id = ?")
            .param(middle)
            .query(String.class)
            .single();
    try {
      jdbc.sql(
              "ALTER TABLE audit_event DISABLE TRIGGER audit_event_append_only;"
                  + " UPDATE audit_event SET action = 'niets gebeurd' WHERE id = "
                  + middle
                  + "; ALTER TABLE audit_event ENABLE TRIGGER audit_event_append_only")
          .update();
      String broken = verify(1);
      System.out.printf(
          "[audit] %s / after an UPDATE as superuser: %s%n", intact.strip(), broken.strip());
      assertThat(broken).contains("breaks at row " + middle).contains("does not match its hash");
    } finally {
      jdbc.sql(
              "ALTER TABLE audit_event DISABLE TRIGGER audit_event_append_only;"
                  + " UPDATE audit_event SET action = '"
                  + action
                  + "' WHERE id = "
                  + middle
                  + "; ALTER TABLE audit_event ENABLE TRIGGER audit_event_append_only")
          .update();
    }
    assertThat(verify(0)).contains("chain intact");
    // the role of a staff member's requests adds and reads, nothing else
    for (String tamper :
        List.of(
            "TRUNCATE audit_event",
            "UPDATE audit_event SET actor = 'x'",
            "DELETE FROM audit_event",
            "SET session_replication_role = replica")) {
      try (java.sql.Connection c = dataSource.getConnection()) {
        c.setAutoCommit(false);
        try (java.sql.Statement st = c.createStatement()) {
          st.execute("SET LOCAL ROLE veerkracht_staff");
          assertThatThrownBy(() -> st.execute(tamper))
              .as(tamper)
              .isInstanceOf(java.sql.SQLException.class);
        } finally {
          c.rollback();
        }
      }
    }
    assertThat(verify(0)).contains("chain intact");
  }

  /** Runs verify-audit, checks its exit code, returns what it printed. */
  String verify(int expectedExit) {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    java.io.PrintStream p = new java.io.PrintStream(out, true, StandardCharsets.UTF_8);
    assertThat(commandLine.run(List.of("verify-audit"), p, p))
        .as(out.toString(StandardCharsets.UTF_8))
        .isEqualTo(expectedExit);
    return out.toString(StandardCharsets.UTF_8);
  }
}
