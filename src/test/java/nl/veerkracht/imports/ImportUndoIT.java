package nl.veerkracht.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import nl.veerkracht.cli.CommandLine;
import nl.veerkracht.support.Cli;
import nl.veerkracht.support.Demo;
import nl.veerkracht.support.Http;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * Must show 7 of the trust issue, the undo part: an import undone restores the figures it replaced
 * and removes the indicators only it brought, in one transaction and audited; only the newest
 * change can be undone, only by whoever ran it or an administrator, and only once.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "veerkracht.db.embedded-database=it_import_undo")
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ImportUndoIT {

  @LocalServerPort int port;
  @Autowired CommandLine commandLine;
  @Autowired JdbcClient jdbc;
  Http admin;

  @BeforeAll
  void baarnAndASteward() {
    Cli.run(
        commandLine,
        "import",
        Demo.file("geo/baarn_buurten_2024_wgs84_pdok_full.geojson").toString());
    admin = new Http(port).as("admin", "admin-test-password");
    assertThat(
            admin
                .postJson(
                    "/api/admin/users",
                    "{\"username\":\"stef\",\"password\":\"stef-password-1\",\"memberships\":[]}")
                .statusCode())
        .isEqualTo(201);
    assertThat(admin.send("PUT", "/api/admin/users/stef/data-steward?value=true", "").statusCode())
        .isEqualTo(200);
  }

  long importFile(Http who, String name, String csv) {
    return importFile(who, name, csv, 2024);
  }

  long importFile(Http who, String name, String csv, int year) {
    HttpResponse<String> r =
        who.upload(
            "/api/imports",
            name,
            csv.getBytes(StandardCharsets.UTF_8),
            "year",
            String.valueOf(year));
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    return Http.JSON.readTree(r.body()).get("files").get(0).get("importId").longValue();
  }

  Double inhabitants(String code) {
    return jdbc.sql(
            "SELECT value FROM observation WHERE area_code = ? AND year = 2024"
                + " AND indicator_id = 'inhabitants'")
        .param(code)
        .query(Double.class)
        .optional()
        .orElse(null);
  }

  @Test
  void undoingAnImportRestoresTheFiguresItReplacedAndRemovesWhatOnlyItBrought() {
    Http stef = new Http(port).as("stef", "stef-password-1");
    long undosBefore =
        jdbc.sql("SELECT count(*) FROM audit_event WHERE action = 'import.undo'")
            .query(Long.class)
            .single();
    Double before = inhabitants("BU03080000"); // the boundary file carries CBS's count
    long first =
        importFile(
            stef,
            "eerste.csv",
            "BU_CODE;BU_NAAM;AANT_INW\nBU03080000;Centrum;1100\nBU03080001;Schoonoordpark;2100\n");
    long second =
        importFile(
            stef,
            "tweede.csv",
            "BU_CODE;BU_NAAM;AANT_INW;EIGEN_TELLING\nBU03080000;Centrum;1150;7\nBU03080001;Schoonoordpark;2100;9\n");
    assertThat(inhabitants("BU03080000")).isEqualTo(1150);
    assertThat(admin.get("/api/indicators").body()).contains("eigen_telling");

    // the first cannot be undone while the second changed its figures
    HttpResponse<String> blocked = stef.postJson("/api/imports/" + first + "/undo", "");
    assertThat(blocked.statusCode()).isEqualTo(409);
    assertThat(blocked.body()).contains(String.valueOf(second));
    assertThat(inhabitants("BU03080000")).isEqualTo(1150);
    // nobody else undoes it; without login nobody at all
    assertThat(new Http(port).postJson("/api/imports/" + second + "/undo", "").statusCode())
        .isEqualTo(401);

    HttpResponse<String> undone = stef.postJson("/api/imports/" + second + "/undo", "");
    assertThat(undone.statusCode()).as(undone.body()).isEqualTo(200);
    assertThat(Http.JSON.readTree(undone.body()).get("restored").intValue()).isEqualTo(1);
    assertThat(inhabitants("BU03080000")).isEqualTo(1100);
    assertThat(inhabitants("BU03080001")).isEqualTo(2100);
    assertThat(admin.get("/api/indicators").body()).doesNotContain("eigen_telling");
    assertThat(
            jdbc.sql(
                    "SELECT import_id FROM observation WHERE area_code = 'BU03080000' AND year ="
                        + " 2024 AND indicator_id = 'inhabitants'")
                .query(Long.class)
                .single())
        .isEqualTo(first);
    assertThat(stef.postJson("/api/imports/" + second + "/undo", "").statusCode()).isEqualTo(409);
    assertThat(
            jdbc.sql("SELECT count(*) FROM audit_event WHERE action = 'import.undo'")
                .query(Long.class)
                .single())
        .isEqualTo(undosBefore + 1);

    // now the first is the newest change: undoing it brings back what was there before it
    assertThat(admin.postJson("/api/imports/" + first + "/undo", "").statusCode()).isEqualTo(200);
    assertThat(inhabitants("BU03080000")).isEqualTo(before);
    assertThat(admin.get("/gegevens/geschiedenis").body()).contains("ongedaan gemaakt");
  }

  /** The import's id on every figure of a year, or -1 when they differ; null when none. */
  Long importIdOf(String indicator) {
    return jdbc.sql(
            "SELECT CASE WHEN count(*) = 0 THEN NULL WHEN min(import_id) = max(import_id) THEN"
                + " min(import_id) ELSE -1 END"
                + " FROM observation WHERE year = 2031 AND indicator_id = ?")
        .param(indicator)
        .query((rs, i) -> (Long) rs.getObject(1))
        .list()
        .get(0);
  }

  long valuesWritten(long importId) {
    return jdbc.sql("SELECT values_written FROM import_run WHERE id = ?")
        .param(importId)
        .query(Long.class)
        .single();
  }

  Double valueOf(String code, String indicator) {
    return jdbc.sql(
            "SELECT value FROM observation WHERE area_code = ? AND year = 2031 AND indicator_id = ?")
        .params(code, indicator)
        .query(Double.class)
        .optional()
        .orElse(null);
  }

  @Test
  void aFirstImportOfAYearGoesStraightInAndAHalfNewFileIsMergedAndUndone() {
    // nothing of 2031 is held: the figures go straight into observation, under the run's own id
    long fresh =
        importFile(
            admin,
            "nieuw-jaar.csv",
            "BU_CODE;BU_NAAM;AANT_INW\nBU03080000;Centrum;1200\nBU03080001;Schoonoordpark;2200\n",
            2031);
    assertThat(importIdOf("inhabitants")).isEqualTo(fresh);
    assertThat(valueOf("BU03080001", "inhabitants")).isEqualTo(2200);
    assertThat(valuesWritten(fresh)).isEqualTo(2);

    // the first column is new in 2031, the second is held: the first figure goes straight in,
    // the rest is staged and merged (one changed, one unchanged, one new)
    long mixed =
        importFile(
            admin,
            "half-nieuw.csv",
            "BU_CODE;BU_NAAM;EIGEN_TWEE;AANT_INW\nBU03080000;Centrum;5;1250\n"
                + "BU03080001;Schoonoordpark;6;2200\n",
            2031);
    assertThat(valueOf("BU03080000", "cbs_eigen_twee")).isEqualTo(5);
    assertThat(valueOf("BU03080001", "cbs_eigen_twee")).isEqualTo(6);
    assertThat(importIdOf("cbs_eigen_twee")).isEqualTo(mixed);
    assertThat(valueOf("BU03080000", "inhabitants")).isEqualTo(1250);
    assertThat(valuesWritten(mixed)).isEqualTo(3);
    // importing it again changes nothing
    HttpResponse<String> again =
        admin.upload(
            "/api/imports",
            "half-nieuw.csv",
            ("BU_CODE;BU_NAAM;EIGEN_TWEE;AANT_INW\nBU03080000;Centrum;5;1250\n"
                    + "BU03080001;Schoonoordpark;6;2200\n")
                .getBytes(StandardCharsets.UTF_8),
            "year",
            "2031");
    assertThat(again.statusCode()).isEqualTo(200);
    assertThat(
            Http.JSON.readTree(again.body()).get("files").get(0).get("valuesWritten").longValue())
        .isZero();

    assertThat(admin.postJson("/api/imports/" + mixed + "/undo", "").statusCode()).isEqualTo(200);
    assertThat(valueOf("BU03080000", "inhabitants")).isEqualTo(1200);
    assertThat(importIdOf("cbs_eigen_twee")).isNull();
    assertThat(importIdOf("inhabitants")).isEqualTo(fresh);
  }

  @Test
  void boundaryImportsAndOtherPeoplesImportsAreNotUndone() {
    long boundaries =
        jdbc.sql("SELECT min(id) FROM import_run WHERE areas_written > 0")
            .query(Long.class)
            .single();
    HttpResponse<String> r = admin.postJson("/api/imports/" + boundaries + "/undo", "");
    assertThat(r.statusCode()).isEqualTo(409);
    assertThat(r.body()).contains("boundaries");
    long adminsImport =
        importFile(admin, "derde.csv", "BU_CODE;BU_NAAM;AANT_INW\nBU03080002;Transvaal;900\n");
    assertThat(
            new Http(port)
                .as("stef", "stef-password-1")
                .postJson("/api/imports/" + adminsImport + "/undo", "")
                .statusCode())
        .isEqualTo(403);
    assertThat(admin.postJson("/api/imports/999999/undo", "").statusCode()).isEqualTo(404);
  }
}
