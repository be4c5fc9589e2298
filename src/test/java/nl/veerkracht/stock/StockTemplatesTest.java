package nl.veerkracht.stock;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import nl.veerkracht.stock.read.StockColumns;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/**
 * The stock template says what the importer reads: every column of it is recognised by the
 * importer, the XLSX holds the header and an explanation of each column, and the README's table
 * lists the same columns with the same explanations.
 */
class StockTemplatesTest {

  @Test
  void everyTemplateColumnIsOneTheImporterReads() {
    for (StockTemplates.Column c : StockTemplates.UNITS) {
      assertThat(StockColumns.field(c.name())).as(c.name()).isPresent();
    }
    assertThat(StockColumns.field("VHE-nummer")).contains("unit_code");
  }

  @Test
  void theWorkbookHasTheHeaderAndAnExplanationOfEveryColumn() throws Exception {
    try (XSSFWorkbook wb =
        new XSSFWorkbook(
            new ByteArrayInputStream(StockTemplates.xlsx(Locale.forLanguageTag("nl"))))) {
      assertThat(wb.getSheetName(0)).isEqualTo("Eenheden");
      List<String> header = new ArrayList<>();
      wb.getSheetAt(0).getRow(0).forEach(c -> header.add(c.getStringCellValue()));
      assertThat(header)
          .containsExactlyElementsOf(
              StockTemplates.UNITS.stream().map(StockTemplates.Column::name).toList());
      assertThat(wb.getSheet("Uitleg").getLastRowNum()).isEqualTo(StockTemplates.UNITS.size());
      assertThat(wb.getSheet("Uitleg").getRow(1).getCell(2).getStringCellValue())
          .contains("verhuureenheid");
    }
    assertThat(new String(StockTemplates.csv(), java.nio.charset.StandardCharsets.UTF_8))
        .startsWith("VHE-nummer;Straat;Huisnummer;");
  }

  @Test
  void theReadmeListsTheSameColumns() throws Exception {
    String readme = Files.readString(Path.of("README.md"));
    String table =
        readme.substring(
            readme.indexOf("<!-- stock-template:start -->"),
            readme.indexOf("<!-- stock-template:end -->"));
    List<String> rows = table.lines().filter(l -> l.startsWith("| `")).toList();
    assertThat(rows).hasSameSizeAs(StockTemplates.UNITS);
    for (int i = 0; i < rows.size(); i++) {
      StockTemplates.Column c = StockTemplates.UNITS.get(i);
      assertThat(rows.get(i))
          .startsWith("| `" + c.name() + "` | " + (c.required() ? "ja" : "nee") + " | ")
          .contains(c.explanation().in(Locale.forLanguageTag("nl")));
    }
  }
}
