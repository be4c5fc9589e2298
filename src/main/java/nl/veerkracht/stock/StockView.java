package nl.veerkracht.stock;

import java.util.List;
import nl.veerkracht.corporation.Corporation;
import nl.veerkracht.security.Membership;

/** The overview of a corporation's stock. */
public record StockView(
    Corporation corporation,
    List<Membership> corporations,
    int units,
    List<StockRepository.ClusterSummary> complexes,
    java.util.Map<String, String> buurtNames) {

  /** A buurt's name, or its code when its name is not held. */
  public String buurtName(String code) {
    return buurtNames.getOrDefault(code, code);
  }

  /** A complex's name, or "Complex CODE" when the file gave none (the name is then the code). */
  public static boolean unnamed(StockRepository.ClusterSummary c) {
    return c.name() == null || c.name().isBlank() || c.name().equals(c.code());
  }
}
