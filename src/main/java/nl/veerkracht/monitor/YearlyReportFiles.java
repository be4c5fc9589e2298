package nl.veerkracht.monitor;

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
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import nl.veerkracht.web.TitledTables;

/**
 * The yearly report as PDF and as XLSX: the same rows, made once by {@link #tables} so the two say
 * the same.
 */
final class YearlyReportFiles {

  private YearlyReportFiles() {}

  static List<TitledTables.Table> tables(YearlyReport.Report r, Locale locale) {
    List<TitledTables.Table> out = new ArrayList<>();
    out.add(buurtTable(r, locale));
    out.add(measureTable(r, locale));
    out.add(targetTable(r, locale));
    out.add(changeTable(r, locale));
    out.add(signalTable(r, locale));
    out.add(sourceTable(r, locale));
    return out;
  }

  /** The buurten with each figure now and at the previous measurement. */
  private static TitledTables.Table buurtTable(YearlyReport.Report r, Locale locale) {
    List<List<Object>> buurten = new ArrayList<>();
    for (YearlyReport.Buurt b : r.buurten()) {
      List<Object> row = new ArrayList<>(List.of(b.name() + " (" + b.code() + ")"));
      for (String f : YearlyReport.FIGURES) {
        YearlyReport.Now n = b.figures().get(f);
        row.add(
            n.value() == null
                ? t(locale, "targets.noData")
                : n.value().in(locale) + " (" + n.year() + ")");
        row.add(
            n.previous() == null
                ? t(locale, "targets.noData")
                : n.previous().in(locale) + " (" + n.previousYear() + ")");
      }
      buurten.add(row);
    }
    return new TitledTables.Table(t(locale, "yearly.buurten"), buurtHeader(locale), buurten);
  }

  /** The measures with budget and spending in the year and in total. */
  private static TitledTables.Table measureTable(YearlyReport.Report r, Locale locale) {
    List<List<Object>> measures = new ArrayList<>();
    for (YearlyReport.MeasureLine m : r.measures()) {
      measures.add(
          List.of(
              m.title(),
              m.scope(),
              t(locale, "measure.lever." + m.lever()),
              t(locale, "measure.status." + m.status()),
              m.startYear() + "-" + m.endYear(),
              m.budgetInYear(),
              m.spentInYear(),
              m.budgetTotal(),
              m.spentTotal()));
    }
    return new TitledTables.Table(
        t(locale, "yearly.measures", "year", r.year()),
        List.of(
            t(locale, "measure.col.title"),
            t(locale, "measure.col.scope"),
            t(locale, "measure.col.lever"),
            t(locale, "measure.col.status"),
            t(locale, "measure.col.years"),
            t(locale, "yearly.budgetYear", "year", r.year()),
            t(locale, "yearly.spentYear", "year", r.year()),
            t(locale, "measure.col.total"),
            t(locale, "measure.spent")),
        measures);
  }

  /** The targets with baseline, newest figure and the comparison with peers. */
  private static TitledTables.Table targetTable(YearlyReport.Report r, Locale locale) {
    List<List<Object>> targets = new ArrayList<>();
    for (TargetMonitor.TargetView v : r.targets()) {
      var d = v.comparison();
      List<Object> row = TargetRows.cells(v, v.areaName(), locale);
      row.add(
          d.missing() == null
              ? num(d.difference(), locale) + " (" + d.peers() + ")"
              : t(locale, "targets.missing." + d.missing().name()));
      targets.add(row);
    }
    List<String> header = TargetRows.header(locale);
    header.add(t(locale, "yearly.comparison"));
    return new TitledTables.Table(t(locale, "targets.title"), header, targets);
  }

  /** What changed in the buurten. */
  private static TitledTables.Table changeTable(YearlyReport.Report r, Locale locale) {
    List<List<Object>> changes = new ArrayList<>();
    for (Changes.Change c : r.changes()) {
      changes.add(
          List.of(
              c.detectedAt().toLocalDate().toString(),
              c.name(),
              c.what().in(locale),
              c.fromWithYear().in(locale),
              c.toWithYear().in(locale)));
    }
    return new TitledTables.Table(
        t(locale, "changes.title"),
        List.of(
            t(locale, "yearly.detected"),
            t(locale, "targets.col.area"),
            t(locale, "targets.col.indicator"),
            t(locale, "yearly.from"),
            t(locale, "yearly.to")),
        changes);
  }

  /** The complexes' own signals against their thresholds. */
  private static TitledTables.Table signalTable(YearlyReport.Report r, Locale locale) {
    List<List<Object>> own = new ArrayList<>();
    for (SignalWatch.Current c : r.signals()) {
      own.add(
          List.of(
              c.complexLabel(),
              SignalThresholds.TURNOVER.equals(c.type())
                  ? t(locale, "changes.signal.turnover")
                  : t(locale, "changes.signal", "type", c.type()),
              String.valueOf(c.year()),
              c.count(),
              num(c.per100(), locale),
              num(c.threshold(), locale),
              t(locale, c.over() ? "changes.signal.over" : "changes.signal.under")));
    }
    return new TitledTables.Table(
        t(locale, "yearly.signals"),
        List.of(
            t(locale, "yearly.col.complex"),
            t(locale, "targets.col.indicator"),
            t(locale, "yearly.col.year"),
            t(locale, "yearly.col.count"),
            t(locale, "yearly.col.per100"),
            t(locale, "yearly.col.threshold"),
            t(locale, "measure.col.status")),
        own);
  }

  /** The sources of the figures. */
  private static TitledTables.Table sourceTable(YearlyReport.Report r, Locale locale) {
    List<List<Object>> sources = new ArrayList<>();
    r.sources().forEach(s -> sources.add(List.of(nl.veerkracht.web.Page.credit(s, locale))));
    if (!r.measures().isEmpty()) {
      sources.add(List.of(t(locale, "yearly.source.measures", "corporation", r.corporationName())));
    }
    return new TitledTables.Table(
        t(locale, "plan.sources"), List.of(t(locale, "plan.sources")), sources);
  }

  private static List<String> buurtHeader(Locale locale) {
    List<String> out = new ArrayList<>(List.of(t(locale, "targets.col.area")));
    for (String f : YearlyReport.FIGURES) {
      out.add(t(locale, YearlyReport.heading(f)));
      out.add(t(locale, "yearly.yearBefore"));
    }
    return out;
  }

  private static String num(double v, Locale locale) {
    return nl.veerkracht.common.Text.grouped(v, 2).in(locale);
  }

  static byte[] pdf(YearlyReport.Report r, Locale locale) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Document doc = new Document(PageSize.A4.rotate(), 36, 36, 36, 36);
    try {
      PdfWriter.getInstance(doc, out);
      doc.open();
      doc.add(
          paragraph(
              t(locale, "yearly.title", "name", r.corporationName(), "year", r.year()), TITLE));
      doc.add(paragraph(t(locale, "yearly.made", "date", r.made().toString()), BODY));
      TitledTables.addTo(doc, tables(r, locale), locale, "-");
      doc.add(paragraph(t(locale, "yearly.note"), SMALL));
      doc.close();
    } catch (DocumentException e) {
      throw new IllegalStateException(e);
    }
    return out.toByteArray();
  }

  static byte[] xlsx(YearlyReport.Report r, Locale locale) {
    return TitledTables.xlsx(tables(r, locale));
  }
}
