package nl.veerkracht.stock;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import nl.veerkracht.common.Text;
import nl.veerkracht.web.Workbooks;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The templates of the stock file (one row per unit): the columns Veerkracht reads under the names
 * Dutch ERP exports use, each explained. The same list is the template's header, its "Uitleg"
 * sheet, the page under Gegevens laden and the README's table.
 */
public final class StockTemplates {

  /**
   * One column of the units file.
   *
   * @param name the column's name in the template (other usual names are recognised too)
   * @param required whether a row without it is refused
   */
  public record Column(String name, boolean required, String key) {

    public Text explanation() {
      return Text.msg("template.units." + key);
    }
  }

  public static final List<Column> UNITS =
      List.of(
          new Column("VHE-nummer", true, "unit"),
          new Column("Straat", false, "street"),
          new Column("Huisnummer", false, "number"),
          new Column("Huisletter", false, "letter"),
          new Column("Toevoeging", false, "addition"),
          new Column("Postcode", false, "postcode"),
          new Column("Plaats", false, "city"),
          new Column("Latitude", false, "lat"),
          new Column("Longitude", false, "lon"),
          new Column("Buurtcode", false, "buurt"),
          new Column("Complexnummer", false, "complex"),
          new Column("Complexnaam", false, "complexName"),
          new Column("Bouwjaar", false, "buildYear"),
          new Column("Woningtype", false, "kind"),
          new Column("Energielabel", false, "label"),
          new Column("Huurprijs", false, "rent"),
          new Column("Streefhuur", false, "targetRent"),
          new Column("WWS-punten", false, "points"),
          new Column("Doelgroep", false, "targetGroup"));

  private StockTemplates() {}

  /** The CSV template: the header row, separated by semicolons as Dutch Excel writes it. */
  public static byte[] csv() {
    return (String.join(";", UNITS.stream().map(Column::name).toList()) + "\r\n")
        .getBytes(StandardCharsets.UTF_8);
  }

  /** The XLSX template: sheet "Eenheden" with the header, sheet "Uitleg" with every column. */
  public static byte[] xlsx(Locale locale) {
    try (XSSFWorkbook wb = new XSSFWorkbook()) {
      Sheet units = wb.createSheet(Text.msg("template.sheet.units").in(locale));
      Workbooks.header(wb, units, UNITS.stream().map(Column::name).toArray(String[]::new));
      Sheet help = wb.createSheet(Text.msg("template.sheet.help").in(locale));
      Workbooks.header(
          wb,
          help,
          Text.msg("template.col.column").in(locale),
          Text.msg("template.col.required").in(locale),
          Text.msg("template.col.meaning").in(locale));
      int r = 1;
      for (Column c : UNITS) {
        Workbooks.row(
            help,
            r++,
            null,
            c.name(),
            Text.msg(c.required() ? "template.yes" : "template.no").in(locale),
            c.explanation().in(locale));
      }
      byte[] out = Workbooks.bytes(wb, UNITS.size());
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
