package nl.veerkracht.imports.read;

import java.io.IOException;
import java.util.Set;
import nl.veerkracht.area.domain.AreaCode;

/**
 * CSV exports from CBS StatLine of the Kerncijfers wijken en buurten: {@code ;}-separated, UTF-8
 * with a byte-order mark, space-padded codes, {@code .} for missing. Both the typed export (keys as
 * headers: {@code WijkenEnBuurten;Gemeentenaam_1;...;AantalInwoners_5}) and "CSV met statistische
 * symbolen" (titles as headers: {@code Wijken en buurten;Codering;Aantal inwoners (aantal)}) are
 * read.
 */
public final class StatLineCsvReader implements FormatReader {

  private static final Set<String> TEXT =
      Set.of(
          "gemeentenaam",
          "gemeentenaam_1",
          "soort_regio",
          "soortregio_2",
          "soort_regio_2",
          "indelingswijziging_gemeente_wijk_buurt",
          "indelingswijzigingwijkenenbuurten_4",
          "indelingswijziging_wijken_en_buurten",
          "indelingswijziginggemeentewijkbuurt_4",
          "meest_voorkomende_postcode",
          "meestvoorkomendepostcode_125",
          "meest_voorkomende_postcode_code",
          "id");

  @Override
  public String kind() {
    return "cbs-statline-csv";
  }

  @Override
  public boolean recognises(Sniff sniff) throws IOException {
    return sniff.isDelimitedText()
        && sniff.hasAnyColumn("WijkenEnBuurten", "Wijken en buurten")
        && sniff.hasAnyColumn("Codering_3", "Codering", "Codering (code)", "WijkenEnBuurten");
  }

  @Override
  public void read(Sniff sniff, ReadContext ctx, ImportSink sink) throws IOException {
    CsvTable table = CsvTable.read(sniff.file().name(), sniff.file().text(), (char) 0);
    int coding = table.indexOf("Codering_3", "Codering", "Codering (code)");
    int regions = table.indexOf("WijkenEnBuurten", "Wijken en buurten");
    String codeColumn = table.header().get(coding >= 0 ? coding : regions);
    // In the typed export WijkenEnBuurten holds codes; in the titled export it holds names.
    String nameColumn = null;
    if (regions >= 0 && coding >= 0 && !table.rows().isEmpty()) {
      boolean holdsCodes = AreaCode.parse(table.rows().get(0).get(regions)).isPresent();
      nameColumn = holdsCodes ? null : table.header().get(regions);
    }
    WideLayout layout =
        WideLayout.of(codeColumn, nameColumn, "cbs", "CBS Kerncijfers wijken en buurten")
            .withText(TEXT)
            .withIgnored(
                nameColumn == null && regions >= 0 && regions != table.header().indexOf(codeColumn)
                    ? Set.of(
                        nl.veerkracht.statistics.domain.Indicator.normalise(
                            table.header().get(regions)))
                    : Set.of());
    WideTableReader.read(sniff.file(), table, layout, ctx, null, sink);
  }

  @Override
  public Provenance provenance() {
    return Provenance.CBS_KWB;
  }
}
