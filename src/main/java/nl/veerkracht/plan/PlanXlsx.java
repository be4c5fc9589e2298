package nl.veerkracht.plan;

import static nl.veerkracht.web.PdfStyle.t;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.Locale;
import java.util.Map;
import nl.veerkracht.atelier.FigureCards;
import nl.veerkracht.web.Workbooks;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The beheerplan as a workbook: the plan (scope, version, texts), the measures with target, the
 * cost per measure per year (amounts as numbers), the MJOB lines taken up, the context figures and
 * the sources. Sheet {@code Maatregelen} keeps the measure id in column A so an edited copy can be
 * matched back to the measures.
 */
final class PlanXlsx {

  private PlanXlsx() {}

  static byte[] write(PlanService.Shown shown, Locale locale) {
    PlanContent c = shown.content();
    try (XSSFWorkbook wb = new XSSFWorkbook()) {
      CellStyle euro = Workbooks.euro(wb);
      Sheet plan = wb.createSheet(t(locale, "plan.sheet.plan"));
      Workbooks.header(wb, plan, t(locale, "plan.col.field"), t(locale, "plan.col.value"));
      int r = 1;
      Workbooks.row(
          plan,
          r++,
          null,
          t(locale, "plan.field.scope"),
          c.scopeName() + " (" + c.scopeCode() + ")");
      Workbooks.row(plan, r++, null, t(locale, "plan.field.corporation"), c.corporationName());
      Workbooks.row(
          plan, r++, null, t(locale, "plan.field.version"), PlanTexts.version(shown, locale));
      Workbooks.row(plan, r++, null, t(locale, "plan.field.units"), c.units());
      Workbooks.row(plan, r++, null, t(locale, "plan.field.summary"), c.summary());
      Workbooks.row(plan, r++, null, t(locale, "plan.partners"), String.join(", ", c.partners()));
      Workbooks.row(plan, r++, null, t(locale, "plan.agreements"), c.agreements());
      Workbooks.row(plan, r, euro, t(locale, "budget.total"), c.total());
      measures(wb, euro, c, locale);
      costs(wb, euro, c, locale);
      mjob(wb, euro, c, locale);
      Sheet context = wb.createSheet(t(locale, "plan.sheet.context"));
      Workbooks.header(
          wb,
          context,
          t(locale, "plan.col.figure"),
          t(locale, "plan.col.values"),
          t(locale, "plan.col.source"));
      r = 1;
      for (FigureCards.Card card : c.context()) {
        Workbooks.row(
            context,
            r++,
            null,
            card.title().in(locale),
            PlanTexts.values(card, locale),
            card.source());
      }
      Sheet sources = wb.createSheet(t(locale, "plan.sheet.sources"));
      Workbooks.header(wb, sources, t(locale, "plan.sources"));
      r = 1;
      for (String s : c.sources()) {
        Workbooks.row(sources, r++, null, s);
      }
      return Workbooks.bytes(wb, 14);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void measures(XSSFWorkbook wb, CellStyle euro, PlanContent c, Locale locale) {
    Sheet s = wb.createSheet(t(locale, "plan.sheet.measures"));
    Workbooks.header(
        wb,
        s,
        "id",
        t(locale, "measure.col.title"),
        t(locale, "measure.col.lever"),
        t(locale, "measure.col.status"),
        t(locale, "measure.col.start"),
        t(locale, "measure.col.end"),
        t(locale, "measure.col.owner"),
        t(locale, "measure.col.partners"),
        t(locale, "measure.col.package"),
        t(locale, "measure.col.streefhuur"),
        t(locale, "measure.col.targetIndicator"),
        t(locale, "measure.col.targetValue"),
        t(locale, "measure.col.targetYear"),
        t(locale, "measure.col.total"));
    int r = 1;
    for (PlanContent.Entry e : c.measures()) {
      Workbooks.row(
          s,
          r++,
          euro,
          e.id(),
          e.title(),
          e.lever(),
          e.status(),
          e.startYear(),
          e.endYear(),
          e.owner(),
          e.partners(),
          e.packageName(),
          e.streefhuurEuro(),
          e.target() == null ? null : e.target().indicator(),
          e.target() == null ? null : e.target().value(),
          e.target() == null ? null : e.target().year(),
          e.total());
    }
  }

  private static void costs(XSSFWorkbook wb, CellStyle euro, PlanContent c, Locale locale) {
    Sheet s = wb.createSheet(t(locale, "plan.sheet.costs"));
    Workbooks.header(
        wb,
        s,
        "id",
        t(locale, "measure.col.title"),
        t(locale, "budget.col.year"),
        t(locale, "budget.col.amount"));
    int r = 1;
    for (PlanContent.Entry e : c.measures()) {
      for (Map.Entry<Integer, BigDecimal> y : e.perYear().entrySet()) {
        Workbooks.row(s, r++, euro, e.id(), e.title(), y.getKey(), y.getValue());
      }
    }
  }

  private static void mjob(XSSFWorkbook wb, CellStyle euro, PlanContent c, Locale locale) {
    Sheet s = wb.createSheet("MJOB");
    Workbooks.header(
        wb,
        s,
        "id",
        t(locale, "measure.col.title"),
        t(locale, "stock.activity"),
        t(locale, "budget.col.year"),
        t(locale, "budget.col.movedTo"),
        t(locale, "budget.col.amount"));
    int r = 1;
    for (PlanContent.Entry e : c.measures()) {
      for (PlanContent.MjobEntry l : e.mjob()) {
        Workbooks.row(
            s, r++, euro, e.id(), e.title(), l.activity(), l.year(), l.movedTo(), l.costEuro());
      }
    }
  }
}
