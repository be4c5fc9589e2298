package nl.veerkracht.imports.read;

import java.io.IOException;
import java.util.Set;

/**
 * Leefbaarometer 3.x open data per buurt, wijk or gemeente: {@code bu_code, bu_naam, jaar, lbm,
 * afw, fys, onv, soc, vrz, won} (or {@code wk_}/{@code gm_} codes). {@code lbm} is the score,
 * {@code afw} its deviation from the national mean and the five dimensions are deviations where
 * negative is worse. Published classes ({@code kscore}) are read when present.
 */
public final class Lbm3CsvReader implements FormatReader {

  @Override
  public String kind() {
    return "lbm3-csv";
  }

  @Override
  public boolean recognises(Sniff sniff) throws IOException {
    return sniff.isDelimitedText()
        && sniff.hasColumns("lbm", "afw")
        && sniff.hasAnyColumn("bu_code", "wk_code", "gm_code");
  }

  @Override
  public void read(Sniff sniff, ReadContext ctx, ImportSink sink) throws IOException {
    CsvTable table = CsvTable.read(sniff.file().name(), sniff.file().text(), (char) 0);
    String level =
        table.indexOf("bu_code") >= 0 ? "bu" : table.indexOf("wk_code") >= 0 ? "wk" : "gm";
    WideLayout layout =
        WideLayout.of(level + "_code", level + "_naam", "lbm", "Leefbaarometer")
            .withYearColumn("jaar")
            .withText(Set.of("gm_code", "gm_naam", "wk_code", "wk_naam"));
    WideTableReader.read(sniff.file(), table, layout, ctx, null, sink);
  }

  @Override
  public Provenance provenance() {
    return Provenance.LEEFBAAROMETER;
  }
}
