package nl.veerkracht.stock;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import nl.veerkracht.area.AreaRepository;
import nl.veerkracht.common.NotFoundException;
import nl.veerkracht.common.Text;
import nl.veerkracht.corporation.Corporation;
import nl.veerkracht.corporation.CorporationRepository;
import nl.veerkracht.security.CurrentUser;
import nl.veerkracht.security.Membership;
import nl.veerkracht.web.WebPage;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** The corporation's stock: its complexes, and one complex with its units, plan and history. */
@Controller
@WebPage
public class StockPageController {

  private final StockRepository stock;
  private final CurrentUser currentUser;
  private final CorporationRepository corporations;
  private final AreaRepository areas;

  public StockPageController(
      StockRepository stock,
      CurrentUser currentUser,
      CorporationRepository corporations,
      AreaRepository areas) {
    this.stock = stock;
    this.currentUser = currentUser;
    this.corporations = corporations;
    this.areas = areas;
  }

  @GetMapping("/voorraad")
  public String overview(@RequestParam(required = false) String corporation, Model model) {
    Membership m = membership(corporation);
    Corporation c = corporations.findById(m.corporationId()).orElseThrow();
    List<StockRepository.ClusterSummary> complexes = stock.clusters(c.id(), c.complexClusterType());
    model.addAttribute(
        "view",
        new StockView(
            c,
            currentUser.memberships(),
            stock.unitCount(c.id()),
            complexes,
            areas.names(
                complexes.stream().flatMap(x -> x.buurtCodes().stream()).distinct().toList())));
    return "stock/stock";
  }

  @GetMapping("/voorraad/{type}/{code}")
  public String complex(
      @PathVariable String type,
      @PathVariable String code,
      @RequestParam(required = false) String corporation,
      Model model) {
    Membership m = membership(corporation);
    Corporation c = corporations.findById(m.corporationId()).orElseThrow();
    StockRepository.ClusterSummary cluster =
        stock
            .cluster(c.id(), type.toUpperCase(Locale.ROOT), code)
            .orElseThrow(() -> new NotFoundException(Text.msg("error.stock.noSuchComplex")));
    List<StockRepository.MaintenanceView> plan = stock.maintenance(c.id(), cluster.id());
    model.addAttribute(
        "view",
        new ComplexPage(
            c,
            cluster,
            stock.units(c.id(), cluster.id(), 1000, 0),
            plan,
            plan.stream()
                .map(StockRepository.MaintenanceView::costEuro)
                .reduce(BigDecimal.ZERO, BigDecimal::add),
            stock.allocations(c.id(), cluster.id()),
            stock.signals(c.id(), cluster.id()),
            areas.names(cluster.buurtCodes())));
    return "stock/complex";
  }

  private Membership membership(String corporation) {
    if (corporation != null && !corporation.isBlank()) {
      Membership m = currentUser.requireStaff(corporation.strip().toUpperCase(Locale.ROOT));
      currentUser.choose(m.corporationCode());
      return m;
    }
    return currentUser
        .findDefaultMembership()
        .orElseThrow(
            () ->
                new nl.veerkracht.common.ForbiddenException(
                    "You are not staff of any corporation."));
  }
}
