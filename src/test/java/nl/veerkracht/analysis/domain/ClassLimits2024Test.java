package nl.veerkracht.analysis.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import nl.veerkracht.support.Demo;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

/**
 * The default class limits against the published classes of the whole 2024 edition: deriving the
 * class from {@code afw} (and the dimension classes from the dimension scores) gives the class the
 * Leefbaarometer publishes, for every one of the 12,147 scored buurten.
 */
class ClassLimits2024Test {

  record Row(String code, double afw, int kscore, double[] dims, int[] dimClasses) {}

  static List<Row> rows() throws IOException {
    List<Row> rows = new ArrayList<>();
    try (BufferedReader r =
        new BufferedReader(
            new InputStreamReader(
                new GZIPInputStream(
                    Files.newInputStream(Demo.file("leefbaarometer/lbm3_2024_buurt_nl.csv.gz"))),
                StandardCharsets.UTF_8))) {
      for (CSVRecord c :
          CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(r)) {
        double[] dims = new double[5];
        int[] classes = new int[5];
        int k = 0;
        for (String d : AnalysisEngine.LBM_DIMENSIONS) {
          dims[k] = Double.parseDouble(c.get(d));
          classes[k++] = Integer.parseInt(c.get("k" + d));
        }
        rows.add(
            new Row(
                c.get("bu_code"),
                Double.parseDouble(c.get("afw")),
                Integer.parseInt(c.get("kscore")),
                dims,
                classes));
      }
    }
    return rows;
  }

  @Test
  void theTotalLimitsReproduceEveryPublishedClass() throws IOException {
    List<Row> rows = rows();
    assertThat(rows).hasSize(12_147);
    List<String> wrong = new ArrayList<>();
    for (Row row : rows) {
      if (Bands.lbmClass(row.afw(), AnalysisSettings.DEFAULT_LBM_LIMITS) != row.kscore()) {
        wrong.add(row.code());
      }
    }
    assertThat(wrong).isEmpty();
  }

  @Test
  void theDimensionLimitsReproduceThePublishedClassesButForBoundaryRounding() throws IOException {
    List<Double> limits = AnalysisSettings.defaults().dimensionClassLimits();
    int[] wrong = new int[5];
    for (Row row : rows()) {
      for (int d = 0; d < 5; d++) {
        if (Bands.lbmClass(row.dims()[d], limits) != row.dimClasses()[d]) {
          wrong[d]++;
        }
      }
    }
    // the symmetric limits ±0.0392, ±0.0784, ±0.1568, ±0.2352 (docs/product.md) reproduce all but
    // four of the 5 × 12,147 published dimension classes; those four lie within 1e-5 of a limit
    assertThat(wrong[0] + wrong[1] + wrong[2] + wrong[3] + wrong[4]).isLessThanOrEqualTo(4);
  }
}
