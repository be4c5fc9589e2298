package nl.veerkracht.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import nl.veerkracht.area.AreaRepository;
import nl.veerkracht.atelier.FigureCards;
import nl.veerkracht.audit.AuditLog;
import nl.veerkracht.common.ConflictException;
import nl.veerkracht.common.ForbiddenException;
import nl.veerkracht.common.InvalidInputException;
import nl.veerkracht.common.NotFoundException;
import nl.veerkracht.common.Text;
import nl.veerkracht.corporation.Corporation;
import nl.veerkracht.corporation.CorporationRepository;
import nl.veerkracht.measure.AtelierDecisions;
import nl.veerkracht.measure.MeasureRepository;
import nl.veerkracht.measure.MeasureRequests;
import nl.veerkracht.measure.MeasureService;
import nl.veerkracht.measure.MjobLinkRepository;
import nl.veerkracht.measure.PlannedMeasure;
import nl.veerkracht.security.CurrentUser;
import nl.veerkracht.security.Membership;
import nl.veerkracht.stock.StockRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Beheerplannen per area or complex. The draft is what the measures, MJOB links, figures and the
 * plan's texts say now; a manager's approval freezes it as the next version (kept as JSON, never
 * changed). When the draft differs from the newest approved version, it is the next version's
 * concept.
 */
@Service
public class PlanService {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  /** Which plan: a complex code of the corporation or an area code (exactly one). */
  public record ScopeRef(String corporation, String complex, String area) {}

  /**
   * The plan as its page shows it: the content of {@code version} (the draft when {@code approved}
   * is null).
   */
  public record Shown(
      Membership membership,
      PlanContent content,
      int version,
      PlanRepository.Version approved,
      boolean changedSinceApproval,
      List<PlanRepository.Version> versions) {}

  private record Resolved(
      Membership membership,
      Corporation corporation,
      String areaCode,
      Long clusterId,
      String code,
      String name,
      int units,
      List<String> buurten) {}

  private final MeasureService measureService;
  private final MeasureRepository measures;
  private final MjobLinkRepository mjob;
  private final AtelierDecisions decisions;
  private final PlanRepository plans;
  private final FigureCards figureCards;
  private final CorporationRepository corporations;
  private final StockRepository stock;
  private final AreaRepository areas;
  private final CurrentUser currentUser;
  private final AuditLog audit;

  public PlanService(
      MeasureService measureService,
      MeasureRepository measures,
      MjobLinkRepository mjob,
      AtelierDecisions decisions,
      PlanRepository plans,
      FigureCards figureCards,
      CorporationRepository corporations,
      StockRepository stock,
      AreaRepository areas,
      CurrentUser currentUser,
      AuditLog audit) {
    this.measureService = measureService;
    this.measures = measures;
    this.mjob = mjob;
    this.decisions = decisions;
    this.plans = plans;
    this.figureCards = figureCards;
    this.corporations = corporations;
    this.stock = stock;
    this.areas = areas;
    this.currentUser = currentUser;
    this.audit = audit;
  }

  /**
   * The plan in {@code version}, or the current draft when null.
   *
   * @throws NotFoundException for a version that was never approved
   */
  public Shown show(ScopeRef ref, Integer version) {
    Resolved r = resolve(ref, false);
    PlanContent draft = draft(r);
    List<PlanRepository.Version> versions =
        plans
            .find(r.corporation().id(), r.areaCode(), r.clusterId())
            .map(p -> plans.versions(p.id()))
            .orElse(List.of());
    PlanRepository.Version newest = versions.isEmpty() ? null : versions.get(versions.size() - 1);
    boolean changed = newest == null || !same(draft, frozen(r, newest.version()));
    if (version != null) {
      PlanRepository.Version v =
          versions.stream()
              .filter(x -> x.version() == version)
              .findFirst()
              .orElseThrow(
                  () ->
                      new NotFoundException(
                          Text.msg("error.plan.noVersion", "version", String.valueOf(version))));
      return new Shown(r.membership(), frozen(r, version), version, v, changed, versions);
    }
    if (!changed) {
      return new Shown(r.membership(), draft, newest.version(), newest, false, versions);
    }
    int next = newest == null ? 1 : newest.version() + 1;
    return new Shown(r.membership(), draft, next, null, true, versions);
  }

  /** An approved version with the list of all approved versions of its plan. */
  public record Approved(
      PlanContent content, PlanRepository.Version version, List<PlanRepository.Version> versions) {}

  /**
   * The corporation's plans with at least one approved version. Checks nothing about the caller:
   * for callers whose access was decided elsewhere (a partner's share, see the partner package).
   */
  public List<PlanRepository.Listed> approvedPlans(long corporationId) {
    return plans.list(corporationId).stream().filter(l -> l.newestVersion() > 0).toList();
  }

