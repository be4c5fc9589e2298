package nl.veerkracht.agreement;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import nl.veerkracht.agreement.domain.AgreementStatus;
import nl.veerkracht.area.AreaRepository;
import nl.veerkracht.audit.AuditLog;
import nl.veerkracht.common.ForbiddenException;
import nl.veerkracht.common.InvalidInputException;
import nl.veerkracht.common.NotFoundException;
import nl.veerkracht.common.Text;
import nl.veerkracht.corporation.Corporation;
import nl.veerkracht.corporation.CorporationRepository;
import nl.veerkracht.measure.MeasureRepository;
import nl.veerkracht.measure.MeasureService;
import nl.veerkracht.measure.PlannedMeasure;
import nl.veerkracht.monitor.TargetMonitor;
import nl.veerkracht.security.CurrentUser;
import nl.veerkracht.security.Membership;
import nl.veerkracht.security.Organisations;
import nl.veerkracht.stock.StockRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Prestatieafspraken: staff of the corporation read them and (when their role may plan) make,
 * change and remove them; a partner account reads those its organisation is party to. Anyone else
 * gets "not found", so nothing reveals that an agreement exists.
 */
@Service
public class AgreementService {

  /** What a caller sends to make or change an agreement; codes, as the API takes them. */
  public record Request(
      String corporation,
      String title,
      String text,
      String gemeente,
      Integer startYear,
      Integer endYear,
      List<String> parties,
      List<String> areas,
      List<String> complexes,
      List<Long> measures) {}

  /** An agreement with its status (from the targets of its measures). */
  public record Assessed(
      Agreement agreement,
      AgreementStatus.Outcome outcome,
      List<TargetMonitor.TargetView> targets) {}

  /** A measure of the agreement with what was budgeted and spent. */
  public record MeasureLine(
      long id,
      String title,
      String scope,
      String lever,
      String status,
      int startYear,
      int endYear,
      BigDecimal budgetTotal,
      BigDecimal spentUpToYear,
      BigDecimal spentTotal) {}

  /** The yearly evaluation for the three parties: agreed, done, and where the figures went. */
  public record Evaluation(
      Assessed assessed,
      int year,
      java.time.LocalDate made,
      List<MeasureLine> measures,
      BigDecimal budgetTotal,
      BigDecimal spentUpToYear) {}

  private final AgreementRepository repository;
  private final MeasureService measureService;
  private final MeasureRepository measures;
  private final TargetMonitor targets;
  private final CurrentUser currentUser;
  private final Organisations organisations;
  private final CorporationRepository corporations;
  private final AreaRepository areas;
  private final StockRepository stock;
  private final AuditLog audit;

  public AgreementService(
      AgreementRepository repository,
      MeasureService measureService,
      MeasureRepository measures,
      TargetMonitor targets,
      CurrentUser currentUser,
      Organisations organisations,
      CorporationRepository corporations,
      AreaRepository areas,
      StockRepository stock,
      AuditLog audit) {
    this.repository = repository;
    this.measureService = measureService;
    this.measures = measures;
    this.targets = targets;
    this.currentUser = currentUser;
    this.organisations = organisations;
    this.corporations = corporations;
    this.areas = areas;
    this.stock = stock;
    this.audit = audit;
  }

  /** The caller's membership of the corporation (or the one they work on); refused unless staff. */
  public Membership staff(String corporation) {
    return currentUser.requireStaffOrDefault(corporation);
  }

  /** The caller's membership of the corporation with this id; refused unless staff. */
  public Membership staff(long corporationId) {
    return currentUser.requireStaff(corporationId);
  }

  /**
   * For staff, the corporation's agreements (its default one without a code); for a partner
   * account, those its organisation is party to.
   */
  public List<Assessed> list(String corporation) {
    Optional<Organisations.Organisation> partner = organisations.ofCaller();
    List<Agreement> found =
        partner.isPresent()
            ? repository.ofOrganisation(partner.get().id())
            : repository.ofCorporation(measureService.reader(corporation).corporationId());
    return found.stream().map(this::assess).toList();
  }

