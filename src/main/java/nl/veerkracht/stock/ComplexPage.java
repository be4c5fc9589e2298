package nl.veerkracht.stock;

import java.math.BigDecimal;
import java.util.List;
import nl.veerkracht.corporation.Corporation;

/** One complex. */
public record ComplexPage(
    Corporation corporation,
    StockRepository.ClusterSummary complex,
    List<StockRepository.UnitView> units,
    List<StockRepository.MaintenanceView> maintenance,
    BigDecimal maintenanceTotal,
    List<StockRepository.AllocationView> allocations,
    List<StockRepository.SignalView> signals,
    java.util.Map<String, String> buurtNames) {

  /** A buurt's name, or its code when its name is not held. */
  public String buurtName(String code) {
    return buurtNames.getOrDefault(code, code);
  }
}
