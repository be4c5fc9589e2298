package nl.veerkracht.stock;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import nl.veerkracht.common.Text;
import nl.veerkracht.corporation.CorporationRepository;
import nl.veerkracht.imports.CorporationImporter;
import nl.veerkracht.imports.read.CsvTable;
import nl.veerkracht.imports.read.FormatReader;
import nl.veerkracht.imports.read.Rejection;
import nl.veerkracht.imports.read.Sniff;
import nl.veerkracht.stock.domain.ClusterType;
import nl.veerkracht.stock.read.StockColumns;
import nl.veerkracht.stock.read.StockTableReader;
import nl.veerkracht.stock.read.VeraJsonReader;
import nl.veerkracht.stock.read.XlsxTables;
import org.springframework.stereotype.Component;

/**
 * Imports a corporation's stock files: units (CSV, Excel or VERA JSON) with their clusters and
 * location, the maintenance plan, allocations, turnover and signals. References to units and
 * clusters must exist; the units are placed in their buurten for every year held.
 */
@Component
public class StockImporter implements CorporationImporter {

  static final List<String> KINDS =
      List.of(
          "stock-units",
          "vera-json",
          "stock-mjob",
          "stock-allocations",
          "stock-turnover",
          "stock-signals");

  private final StockWriter writer;
  private final StockReferenceRepository references;
  private final CorporationRepository corporations;
  private final Relinker relinker;

  StockImporter(
      StockWriter writer,
      StockReferenceRepository references,
      CorporationRepository corporations,
      Relinker relinker) {
    this.writer = writer;
    this.references = references;
    this.relinker = relinker;
    this.corporations = corporations;
  }

  @Override
  public List<String> kinds() {
    return KINDS;
  }

  @Override
  public long afterBoundariesChanged(java.util.Set<Integer> years, Consumer<Text> note) {
    return relinker.relink(years, note);
  }

  @Override
  public Optional<String> recognise(Sniff sniff) throws IOException {
    if (sniff.isJson()) {
      return sniff.json() != null && VeraJsonReader.recognises(sniff.json())
          ? Optional.of("vera-json")
          : Optional.empty();
    }
    if (sniff.extension().equals("xlsx")) {
      try (InputStream in = sniff.file().open()) {
        CsvTable table = XlsxTables.read(sniff.file().name(), in);
        return StockColumns.kind(table.header()).or(() -> Optional.of("stock-units"));
      }
    }
    if (sniff.isDelimitedText()) {
      CsvTable head = CsvTable.read(sniff.file().name(), sniff.firstLine() + "\n", (char) 0);
      return StockColumns.kind(head.header());
    }
    return Optional.empty();
  }

  @Override
  public Pending read(
      Sniff sniff,
      String kind,
      long corporationId,
      Map<String, String> mapping,
      Consumer<Rejection> reject,
      Consumer<Text> note)
      throws IOException {
    String file = sniff.file().name();
    StockCollector collected = new StockCollector(file, reject, note);
    ClusterType complexType =
        corporations
            .findById(corporationId)
            .flatMap(c -> ClusterType.find(c.complexClusterType()))
            .orElse(ClusterType.OND);
    if (kind.equals("vera-json")) {
      if (sniff.json() == null) {
        collected.reject(new Rejection(file, 0, null, sniff.jsonError()));
      } else {
        new VeraJsonReader(file, collected).read(sniff.json());
      }
    } else {
      CsvTable table;
      if (sniff.extension().equals("xlsx")) {
        try (InputStream in = sniff.file().open()) {
          table = XlsxTables.read(file, in);
        }
      } else {
        table = CsvTable.read(file, sniff.file().text(), (char) 0);
      }
      new StockTableReader(file, table, mapping, complexType, collected).read(kind);
    }
    org.slf4j.LoggerFactory.getLogger(StockImporter.class)
        .info("{}: read {} rows", file, collected.rowsRead);
    if (collected.rejected == 0) {
      references.check(corporationId, collected);
    }
    return new Pending() {
      @Override
      public long rowsRead() {
        return collected.rowsRead;
      }

      @Override
      public long rowsImported() {
        return collected.rejected > 0 ? 0 : collected.rowsImported();
      }

      @Override
      public long write(long importId) {
        return writer.write(corporationId, collected, importId);
      }

      @Override
      public FormatReader.Provenance provenance() {
        // stored as provenance in the language of the sources' own titles (Dutch)
        return new FormatReader.Provenance(
            Text.msg("kind." + kind).nl(), "Bron: eigen administratie", null);
      }
    };
  }
}