  /** One agreement the caller may read. */
  public Assessed get(long id) {
    return assess(readable(id));
  }

  public Evaluation evaluation(long id, Integer year) {
    Assessed a = get(id);
    Agreement g = a.agreement();
    int y = year == null ? Math.min(java.time.LocalDate.now().getYear(), g.endYear()) : year;
    if (y < 2000 || y > 2100) {
      throw new InvalidInputException(Text.msg("agreement.error.year"));
    }
    Map<Long, SortedMap<Integer, BigDecimal>> spent = measures.spending(g.corporationId());
    List<MeasureLine> lines = new ArrayList<>();
    BigDecimal budget = BigDecimal.ZERO;
    BigDecimal spentSoFar = BigDecimal.ZERO;
    for (PlannedMeasure p : linkedMeasures(g)) {
      SortedMap<Integer, BigDecimal> s = spent.getOrDefault(p.id(), new TreeMap<>());
      BigDecimal upTo = s.headMap(y + 1).values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
      BigDecimal all = s.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
      lines.add(
          new MeasureLine(
              p.id(),
              p.title(),
              p.scope(),
              p.lever(),
              p.status(),
              p.startYear(),
              p.endYear(),
              p.total(),
              upTo,
              all));
      budget = budget.add(p.total());
      spentSoFar = spentSoFar.add(upTo);
    }
    return new Evaluation(a, y, java.time.LocalDate.now(), lines, budget, spentSoFar);
  }

  @Transactional
  public Assessed create(Request body) {
    Request r = body == null ? empty() : body;
    Membership m = planner(r.corporation());
    AgreementRepository.Draft d = draft(m, r);
    String by = currentUser.findUsername().orElse("?");
    long id = repository.insert(m.corporationId(), d, by);
    audit.record("agreement.create", m.corporationId(), d.title(), Map.of("id", id));
    return get(id);
  }

  @Transactional
  public Assessed update(long id, Request body) {
    Request r = body == null ? empty() : body;
    Agreement g = readable(id);
    Membership m = planner(g.corporationCode());
    AgreementRepository.Draft d = draft(m, r);
    repository.update(id, d);
    audit.record(
        "agreement.update",
        m.corporationId(),
        d.title(),
        Map.of("id", id, "was", g.title(), "is", d.title()));
    return get(id);
  }

  @Transactional
  public void delete(long id) {
    Agreement g = readable(id);
    Membership m = planner(g.corporationCode());
    repository.delete(id);
    audit.record("agreement.delete", m.corporationId(), g.title(), Map.of("id", id));
  }

  /** The measures of an agreement, in its order, as the corporation holds them now. */
  public List<PlannedMeasure> linkedMeasures(Agreement g) {
    List<PlannedMeasure> out = new ArrayList<>();
    for (long id : g.measureIds()) {
      measures.find(g.corporationId(), id).ifPresent(out::add);
    }
    return out;
  }

  /** The measures a planner may link: every measure of the corporation. */
  public List<PlannedMeasure> linkable(long corporationId) {
    return measures.list(corporationId, null, null);
  }

  private Assessed assess(Agreement g) {
    List<TargetMonitor.TargetView> views = targets.targetsOf(g.corporationId(), g.measureIds());
    return new Assessed(
        g, AgreementStatus.of(views.stream().map(v -> v.assessment().status()).toList()), views);
  }

  /** The agreement when the caller may read it: its corporation's staff or a party's partner. */
  private Agreement readable(long id) {
    Optional<Organisations.Organisation> partner = organisations.ofCaller();
    Optional<Agreement> found = repository.find(id);
    boolean may =
        found.isPresent()
            && (partner.isPresent()
                ? found.get().parties().stream()
                    .anyMatch(p -> p.organisationId() == partner.get().id())
                : currentUser.memberships().stream()
                    .anyMatch(m -> m.corporationId() == found.get().corporationId()));
    if (!may) {
      throw new NotFoundException(Text.msg("agreement.notFound", "id", String.valueOf(id)));
    }
    return found.get();
  }

