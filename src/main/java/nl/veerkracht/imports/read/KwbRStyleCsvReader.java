package nl.veerkracht.imports.read;

import java.io.IOException;
import java.util.Set;

/**
 * CBS Kerncijfers wijken en buurten written by R's {@code write.csv}: headers with dots for every
 * other character ({@code Regioaanduiding.Codering..code.}), decimal commas, {@code NA} for
 * missing, a row-number first column and space-padded codes.
 */
public final class KwbRStyleCsvReader implements FormatReader {

  static final String CODE = "Regioaanduiding.Codering..code.";

  @Override
  public String kind() {
    return "cbs-kwb-csv";
  }

  @Override
  public boolean recognises(Sniff sniff) throws IOException {
    return sniff.isDelimitedText() && sniff.hasColumns(CODE);
  }

  @Override
  public void read(Sniff sniff, ReadContext ctx, ImportSink sink) throws IOException {
    CsvTable table = CsvTable.read(sniff.file().name(), sniff.file().text(), (char) 0);
    WideLayout layout =
        WideLayout.of(CODE, "Wijken.en.buurten", "cbs", "CBS Kerncijfers wijken en buurten")
            .withText(
                Set.of(
                    "regioaanduiding_gemeentenaam_naam",
                    "regioaanduiding_soort_regio_omschrijving",
                    "regioaanduiding_indelingswijziging_wijken_en_buurten_code",
                    "postcode_meest_voorkomende_postcode_code"));
    WideTableReader.read(sniff.file(), table, layout, ctx, null, sink);
  }

  @Override
  public Provenance provenance() {
    return Provenance.CBS_KWB;
  }
}
