package nl.veerkracht.web;

import com.lowagie.text.Font;
import com.lowagie.text.FontFactory;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import java.awt.Color;

/** The look shared by Veerkracht's PDF exports: house colour, fonts, table cells. */
public final class PdfStyle {

  public static final Color INK = new Color(0x1b, 0x3a, 0x5c);
  public static final Font TITLE = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 18, INK);
  public static final Font H2 = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 12, INK);
  public static final Font BODY = FontFactory.getFont(FontFactory.HELVETICA, 9);
  public static final Font BOLD = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 9);
  public static final Font SMALL = FontFactory.getFont(FontFactory.HELVETICA, 7, Color.DARK_GRAY);

  private PdfStyle() {}

  /** The standard PDF fonts know WinAnsi only: arrows and maths signs are spelled out. */
  public static String safe(String s) {
    return s == null
        ? ""
        : s.replace("→", "->")
            .replace("≤", "<=")
            .replace("≥", ">=")
            .replace("−", "-")
            .replace("±", "+/-")
            .replace("×", "x")
            .replace("Σ", "som");
  }

  /** A message of the bundles in the reader's language, for PDF texts. */
  public static String t(java.util.Locale locale, String key, Object... namedArgs) {
    return nl.veerkracht.common.Text.msg(key, namedArgs).in(locale);
  }

  public static Paragraph paragraph(String text, Font font) {
    return new Paragraph(safe(text), font);
  }

  /** A header cell on the light house background. */
  public static void header(PdfPTable t, String text) {
    PdfPCell c = new PdfPCell(new Phrase(safe(text), BOLD));
    c.setBackgroundColor(new Color(0xe9, 0xee, 0xf3));
    t.addCell(c);
  }

  public static PdfPCell cell(String text, Font font) {
    PdfPCell c = new PdfPCell(new Phrase(safe(text), font));
    c.setPadding(3);
    return c;
  }
}
