package nl.veerkracht.profile;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import nl.veerkracht.analysis.domain.ComplexFigures;
import nl.veerkracht.common.NotFoundException;
import nl.veerkracht.common.Text;
import nl.veerkracht.corporation.CorporationRepository;
import nl.veerkracht.profile.ComplexProfile.BuurtView;
import nl.veerkracht.profile.ComplexProfile.ComplexRef;
import nl.veerkracht.security.Membership;
import nl.veerkracht.stock.StockRepository;
import org.springframework.stereotype.Service;

/**
 * Complex profiles: the figures of the complex's buurten ({@link ComplexIndicators}) and its own
 * operations ({@link ComplexOperations}), filtered for the audience by {@link AudiencePolicy}.
 */
@Service
public class ProfileService {

  private final ProfileRepository profiles;
  private final StockRepository stock;
  private final CorporationRepository corporations;
  private final ComplexIndicators indicators;
  private final ComplexOperations operations;
  private final OwnShares ownShares;
  private final Clock clock;

  public ProfileService(
      ProfileRepository profiles,
      StockRepository stock,
      CorporationRepository corporations,
      ComplexIndicators indicators,
      ComplexOperations operations,
      OwnShares ownShares,
      Clock clock) {
    this.profiles = profiles;
    this.stock = stock;
    this.corporations = corporations;
    this.indicators = indicators;
    this.operations = operations;
    this.ownShares = ownShares;
    this.clock = clock;
  }

  /** Own units / CBS dwellings per buurt, next to the CBS share, for the newest division linked. */
  public List<OwnShareView> ownShares(Membership m) {
    return ownShares.list(m);
  }

  /**
   * The profile of one complex for an audience.
   *
   * @param fromYear first year of the maintenance plan and the year of the rent limits; this year
   *     when null
   */
  public ComplexProfile complex(
      Membership m, String type, String code, Audience audience, Integer fromYear) {
    StockRepository.ClusterSummary cluster =
        stock
            .cluster(m.corporationId(), type, code)
            .orElseThrow(
                () ->
                    new NotFoundException(
                        Text.msg(
                            "error.noComplexOfType",
                            "type",
                            String.valueOf(type),
                            "code",
                            String.valueOf(code))));
    AudiencePolicy policy = AudiencePolicy.of(audience);
    long corp = m.corporationId();
    int totalUnits = profiles.clusterUnits(corp, cluster.id());
    Integer year = profiles.linkYear(corp).orElse(null);
    List<ComplexFigures.Share> shares = new ArrayList<>();
    if (year != null) {
      for (ProfileRepository.BuurtUnits b : profiles.buurtUnits(corp, cluster.id(), year)) {
        shares.add(new ComplexFigures.Share(b.buurtCode(), b.buurtName(), b.units()));
      }
    }
    int from = fromYear != null ? fromYear : LocalDate.now(clock).getYear();
    List<BuurtView> buurten =
        shares.stream()
            .map(s -> new BuurtView(s.buurtCode(), s.buurtName(), policy.count(s.units())))
            .toList();
    return new ComplexProfile(
        m.corporationCode(),
        new ComplexRef(cluster.code(), cluster.name(), cluster.type(), policy.count(totalUnits)),
        audience.id(),
        year,
        buurten,
        indicators.of(m, shares, policy),
        operations.plan(corp, cluster.id(), from, policy),
        operations.rents(corp, cluster.id(), from, policy),
        operations.turnover(corp, cluster.id(), totalUnits, policy),
        operations.allocations(corp, cluster.id(), policy),
        operations.signals(corp, cluster.id(), totalUnits, policy),
        policy.note());
  }

  public List<ProfileRepository.ComplexPoint> complexPoints(Membership m, String type) {
    return profiles.complexPoints(m.corporationId(), type);
  }

  /** The corporation's complexes with units in an area (staff only: the caller checked). */
  public List<ProfileRepository.ComplexInArea> complexesIn(Membership m, String areaCode) {
    return profiles.complexesIn(m.corporationId(), defaultType(m), areaCode);
  }

  public String defaultType(Membership m) {
    return corporations.findById(m.corporationId()).map(c -> c.complexClusterType()).orElse("OND");
  }
}
