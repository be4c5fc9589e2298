package nl.veerkracht.stock.read;

import nl.veerkracht.common.Text;
import nl.veerkracht.imports.read.Rejection;
import nl.veerkracht.stock.domain.StockRecords;
import nl.veerkracht.stock.domain.UnitRecord;

/** Receives what a stock reader finds. */
public interface StockSink {

  void unit(UnitRecord unit);

  void maintenance(StockRecords.MaintenanceLine line);

  void allocation(StockRecords.Allocation allocation);

  void turnover(StockRecords.Turnover turnover);

  void signal(StockRecords.Signal signal);

  void reject(Rejection rejection);

  void rowRead();

  void note(Text note);
}
