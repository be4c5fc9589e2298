package nl.veerkracht.partner;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.veerkracht.atelier.Atelier;
import nl.veerkracht.atelier.AtelierRepository;
import nl.veerkracht.atelier.Caller;
import nl.veerkracht.common.ForbiddenException;
import nl.veerkracht.common.NotFoundException;
import nl.veerkracht.common.Text;
import nl.veerkracht.corporation.Corporation;
import nl.veerkracht.corporation.CorporationRepository;
import nl.veerkracht.plan.PlanContent;
import nl.veerkracht.plan.PlanRepository;
import nl.veerkracht.plan.PlanService;
import nl.veerkracht.security.CurrentUser;
import nl.veerkracht.security.Organisations;
import nl.veerkracht.stock.StockRepository;
import org.springframework.stereotype.Service;

/**
 * A partner's side: what corporations shared with the partner's organisation, and nothing else.
 * This is the one place that decides what a partner reads: for every share, the approved versions
 * of the beheerplannen in its scope (never a draft; without amounts, MJOB lines or rent) and the
 * ateliers held there (their results as the room sees them). A share of an area covers the areas
 * within it and the complexes with homes there; a share of a complex covers that complex.
 */
@Service
public class PartnerViews {

  /** A plan a share covers, with its newest approved version. */
  public record SharedPlan(
      String corporationCode, String scopeKind, String scopeCode, int newestVersion) {}

  /** An atelier a share covers. */
  public record SharedAtelier(long id, String name, String corporationCode, String heldOn) {}

  /** One share with what it covers. */
  public record Covered(
      PartnerShareRepository.Share share, List<SharedPlan> plans, List<SharedAtelier> ateliers) {}

  /** What the caller's organisation was given. */
  public record Overview(Organisations.Organisation organisation, List<Covered> shares) {}

  private final Organisations organisations;
  private final PartnerShareRepository shares;
  private final PlanService plans;
  private final AtelierRepository ateliers;
  private final CorporationRepository corporations;
  private final StockRepository stock;
  private final CurrentUser currentUser;

  public PartnerViews(
      Organisations organisations,
      PartnerShareRepository shares,
      PlanService plans,
      AtelierRepository ateliers,
      CorporationRepository corporations,
      StockRepository stock,
      CurrentUser currentUser) {
    this.organisations = organisations;
    this.shares = shares;
    this.plans = plans;
    this.ateliers = ateliers;
    this.corporations = corporations;
    this.stock = stock;
    this.currentUser = currentUser;
  }

  /** The caller's organisation; a caller who is no partner is refused. */
  Organisations.Organisation organisation() {
    return organisations
        .ofCaller()
        .orElseThrow(() -> new ForbiddenException(Text.msg("error.partner.onlyPartners")));
  }

  public Overview overview() {
    Organisations.Organisation o = organisation();
    List<Covered> out = new ArrayList<>();
    Map<Long, Map<String, List<String>>> buurtenOfComplexes = new LinkedHashMap<>();
    // several shares of one corporation read its plans and ateliers once
    Map<Long, List<PlanRepository.Listed>> plansOf = new LinkedHashMap<>();
    Map<Long, List<Atelier>> ateliersOf = new LinkedHashMap<>();
    for (PartnerShareRepository.Share s : shares.ofOrganisation(o.id())) {
      List<SharedPlan> covered = new ArrayList<>();
      for (PlanRepository.Listed l :
          plansOf.computeIfAbsent(s.corporationId(), plans::approvedPlans)) {
        if (covers(s, l.scopeKind(), l.scopeCode(), buurtenOfComplexes)) {
          covered.add(
              new SharedPlan(s.corporationCode(), l.scopeKind(), l.scopeCode(), l.newestVersion()));
        }
      }
      List<SharedAtelier> held = new ArrayList<>();
      for (Atelier a :
          ateliersOf.computeIfAbsent(s.corporationId(), id -> ateliers.listFor(List.of(id)))) {
        if (covers(s, a)) {
          held.add(
              new SharedAtelier(
                  a.id(),
                  a.name(),
                  s.corporationCode(),
                  a.heldOn() == null ? null : a.heldOn().toString()));
        }
      }
      out.add(new Covered(s, covered, held));
    }
    return new Overview(o, out);
  }

