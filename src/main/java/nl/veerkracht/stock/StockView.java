package nl.veerkracht.stock;

import java.util.List;
import nl.veerkracht.corporation.Corporation;
import nl.veerkracht.security.Membership;

/** The overview of a corporation's stock. */
public record StockView(
    Corporation corporation,
    List<Membership> corporations,
    int units,
    List<StockRepository.ClusterSummary> complexes) {}
