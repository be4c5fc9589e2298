package nl.veerkracht.agreement;

import static nl.veerkracht.web.PdfStyle.BODY;
import static nl.veerkracht.web.PdfStyle.SMALL;
import static nl.veerkracht.web.PdfStyle.TITLE;
import static nl.veerkracht.web.PdfStyle.paragraph;
import static nl.veerkracht.web.PdfStyle.t;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.PageSize;
import com.lowagie.text.pdf.PdfWriter;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import nl.veerkracht.common.Text;
import nl.veerkracht.monitor.TargetMonitor;
import nl.veerkracht.monitor.TargetRows;
import nl.veerkracht.web.TitledTables;

/**
 * The yearly evaluation of an agreement as PDF and XLSX, for the three parties: what was agreed,
 * what was done (measures, budget and spending) and where the figures went (the targets). Both are
 * made from the same {@link #tables}, so they say the same.
 */
final class AgreementFiles {

  private AgreementFiles() {}

  static List<TitledTables.Table> tables(AgreementService.Evaluation e, Locale locale) {
    List<TitledTables.Table> out = new ArrayList<>();
    out.add(agreedTable(e, locale));
    out.add(doneTable(e, locale));
    out.add(figuresTable(e, locale));
    return out;
  }

  /** What was agreed: title, gemeente, period, parties, areas, status and text. */
  private static TitledTables.Table agreedTable(AgreementService.Evaluation e, Locale locale) {
    Agreement g = e.assessed().agreement();
    List<List<Object>> agreed = new ArrayList<>();
    agreed.add(List.of(t(locale, "agreement.col.title"), g.title()));
    agreed.add(List.of(t(locale, "agreement.col.gemeente"), g.gemeenteLabel()));
    agreed.add(List.of(t(locale, "agreement.col.period"), g.startYear() + "-" + g.endYear()));
    agreed.add(List.of(t(locale, "agreement.col.parties"), parties(g, locale)));
    agreed.add(
        List.of(
            t(locale, "agreement.col.covers"),
            String.join(", ", g.scopes().stream().map(Agreement.Scope::label).toList())));
    agreed.add(List.of(t(locale, "agreement.col.status"), status(e.assessed(), locale)));
    agreed.add(List.of(t(locale, "agreement.col.text"), g.body()));
    return new TitledTables.Table(
        t(locale, "agreement.agreed"),
        List.of(t(locale, "agreement.col.what"), t(locale, "agreement.col.value")),
        agreed);
  }

  /** What was done: each measure's budget and spending, with totals. */
  private static TitledTables.Table doneTable(AgreementService.Evaluation e, Locale locale) {
    List<List<Object>> done = new ArrayList<>();
    for (AgreementService.MeasureLine m : e.measures()) {
      done.add(
          List.of(
              m.title(),
              m.scope(),
              t(locale, "measure.lever." + m.lever()),
              t(locale, "measure.status." + m.status()),
              m.startYear() + "-" + m.endYear(),
              m.budgetTotal(),
              m.spentUpToYear(),
              m.spentTotal()));
    }
    if (!e.measures().isEmpty()) {
      done.add(
          List.of(
              t(locale, "agreement.total"),
              "",
              "",
              "",
              "",
              e.budgetTotal(),
              e.spentUpToYear(),
              e.measures().stream()
                  .map(AgreementService.MeasureLine::spentTotal)
                  .reduce(BigDecimal.ZERO, BigDecimal::add)));
    }
    return new TitledTables.Table(
        t(locale, "agreement.done"),
        List.of(
            t(locale, "measure.col.title"),
            t(locale, "measure.col.scope"),
            t(locale, "measure.col.lever"),
            t(locale, "measure.col.status"),
            t(locale, "measure.col.years"),
            t(locale, "measure.col.total"),
            t(locale, "agreement.spentUpTo", "year", e.year()),
            t(locale, "measure.spent")),
        done);
  }

  /** Where the figures went: each target's baseline, newest figure and status. */
  private static TitledTables.Table figuresTable(AgreementService.Evaluation e, Locale locale) {
    List<List<Object>> figures = new ArrayList<>();
    for (TargetMonitor.TargetView v : e.assessed().targets()) {
      figures.add(TargetRows.cells(v, v.areaName() + " (" + v.area() + ")", locale));
    }
    return new TitledTables.Table(
        t(locale, "agreement.figures"), TargetRows.header(locale), figures);
  }

  static String parties(Agreement g, Locale locale) {
    List<String> names = new ArrayList<>();
    names.add(g.corporationName());
    g.parties()
        .forEach(
            p -> names.add(p.name() + " (" + t(locale, "organisation.kind." + p.kind()) + ")"));
    return String.join(", ", names);
  }

  static String status(AgreementService.Assessed a, Locale locale) {
    var o = a.outcome();
    return t(locale, "agreement.status." + o.status().name())
        + " — "
        + t(
            locale,
            "agreement.status.counts",
            "on",
            o.onTrack(),
            "off",
            o.offTrack(),
            "none",
            o.notMeasurable());
  }

  private static String num(double v, Locale locale) {
    return Text.grouped(v, 2).in(locale);
  }

  static byte[] pdf(AgreementService.Evaluation e, Locale locale) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Document doc = new Document(PageSize.A4.rotate(), 36, 36, 36, 36);
    try {
      PdfWriter.getInstance(doc, out);
      doc.open();
      Agreement g = e.assessed().agreement();
      doc.add(
          paragraph(
              t(locale, "agreement.evaluation.title", "title", g.title(), "year", e.year()),
              TITLE));
      doc.add(
          paragraph(
              t(locale, "agreement.evaluation.made", "date", e.made().toString())
                  + " · "
                  + parties(g, locale),
              BODY));
      TitledTables.addTo(doc, tables(e, locale), locale, t(locale, "agreement.none"));
      doc.add(paragraph(t(locale, "agreement.rule"), SMALL));
      doc.close();
    } catch (DocumentException ex) {
      throw new IllegalStateException(ex);
    }
    return out.toByteArray();
  }

  static byte[] xlsx(AgreementService.Evaluation e, Locale locale) {
    return TitledTables.xlsx(tables(e, locale));
  }
}
