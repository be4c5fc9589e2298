package nl.veerkracht.stock;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import nl.veerkracht.common.BadRequestException;
import nl.veerkracht.common.Text;
import nl.veerkracht.security.Membership;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A corporation's own stock over HTTP. Every call names the corporation and is answered only for
 * its staff (403 otherwise, whether it exists or not).
 */
@RestController
@Tag(name = "Own stock")
public class StockApiController {

  private final OwnStock stock;

  public StockApiController(OwnStock stock) {
    this.stock = stock;
  }

  @GetMapping("/api/complexes")
  @Operation(
      summary = "The corporation's complexes (its chosen cluster type) with units and buurten")
  public List<ComplexView> complexes(
      @RequestParam String corporation, @RequestParam(required = false) String type) {
    Membership m = stock.staff(corporation);
    String complexType =
        type != null ? ClusterTypes.require(type) : stock.complexType(m.corporationId());
    return stock.clusters(m.corporationId(), complexType).stream()
        .map(
            c ->
                new ComplexView(
                    c.code(), c.name(), c.units(), c.buurtCodes(), c.buurtYear(), c.type()))
        .toList();
  }

  @GetMapping("/api/stock/clusters")
  @Operation(summary = "Clusters of every type, or of one type")
  public List<StockRepository.ClusterSummary> clusters(
      @RequestParam String corporation, @RequestParam(required = false) String type) {
    Membership m = stock.staff(corporation);
    return stock.clusters(m.corporationId(), type == null ? null : ClusterTypes.require(type));
  }

  @GetMapping("/api/stock/units")
  @Operation(summary = "Rental units with addresses (staff only), optionally of one cluster")
  public List<StockRepository.UnitView> units(
      @RequestParam String corporation,
      @RequestParam(required = false) String cluster,
      @RequestParam(required = false) String type,
      @RequestParam(defaultValue = "500") int limit,
      @RequestParam(defaultValue = "0") int offset) {
    Membership m = stock.staff(corporation);
    if (limit < 1 || limit > 10_000 || offset < 0) {
      throw new BadRequestException(Text.msg("error.stock.paging"));
    }
    return stock.units(m.corporationId(), clusterId(m, type, cluster), limit, offset);
  }

  @GetMapping("/api/stock/maintenance")
  @Operation(summary = "The multi-year maintenance plan (MJOB)")
  public List<StockRepository.MaintenanceView> maintenance(
      @RequestParam String corporation,
      @RequestParam(required = false) String cluster,
      @RequestParam(required = false) String type) {
    Membership m = stock.staff(corporation);
    return stock.maintenance(m.corporationId(), clusterId(m, type, cluster));
  }

  @GetMapping("/api/stock/allocations")
  @Operation(summary = "Allocations (toewijzingen)")
  public List<StockRepository.AllocationView> allocations(
      @RequestParam String corporation,
      @RequestParam(required = false) String cluster,
      @RequestParam(required = false) String type) {
    Membership m = stock.staff(corporation);
    return stock.allocations(m.corporationId(), clusterId(m, type, cluster));
  }

  @GetMapping("/api/stock/turnover")
  @Operation(summary = "Turnover (mutaties)")
  public List<StockRepository.TurnoverView> turnover(
      @RequestParam String corporation,
      @RequestParam(required = false) String cluster,
      @RequestParam(required = false) String type) {
    Membership m = stock.staff(corporation);
    return stock.turnover(m.corporationId(), clusterId(m, type, cluster));
  }

  @GetMapping("/api/stock/signals")
  @Operation(summary = "The corporation's own signals per cluster and year")
  public List<StockRepository.SignalView> signals(
      @RequestParam String corporation,
      @RequestParam(required = false) String cluster,
      @RequestParam(required = false) String type) {
    Membership m = stock.staff(corporation);
    return stock.signals(m.corporationId(), clusterId(m, type, cluster));
  }

  private Long clusterId(Membership m, String type, String cluster) {
    return stock.clusterId(m.corporationId(), type, cluster);
  }
}
