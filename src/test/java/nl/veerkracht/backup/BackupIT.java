package nl.veerkracht.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import javax.sql.DataSource;
import nl.veerkracht.VeerkrachtProperties;
import nl.veerkracht.cli.CommandLine;
import nl.veerkracht.database.DatabaseConfiguration;
import nl.veerkracht.database.EmbeddedPostgresServer;
import nl.veerkracht.support.Cli;
import nl.veerkracht.support.Demo;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * Must show 4 of the trust issue: a backup of demo data restored into an empty database has the
 * same row count and checksum in every table; a restore into a database that holds data, or of
 * another schema version, is refused and changes nothing; a corporation's backup holds no other
 * corporation's rows.
 */
@SpringBootTest(properties = "veerkracht.db.embedded-database=it_backup")
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BackupIT {

  @Autowired Backups backups;
  @Autowired CommandLine commandLine;
  @Autowired JdbcClient jdbc;
  @Autowired VeerkrachtProperties properties;
  @TempDir Path tmp;

  void cli(String... args) {
    Cli.run(commandLine, args);
  }

  @BeforeAll
  void demoDataAndTwoCorporations() throws Exception {
    for (String f :
        List.of(
            "geo/baarn_buurten_2024_wgs84_pdok_full.geojson",
            "cbs/baarn_buurten_timeseries_2016_2025.json")) {
      cli("import", Demo.file(f).toString());
    }
    for (String code : List.of("EEN", "TWEE")) {
      if (jdbc.sql("SELECT count(*) FROM corporation WHERE code = ?")
              .param(code)
              .query(Long.class)
              .single()
          == 0) {
        jdbc.sql("INSERT INTO corporation (code, name) VALUES (?, ?)")
            .params(code, code + " Wonen")
            .update();
      }
      Path units = Files.createTempFile("units", ".csv");
      StringBuilder csv =
          new StringBuilder("VHE-nummer;Straat;Huisnummer;Postcode;Latitude;Longitude\n");
      for (int i = 1; i <= 3; i++) {
        csv.append(code)
            .append("-VHE-")
            .append(i)
            .append(";")
            .append(code)
            .append("straat;")
            .append(i);
        csv.append(";3743AB;52.2125;5.2870\n");
      }
      Files.writeString(units, csv.toString());
      cli("import", "--corporation", code, units.toString());
    }
  }

  DataSource emptyDatabase(String name) {
    EmbeddedPostgresServer server = DatabaseConfiguration.embedded(properties).orElseThrow();
    DataSource ds = server.database(name);
    Flyway.configure().dataSource(ds).cleanDisabled(false).load().clean();
    Flyway.configure().dataSource(ds).load().migrate();
    return ds;
  }

  @Test
  void aRestoredBackupHasTheSameRowsAndChecksumsInEveryTable() throws Exception {
    Path file = tmp.resolve("veerkracht.zip");
    Backups.Manifest made = backups.backup(file, null);
    assertThat(made.tables())
        .extracting(Backups.TableSum::name)
        .contains("corporation", "observation", "stock_unit");
    assertThat(made.tables().stream().mapToLong(Backups.TableSum::rows).sum()).isGreaterThan(1000);

    DataSource target = emptyDatabase("it_backup_restored");
    new Backups(target).restore(file);
    Backups.Manifest again = new Backups(target).backup(tmp.resolve("again.zip"), null);
    assertThat(again.schemaVersion()).isEqualTo(made.schemaVersion());
    assertThat(again.tables()).isEqualTo(made.tables());

    // a database that holds data is refused, and keeps what it held
    assertThatThrownBy(() -> new Backups(target).restore(file))
        .isInstanceOf(Backups.BackupException.class)
        .hasMessageContaining("not empty");
    assertThat(new Backups(target).backup(tmp.resolve("third.zip"), null).tables())
        .isEqualTo(made.tables());
  }

  @Test
  void aBackupOfAnotherSchemaVersionOrNoBackupAtAllIsRefused() throws Exception {
    Path other = tmp.resolve("other.zip");
    try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(other))) {
      zip.putNextEntry(new ZipEntry("manifest.json"));
      zip.write(
          ("{\"format\":\"" + Backups.FORMAT + "\",\"schemaVersion\":\"1\",\"tables\":[]}")
              .getBytes(StandardCharsets.UTF_8));
      zip.closeEntry();
    }
    DataSource target = emptyDatabase("it_backup_refused");
    assertThatThrownBy(() -> new Backups(target).restore(other))
        .isInstanceOf(Backups.BackupException.class)
        .hasMessageContaining("schema version 1");
    Path junk = tmp.resolve("junk.zip");
    Files.writeString(junk, "not a zip");
    assertThatThrownBy(() -> new Backups(target).restore(junk))
        .isInstanceOf(Backups.BackupException.class)
        .hasMessageContaining("not a Veerkracht backup");
  }

  @Test
  void aCorporationsBackupHoldsNoOtherCorporationsRows() throws Exception {
    // finding 12 of the second trust review: other staff's account creation and sign-ins (rows of
    // no corporation) came along in a corporation's backup
    jdbc.sql(
            "INSERT INTO audit_event (actor, action, target, corporation_id) VALUES"
                + " ('admin', 'user.create', 'twee-medewerker', NULL),"
                + " ('twee-medewerker', 'login.success', NULL, NULL),"
                + " ('twee-medewerker', 'import', 'TWEE-bestand', (SELECT id FROM corporation"
                + " WHERE code = 'TWEE')),"
                + " ('een-medewerker', 'import', 'EEN-bestand', (SELECT id FROM corporation"
                + " WHERE code = 'EEN'))")
        .update();
    Path file = tmp.resolve("een.zip");
    Backups.Manifest m = backups.backup(file, "EEN");
    assertThat(m.corporation()).isEqualTo("EEN");
    StringBuilder all = new StringBuilder();
    try (ZipFile zip = new ZipFile(file.toFile())) {
      for (ZipEntry e : java.util.Collections.list(zip.entries())) {
        all.append(new String(zip.getInputStream(e).readAllBytes(), StandardCharsets.UTF_8));
      }
      String corporations =
          new String(
              zip.getInputStream(zip.getEntry("data/corporation.tsv")).readAllBytes(),
              StandardCharsets.UTF_8);
      assertThat(corporations.lines()).hasSize(1);
      assertThat(corporations).contains("EEN");
      String audit =
          new String(
              zip.getInputStream(zip.getEntry("data/audit_event.tsv")).readAllBytes(),
              StandardCharsets.UTF_8);
      assertThat(audit).contains("EEN-bestand").doesNotContain("twee-medewerker");
    }
    assertThat(all).contains("EEN-VHE-1").doesNotContain("TWEE");
    // the public data comes along, and the backup restores on its own
    assertThat(
            m.tables().stream()
                .filter(t -> t.name().equals("area"))
                .findFirst()
                .orElseThrow()
                .rows())
        .isGreaterThan(0);
    DataSource target = emptyDatabase("it_backup_een");
    new Backups(target).restore(file);
    assertThat(
            JdbcClient.create(target)
                .sql("SELECT count(*) FROM stock_unit")
                .query(Long.class)
                .single())
        .isEqualTo(3);
  }
}