  private Membership planner(String corporation) {
    if (organisations.ofCaller().isPresent()) {
      throw new ForbiddenException(Text.msg("agreement.error.partnerWrites"));
    }
    Membership m = measureService.reader(corporation);
    if (!m.role().canPlan()) {
      throw new ForbiddenException(
          Text.msg("agreement.error.role", "corporation", m.corporationName()));
    }
    return m;
  }

  private static Request empty() {
    return new Request(null, null, null, null, null, null, null, null, null, null);
  }

  /** Checks every part of a request and turns names into rows; refuses the first wrong one. */
  private AgreementRepository.Draft draft(Membership m, Request r) {
    String title = r.title() == null ? "" : r.title().strip();
    if (title.isEmpty() || title.length() > 200) {
      throw new InvalidInputException(Text.msg("agreement.error.title"));
    }
    String text = r.text() == null ? "" : r.text().strip();
    if (text.length() > 20_000) {
      throw new InvalidInputException(Text.msg("agreement.error.text"));
    }
    String gemeente = code(r.gemeente());
    if (!gemeente.matches("GM[0-9]{4}") || areas.names(List.of(gemeente)).isEmpty()) {
      throw new InvalidInputException(Text.msg("agreement.error.gemeente", "code", gemeente));
    }
    Integer from = r.startYear();
    Integer to = r.endYear();
    if (from == null || to == null || from < 2000 || to > 2100 || to < from) {
      throw new InvalidInputException(Text.msg("agreement.error.years"));
    }
    List<Long> parties = new ArrayList<>();
    for (String p : distinct(r.parties())) {
      Organisations.Organisation o =
          organisations
              .find(code(p))
              .orElseThrow(
                  () -> new InvalidInputException(Text.msg("agreement.error.party", "code", p)));
      parties.add(o.id());
    }
    List<String> areaCodes = new ArrayList<>();
    for (String a : distinct(r.areas())) {
      String c = code(a);
      if (!c.matches("BU[0-9]{8}|WK[0-9]{6}|GM[0-9]{4}") || areas.names(List.of(c)).isEmpty()) {
        throw new InvalidInputException(Text.msg("agreement.error.area", "code", a));
      }
      areaCodes.add(c);
    }
    Corporation c = corporations.findById(m.corporationId()).orElseThrow();
    List<Long> clusters = new ArrayList<>();
    for (String k : distinct(r.complexes())) {
      clusters.add(
          stock
              .cluster(c.id(), c.complexClusterType(), k.strip())
              .orElseThrow(
                  () ->
                      new InvalidInputException(
                          Text.msg("agreement.error.complex", "code", k, "corporation", c.name())))
              .id());
    }
    List<Long> measureIds = new ArrayList<>();
    for (Long id : r.measures() == null ? List.<Long>of() : r.measures()) {
      if (id == null || measures.find(c.id(), id).isEmpty()) {
        throw new InvalidInputException(
            Text.msg("agreement.error.measure", "id", String.valueOf(id), "corporation", c.name()));
      }
      if (!measureIds.contains(id)) {
        measureIds.add(id);
      }
    }
    return new AgreementRepository.Draft(
        title, text, gemeente, from, to, parties, areaCodes, clusters, measureIds);
  }

  private static String code(String s) {
    return s == null ? "" : s.strip().toUpperCase(Locale.ROOT);
  }

  private static List<String> distinct(List<String> values) {
    if (values == null) {
      return List.of();
    }
    return List.copyOf(
        new LinkedHashSet<>(
            values.stream().filter(v -> v != null && !v.isBlank()).map(String::strip).toList()));
  }
}