  /**
   * An approved version ({@code version}, or the newest when null) of the plan of a complex or
   * area. Like {@link #approvedPlans}, it checks nothing about the caller.
   */
  public java.util.Optional<Approved> approved(
      long corporationId, String scopeKind, String scopeCode, Integer version) {
    Corporation c = corporations.findById(corporationId).orElseThrow();
    Long clusterId = null;
    String area = null;
    if ("complex".equals(scopeKind)) {
      var cluster = stock.cluster(c.id(), c.complexClusterType(), scopeCode);
      if (cluster.isEmpty()) {
        return java.util.Optional.empty();
      }
      clusterId = cluster.get().id();
    } else {
      area = scopeCode;
    }
    var plan = plans.find(c.id(), area, clusterId);
    if (plan.isEmpty()) {
      return java.util.Optional.empty();
    }
    List<PlanRepository.Version> versions = plans.versions(plan.get().id());
    return versions.stream()
        .filter(
            v -> version == null ? v == versions.get(versions.size() - 1) : v.version() == version)
        .findFirst()
        .map(
            v ->
                new Approved(
                    JSON.readValue(
                        plans.content(plan.get().id(), v.version()).orElseThrow(),
                        PlanContent.class),
                    v,
                    versions));
  }

  /** Every area or complex of the corporation with a plan or measures. */
  public List<PlanRepository.Listed> list(String corporation) {
    return plans.list(measureService.reader(corporation).corporationId());
  }

  @Transactional
  public void saveTexts(ScopeRef ref, PlanRequests.DraftTexts texts) {
    Resolved r = resolve(ref, true);
    String summary = texts == null || texts.summary() == null ? "" : texts.summary().trim();
    String agreements =
        texts == null || texts.agreements() == null ? "" : texts.agreements().trim();
    if (summary.length() > 5000 || agreements.length() > 5000) {
      throw new InvalidInputException(Text.msg("measure.invalid.length"));
    }
    long id = plans.lock(r.corporation().id(), r.areaCode(), r.clusterId());
    plans.saveTexts(id, summary, agreements);
    audit.record("plan.edit", r.corporation().id(), "beheerplan " + r.code(), Map.of());
  }

  /**
   * Freezes the draft as the next version.
   *
   * @throws ConflictException when nothing changed since the newest approved version
   */
  @Transactional
  public int approve(ScopeRef ref) {
    // who asks comes before what they ask about: a viewer learns nothing from a wrong scope
    Membership m = measureService.reader(ref.corporation());
    if (!m.role().canApprove()) {
      throw new ForbiddenException(
          Text.msg("error.plan.approveRole", "corporation", String.valueOf(m.corporationCode())));
    }
    Resolved r = resolve(ref, false);
    long id = plans.lock(r.corporation().id(), r.areaCode(), r.clusterId());
    List<PlanRepository.Version> versions = plans.versions(id);
    PlanContent draft = draft(r);
    if (!versions.isEmpty()
        && same(draft, frozen(r, versions.get(versions.size() - 1).version()))) {
      throw new ConflictException(
          Text.msg(
              "error.plan.unchanged",
              "version",
              String.valueOf(versions.get(versions.size() - 1).version())));
    }
    int next = versions.size() + 1;
    // the frozen version names the approver as people know them, by their full name
    String by = currentUser.displayName();
    plans.insertVersion(id, next, JSON.writeValueAsString(draft), by);
    audit.record(
        "plan.approve",
        r.corporation().id(),
        "beheerplan " + r.code(),
        Map.of("version", next, "measures", draft.measures().size()));
    return next;
  }

  /**
   * Reads back an edited workbook of this plan: every row of sheet Maatregelen whose fields differ
   * from its measure updates that measure, all in one transaction; any bad row changes nothing.
   *
   * @return the number of measures changed
   */
  @Transactional
  public int importXlsx(ScopeRef ref, byte[] bytes) {
    Resolved r = resolve(ref, true);
    java.util.Map<Long, PlannedMeasure> own = new java.util.HashMap<>();
    measures
        .list(r.corporation().id(), r.clusterId(), r.areaCode())
        .forEach(p -> own.put(p.id(), p));
    int changed = 0;
    for (PlanXlsxReader.Edited e : PlanXlsxReader.read(bytes)) {
      PlannedMeasure p = own.get(e.id());
      if (p == null) {
        throw new InvalidInputException(
            Text.msg("plan.import.unknown", "row", e.row(), "id", e.id()));
      }
      MeasureRequests.Measure edited = PlanXlsxReader.asRequest(r.corporation().code(), p, e);
      if (edited.equals(PlanXlsxReader.asRequest(r.corporation().code(), p, null))) {
        continue;
      }
      try {
        measureService.update(p.id(), edited);
      } catch (InvalidInputException x) {
        throw new InvalidInputException(
            Text.msg("plan.import.row", "row", e.row(), "problem", x.text()));
      }
      changed++;
    }
    audit.record(
        "plan.import", r.corporation().id(), "beheerplan " + r.code(), Map.of("measures", changed));
    return changed;
  }