  /**
   * An approved version of a shared plan, without amounts, MJOB lines, rent or warnings.
   *
   * @throws NotFoundException when no share of the caller's organisation covers the plan, or it has
   *     no approved version (the same answer, so nothing unshared is revealed)
   */
  public PlanService.Approved plan(
      String corporation, String complex, String area, Integer version) {
    Organisations.Organisation o = organisation();
    boolean isComplex = complex != null && !complex.isBlank();
    String kind = isComplex ? "complex" : "area";
    String code =
        isComplex
            ? complex.trim()
            : area == null ? "" : area.trim().toUpperCase(java.util.Locale.ROOT);
    Corporation c =
        corporations
            .findByCode(
                corporation == null ? "" : corporation.trim().toUpperCase(java.util.Locale.ROOT))
            .orElseThrow(() -> notShared());
    Map<Long, Map<String, List<String>>> cache = new LinkedHashMap<>();
    boolean shared =
        shares.ofOrganisation(o.id()).stream()
            .anyMatch(s -> s.corporationId() == c.id() && covers(s, kind, code, cache));
    if (!shared || code.isEmpty()) {
      throw notShared();
    }
    PlanService.Approved a =
        plans.approved(c.id(), kind, code, version).orElseThrow(PartnerViews::notShared);
    return new PlanService.Approved(redacted(a.content()), a.version(), a.versions());
  }

  /**
   * An atelier a share covers, as the caller its results are read as.
   *
   * @throws NotFoundException when no share of the caller's organisation covers it
   */
  public Shared<Atelier> atelier(long id) {
    Organisations.Organisation o = organisation();
    Atelier a = ateliers.find(id).orElseThrow(PartnerViews::notShared);
    boolean shared =
        shares.ofOrganisation(o.id()).stream()
            .anyMatch(s -> s.corporationId() == a.corporationId() && covers(s, a));
    if (!shared) {
      throw notShared();
    }
    return new Shared<>(a, new Caller.Partner(currentUser.findUsername().orElseThrow(), o.code()));
  }

  /** A shared thing with the caller that reads it. */
  public record Shared<T>(T value, Caller caller) {}

  private static NotFoundException notShared() {
    return new NotFoundException(Text.msg("error.partner.notShared"));
  }

  private boolean covers(
      PartnerShareRepository.Share s,
      String kind,
      String code,
      Map<Long, Map<String, List<String>>> cache) {
    if (s.clusterId() != null) {
      return "complex".equals(kind) && code.equals(s.complexCode());
    }
    if ("area".equals(kind)) {
      return Coverage.within(code, s.areaCode());
    }
    List<String> buurten = complexBuurten(s.corporationId(), cache).get(code);
    return buurten != null && Coverage.anyWithin(buurten, s.areaCode());
  }

  /** The buurten each complex of the corporation has homes in, read once per overview. */
  private Map<String, List<String>> complexBuurten(
      long corporationId, Map<Long, Map<String, List<String>>> cache) {
    return cache.computeIfAbsent(
        corporationId,
        id -> {
          Corporation c = corporations.findById(id).orElseThrow();
          Map<String, List<String>> out = new java.util.HashMap<>();
          stock
              .clusters(id, c.complexClusterType())
              .forEach(k -> out.put(k.code(), k.buurtCodes()));
          return out;
        });
  }

  private static boolean covers(PartnerShareRepository.Share s, Atelier a) {
    if (s.clusterId() != null) {
      return a.complexCodes().contains(s.complexCode());
    }
    return Coverage.anyWithin(a.areaCodes(), s.areaCode());
  }

  /** The plan as a partner reads it: what is planned and agreed, not what it costs. */
  static PlanContent redacted(PlanContent p) {
    List<PlanContent.Entry> entries =
        p.measures().stream()
            .map(
                e ->
                    new PlanContent.Entry(
                        e.id(),
                        e.title(),
                        e.lever(),
                        e.description(),
                        e.status(),
                        e.startYear(),
                        e.endYear(),
                        e.owner(),
                        e.partners(),
                        e.packageName(),
                        List.of(),
                        e.units(),
                        e.unitsCountedOn(),
                        Map.of(),
                        null,
                        e.target(),
                        null,
                        List.of(),
                        List.of()))
            .toList();
    return new PlanContent(
        p.corporationCode(),
        p.corporationName(),
        p.scopeKind(),
        p.scopeCode(),
        p.scopeName(),
        p.units(),
        p.summary(),
        p.agreements(),
        p.context(),
        p.ateliers(),
        entries,
        p.partners(),
        p.sources().stream().filter(x -> !x.startsWith("MJOB")).toList(),
        null);
  }
}
