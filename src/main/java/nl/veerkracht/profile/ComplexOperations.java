package nl.veerkracht.profile;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import nl.veerkracht.common.Text;
import nl.veerkracht.monitor.SignalThresholds;
import nl.veerkracht.profile.ComplexProfile.Activity;
import nl.veerkracht.profile.ComplexProfile.AllocationYearView;
import nl.veerkracht.profile.ComplexProfile.LimitView;
import nl.veerkracht.profile.ComplexProfile.Plan;
import nl.veerkracht.profile.ComplexProfile.PlanYear;
import nl.veerkracht.profile.ComplexProfile.Rents;
import nl.veerkracht.profile.ComplexProfile.SignalView;
import nl.veerkracht.profile.ComplexProfile.TurnoverYear;
import org.springframework.stereotype.Service;

/**
 * A complex's own operations: the maintenance plan (MJOB) of five years, rents against the dated
 * limits, turnover, allocations and own signals, each filtered by the audience's policy.
 */
@Service
public class ComplexOperations {

  private final ProfileRepository profiles;
  private final SignalThresholds thresholds;

  public ComplexOperations(ProfileRepository profiles, SignalThresholds thresholds) {
    this.profiles = profiles;
    this.thresholds = thresholds;
  }

  Plan plan(long corporationId, long clusterId, int from, AudiencePolicy policy) {
    TreeMap<Integer, List<ProfileRepository.PlanLine>> byYear = new TreeMap<>();
    for (ProfileRepository.PlanLine l : profiles.plan(corporationId, clusterId, from, from + 4)) {
      byYear.computeIfAbsent(l.year(), k -> new ArrayList<>()).add(l);
    }
    List<PlanYear> years = new ArrayList<>();
    BigDecimal total = BigDecimal.ZERO;
    for (Map.Entry<Integer, List<ProfileRepository.PlanLine>> e : byYear.entrySet()) {
      BigDecimal sum =
          e.getValue().stream()
              .map(ProfileRepository.PlanLine::cost)
              .reduce(BigDecimal.ZERO, BigDecimal::add);
      total = total.add(sum);
      List<Activity> activities =
          e.getValue().stream()
              .map(l -> new Activity(l.activity(), policy.money(l.cost())))
              .toList();
      years.add(new PlanYear(e.getKey(), policy.money(sum), activities));
    }
    return new Plan(from, from + 4, policy.money(total), years);
  }

  Rents rents(long corporationId, long clusterId, int year, AudiencePolicy policy) {
    List<ProfileRepository.RentLimit> limits = profiles.limits(year);
    BigDecimal daeb = amount(limits, "daeb", "all");
    BigDecimal low = amount(limits, "aftopping", "1-2");
    BigDecimal high = amount(limits, "aftopping", "3+");
    List<BigDecimal> known =
        profiles.rents(corporationId, clusterId).stream().filter(Objects::nonNull).toList();
    int above = 0;
    int upToLow = 0;
    int upToHigh = 0;
    BigDecimal sum = BigDecimal.ZERO;
    for (BigDecimal r : known) {
      sum = sum.add(r);
      above += daeb != null && r.compareTo(daeb) > 0 ? 1 : 0;
      upToLow += low != null && r.compareTo(low) <= 0 ? 1 : 0;
      upToHigh += high != null && r.compareTo(high) <= 0 ? 1 : 0;
    }
    BigDecimal mean =
        known.isEmpty()
            ? null
            : sum.divide(BigDecimal.valueOf(known.size()), 2, RoundingMode.HALF_UP);
    int limitsYear =
        limits.stream().mapToInt(ProfileRepository.RentLimit::validYear).max().orElse(year);
    return new Rents(
        policy.count(known.size()),
        policy.showsFigureOver(known.size()) ? mean : null,
        policy.count(above),
        policy.count(upToLow),
        policy.count(upToHigh),
        limitsYear,
        limits.stream()
            .map(l -> new LimitView(l.kind(), l.household(), l.validYear(), l.amount(), l.source()))
            .toList(),
        rentsExplanation(year, daeb, low, high));
  }

  private static Text rentsExplanation(int year, BigDecimal daeb, BigDecimal low, BigDecimal high) {
    Text limits = Text.plain("");
    if (daeb != null) {
      limits = limits.plus(Text.msg("profile.rents.daeb", "amount", euro(daeb)));
    }
    if (low != null) {
      limits = limits.plus(Text.msg("profile.rents.low", "amount", euro(low)));
    }
    if (high != null) {
      limits = limits.plus(Text.msg("profile.rents.high", "amount", euro(high)));
    }
    return Text.msg("profile.rents.explanation", "year", year, "limits", limits);
  }

  private static Text euro(BigDecimal amount) {
    return Text.euro(amount.doubleValue(), 2);
  }

  private static BigDecimal amount(
      List<ProfileRepository.RentLimit> limits, String kind, String household) {
    return limits.stream()
        .filter(l -> l.kind().equals(kind) && l.household().equals(household))
        .map(ProfileRepository.RentLimit::amount)
        .findFirst()
        .orElse(null);
  }

  List<TurnoverYear> turnover(
      long corporationId, long clusterId, int totalUnits, AudiencePolicy policy) {
    List<TurnoverYear> out = new ArrayList<>();
    for (ProfileRepository.YearCount y : profiles.moveOuts(corporationId, clusterId)) {
      // a rate reveals its count: shown only where the count itself may be shown
      boolean show = policy.showsFigureOver(y.count()) && totalUnits > 0;
      Double rate = show ? Math.round(1000.0 * y.count() / totalUnits) / 10.0 : null;
      out.add(new TurnoverYear(y.year(), policy.count(y.count()), rate));
    }
    return out;
  }

  List<AllocationYearView> allocations(long corporationId, long clusterId, AudiencePolicy policy) {
    List<AllocationYearView> out = new ArrayList<>();
    for (ProfileRepository.AllocationYear a : profiles.allocations(corporationId, clusterId)) {
      out.add(
          new AllocationYearView(
              a.year(),
              policy.count(a.total()),
              policy.share(a.lowIncome(), a.incomeKnown()),
              policy.share(a.urgent(), a.total())));
    }
    return out;
  }

  List<SignalView> signals(
      long corporationId, long clusterId, int totalUnits, AudiencePolicy policy) {
    Map<String, Double> own = thresholds.own(corporationId);
    return profiles.signals(corporationId, clusterId).stream()
        .map(
            s -> {
              // a rate reveals its count: shown only where the count itself may be shown
              boolean show = policy.showsFigureOver(s.count()) && totalUnits > 0;
              return new SignalView(
                  s.year(),
                  s.type(),
                  policy.count(s.count()),
                  show ? 100.0 * s.count() / totalUnits : null,
                  own.getOrDefault(s.type(), SignalThresholds.defaultFor(s.type())));
            })
        .toList();
  }
}
