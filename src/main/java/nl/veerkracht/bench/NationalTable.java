package nl.veerkracht.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import nl.veerkracht.area.domain.AreaCode;
import nl.veerkracht.imports.read.CsvTable;

/**
 * A national-size Kerncijfers table built from real data: the 479 Amsterdam buurten of the bundled
 * 2019 file (R-style CSV, 118 columns) repeated under new codes until there are 15,000 buurten.
 * Codes become {@code BU} + a made-up gemeente number (5000 and up) + the original wijk and buurt
 * part; every figure is a real one.
 */
final class NationalTable {

  static final String SOURCE = "/demo/cbs/kwb2019_amsterdam_gm_wk_bu.csv";

  private NationalTable() {}

  static Path write(Path folder, int buurten) {
    return write(folder, buurten, false);
  }

  /**
   * Like {@link #write(Path, int)}; with {@code gemeenten}, each copy also gets the Amsterdam
   * gemeente row under its own code (GM5000, GM5001, ...), so buurten have a gemeente to compare
   * with.
   */
  static Path write(Path folder, int buurten, boolean gemeenten) {
    try (InputStream in = NationalTable.class.getResourceAsStream(SOURCE)) {
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      CsvTable table = CsvTable.read("kwb2019", text, ',');
      int code = table.indexOf("Regioaanduiding.Codering..code.");
      int name = table.indexOf("Wijken.en.buurten");
      List<String[]> source = new ArrayList<>();
      String[] gemeente = null;
      for (CsvTable.Row row : table.rows()) {
        if (AreaCode.isBuurt(row.get(code).strip())) {
          source.add(row.cells());
        } else if (row.get(code).strip().equals("GM0363")) {
          gemeente = row.cells();
        }
      }
      Path file = folder.resolve("kwb2019_national_bench.csv");
      try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
        w.write(String.join(",", quoteAll(table.header())));
        w.write('\n');
        for (int i = 0; i < buurten; i++) {
          String[] cells = source.get(i % source.size()).clone();
          int copy = i / source.size();
          String original = cells[code].strip();
          cells[code] = "BU" + (5000 + copy) + original.substring(6);
          cells[name] = cells[name] + " (" + copy + ")";
          cells[0] = Integer.toString(i + 1);
          w.write(String.join(",", quoteAll(List.of(cells))));
          w.write('\n');
          if (gemeenten && i % source.size() == 0 && gemeente != null) {
            String[] gm = gemeente.clone();
            gm[code] = "GM" + (5000 + copy);
            gm[name] = gm[name] + " (" + copy + ")";
            w.write(String.join(",", quoteAll(List.of(gm))));
            w.write('\n');
          }
        }
      }
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<String> quoteAll(List<String> cells) {
    List<String> out = new ArrayList<>(cells.size());
    for (String c : cells) {
      out.add(c.equals("NA") ? c : '"' + c.replace("\"", "\"\"") + '"');
    }
    return out;
  }
}
