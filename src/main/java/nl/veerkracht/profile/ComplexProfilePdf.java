package nl.veerkracht.profile;

import static nl.veerkracht.web.PdfStyle.BODY;
import static nl.veerkracht.web.PdfStyle.H2;
import static nl.veerkracht.web.PdfStyle.SMALL;
import static nl.veerkracht.web.PdfStyle.TITLE;
import static nl.veerkracht.web.PdfStyle.cell;

import com.lowagie.text.Document;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Locale;
import nl.veerkracht.common.Text;
import nl.veerkracht.web.Page;
import nl.veerkracht.web.PdfStyle;

/**
 * The complex profile as a printable PDF: the same figures, explanations and sources as the page,
 * already filtered for the view's audience.
 */
final class ComplexProfilePdf {

  private final ProfileView v;
  private final ComplexProfile p;
  private final Locale locale;
  private final Document doc = new Document(PageSize.A4, 40, 40, 40, 40);

  private ComplexProfilePdf(ProfileView v, Locale locale) {
    this.v = v;
    this.p = v.profile();
    this.locale = locale;
  }

  static byte[] render(ProfileView v, Locale locale, LocalDate today) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ComplexProfilePdf pdf = new ComplexProfilePdf(v, locale);
    PdfWriter.getInstance(pdf.doc, out);
    pdf.doc.open();
    pdf.title(today);
    pdf.story();
    pdf.figures();
    pdf.maintenance();
    pdf.rents();
    pdf.turnover();
    pdf.add(pdf.p.note().in(locale), SMALL);
    pdf.add(pdf.t("cpdf.sources", "corporation", pdf.p.corporation()), SMALL);
    pdf.doc.close();
    return out.toByteArray();
  }

  private void title(LocalDate today) {
    add(t("cpdf.title", "name", p.complex().name()), TITLE);
    add(
        t(
            "cpdf.subtitle",
            "type",
            p.complex().type(),
            "code",
            p.complex().code(),
            "corporation",
            p.corporation(),
            "units",
            p.complex().units() == null ? t("cpdf.fewer") : p.complex().units(),
            "date",
            today,
            "audience",
            t(v.resident() ? "cpdf.audience.resident" : "cpdf.audience.staff")),
        SMALL);
  }

  private void story() {
    if (v.story().isEmpty()) {
      return;
    }
    add(t("story.title"), H2);
    for (var sentence : v.story()) {
      add(sentence.in(locale), BODY);
    }
  }

  private void figures() {
    add(t("cpdf.figures"), H2);
    PdfPTable table = new PdfPTable(new float[] {4, 2, 1, 6});
    table.setWidthPercentage(100);
    table.setHeaderRows(1);
    for (String key :
        new String[] {"cpdf.col.figure", "cpdf.col.value", "cpdf.col.year", "cpdf.col.how"}) {
      PdfStyle.header(table, t(key));
    }
    for (ProfileView.Row r : v.rows()) {
      if (r.year() == null) {
        continue;
      }
      table.addCell(cell(r.label(), BODY));
      table.addCell(cell(r.value(), BODY));
      table.addCell(cell(r.year() == null ? "" : r.year().toString(), BODY));
      String compare =
          r.gemeente() == null
              ? ""
              : " " + t("cpdf.compare", "gemeente", r.gemeente(), "nl", r.nl(), "peers", r.peers());
      table.addCell(cell(r.explanation() + compare + " " + t("cpdf.source"), SMALL));
    }
    doc.add(table);
    java.util.List<String> unknown =
        v.rows().stream().filter(r -> r.year() == null).map(ProfileView.Row::label).toList();
    if (!unknown.isEmpty()) {
      String heading =
          v.resident() ? t("cprofile.missing.plain") : t("cprofile.missing", "0", unknown.size());
      add(heading + ": " + String.join(", ", unknown), SMALL);
    }
  }

  private void maintenance() {
    add(t("cpdf.mjob"), H2);
    for (ComplexProfile.PlanYear y : p.maintenance().years()) {
      String activities =
          String.join(
              ", ", y.activities().stream().map(ComplexProfile.Activity::activity).toList());
      add(
          y.year() + ": " + activities + (y.total() == null ? "" : " (" + euro(y.total(), 0) + ")"),
          BODY);
    }
  }

  private void rents() {
    ComplexProfile.Rents r = p.rents();
    add(t("cpdf.rents"), H2);
    String mean = r.mean() == null ? "" : t("cpdf.rents.mean", "amount", euro(r.mean(), 2));
    add(
        t("cpdf.rents.withRent", "n", show(r.unitsWithRent()))
            + mean
            + t("cpdf.rents.above", "n", show(r.aboveDaeb()), "low", show(r.upToLowAftopping()))
            + " "
            + r.explanation().in(locale),
        BODY);
    for (ComplexProfile.LimitView l : r.limits()) {
      // the limit's name in words: "1-2" and "3+" would read as counts of households
      String name = t("cpdf.limit." + l.kind() + "." + l.household().replace("+", "plus"));
      add(
          "• "
              + name
              + " "
              + euro(l.amount(), 2)
              + " ("
              + t("cpdf.limit.source", "year", l.validYear())
              + ")",
          SMALL);
    }
  }

  private void turnover() {
    add(t("cpdf.turnover"), H2);
    for (ComplexProfile.TurnoverYear y : p.turnover()) {
      String rate = y.ratePct() == null ? "" : " (" + Page.format(y.ratePct(), 1, locale) + " %)";
      add(t("cpdf.turnover.year", "year", y.year(), "n", show(y.moveOuts())) + rate, BODY);
    }
    for (ComplexProfile.AllocationYearView a : p.allocations()) {
      add(
          t(
              "cpdf.allocations.year",
              "year",
              a.year(),
              "n",
              show(a.total()),
              "low",
              pct(a.lowIncomePct()),
              "urgent",
              pct(a.urgentPct())),
          BODY);
    }
    if (!p.signals().isEmpty()) {
      add(t("cpdf.signals"), H2);
      for (ComplexProfile.SignalView s : p.signals()) {
        add(
            s.year()
                + " "
                + s.type()
                + ": "
                + show(s.count())
                + (s.per100() == null
                    ? ""
                    : " ("
                        + Page.format(s.per100(), 1, locale)
                        + " "
                        + t("cprofile.signals.per100").toLowerCase(locale)
                        + (s.over() ? ", " + t("cprofile.signals.over") : "")
                        + ")"),
            BODY);
      }
    }
  }

  private String pct(Double v) {
    return v == null ? "–" : Page.format(v, 1, locale) + " %";
  }

  private String show(Integer n) {
    return n == null ? t("cpdf.suppressed") : n.toString();
  }

  private String euro(BigDecimal amount, int decimals) {
    return Text.euro(amount.doubleValue(), decimals).in(locale);
  }

  private String t(String key, Object... args) {
    return PdfStyle.t(locale, key, args);
  }

  private void add(String text, Font font) {
    doc.add(PdfStyle.paragraph(text, font));
  }
}
