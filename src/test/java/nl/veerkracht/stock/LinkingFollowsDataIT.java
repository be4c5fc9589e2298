package nl.veerkracht.stock;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import nl.veerkracht.cli.CommandLine;
import nl.veerkracht.corporation.CorporationRepository;
import nl.veerkracht.support.Demo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * Must show 2 of "Measure, hardened": a new corporation loads its stock before any boundaries (the
 * normal order), then the buurten of Baarn; the units are linked to their buurten by the boundary
 * import itself, and its report counts them per corporation.
 */
@SpringBootTest(properties = "veerkracht.db.embedded-database=it_linking")
@ActiveProfiles("test")
class LinkingFollowsDataIT {

  @Autowired CommandLine commandLine;
  @Autowired CorporationRepository corporations;
  @Autowired JdbcClient jdbc;
  @TempDir Path tmp;

  String run(int expectedExit, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PrintStream p = new PrintStream(out, true, StandardCharsets.UTF_8);
    int exit = commandLine.run(List.of(args), p, p);
    String text = out.toString(StandardCharsets.UTF_8);
    assertThat(exit).as(text).isEqualTo(expectedExit);
    return text;
  }

  @Test
  void stockFirstThenBoundariesLinksTheUnits() throws Exception {
    corporations.create("LATE", "Corporatie zonder kaart (test)", false);
    Path units = tmp.resolve("vhe.csv");
    // two units in buurt Centrum of Baarn (BU03080000), one in BU03080100, one at sea
    Files.writeString(
        units,
        """
        VHE-nummer;Straat;Huisnummer;Postcode;Latitude;Longitude;Complexnummer;Complexnaam
        L-1;Brinkstraat;1;3743AB;52.2125;5.2858;K1;Brink
        L-2;Brinkstraat;3;3743AB;52.2126;5.2859;K1;Brink
        L-3;Eemweg;2;3742BC;52.2200;5.2722;K2;Eemweg
        L-4;Noordzee;1;1000AA;52.6000;4.2000;K2;Eemweg
        """);
    String stock = run(0, "import", "--corporation", "LATE", units.toString());
    assertThat(buurten("K1")).isEmpty();
    String boundaries =
        run(0, "import", Demo.file("geo/baarn_buurten_2024_wgs84_pdok_full.geojson").toString());
    assertThat(buurten("K1")).containsExactly("BU03080000");
    assertThat(buurten("K2")).containsExactly("BU03080100");
    assertThat(boundaries).contains("LATE: 3 units placed in a buurt of 2024");
    assertThat(boundaries).contains("LATE: 1 unit lies outside every buurt boundary of 2024: L-4");
    assertThat(stock)
        .doesNotContain("placed in a buurt")
        .contains("4 units in 2 complexes; no buurt boundaries yet");
  }

  List<String> buurten(String complex) {
    return jdbc.sql(
            """
            SELECT DISTINCT a.buurt_code FROM stock_unit_area a
              JOIN stock_unit_cluster uc ON uc.unit_id = a.unit_id
              JOIN stock_cluster c ON c.id = uc.cluster_id
              JOIN corporation k ON k.id = c.corporation_id
             WHERE k.code = 'LATE' AND c.code = ? AND a.buurt_code IS NOT NULL ORDER BY 1""")
        .param(complex)
        .query(String.class)
        .list();
  }
}
