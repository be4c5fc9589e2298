package nl.veerkracht.stock;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import nl.veerkracht.area.AreaNames;
import nl.veerkracht.common.ForbiddenException;
import nl.veerkracht.common.NotFoundException;
import nl.veerkracht.common.Text;
import nl.veerkracht.corporation.Corporation;
import nl.veerkracht.corporation.CorporationRepository;
import nl.veerkracht.security.CurrentUser;
import nl.veerkracht.security.Membership;
import org.springframework.stereotype.Service;

/**
 * A corporation's own stock as the pages, the API and other rooms read it: its complexes (of the
 * cluster type it chose), one complex with its units, plan and history, and where its homes are.
 * {@link #staff} and {@link #forPage} check the caller; the reads that take a corporation id are
 * for callers that checked it already.
 */
@Service
public class OwnStock {

  private final StockRepository stock;
  private final CorporationRepository corporations;
  private final AreaNames areaNames;
  private final CurrentUser currentUser;

  public OwnStock(
      StockRepository stock,
      CorporationRepository corporations,
      AreaNames areaNames,
      CurrentUser currentUser) {
    this.stock = stock;
    this.corporations = corporations;
    this.areaNames = areaNames;
    this.currentUser = currentUser;
  }

  /** The caller's membership of the corporation (its code in any case); refused unless staff. */
  public Membership staff(String corporation) {
    return currentUser.requireStaff(corporation.strip().toUpperCase(Locale.ROOT));
  }

  /**
   * The corporation a stock page shows: the one named (refused unless the caller is its staff;
   * remembered as the one they work on) or the one they work on.
   */
  public Membership forPage(String corporation) {
    if (corporation == null || corporation.isBlank()) {
      return currentUser
          .findDefaultMembership()
          .orElseThrow(() -> new ForbiddenException(Text.msg("error.security.notStaff")));
    }
    Membership m = staff(corporation);
    currentUser.choose(m.corporationCode());
    return m;
  }

  /** The corporation's chosen complex cluster type ({@code OND} when it has not chosen). */
  public String complexType(long corporationId) {
    return corporations.findById(corporationId).map(Corporation::complexClusterType).orElse("OND");
  }

  /** The corporation's complexes: its clusters of the type it chose. */
  public List<StockRepository.ClusterSummary> complexes(long corporationId) {
    return stock.clusters(corporationId, complexType(corporationId));
  }

  /** Clusters of one type, or of every type when {@code type} is null. */
  public List<StockRepository.ClusterSummary> clusters(long corporationId, String type) {
    return stock.clusters(corporationId, type);
  }

  /**
   * Per gemeente ({@code GMxxxx}) where the corporation has complexes, how many of its homes lie
   * there (a complex without a unit count counts as one), from the buurten of its complexes.
   */
  public Map<String, Integer> unitsPerGemeente(long corporationId) {
    Map<String, Integer> units = new HashMap<>();
    for (var k : complexes(corporationId)) {
      for (String buurt : k.buurtCodes()) {
        if (buurt != null && buurt.length() >= 6) {
          units.merge("GM" + buurt.substring(2, 6), Math.max(1, k.units()), Integer::sum);
        }
      }
    }
    return new TreeMap<>(units);
  }

  /**
   * The id of a cluster named by code (of {@code type}, or of the corporation's complex type), or
   * null when no cluster is named; a refusal naming type and code when it is not held.
   */
  public Long clusterId(long corporationId, String type, String cluster) {
    if (cluster == null) {
      return null;
    }
    String t = type != null ? ClusterTypes.require(type) : complexType(corporationId);
    return stock
        .cluster(corporationId, t, cluster)
        .map(StockRepository.ClusterSummary::id)
        .orElseThrow(
            () ->
                new NotFoundException(
                    Text.msg(
                        "error.stock.noCluster",
                        "type",
                        String.valueOf(t),
                        "code",
                        String.valueOf(cluster))));
  }

  public List<StockRepository.UnitView> units(
      long corporationId, Long clusterId, int limit, int offset) {
    return stock.units(corporationId, clusterId, limit, offset);
  }

  public List<StockRepository.MaintenanceView> maintenance(long corporationId, Long clusterId) {
    return stock.maintenance(corporationId, clusterId);
  }

  public List<StockRepository.AllocationView> allocations(long corporationId, Long clusterId) {
    return stock.allocations(corporationId, clusterId);
  }

  public List<StockRepository.TurnoverView> turnover(long corporationId, Long clusterId) {
    return stock.turnover(corporationId, clusterId);
  }

  public List<StockRepository.SignalView> signals(long corporationId, Long clusterId) {
    return stock.signals(corporationId, clusterId);
  }

  /** The overview page: the corporation's complexes with the names of their buurten. */
  public StockView overview(Membership m, List<Membership> memberships) {
    Corporation c = corporation(m);
    List<StockRepository.ClusterSummary> complexes = stock.clusters(c.id(), c.complexClusterType());
    return new StockView(
        c,
        memberships,
        stock.unitCount(c.id()),
        complexes,
        areaNames.names(
            complexes.stream().flatMap(x -> x.buurtCodes().stream()).distinct().toList()));
  }

  /** One complex's page; a refusal when the corporation holds no such complex. */
  public ComplexPage complex(Membership m, String type, String code) {
    Corporation c = corporation(m);
    StockRepository.ClusterSummary cluster =
        stock
            .cluster(c.id(), type.toUpperCase(Locale.ROOT), code)
            .orElseThrow(() -> new NotFoundException(Text.msg("error.stock.noSuchComplex")));
    List<StockRepository.MaintenanceView> plan = stock.maintenance(c.id(), cluster.id());
    return new ComplexPage(
        c,
        cluster,
        stock.units(c.id(), cluster.id(), 1000, 0),
        plan,
        plan.stream()
            .map(StockRepository.MaintenanceView::costEuro)
            .reduce(BigDecimal.ZERO, BigDecimal::add),
        stock.allocations(c.id(), cluster.id()),
        stock.signals(c.id(), cluster.id()),
        areaNames.names(cluster.buurtCodes()));
  }

  private Corporation corporation(Membership m) {
    return corporations.findById(m.corporationId()).orElseThrow();
  }
}
