package nl.veerkracht.stock;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import nl.veerkracht.common.Text;
import nl.veerkracht.imports.read.Rejection;
import nl.veerkracht.stock.domain.StockRecords;
import nl.veerkracht.stock.domain.UnitRecord;
import nl.veerkracht.stock.read.StockSink;

/** Keeps what a stock file held and rejects units numbered twice. */
final class StockCollector implements StockSink {

  final String fileName;
  final List<UnitRecord> units = new ArrayList<>();
  final List<StockRecords.MaintenanceLine> maintenance = new ArrayList<>();
  final List<StockRecords.Allocation> allocations = new ArrayList<>();
  final List<StockRecords.Turnover> turnover = new ArrayList<>();
  final List<StockRecords.Signal> signals = new ArrayList<>();
  private final Map<String, Long> unitLines = new HashMap<>();
  private final Consumer<Rejection> reject;
  private final Consumer<Text> note;
  long rowsRead;
  long rejected;

  StockCollector(String fileName, Consumer<Rejection> reject, Consumer<Text> note) {
    this.fileName = fileName;
    this.reject = reject;
    this.note = note;
  }

  @Override
  public void unit(UnitRecord unit) {
    Long earlier = unitLines.putIfAbsent(unit.unitCode(), unit.line());
    if (earlier != null) {
      reject(
          new Rejection(
              fileName,
              unit.line(),
              null,
              "unit " + unit.unitCode() + " appears twice (first on line " + earlier + ")"));
      return;
    }
    units.add(unit);
  }

  @Override
  public void maintenance(StockRecords.MaintenanceLine line) {
    maintenance.add(line);
  }

  @Override
  public void allocation(StockRecords.Allocation allocation) {
    allocations.add(allocation);
  }

  @Override
  public void turnover(StockRecords.Turnover t) {
    turnover.add(t);
  }

  @Override
  public void signal(StockRecords.Signal signal) {
    signals.add(signal);
  }

  @Override
  public void reject(Rejection rejection) {
    rejected++;
    reject.accept(rejection);
  }

  @Override
  public void rowRead() {
    rowsRead++;
  }

  @Override
  public void note(Text text) {
    note.accept(text);
  }

  long rowsImported() {
    return units.size()
        + maintenance.size()
        + allocations.size()
        + turnover.size()
        + signals.size();
  }
}
