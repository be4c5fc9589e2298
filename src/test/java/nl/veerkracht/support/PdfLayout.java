package nl.veerkracht.support;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.contentstream.operator.Operator;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSNumber;
import org.apache.pdfbox.pdfparser.PDFStreamParser;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.graphics.PDXObject;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;

/** A PDF read back for its layout: where each glyph stands, each page's text, drawing colours. */
public final class PdfLayout {

  /** One glyph's box on a page (top-left origin, points). */
  public record Glyph(int page, String text, float x0, float y0, float x1, float y1, float size) {}

  public final List<Glyph> glyphs = new ArrayList<>();
  public final List<String> pages = new ArrayList<>();
  public final List<float[]> strokeColours = new ArrayList<>();

  public PdfLayout(byte[] bytes) throws IOException {
    try (PDDocument doc = Loader.loadPDF(bytes)) {
      for (int p = 1; p <= doc.getNumberOfPages(); p++) {
        int page = p;
        PDFTextStripper stripper =
            new PDFTextStripper() {
              @Override
              protected void processTextPosition(TextPosition t) {
                if (!t.getUnicode().isBlank()) {
                  glyphs.add(
                      new Glyph(
                          page,
                          t.getUnicode(),
                          t.getXDirAdj(),
                          t.getYDirAdj() - t.getHeightDir(),
                          t.getXDirAdj() + t.getWidthDirAdj(),
                          t.getYDirAdj(),
                          t.getFontSizeInPt()));
                }
                super.processTextPosition(t);
              }
            };
        stripper.setSuppressDuplicateOverlappingText(false);
        stripper.setStartPage(p);
        stripper.setEndPage(p);
        pages.add(stripper.getText(doc));
        PDPage pdPage = doc.getPage(p - 1);
        colours(new PDFStreamParser(pdPage).parse());
        for (COSName name : pdPage.getResources().getXObjectNames()) {
          PDXObject x = pdPage.getResources().getXObject(name);
          if (x instanceof PDFormXObject form) {
            colours(new PDFStreamParser(form).parse());
          }
        }
      }
    }
  }

  private void colours(List<Object> tokens) {
    for (int i = 3; i < tokens.size(); i++) {
      if (tokens.get(i) instanceof Operator op && op.getName().equals("RG")) {
        float[] c = new float[3];
        for (int k = 0; k < 3; k++) {
          c[k] = ((COSNumber) (COSBase) tokens.get(i - 3 + k)).floatValue();
        }
        strokeColours.add(c);
      }
    }
  }

  /** Whether a line was stroked in this colour (0–255 per channel), anywhere. */
  public boolean stroked(int r, int g, int b) {
    return strokeColours.stream()
        .anyMatch(
            c ->
                Math.abs(c[0] * 255 - r) < 2
                    && Math.abs(c[1] * 255 - g) < 2
                    && Math.abs(c[2] * 255 - b) < 2);
  }

  /**
   * Pairs of glyphs on one page whose boxes overlap by more than a third of the smaller one: text
   * over text.
   */
  public List<String> overlaps() {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < glyphs.size(); i++) {
      Glyph a = glyphs.get(i);
      for (int j = i + 1; j < glyphs.size(); j++) {
        Glyph b = glyphs.get(j);
        if (a.page() != b.page()) {
          continue;
        }
        float w = Math.min(a.x1(), b.x1()) - Math.max(a.x0(), b.x0());
        float h = Math.min(a.y1(), b.y1()) - Math.max(a.y0(), b.y0());
        if (w <= 0 || h <= 0) {
          continue;
        }
        float smaller =
            Math.min((a.x1() - a.x0()) * (a.y1() - a.y0()), (b.x1() - b.x0()) * (b.y1() - b.y0()));
        if (w * h > smaller / 3) {
          out.add(
              "page "
                  + a.page()
                  + ": '"
                  + a.text()
                  + "' at ("
                  + a.x0()
                  + ","
                  + a.y0()
                  + ") over '"
                  + b.text()
                  + "' at ("
                  + b.x0()
                  + ","
                  + b.y0()
                  + ")");
        }
      }
    }
    return out;
  }

  /** The words set in this font size on a page (glyphs side by side on one line joined). */
  public List<String> wordsAtSize(int page, float size) {
    List<String> out = new ArrayList<>();
    Glyph last = null;
    StringBuilder word = new StringBuilder();
    for (Glyph g : glyphs) {
      if (g.page() != page || Math.abs(g.size() - size) > 0.3f) {
        continue;
      }
      if (last != null && (Math.abs(last.y1() - g.y1()) > 0.5 || g.x0() - last.x1() > 1)) {
        out.add(word.toString());
        word.setLength(0);
      }
      word.append(g.text());
      last = g;
    }
    if (!word.isEmpty()) {
      out.add(word.toString());
    }
    return out;
  }

  /** The text of the glyphs inside a box of a page (top-left origin), in reading order. */
  public String textIn(int page, float x0, float y0, float x1, float y1) {
    StringBuilder out = new StringBuilder();
    Glyph last = null;
    for (Glyph g : glyphs) {
      if (g.page() == page && g.x0() >= x0 && g.x1() <= x1 && g.y0() >= y0 && g.y1() <= y1) {
        if (last != null && (Math.abs(last.y1() - g.y1()) > 1 || g.x0() - last.x1() > 1.5)) {
          out.append(' ');
        }
        out.append(g.text());
        last = g;
      }
    }
    return out.toString();
  }
}
