package nl.veerkracht.imports.read;

import java.io.IOException;
import java.util.Map;
import java.util.Set;
import nl.veerkracht.statistics.domain.Indicator;

/**
 * Leefbaarometer 3.x open data per buurt, wijk or gemeente, in the family of layouts it is
 * published in: the CSV downloads ({@code bu_code, bu_naam, jaar, lbm, afw, fys, onv, soc, vrz,
 * won}) and the tables of the WFS service ({@code bu_code, bu_naam, gemeente, pv_code, provincie,
 * year, afw, kscore, kafw, won, fys, vrz, soc, onv, kwon, kfys, kvrz, ksoc, konv}); {@code wk_} and
 * {@code gm_} codes likewise. {@code lbm} is the score, {@code afw} its deviation from the national
 * reference and the five dimensions are deviations where negative is worse. Published classes are
 * read as classes: {@code kscore} as {@code lbm_class}, {@code kwon} … {@code konv} as the
 * dimension classes. {@code kafw} is not the class (its meaning is not documented): it is kept
 * under its own name.
 */
public final class Lbm3CsvReader implements FormatReader {

  static final String KAFW = "lbm_kafw";

  @Override
  public String kind() {
    return "lbm3-csv";
  }

  @Override
  public boolean recognises(Sniff sniff) throws IOException {
    return sniff.isDelimitedText()
        && sniff.hasColumns("afw")
        && sniff.hasAnyColumn("lbm", "kscore")
        && sniff.hasAnyColumn("bu_code", "wk_code", "gm_code");
  }

  @Override
  public void read(Sniff sniff, ReadContext ctx, ImportSink sink) throws IOException {
    CsvTable table = CsvTable.read(sniff.file().name(), sniff.file().text(), (char) 0);
    String level =
        table.indexOf("bu_code") >= 0 ? "bu" : table.indexOf("wk_code") >= 0 ? "wk" : "gm";
    WideLayout layout =
        WideLayout.of(level + "_code", level + "_naam", "lbm", "Leefbaarometer")
            .withText(
                Set.of(
                    "gm_code",
                    "gm_naam",
                    "wk_code",
                    "wk_naam",
                    "gemeente",
                    "provincie",
                    "pv_code"));
    int year = table.indexOf("jaar", "year");
    if (year >= 0) {
      layout = layout.withYearColumn(table.header().get(year));
    }
    int kafw = table.indexOf("kafw");
    if (kafw >= 0) {
      String column = table.header().get(kafw);
      layout = layout.withIndicators(Map.of(column, KAFW));
      sink.indicator(
          new Indicator(
              KAFW,
              "Leefbaarometer: kafw (betekenis niet gedocumenteerd; niet de klasse)",
              "Leefbaarometer: kafw (meaning not documented; not the class)",
              "",
              "Leefbaarometer",
              null,
              "source",
              0,
              null,
              "source"));
    }
    WideTableReader.read(sniff.file(), table, layout, ctx, null, sink);
  }

  @Override
  public Provenance provenance() {
    return Provenance.LEEFBAAROMETER;
  }
}
