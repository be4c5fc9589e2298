package nl.veerkracht.imports.read;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import nl.veerkracht.statistics.domain.ObservationStatus;
import nl.veerkracht.support.Demo;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The readers against the published families, not one file each: a table of layouts × levels
 * (gemeente, wijk, buurt) × editions. Every row is a real file, recognised without a mapping, and a
 * value read back equal to the file (looked up by hand in its text). Files under {@code fixtures/}
 * are real extracts kept for tests only; see {@code src/test/resources/fixtures/SOURCES.md}.
 */
class FormatFamilyTest {

  @TempDir Path tmp;

  @ParameterizedTest(name = "{0} → {1}: {2} {3} {4} = {5}")
  @CsvSource(
      delimiter = '|',
      nullValues = "null",
      value = {
        // CBS StatLine CSV of a regional table other than the Kerncijfers (85163NED, SES-WOA 2019)
        "fixtures/cbs/ses_woa_85163NED_amsterdam_2019_head.csv|cbs-statline-csv|GM0363|2019|cbs_particuliere_huishoudens|457400",
        // issue 28, finding 7: the SES-WOA total score feeds ses_score
        "fixtures/cbs/ses_woa_85163NED_amsterdam_2019_head.csv|cbs-statline-csv|WK036300|2019|ses_score|-0.022",
        "fixtures/cbs/ses_woa_85163NED_amsterdam_2019_head.csv|cbs-statline-csv|BU03630000|2019|cbs_opleidingsniveau_laag_waarde|12.4",
        "fixtures/cbs/ses_woa_85163NED_amsterdam_2019_head.csv|cbs-statline-csv|BU03630100|2019|ses_score|null",
        // CBS Kerncijfers, R-style CSV of StatLine (84583NED), all three levels
        "demo:cbs/kwb2019_amsterdam_gm_wk_bu.csv|cbs-kwb-csv|GM0363|2019|inhabitants|862965",
        "demo:cbs/kwb2019_amsterdam_gm_wk_bu.csv|cbs-kwb-csv|BU03630000|2019|pct_corporation_rent|7",
        // Leefbaarometer 2.0 classes at gemeente and wijk level (the same table family)
        "fixtures/lbm2_gemeente_klassen_2002_2016_head.csv|lbm2|GM0005|2016|lbm2_class|8",
        "fixtures/lbm2_gemeente_klassen_2002_2016_head.csv|lbm2|GM0088|2002|lbm2_class|4",
        "fixtures/lbm2_gemeente_klassen_2002_2016_head.csv|lbm2|GM0009|2014|lbm2_class_change_since_2002|6",
        "demo:leefbaarometer/lbm2_wijk_klassen_2002_2016.csv|lbm2|WK036300|2016|lbm2_class|9",
        // Leefbaarometer 2.0 dimension scores and development at wijk level
        "demo:leefbaarometer/lbm2_wijk_dimensiescores_2012_2016.csv|lbm2|WK000300|2016|lbm2_score_dev|-0.100403039082048",
        // Leefbaarometer 3.x edition 2024, the WFS table of every scored buurt: published classes
        "demo:leefbaarometer/lbm3_2024_buurt_nl.csv.gz|lbm3-csv|BU03080000|2024|lbm_class|7",
        "demo:leefbaarometer/lbm3_2024_buurt_nl.csv.gz|lbm3-csv|BU03080000|2024|lbm_afw|0.0731559",
        "demo:leefbaarometer/lbm3_2024_buurt_nl.csv.gz|lbm3-csv|BU03080000|2024|lbm_vrz_class|7",
        "demo:leefbaarometer/lbm3_2024_buurt_nl.csv.gz|lbm3-csv|BU00140000|2024|lbm_onv|-0.113587",
        "demo:leefbaarometer/lbm3_2024_buurt_nl.csv.gz|lbm3-csv|BU00140000|2024|lbm_onv_class|3",
        "demo:leefbaarometer/lbm3_2024_buurt_nl.csv.gz|lbm3-csv|BU00140000|2024|lbm_kafw|8",
      })
  void readsTheFamilyWithoutAMapping(
      String file, String kind, String code, int year, String indicator, Double value)
      throws IOException {
    ImportFile f = file(file);
    Sniff sniff = new Sniff(f);
    FormatReader reader =
        Readers.recognise(sniff, ShippedMappings.all())
            .orElseThrow(() -> new AssertionError("no reader recognises " + file));
    assertThat(reader.kind()).isEqualTo(kind);
    CollectingSink sink = new CollectingSink();
    reader.read(sniff, ReadContext.of(null), sink);
    assertThat(sink.rejections).as("rejections of " + file).isEmpty();
    ValueRecord v =
        sink.value(code, year, indicator)
            .orElseThrow(
                () -> new AssertionError(code + " " + year + " " + indicator + " not read"));
    if (value == null) {
      assertThat(v.status()).isNotEqualTo(ObservationStatus.OK);
      assertThat(v.value()).isNull();
    } else {
      assertThat(v.value()).isEqualTo(value);
    }
  }

  @ParameterizedTest(name = "{0}: unit {1}, label {2}")
  @CsvSource(
      delimiter = '|',
      value = {
        "cbs_particuliere_huishoudens|aantal|Particuliere huishoudens",
        "cbs_opleidingsniveau_laag_waarde|%|Opleidingsniveau / Laag / Waarde",
      })
  void statLineTitlesGiveLabelAndUnit(String id, String unit, String label) throws IOException {
    ImportFile f = file("fixtures/cbs/ses_woa_85163NED_amsterdam_2019_head.csv");
    CollectingSink sink = new CollectingSink();
    new StatLineCsvReader().read(new Sniff(f), ReadContext.of(null), sink);
    assertThat(sink.indicators.get(id).unit()).isEqualTo(unit);
    assertThat(sink.indicators.get(id).labelNl()).isEqualTo(label);
  }

  private ImportFile file(String name) throws IOException {
    Path path =
        name.startsWith("demo:")
            ? Demo.file(name.substring("demo:".length()))
            : Path.of("src", "test", "resources").resolve(name).toAbsolutePath();
    if (!name.endsWith(".gz")) {
      return new ImportFile(path.getFileName().toString(), path);
    }
    Path out = tmp.resolve(path.getFileName().toString().replace(".gz", ""));
    try (InputStream in = new GZIPInputStream(Files.newInputStream(path))) {
      Files.copy(in, out);
    }
    return new ImportFile(out.getFileName().toString(), out);
  }
}
