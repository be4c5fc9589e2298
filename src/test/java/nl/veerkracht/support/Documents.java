package nl.veerkracht.support;

import java.io.ByteArrayInputStream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** Downloaded exports read back as text, the way a test checks what a user would see in them. */
public final class Documents {

  private Documents() {}

  /** Every cell of every sheet, tab-separated, one line per row. */
  public static String xlsxText(byte[] bytes) throws Exception {
    StringBuilder out = new StringBuilder();
    try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
      for (Sheet s : wb) {
        for (Row r : s) {
          for (Cell c : r) {
            out.append(c.toString()).append('\t');
          }
          out.append('\n');
        }
      }
    }
    return out.toString();
  }

  public static String pdfText(byte[] bytes) throws Exception {
    try (PDDocument doc = Loader.loadPDF(bytes)) {
      return new PDFTextStripper().getText(doc);
    }
  }
}
