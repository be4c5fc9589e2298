package nl.veerkracht.allocation;

import static nl.veerkracht.web.PdfStyle.t;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import nl.veerkracht.allocation.domain.Residence;
import nl.veerkracht.allocation.domain.Route;
import nl.veerkracht.common.Text;
import nl.veerkracht.web.Workbooks;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Two scenarios for a complex as a workbook: the vulnerable share per year with its band, the route
 * mix per year of each scenario, the parameters (shares, exit rates, calibration) and the
 * assumptions and warnings. Shares are numbers between 0 and 1.
 */
final class AllocationXlsx {

  private AllocationXlsx() {}

  static byte[] write(AllocationViews.Comparison c, Locale locale) {
    try (XSSFWorkbook wb = new XSSFWorkbook()) {
      String a = c.a().label().in(locale);
      String b = c.b().label().in(locale);
      Sheet compare = wb.createSheet(t(locale, "allocation.sheet.compare"));
      Workbooks.header(
          wb,
          compare,
          t(locale, "allocation.col.year"),
          a + ": " + t(locale, "allocation.col.expected"),
          a + ": P10",
          a + ": P90",
          b + ": " + t(locale, "allocation.col.expected"),
          b + ": P10",
          b + ": P90");
      for (int i = 0; i < c.a().years().size(); i++) {
        AllocationViews.YearRow ra = c.a().years().get(i);
        AllocationViews.YearRow rb = c.b().years().get(i);
        Workbooks.row(
            compare,
            i + 1,
            null,
            ra.year(),
            ra.expected(),
            ra.p10(),
            ra.p90(),
            rb.expected(),
            rb.p10(),
            rb.p90());
      }
      routes(wb, c.a(), "A", locale);
      routes(wb, c.b(), "B", locale);
      parameters(wb, c, locale);
      Sheet notes = wb.createSheet(t(locale, "allocation.sheet.notes"));
      Workbooks.header(wb, notes, t(locale, "allocation.sheet.notes"));
      int r = 1;
      for (AllocationViews.ScenarioResult s : List.of(c.a(), c.b())) {
        for (Text w : s.warnings()) {
          Workbooks.row(notes, r++, null, s.label().in(locale) + ": " + w.in(locale));
        }
      }
      for (Text x : c.assumptions()) {
        Workbooks.row(notes, r++, null, x.in(locale));
      }
      return Workbooks.bytes(wb, 8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void routes(
      XSSFWorkbook wb, AllocationViews.ScenarioResult s, String which, Locale locale) {
    Sheet sheet =
        wb.createSheet(
            t(locale, "allocation.sheet.routes") + " " + which + " " + s.id().replace('_', ' '));
    List<String> header = new ArrayList<>();
    header.add(t(locale, "allocation.col.year"));
    for (Route r : Route.values()) {
      header.add(t(locale, "allocation.route." + r.id()));
    }
    header.add(t(locale, "allocation.col.households"));
    Workbooks.header(wb, sheet, header.toArray(String[]::new));
    int i = 1;
    for (AllocationViews.YearRow y : s.years()) {
      List<Object> row = new ArrayList<>();
      row.add(y.year());
      for (Route r : Route.values()) {
        row.add(y.routes().get(r.id()));
      }
      row.add(y.households());
      Workbooks.row(sheet, i++, null, row.toArray());
    }
  }

  private static void parameters(XSSFWorkbook wb, AllocationViews.Comparison c, Locale locale) {
    Sheet p = wb.createSheet(t(locale, "allocation.sheet.parameters"));
    Workbooks.header(
        wb, p, t(locale, "allocation.col.parameter"), t(locale, "allocation.col.value"), "", "");
    int r = 1;
    Workbooks.row(
        p, r++, null, t(locale, "allocation.complex"), c.complex() + " " + c.complexName());
    Workbooks.row(
        p,
        r++,
        null,
        t(locale, "allocation.calibrated"),
        c.calibratedFrom() + "-" + c.calibratedTo());
    Workbooks.row(p, r++, null, t(locale, "allocation.households"), c.households());
    Workbooks.row(p, r++, null, t(locale, "allocation.lettings"), c.lettingsInWindow());
    Workbooks.row(p, r++, null, t(locale, "allocation.exits"), c.exitsInWindow());
    Workbooks.row(p, r++, null, t(locale, "allocation.atRisk"), c.householdYearsAtRisk());
    Workbooks.row(p, r++, null, t(locale, "allocation.turnover"), c.turnover());
    Workbooks.row(p, r++, null, t(locale, "allocation.threshold"), c.threshold());
    Workbooks.row(p, r++, null, t(locale, "allocation.cap"), c.cap());
    Workbooks.row(p, r++, null, t(locale, "allocation.runs"), c.runs());
    Workbooks.row(
        p, r++, null, t(locale, "allocation.vulnerable"), String.join(", ", c.vulnerable()));
    r++;
    Workbooks.row(
        p,
        r++,
        null,
        t(locale, "allocation.col.route"),
        c.a().label().in(locale),
        c.b().label().in(locale));
    for (Route route : Route.values()) {
      Workbooks.row(
          p,
          r++,
          null,
          t(locale, "allocation.route." + route.id()),
          c.a().shares().get(route.id()),
          c.b().shares().get(route.id()));
    }
    r++;
    List<Object> header = new ArrayList<>();
    header.add(t(locale, "allocation.exitRates"));
    for (String label : Residence.CLASS_LABELS) {
      header.add(label);
    }
    Workbooks.row(p, r++, null, header.toArray());
    for (Map.Entry<String, List<Double>> e : c.exitRates().entrySet()) {
      List<Object> row = new ArrayList<>();
      row.add(t(locale, "allocation.route." + e.getKey()));
      row.addAll(e.getValue());
      Workbooks.row(p, r++, null, row.toArray());
    }
  }
}
