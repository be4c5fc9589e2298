package nl.veerkracht.imports.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import nl.veerkracht.statistics.domain.ObservationStatus;
import nl.veerkracht.support.Demo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every bundled real file is recognised by the right reader and read without rejections; sample
 * values are compared with the files (looked up by hand in the CSV/JSON text).
 */
class RealFilesReaderTest {

  @TempDir Path tmp;

  private CollectingSink read(String name) throws IOException {
    return read(name, ReadContext.of(null));
  }

  private CollectingSink read(String name, ReadContext ctx) throws IOException {
    ImportFile file = unpacked(name);
    Sniff sniff = new Sniff(file);
    FormatReader reader =
        Readers.recognise(sniff, ShippedMappings.all())
            .orElseThrow(() -> new AssertionError("no reader recognises " + name));
    CollectingSink sink = new CollectingSink();
    reader.read(sniff, ctx, sink);
    assertThat(sink.rejections).as("rejections of " + name).isEmpty();
    return sink;
  }

  private ImportFile unpacked(String name) throws IOException {
    Path path = Demo.file(name);
    if (!name.endsWith(".gz")) {
      return new ImportFile(path.getFileName().toString(), path);
    }
    Path out = tmp.resolve(path.getFileName().toString().replace(".gz", ""));
    try (InputStream in = new GZIPInputStream(Files.newInputStream(path))) {
      Files.copy(in, out);
    }
    return new ImportFile(out.getFileName().toString(), out);
  }

  @Test
  void kwb2019RStyleCsvGivesAmsterdamAndItsBuurten() throws IOException {
    CollectingSink sink = read("cbs/kwb2019_amsterdam_gm_wk_bu.csv");
    assertThat(sink.rowsRead).isEqualTo(580);
    // row 2: "GM0363    ", Amsterdam, 862965 inhabitants, 42 % corporation homes
    assertThat(sink.number("GM0363", 2019, "inhabitants")).isEqualTo(862965);
    assertThat(sink.number("GM0363", 2019, "pct_corporation_rent")).isEqualTo(42);
    assertThat(sink.number("NL00", 2019, "inhabitants")).isEqualTo(17282163);
    // Kop Zeedijk: 7 % corporation homes; decimal comma "55,1" % lowest-40 % households
    assertThat(sink.number("BU03630000", 2019, "pct_corporation_rent")).isEqualTo(7);
    assertThat(sink.number("BU03630000", 2019, "pct_lowest40_households")).isEqualTo(55.1);
    // "NA" stays missing, never 0
    ValueRecord na = sink.value("BU03630100", 2019, "pct_corporation_rent").orElseThrow();
    assertThat(na.status()).isEqualTo(ObservationStatus.MISSING);
    assertThat(na.value()).isNull();
    assertThat(sink.area("BU03630000").orElseThrow().name()).isEqualTo("Kop Zeedijk");
    // unknown columns are kept under source names, not dropped
    assertThat(sink.indicators)
        .containsKey("cbs_bevolking_geboorte_en_sterfte_geboorte_totaal_aantal");
  }

  @Test
  void kwb2016WijkAttributesTakeTheYearFromTheFileName() throws IOException {
    CollectingSink sink = read("cbs/kwb2016_wijken_nl_demografie.csv");
    assertThat(sink.rowsRead).isEqualTo(2981);
    // WK000300,Wijk 00,GM0003,Appingedam,...,AANT_INW "12000"
    assertThat(sink.number("WK000300", 2016, "inhabitants")).isEqualTo(12000);
    assertThat(sink.number("WK000300", 2016, "avg_household_size")).isEqualTo(2.1);
    assertThat(sink.notes).anyMatch(n -> n.contains("Year 2016 taken from the file name"));
  }

  @Test
  void odataKeyedExtractReadsThroughItsShippedMapping() throws IOException {
    CollectingSink sink = read("cbs/kwb2024_85984NED_gm_wk_core.json");
    assertThat(sink.rowsRead).isEqualTo(3735);
    // "GM1680": {"AantalInwoners_5": 25845, "Woningvoorraad_35": 11500, ...}
    assertThat(sink.number("GM1680", 2024, "inhabitants")).isEqualTo(25845);
    assertThat(sink.number("GM1680", 2024, "dwellings")).isEqualTo(11500);
    assertThat(sink.number("WK168000", 2024, "area_land_ha")).isEqualTo(1465);
  }

  @Test
  void dataPropertiesDescribeTheTableOfItsMapYear() throws IOException {
    CollectingSink sink = read("cbs/kwb2024_85984NED_DataProperties.json");
    assertThat(sink.properties)
        .anyMatch(p -> p.key().equals("InBezitWoningcorporatie_49") && p.year() == 2024);
    // stems that occur twice (kWh and m³ per dwelling type) are told apart by their group
    assertThat(sink.indicators.values())
        .anyMatch(i -> i.labelNl().contains("Appartement") && i.id().contains("elektriciteit"));
  }

  @Test
  void tableInfosNameTheTable() throws IOException {
    CollectingSink sink = read("cbs/kwb2024_85984NED_TableInfos.json");
    assertThat(sink.tables)
        .singleElement()
        .satisfies(
            t -> {
              assertThat(t.identifier()).isEqualTo("85984NED");
              assertThat(t.title()).isEqualTo("Kerncijfers wijken en buurten 2024");
            });
  }

