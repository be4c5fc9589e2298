package nl.veerkracht.profile;

import static nl.veerkracht.web.PdfStyle.BODY;
import static nl.veerkracht.web.PdfStyle.H2;
import static nl.veerkracht.web.PdfStyle.SMALL;
import static nl.veerkracht.web.PdfStyle.TITLE;
import static nl.veerkracht.web.PdfStyle.cell;

import com.lowagie.text.Document;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import java.io.ByteArrayOutputStream;
import java.time.LocalDate;
import java.util.Locale;
import nl.veerkracht.web.PdfStyle;

/**
 * The complex profile as a printable PDF: the same figures, explanations and sources as the page.
 */
final class ComplexProfilePdf {

  private ComplexProfilePdf() {}

  static byte[] render(ProfilePageController.View v, Locale locale) {
    boolean en = "en".equals(locale.getLanguage());
    ProfileService.ComplexProfile p = v.profile();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Document doc = new Document(PageSize.A4, 40, 40, 40, 40);
    PdfWriter.getInstance(doc, out);
    doc.open();
    doc.add(p((en ? "Complex profile " : "Complexprofiel ") + p.complex().name(), TITLE));
    doc.add(
        p(
            p.complex().type()
                + " "
                + p.complex().code()
                + " · "
                + p.corporation()
                + " · "
                + (p.complex().units() == null ? "<10" : p.complex().units())
                + (en ? " units · made " : " eenheden · gemaakt ")
                + LocalDate.now()
                + (v.resident()
                    ? (en
                        ? " · resident view (small numbers suppressed)"
                        : " · bewonersweergave (kleine aantallen weggelaten)")
                    : (en
                        ? " · staff view, not for residents"
                        : " · medewerkersweergave, niet voor bewoners")),
            SMALL));
    doc.add(
        p(
            en
                ? "Figures of its buurten, weighted by units"
                : "Cijfers van de buurten, gewogen naar eenheden",
            H2));
    PdfPTable t = new PdfPTable(new float[] {4, 2, 1, 6});
    t.setWidthPercentage(100);
    t.setHeaderRows(1);
    head(t, en ? "Figure" : "Cijfer");
    head(t, en ? "Value" : "Waarde");
    head(t, en ? "Year" : "Jaar");
    head(t, en ? "How, and source" : "Hoe berekend, en bron");
    for (ProfilePageController.Row r : v.rows()) {
      t.addCell(cell(r.label(), BODY));
      t.addCell(cell(r.value(), BODY));
      t.addCell(cell(r.year() == null ? "" : r.year().toString(), BODY));
      String compare =
          r.gemeente() == null
              ? ""
              : " Gemeente "
                  + r.gemeente()
                  + (en ? ", Netherlands " : ", Nederland ")
                  + r.nl()
                  + (en ? ", similar buurten " : ", vergelijkbare buurten ")
                  + r.peers()
                  + ".";
      t.addCell(
          cell(
              r.explanation()
                  + compare
                  + (en
                      ? " Source: CBS, Leefbaarometer; Veerkracht."
                      : " Bron: CBS, Leefbaarometer; Veerkracht."),
              SMALL));
    }
    doc.add(t);
    doc.add(
        p(
            en
                ? "Maintenance plan (MJOB), next five years"
                : "Onderhoudsplan (MJOB), komende vijf jaar",
            H2));
    for (ProfileService.PlanYear y : p.maintenance().years()) {
      doc.add(
          p(
              y.year()
                  + ": "
                  + String.join(
                      ", ", y.activities().stream().map(ProfileService.Activity::activity).toList())
                  + (y.total() == null ? "" : " (€ " + Page2.euro(y.total(), locale) + ")"),
              BODY));
    }
    ProfileService.Rents r = p.rents();
    doc.add(p(en ? "Rents" : "Huren", H2));
    doc.add(
        p(
            (en ? "Units with a rent: " : "Eenheden met huur: ")
                + show(r.unitsWithRent(), en)
                + (r.mean() == null
                    ? ""
                    : (en ? "; mean € " : "; gemiddeld € ") + Page2.euro(r.mean(), locale))
                + (en ? "; above the DAEB limit: " : "; boven de DAEB-grens: ")
                + show(r.aboveDaeb(), en)
                + (en ? "; up to the lower aftopping limit: " : "; tot de lage aftoppingsgrens: ")
                + show(r.upToLowAftopping(), en)
                + ". "
                + r.explanation(),
            BODY));
    for (ProfileService.LimitView l : r.limits()) {
      doc.add(
          p(
              "• "
                  + l.kind()
                  + " "
                  + l.household()
                  + " € "
                  + l.amount().toPlainString()
                  + " ("
                  + l.source()
                  + ")",
              SMALL));
    }
    doc.add(p(en ? "Turnover and allocations" : "Mutaties en toewijzingen", H2));
    for (ProfileService.TurnoverYear y : p.turnover()) {
      doc.add(
          p(
              y.year()
                  + (en ? ": move-outs " : ": vertrokken ")
                  + show(y.moveOuts(), en)
                  + (y.ratePct() == null ? "" : " (" + y.ratePct() + " %)"),
              BODY));
    }
    for (ProfileService.AllocationYearView a : p.allocations()) {
      doc.add(
          p(
              a.year()
                  + (en ? ": allocations " : ": toewijzingen ")
                  + show(a.total(), en)
                  + (en ? ", low income " : ", lage inkomens ")
                  + (a.lowIncomePct() == null ? "–" : a.lowIncomePct() + " %")
                  + (en ? ", urgent " : ", urgent ")
                  + (a.urgentPct() == null ? "–" : a.urgentPct() + " %"),
              BODY));
    }
    if (!p.signals().isEmpty()) {
      doc.add(p(en ? "Own signals" : "Eigen signalen", H2));
      for (ProfileService.SignalView s : p.signals()) {
        doc.add(p(s.year() + " " + s.type() + ": " + show(s.count(), en), BODY));
      }
    }
    doc.add(p(p.note(), SMALL));
    doc.add(
        p(
            (en ? "Sources: " : "Bronnen: ")
                + "CBS Kerncijfers wijken en buurten; Leefbaarometer (BZK); "
                + p.corporation()
                + (en ? " own data" : " eigen gegevens")
                + "; Rijksoverheid (huurgrenzen).",
            SMALL));
    doc.close();
    return out.toByteArray();
  }

  private static String show(Integer n, boolean en) {
    return n == null
        ? (en ? "fewer than 10 (suppressed)" : "minder dan 10 (weggelaten)")
        : n.toString();
  }

  private static Paragraph p(String text, Font font) {
    return PdfStyle.paragraph(text, font);
  }

  private static void head(PdfPTable t, String text) {
    PdfStyle.header(t, text);
  }

  /** Money in the reader's notation. */
  static final class Page2 {
    private Page2() {}

    static String euro(java.math.BigDecimal v, Locale locale) {
      return nl.veerkracht.web.Page.format(v.doubleValue(), 0, locale);
    }
  }
}
