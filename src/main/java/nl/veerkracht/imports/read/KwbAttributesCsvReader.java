package nl.veerkracht.imports.read;

import java.io.IOException;
import java.util.Set;

/**
 * The attribute table of the CBS Wijk- en buurtkaart shapefiles (DBF exported as CSV) with the
 * short names {@code GM_CODE}, {@code WK_CODE}, {@code BU_CODE}, {@code AANT_INW}, ... The year is
 * not in the data: it comes from {@code --year} or the file name.
 */
public final class KwbAttributesCsvReader implements FormatReader {

  @Override
  public String kind() {
    return "cbs-kwb-attributes";
  }

  @Override
  public boolean recognises(Sniff sniff) throws IOException {
    return sniff.isDelimitedText()
        && sniff.hasAnyColumn("BU_CODE", "WK_CODE", "GM_CODE")
        && sniff.hasAnyColumn("AANT_INW", "AANTAL_HH", "OPP_TOT");
  }

  @Override
  public void read(Sniff sniff, ReadContext ctx, ImportSink sink) throws IOException {
    CsvTable table = CsvTable.read(sniff.file().name(), sniff.file().text(), (char) 0);
    String level =
        table.indexOf("BU_CODE") >= 0 ? "BU" : table.indexOf("WK_CODE") >= 0 ? "WK" : "GM";
    WideLayout layout =
        WideLayout.of(level + "_CODE", level + "_NAAM", "cbs", "CBS Wijk- en buurtkaart")
            .withText(
                Set.of(
                    "gm_code",
                    "gm_naam",
                    "wk_code",
                    "wk_naam",
                    "water",
                    "ind_wbi",
                    "postcode",
                    "pc4"));
    WideTableReader.read(sniff.file(), table, layout, ctx, null, sink);
  }

  @Override
  public Provenance provenance() {
    return Provenance.CBS_KWB;
  }
}