  @Test
  void utrechtTableReadsThroughItsMappingWithZeroDistancesAsUnknown() throws IOException {
    CollectingSink sink = read("cbs/prov_utrecht_buurten_2020_kwb_lbm_ses.csv");
    assertThat(sink.rowsRead).isEqualTo(969);
    // 0,BU03070100,Amersfoort,Hof,710,...,leefbarometer_score 4.22
    assertThat(sink.number("BU03070100", 2020, "inhabitants")).isEqualTo(710);
    assertThat(sink.number("BU03070100", 2020, "lbm_score")).isEqualTo(4.22);
    assertThat(sink.area("BU03070100").orElseThrow().name()).isEqualTo("Hof");
    assertThat(sink.values)
        .anyMatch(
            v ->
                v.status() == ObservationStatus.MISSING
                    && "0 in this file may mean unknown".equals(v.reason()));
  }

  @Test
  void baarnTimeSeriesGivesEveryYear() throws IOException {
    CollectingSink sink = read("cbs/baarn_buurten_timeseries_2016_2025.json");
    // gemeente.tijdreeksen.huishoudens_laag_inkomen: 2016 5.8 ... 2023 2.6
    assertThat(sink.number("GM0308", 2016, "pct_low_income_households")).isEqualTo(5.8);
    assertThat(sink.number("GM0308", 2023, "pct_low_income_households")).isEqualTo(2.6);
    // Centrum (BU03080000) bijstand 2024: 20.0
    assertThat(sink.number("BU03080000", 2024, "social_assistance_recipients")).isEqualTo(20);
    // "2025": null is missing, not 0
    assertThat(sink.value("GM0308", 2025, "social_assistance_recipients").orElseThrow().status())
        .isEqualTo(ObservationStatus.MISSING);
  }

  @Test
  void baarnPdokBuurtenHaveGeometryAndSentinelsAsMissing() throws IOException {
    CollectingSink sink = read("geo/baarn_buurten_2024_wgs84_pdok_full.geojson");
    assertThat(sink.areas).hasSize(21).allSatisfy(a -> assertThat(a.geometry()).isNotNull());
    AreaRecord centrum = sink.area("BU03080000").orElseThrow();
    assertThat(centrum.name()).isEqualTo("Centrum");
    assertThat(centrum.year()).isEqualTo(2024);
    assertThat(centrum.geometry().getEnvelopeInternal().getMinX()).isBetween(5.2, 5.4);
    assertThat(sink.number("BU03080000", 2024, "inhabitants")).isEqualTo(1825);
    // 175 of the 223 fields are -99995 in this edition: missing with the reason
    ValueRecord corp = sink.value("BU03080000", 2024, "pct_corporation_rent").orElseThrow();
    assertThat(corp.status()).isEqualTo(ObservationStatus.MISSING);
    assertThat(corp.reason()).contains("-99995");
  }

  @Test
  void nationalWijkenRepairOnlySimplificationSlivers() throws IOException {
    CollectingSink sink = read("geo/wijken_2024_wgs84_kwb.geojson.gz");
    assertThat(sink.areas).hasSize(3475);
    assertThat(sink.notes).anyMatch(n -> n.contains("WK016699: repaired"));
    assertThat(sink.notes)
        .allMatch(n -> !n.contains("repaired") || n.contains("the area changed by 0.0"));
  }

  @Test
  void gemeenten2022CarryTheCorporationShare() throws IOException {
    CollectingSink sink = read("geo/gemeenten_2022_wgs84_kwb.geojson.gz");
    assertThat(sink.areas).hasSize(346);
    // GM0088 Schiermonnikoog: pct_huurcorporatie 24, aantal_inwoners 944
    assertThat(sink.number("GM0088", 2022, "pct_corporation_rent")).isEqualTo(24);
    assertThat(sink.number("GM0088", 2022, "inhabitants")).isEqualTo(944);
  }

  @Test
  void legacyTopoJsonIsDecodedFromItsQuantizedArcs() throws IOException {
    CollectingSink sink = read("geo/legacy_2014_2015/gemeente_2015_wgs84_q1e3.topojson.gz");
    assertThat(sink.areas).hasSize(393);
    AreaRecord first = sink.areas.get(0);
    assertThat(first.year()).isEqualTo(2015);
    assertThat(sink.areas.stream().filter(a -> a.geometry() != null).count()).isGreaterThan(380);
    sink.areas.stream()
        .filter(a -> a.geometry() != null)
        .forEach(
            a -> {
              var env = a.geometry().getEnvelopeInternal();
              assertThat(env.getMinX()).isBetween(3.3, 7.3);
              assertThat(env.getMinY()).isBetween(50.7, 53.6);
            });
  }

  @Test
  void leefbaarometer2ClassesAndScores() throws IOException {
    CollectingSink classes = read("leefbaarometer/lbm2_wijk_klassen_2002_2016.csv");
    // WK036300,9,9,9,9,9,7,... : Burgwallen-Oude Zijde class 9 in 2016, class of change 02-08 is 7
    assertThat(classes.number("WK036300", 2016, "lbm2_class")).isEqualTo(9);
    assertThat(classes.number("WK000300", 2002, "lbm2_class")).isEqualTo(6);
    assertThat(classes.number("WK036300", 2008, "lbm2_class_change_since_2002")).isEqualTo(7);
    assertThat(classes.values).allMatch(v -> v.divisionYear() == 2016);
    CollectingSink scores = read("leefbaarometer/lbm2_wijk_dimensiescores_2012_2016.csv");
    assertThat(scores.number("WK036300", 2016, "lbm2_vei"))
        .isCloseTo(-0.494798552099889, within(1e-12));
    CollectingSink change = read("leefbaarometer/lbm2_wijk_ontwikkeling_2012_2016.csv");
    assertThat(change.number("WK000300", 2014, "lbm2_change_total_since_2012"))
        .isCloseTo(-0.0059557217476085, within(1e-12));
  }
}
