package nl.veerkracht.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  @Autowired CommandLine commandLine;

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
      if (e.get("action").asString().equals("sign-in.failed")) {
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
        .contains("membership.revoke");
  }
}
