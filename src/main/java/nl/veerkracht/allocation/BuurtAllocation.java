package nl.veerkracht.allocation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.veerkracht.allocation.domain.Calibration;
import nl.veerkracht.allocation.domain.Route;
import nl.veerkracht.allocation.domain.Scenarios;
import nl.veerkracht.allocation.domain.StockFlow;
import nl.veerkracht.area.AreaRepository;
import nl.veerkracht.common.NotFoundException;
import nl.veerkracht.common.Text;
import org.springframework.stereotype.Service;

/**
 * Two scenarios for all of a corporation's complexes in one buurt: each complex runs its own
 * calibrated model (a complex counts in the buurt that holds most of its units) and the expected
 * households are added up. Staff of the corporation only, like the complexes.
 */
@Service
public class BuurtAllocation {

  private final AllocationService service;
  private final AllocationRecordRepository records;
  private final AreaRepository areas;
  private final AllocationCache cache;

  public BuurtAllocation(
      AllocationService service,
      AllocationRecordRepository records,
      AreaRepository areas,
      AllocationCache cache) {
    this.service = service;
    this.records = records;
    this.areas = areas;
    this.cache = cache;
  }

  /** The buurt a complex counts in, or null. */
  public String buurtOf(String corporation, String complex) {
    AllocationService.Basis basis = service.basis(corporation);
    return records
        .mainBuurt(basis.corporation().id(), basis.corporation().complexClusterType())
        .get(complex);
  }

  public AllocationViews.BuurtComparison compare(
      String corporation, String buurt, AllocationService.Parameters p) {
    AllocationService.Basis basis = service.basis(corporation);
    return cache.get(() -> compute(basis, buurt, p), "buurt", basis.corporation().id(), buurt, p);
  }

  private AllocationViews.BuurtComparison compute(
      AllocationService.Basis basis, String buurt, AllocationService.Parameters p) {
    AllocationService.Checked c = AllocationService.check(p);
    Map<String, String> main =
        records.mainBuurt(basis.corporation().id(), basis.corporation().complexClusterType());
    List<Calibration.ComplexModel> models = new ArrayList<>();
    basis.calibration().complexes().values().stream()
        .filter(m -> buurt.equals(main.get(m.complex())))
        .forEach(models::add);
    if (models.isEmpty()) {
      throw new NotFoundException(
          Text.msg("error.allocation.noComplexes", "buurt", String.valueOf(buurt)));
    }
    return new AllocationViews.BuurtComparison(
        buurt,
        areas.names(List.of(buurt)).getOrDefault(buurt, buurt),
        models.stream().map(Calibration.ComplexModel::complex).toList(),
        c.a().id(),
        c.b().id(),
        path(basis, models, c.a(), c, p.capOrDefault()),
        path(basis, models, c.b(), c, p.capOrDefault()));
  }

  private static List<AllocationViews.BuurtYear> path(
      AllocationService.Basis basis,
      List<Calibration.ComplexModel> models,
      Scenarios scenario,
      AllocationService.Checked c,
      double cap) {
    double[][] sum = new double[c.years() + 1][Route.COUNT];
    for (Calibration.ComplexModel m : models) {
      StockFlow.Path path = AllocationService.expected(basis, m, scenario, c, cap);
      for (int y = 0; y <= c.years(); y++) {
        for (int r = 0; r < Route.COUNT; r++) {
          sum[y][r] += path.byYear()[y][r];
        }
      }
    }
    List<AllocationViews.BuurtYear> out = new ArrayList<>();
    for (int y = 0; y <= c.years(); y++) {
      StockFlow.Path total = new StockFlow.Path(sum, new double[c.years() + 1]);
      Map<String, Double> routes = new LinkedHashMap<>();
      for (Route r : Route.values()) {
        routes.put(r.id(), total.total(y) == 0 ? 0 : sum[y][r.ordinal()] / total.total(y));
      }
      out.add(
          new AllocationViews.BuurtYear(
              basis.calibration().referenceYear() + y,
              total.total(y),
              total.share(y, c.vulnerable()),
              routes));
    }
    return out;
  }
}
