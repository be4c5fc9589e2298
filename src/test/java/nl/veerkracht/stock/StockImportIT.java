package nl.veerkracht.stock;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import nl.veerkracht.cli.CommandLine;
import nl.veerkracht.corporation.CorporationRepository;
import nl.veerkracht.support.DatabaseFingerprint;
import nl.veerkracht.support.Demo;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.proj4j.BasicCoordinateTransform;
import org.locationtech.proj4j.CRSFactory;
import org.locationtech.proj4j.ProjCoordinate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * Must shows 1 and 2 of the own-stock issue: units from CSV, Excel and VERA JSON import through the
 * {@code import} command and land in the right Baarn buurten (real 2024 boundaries); RD New and
 * WGS84 coordinates of the same spot give the same buurt; bad rows reject the file with line
 * numbers and nothing is written.
 */
@SpringBootTest(properties = "veerkracht.db.embedded-database=it_stock")
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StockImportIT {

  // A point in buurt Centrum (BU03080000) and one in Oud-Baarn (BU03080001), WGS84
  static final double[] CENTRUM = {5.2858, 52.2125};

  @Autowired CommandLine commandLine;
  @Autowired JdbcClient jdbc;
  @Autowired CorporationRepository corporations;
  @TempDir Path tmp;

  @BeforeAll
  void baarnBoundariesAndACorporation() {
    assertThat(
            cli("import", Demo.file("geo/baarn_buurten_2024_wgs84_pdok_full.geojson").toString())
                .exit)
        .isZero();
    if (corporations.findByCode("WBA").isEmpty()) {
      corporations.create("WBA", "Woonstichting Baarn (test)", false);
    }
  }

  record Run(int exit, String text) {}

  Run cli(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int exit =
        commandLine.run(
            List.of(args),
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(out, true, StandardCharsets.UTF_8));
    return new Run(exit, out.toString(StandardCharsets.UTF_8));
  }

  String buurtOf(String unitCode, int year) {
    return jdbc.sql(
            """
            SELECT a.buurt_code FROM stock_unit_area a JOIN stock_unit u ON u.id = a.unit_id
             JOIN corporation c ON c.id = u.corporation_id WHERE c.code = 'WBA' AND u.unit_code = ? AND a.year = ?""")
        .params(unitCode, year)
        .query(String.class)
        .optional()
        .orElse(null);
  }

  static double[] rd(double lon, double lat) {
    CRSFactory f = new CRSFactory();
    BasicCoordinateTransform t =
        new BasicCoordinateTransform(f.createFromName("EPSG:4326"), f.createFromName("EPSG:28992"));
    ProjCoordinate out = new ProjCoordinate();
    t.transform(new ProjCoordinate(lon, lat), out);
    return new double[] {out.x, out.y};
  }

  @Test
  void csvUnitsLandInTheirBuurtWhetherGivenInRdOrWgs84() throws IOException {
    double[] xy = rd(CENTRUM[0], CENTRUM[1]);
    Path wgs = tmp.resolve("vhe_wgs84.csv");
    Files.writeString(
        wgs,
        """
        VHE-nummer;Straat;Huisnummer;Postcode;Plaats;Latitude;Longitude;Bouwjaar;Huurprijs;Complexnummer;Cluster FIN
        A-1;Brinkstraat;1;3743 AB;Baarn;%s;%s;1962;€ 612,40;C1;F1
        """
            .formatted(CENTRUM[1], CENTRUM[0]),
        StandardCharsets.UTF_8);
    Path rdFile = tmp.resolve("vhe_rd.csv");
    Files.writeString(
        rdFile,
        "VHE-nummer;Straat;Huisnummer;Postcode;Plaats;X;Y;Bouwjaar;Huurprijs;Complexnummer\n"
            + String.format(
                java.util.Locale.ROOT,
                "A-2;Brinkstraat;2;3743AB;Baarn;%.2f;%.2f;1962;612,40;C1\n",
                xy[0],
                xy[1]),
        StandardCharsets.UTF_8);
    Run run = cli("import", "--corporation", "WBA", wgs.toString(), rdFile.toString());
    assertThat(run.exit).as(run.text).isZero();
    assertThat(buurtOf("A-1", 2024)).isEqualTo("BU03080000");
    assertThat(buurtOf("A-2", 2024)).isEqualTo("BU03080000");
    assertThat(
            jdbc.sql("SELECT rent FROM stock_unit WHERE unit_code = 'A-1'")
                .query(java.math.BigDecimal.class)
                .single())
        .isEqualByComparingTo("612.40");
    // unit A-1 is in a FIN and an OND (complex) cluster at once
    assertThat(
            jdbc.sql(
                    "SELECT string_agg(c.type, ',' ORDER BY c.type) FROM stock_unit_cluster uc"
                        + " JOIN stock_cluster c ON c.id = uc.cluster_id JOIN stock_unit u ON u.id = uc.unit_id WHERE u.unit_code = 'A-1'")
                .query(String.class)
                .single())
        .isEqualTo("FIN,OND");
  }

  @Test
  void excelUnitsImport() throws IOException {
    Path xlsx = tmp.resolve("voorraad.xlsx");
    try (XSSFWorkbook wb = new XSSFWorkbook();
        OutputStream out = Files.newOutputStream(xlsx)) {
      Sheet sheet = wb.createSheet("Eenheden");
      String[] header = {
        "VHE nummer",
        "Postcode",
        "Huisnummer",
        "Latitude",
        "Longitude",
        "Bouwjaar",
        "Rekenhuur",
        "Complexnummer"
      };
      Row h = sheet.createRow(0);
      for (int i = 0; i < header.length; i++) {
        h.createCell(i).setCellValue(header[i]);
      }
      Row r = sheet.createRow(1);
      r.createCell(0).setCellValue("X-1");
      r.createCell(1).setCellValue("3743AB");
      r.createCell(2).setCellValue(5);
      r.createCell(3).setCellValue(CENTRUM[1]);
      r.createCell(4).setCellValue(CENTRUM[0]);
      r.createCell(5).setCellValue(1975);
      r.createCell(6).setCellValue(701.15);
      r.createCell(7).setCellValue("C9");
      wb.write(out);
    }
    Run run = cli("import", "--corporation", "WBA", xlsx.toString());
    assertThat(run.exit).as(run.text).isZero();
    assertThat(run.text).contains("stock-units");
    assertThat(buurtOf("X-1", 2024)).isEqualTo("BU03080000");
  }

  @Test
  void veraJsonUnitsImport() throws IOException {
    Path json = tmp.resolve("eenheden.json");
    Files.writeString(
        json,
        """
        {"eenheden": [
          {"id": "e-77", "code": "V-77", "bouwjaar": 1988,
           "soort": {"code": "WOO", "naam": "Woonruimte"}, "detailSoort": {"code": "EGW", "naam": "Eengezinswoning"},
           "adres": {"straatnaam": "Eemweg", "huisnummer": "12", "huisnummerToevoeging": "A", "postcode": "3741 CC",
                     "woonplaats": {"naam": "Baarn"}},
           "adresseerbaarObjectBasisregistratie": {"bagIdentificatie": "0308010000012345"},
           "panden": [{"geometrie": {"punt": {"breedtegraad": %s, "lengtegraad": %s}}}],
           "energieprestaties": [{"label": {"code": "B", "naam": "B"}}],
           "streefhuur": 780.5, "rekenhuur": 745.0,
           "clusters": [{"code": "C1", "naam": "Brinkstraat", "soort": {"code": "OND"}},
                        {"code": "M1", "naam": "Verhuur centrum", "soort": {"code": "MAR"}}]}
        ]}"""
            .formatted(CENTRUM[1], CENTRUM[0]));
    Run run = cli("import", "--corporation", "WBA", json.toString());
    assertThat(run.exit).as(run.text).isZero();
    assertThat(run.text).contains("vera-json");
    assertThat(buurtOf("V-77", 2024)).isEqualTo("BU03080000");
    assertThat(
            jdbc.sql(
                    "SELECT kind || '/' || energy_label || '/' || bag_id FROM stock_unit WHERE unit_code = 'V-77'")
                .query(String.class)
                .single())
        .isEqualTo("Eengezinswoning/B/0308010000012345");
  }

  @Test
  void badRowsRejectTheFileWithLineNumbersAndWriteNothing() throws IOException {
    Path bad = tmp.resolve("vhe_fout.csv");
    Files.writeString(
        bad,
        """
        VHE-nummer;Postcode;Latitude;Longitude;Huurprijs;Complexnummer;Cluster XYZ
        B-1;3743AB;52.2125;5.2858;650;C1;Z1
        B-2;3743AB;48.8566;2.3522;650;C1;Z1
        B-1;3743AB;52.2125;5.2858;650;C1;Z1
        B-3;3743AB;52.2125;5.2858;zeshonderd;C1;Z1
        """);
    Map<String, String> before = DatabaseFingerprint.of(jdbc);
    Run run = cli("import", "--corporation", "WBA", bad.toString());
    assertThat(run.exit).isEqualTo(1);
    assertThat(run.text)
        .contains("vhe_fout.csv, line 1, column Cluster XYZ: unknown cluster type 'XYZ'")
        .contains(
            "vhe_fout.csv, line 3, column Longitude: coordinates 2.3522, 48.8566 lie outside the Netherlands")
        .contains("vhe_fout.csv, line 4: unit B-1 appears twice (first on line 2)")
        .contains("vhe_fout.csv, line 5, column Huurprijs: 'zeshonderd' is not an amount in euro")
        .contains("nothing was written");
    assertThat(DatabaseFingerprint.of(jdbc)).isEqualTo(before);
  }

  @Test
  void stockWithoutACorporationIsRefused() throws IOException {
    Path file = tmp.resolve("vhe.csv");
    Files.writeString(file, "VHE-nummer;Postcode;Huurprijs\nQ-1;3743AB;600\n");
    Run run = cli("import", file.toString());
    assertThat(run.exit).isEqualTo(1);
    assertThat(run.text).contains("corporation's own data");
  }

  @Test
  void importingTheSameUnitsTwiceChangesNothing() throws IOException {
    Path file = tmp.resolve("vhe_twice.csv");
    Files.writeString(
        file,
        "VHE-nummer;Postcode;Latitude;Longitude;Huurprijs;Complexnummer\nT-1;3743AB;52.2125;5.2858;600;C7\n");
    assertThat(cli("import", "--corporation", "WBA", file.toString()).exit).isZero();
    Map<String, String> before = DatabaseFingerprint.of(jdbc);
    Run again = cli("import", "--corporation", "WBA", file.toString());
    assertThat(again.exit).isZero();
    assertThat(again.text).contains("nothing new");
    assertThat(DatabaseFingerprint.of(jdbc)).isEqualTo(before);
  }

  @Test
  void planAllocationsAndSignalsReferToKnownUnitsAndClusters() throws IOException {
    Path units = tmp.resolve("vhe_p.csv");
    Files.writeString(
        units,
        "VHE-nummer;Postcode;Latitude;Longitude;Huurprijs;Complexnummer\nP-1;3743AB;52.2125;5.2858;600;CP\n");
    assertThat(cli("import", "--corporation", "WBA", units.toString()).exit).isZero();
    Path mjob = tmp.resolve("mjob.csv");
    Files.writeString(
        mjob,
        "Complexnummer;Jaar;Activiteit;Kosten\nCP;2027;Schilderwerk;€ 12.500,00\nONBEKEND;2027;Dak;100\n");
    Run rejected = cli("import", "--corporation", "WBA", mjob.toString());
    assertThat(rejected.exit).isEqualTo(1);
    assertThat(rejected.text).contains("mjob.csv, line 3: cluster OND ONBEKEND is not known");
    Files.writeString(
        mjob, "Complexnummer;Jaar;Activiteit;Kosten\nCP;2027;Schilderwerk;€ 12.500,00\n");
    assertThat(cli("import", "--corporation", "WBA", mjob.toString()).exit).isZero();
    Path allocations = tmp.resolve("toewijzingen.csv");
    Files.writeString(
        allocations,
        "VHE-nummer;Toewijzingsdatum;Huishoudtype;Aantal personen;Inkomensklasse;Urgentie;Aanvangshuur\n"
            + "P-1;1-3-2025;alleenstaand;1;passend;nee;600,00\n");
    assertThat(cli("import", "--corporation", "WBA", allocations.toString()).exit).isZero();
    // a route code that is no code (over 50 characters) rejects the file and writes nothing
    Path longCode = tmp.resolve("toewijzingen_lang.csv");
    Files.writeString(
        longCode,
        "VHE-nummer;Toewijzingsdatum;Inkomensklasse;Voorrang;Aanvullende doelgroep\n"
            + "P-1;1-4-2025;passend;STA;\n"
            + "P-1;1-5-2025;passend;;"
            + "x".repeat(51)
            + "\n");
    Map<String, String> before = DatabaseFingerprint.of(jdbc);
    Run tooLong = cli("import", "--corporation", "WBA", longCode.toString());
    assertThat(tooLong.exit).isEqualTo(1);
    assertThat(tooLong.text)
        .contains("toewijzingen_lang.csv, line 3")
        .contains("is longer than 50 characters")
        .contains("nothing was written");
    assertThat(DatabaseFingerprint.of(jdbc)).isEqualTo(before);
    assertThat(
            jdbc.sql(
                    "SELECT income_class FROM allocation a JOIN stock_unit u ON u.id = a.unit_id WHERE u.unit_code = 'P-1'")
                .query(String.class)
                .single())
        .isEqualTo("below_limit");
  }
}