  private PlanContent frozen(Resolved r, int version) {
    long id = plans.find(r.corporation().id(), r.areaCode(), r.clusterId()).orElseThrow().id();
    return JSON.readValue(plans.content(id, version).orElseThrow(), PlanContent.class);
  }

  private static boolean same(PlanContent a, PlanContent b) {
    return JSON.readTree(JSON.writeValueAsString(a))
        .equals(JSON.readTree(JSON.writeValueAsString(b)));
  }

  private Resolved resolve(ScopeRef ref, boolean plan) {
    Membership m =
        plan ? measureService.planner(ref.corporation()) : measureService.reader(ref.corporation());
    Corporation c = corporations.findById(m.corporationId()).orElseThrow();
    boolean complex = ref.complex() != null && !ref.complex().isBlank();
    boolean area = ref.area() != null && !ref.area().isBlank();
    if (complex == area) {
      throw new InvalidInputException(Text.msg("measure.invalid.scope"));
    }
    if (complex) {
      StockRepository.ClusterSummary s =
          stock
              .cluster(c.id(), c.complexClusterType(), ref.complex().trim())
              .orElseThrow(
                  () ->
                      new NotFoundException(
                          Text.msg("error.noComplex", "code", String.valueOf(ref.complex()))));
      return new Resolved(
          m, c, null, s.id(), s.code(), s.name(), s.units(), List.copyOf(s.buurtCodes()));
    }
    String code = ref.area().trim().toUpperCase(Locale.ROOT);
    String name = areas.names(List.of(code)).get(code);
    if (name == null) {
      throw new NotFoundException(Text.msg("error.noArea", "code", String.valueOf(code)));
    }
    return new Resolved(
        m, c, code, null, code, name, measures.unitsInArea(c.id(), code), List.of(code));
  }

  private PlanContent draft(Resolved r) {
    List<PlanContent.Entry> entries = new ArrayList<>();
    List<PlanContent.AtelierOutcome> outcomes = new ArrayList<>();
    TreeSet<String> partners = new TreeSet<>();
    List<String> sources = new ArrayList<>();
    boolean anyMjob = false;
    for (PlannedMeasure p : measures.list(r.corporation().id(), r.clusterId(), r.areaCode())) {
      List<PlanContent.MjobEntry> lines =
          mjob.ofMeasure(r.corporation().id(), p.id()).stream()
              .map(
                  l ->
                      new PlanContent.MjobEntry(
                          l.year(), l.movedToYear(), l.activity(), l.costEuro()))
              .toList();
      anyMjob |= !lines.isEmpty();
      entries.add(PlanContent.Entry.of(p, lines, measureService.warnings(p)));
      for (String partner : p.partners().split("[,;]")) {
        if (!partner.isBlank()) {
          partners.add(partner.trim());
        }
      }
      if (p.atelier() != null && p.atelier().atelierMeasureId() != null) {
        decisions
            .find(p.atelier().atelierMeasureId())
            .ifPresent(
                d -> {
                  outcomes.add(
                      new PlanContent.AtelierOutcome(
                          d.atelierId(),
                          d.atelierName(),
                          d.heldOn() == null ? null : d.heldOn().toString(),
                          d.problemAreaName(),
                          d.title(),
                          d.votes(),
                          d.rank(),
                          d.pins()));
                  sources.add("Atelier: " + d.atelierName());
                });
      }
    }
    List<FigureCards.Card> context =
        r.buurten().isEmpty() ? List.of() : figureCards.cards(r.buurten(), FigureCards.ALL, false);
    for (FigureCards.Card c : context) {
      if (c.source() != null && !sources.contains(c.source())) {
        sources.add(0, c.source());
      }
    }
    if (anyMjob) {
      sources.add("MJOB " + r.corporation().name());
    }
    if (entries.stream().anyMatch(e -> e.streefhuurEuro() != null)) {
      sources.add("Huurgrenzen: Rijksoverheid (tabel rent_limit)");
    }
    java.math.BigDecimal total =
        entries.stream()
            .map(PlanContent.Entry::total)
            .reduce(java.math.BigDecimal.ZERO, java.math.BigDecimal::add);
    PlanRepository.Plan texts =
        plans
            .find(r.corporation().id(), r.areaCode(), r.clusterId())
            .orElse(new PlanRepository.Plan(0, "", ""));
    return new PlanContent(
        r.corporation().code(),
        r.corporation().name(),
        r.clusterId() != null ? "complex" : "area",
        r.code(),
        r.name(),
        r.units(),
        texts.summary(),
        texts.agreements(),
        context,
        outcomes,
        entries,
        List.copyOf(partners),
        List.copyOf(new java.util.LinkedHashSet<>(sources)),
        total);
  }
}
