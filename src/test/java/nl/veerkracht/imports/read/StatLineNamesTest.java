package nl.veerkracht.imports.read;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import nl.veerkracht.area.domain.AreaLevel;
import nl.veerkracht.statistics.domain.Indicator;
import nl.veerkracht.statistics.domain.ObservationStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 28, StatLine exports with names and no codes: the names resolve to the codes of their year
 * (narrowed by region kind and gemeente where the file gives them) and the file imports; a name
 * that matches no area or more than one refuses the file, listing it. Names and figures are Baarn's
 * 2024 ones from the bundled CBS files (kwb2024 85984NED, wijken 2024) and real buurten called
 * "Centrum" in Baarn and Heerenveen.
 */
class StatLineNamesTest {

  @TempDir Path tmp;

  static final AreaDirectory DIRECTORY =
      () ->
          List.of(
              new AreaDirectory.Known(AreaLevel.GEMEENTE, "GM0308", "Baarn", 2024),
              new AreaDirectory.Known(AreaLevel.GEMEENTE, "GM0074", "Heerenveen", 2024),
              new AreaDirectory.Known(AreaLevel.WIJK, "WK030800", "Wijk 00 Baarn", 2024),
              new AreaDirectory.Known(
                  AreaLevel.WIJK, "WK030801", "Wijk 01 Baarn-Noord, Eemdal en Eemland", 2024),
              new AreaDirectory.Known(AreaLevel.BUURT, "BU03080000", "Centrum", 2024),
              new AreaDirectory.Known(AreaLevel.BUURT, "BU00740101", "Centrum", 2024));

  CollectingSink read(String name, String csv) throws IOException {
    Path file = tmp.resolve(name);
    Files.writeString(file, "\uFEFF" + csv, StandardCharsets.UTF_8);
    Sniff sniff = new Sniff(new ImportFile(name, file));
    FormatReader reader =
        Readers.recognise(sniff, List.of()).orElseThrow(() -> new AssertionError("not recognised"));
    assertThat(reader.kind()).isEqualTo("cbs-statline-csv");
    CollectingSink sink = new CollectingSink();
    reader.read(sniff, ReadContext.of(null).withAreas(DIRECTORY), sink);
    return sink;
  }

  @Test
  void kerncijfersWithNamesKindAndGemeenteResolveToCodes() throws IOException {
    CollectingSink sink =
        read(
            "Kerncijfers_wijken_en_buurten_2024.csv",
            "\"Wijken en buurten\";\"Gemeentenaam (naam)\";\"Soort regio (omschrijving)\";"
                + "\"Perioden\";\"Aantal inwoners (aantal)\"\n"
                + "\"Baarn\";\"Baarn                   \";\"Gemeente  \";\"2024\";\"25065\"\n"
                + "\"Wijk 00 Baarn\";\"Baarn\";\"Wijk\";\"2024\";\"11955\"\n"
                + "\"Wijk 01 Baarn-Noord, Eemdal en Eemland\";\"Baarn\";\"Wijk\";\"2024\";\"10200\"\n"
                + "\"Centrum\";\"Baarn\";\"Buurt\";\"2024\";\".\"\n");
    assertThat(sink.rejections).isEmpty();
    assertThat(sink.number("GM0308", 2024, "inhabitants")).isEqualTo(25065);
    assertThat(sink.number("WK030800", 2024, "inhabitants")).isEqualTo(11955);
    assertThat(sink.number("WK030801", 2024, "inhabitants")).isEqualTo(10200);
    // the Centrum of Baarn (its gemeente narrows the two), missing as in the file, never 0
    assertThat(sink.value("BU03080000", 2024, "inhabitants").orElseThrow().status())
        .isEqualTo(ObservationStatus.MISSING);
    assertThat(sink.value("BU00740101", 2024, "inhabitants")).isEmpty();
    assertThat(sink.notes)
        .anyMatch(n -> n.contains("4 areas matched by name to their code (2024 division)"));
    // the kind and gemeente columns are text, not figures
    assertThat(sink.indicators.keySet())
        .noneMatch(id -> id.contains("soort") || id.contains("gemeente"));
  }

  @Test
  void regionaleKerncijfersSkipOtherRegionKinds() throws IOException {
    CollectingSink sink =
        read(
            "Regionale_kerncijfers_Nederland.csv",
            "\"Regio's\";\"Perioden\";"
                + "\"Bevolking/Bevolkingssamenstelling op 1 januari/Totale bevolking (aantal)\"\n"
                + "\"Baarn\";\"2024\";\"25065\"\n"
                + "\"Utrecht (PV)\";\"2024\";\".\"\n");
    assertThat(sink.rejections).isEmpty();
    String id =
        Indicator.sourceNamedId(
            "cbs", "Bevolking/Bevolkingssamenstelling op 1 januari/Totale bevolking");
    assertThat(sink.number("GM0308", 2024, id)).isEqualTo(25065);
    assertThat(sink.notes).anyMatch(n -> n.contains("1 rows of other region kinds"));
  }

  @Test
  void aNameOfTwoAreasOrOfNoneRefusesTheFileNamingThem() throws IOException {
    CollectingSink sink =
        read(
            "ses_woa_2022.csv",
            "\"Wijken en buurten\";\"Perioden\";\"Gemiddelde SES-WOA score (score)\"\n"
                + "\"Centrum\";\"2022\";\".\"\n"
                + "\"Nergenshuizen\";\"2022\";\".\"\n");
    assertThat(sink.values).isEmpty();
    assertThat(sink.rejections).hasSize(1);
    String nl = sink.rejections.get(0).reason(new Locale("nl"));
    assertThat(nl)
        .contains("Onbekend: “Nergenshuizen”")
        .contains("Meer dan één gebied: “Centrum”")
        .contains("CSV met codes");
    assertThat(sink.rejections.get(0).reason(Locale.ENGLISH)).contains("Unknown: “Nergenshuizen”");
  }
}
