package nl.veerkracht.measure;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import nl.veerkracht.area.domain.AreaCode;
import nl.veerkracht.audit.AuditLog;
import nl.veerkracht.common.ForbiddenException;
import nl.veerkracht.common.InvalidInputException;
import nl.veerkracht.common.NotFoundException;
import nl.veerkracht.common.Text;
import nl.veerkracht.corporation.Corporation;
import nl.veerkracht.corporation.CorporationRepository;
import nl.veerkracht.measure.domain.Cost;
import nl.veerkracht.measure.domain.CostKind;
import nl.veerkracht.measure.domain.Lever;
import nl.veerkracht.security.CurrentUser;
import nl.veerkracht.security.Membership;
import nl.veerkracht.stock.StockRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Planned measures: made from an atelier's decision or directly, checked on the way in (scope,
 * years, costs, target, streefhuur against the dated rent limits), linked to MJOB lines. Every
 * method asks {@link CurrentUser} first.
 */
@Service
public class MeasureService {

  public static final List<String> STATUSES_IN_ORDER =
      List.of("idee", "gepland", "lopend", "afgerond", "geevalueerd");
  static final Set<String> STATUSES = Set.copyOf(STATUSES_IN_ORDER);
  private static final int MAX_COST_LINES = 20;
  private static final BigDecimal MAX_AMOUNT = new BigDecimal("100000000000");

  /** A measure as saved, with what the checks found. */
  public record Saved(long id, List<Text> warnings) {}

  private final CurrentUser currentUser;
  private final CorporationRepository corporations;
  private final StockRepository stock;
  private final MeasureRepository measures;
  private final MjobLinkRepository mjob;
  private final RentChecks rentChecks;
  private final AtelierDecisions decisions;
  private final AuditLog audit;
  private final nl.veerkracht.area.AreaNames areas;
  private final nl.veerkracht.statistics.StatisticsCatalogue statistics;

  public MeasureService(
      CurrentUser currentUser,
      CorporationRepository corporations,
      StockRepository stock,
      MeasureRepository measures,
      MjobLinkRepository mjob,
      RentChecks rentChecks,
      AtelierDecisions decisions,
      AuditLog audit,
      nl.veerkracht.area.AreaNames areas,
      nl.veerkracht.statistics.StatisticsCatalogue statistics) {
    this.currentUser = currentUser;
    this.corporations = corporations;
    this.stock = stock;
    this.measures = measures;
    this.mjob = mjob;
    this.rentChecks = rentChecks;
    this.decisions = decisions;
    this.audit = audit;
    this.areas = areas;
    this.statistics = statistics;
  }

  /** The levers whose measures take up MJOB lines without being asked twice. */
  public static final java.util.Set<String> MJOB_LEVERS = java.util.Set.of("onderhoud");

  /** The caller's membership of the corporation, for reading its plans. */
  public Membership reader(String corporationCode) {
    return currentUser.requireStaffOrDefault(corporationCode);
  }

  /** The caller's membership of the corporation, when their role may plan. */
  public Membership planner(String corporationCode) {
    Membership m = reader(corporationCode);
    if (!m.role().canPlan()) {
      throw new ForbiddenException(
          Text.msg("error.measure.planRole", "corporation", String.valueOf(m.corporationCode())));
    }
    return m;
  }

  @Transactional
  public Saved create(MeasureRequests.Measure body) {
    MeasureRequests.Measure b = body == null ? empty() : body;
    Membership m = planner(b.corporation());
    PlannedMeasure.AtelierLink link = null;
    if (b.atelierMeasureId() != null) {
      AtelierDecisions.Decision d =
          decisions
              .find(b.atelierMeasureId())
              .filter(x -> x.corporationId() == m.corporationId())
              .orElseThrow(() -> invalid("measure.invalid.atelier"));
      link = new PlannedMeasure.AtelierLink(d.atelierMeasureId(), d.atelierId(), d.problemAreaId());
    }
    MeasureRepository.Fields f = fields(m, b);
    long id = measures.insert(m.corporationId(), f, link, currentUser.findUsername().orElseThrow());
    audit.record("measure.create", m.corporationId(), "measure " + id, summary(f));
    return new Saved(id, warnings(m.corporationId(), f));
  }

  @Transactional
  public Saved update(long id, MeasureRequests.Measure body) {
    MeasureRequests.Measure b = body == null ? empty() : body;
    PlannedMeasure existing = get(b.corporation(), id);
    Membership m = planner(b.corporation());
    MeasureRepository.Fields f = fields(m, b);
    if (!java.util.Objects.equals(f.clusterId(), existing.clusterId())) {
      mjob.unlinkAll(id);
    }
    measures.update(m.corporationId(), id, f);
    audit.record("measure.update", m.corporationId(), "measure " + id, summary(f));
    return new Saved(id, warnings(m.corporationId(), f));
  }

  @Transactional
  public void delete(String corporation, long id) {
    Membership m = planner(corporation);
    if (!measures.delete(m.corporationId(), id)) {
      throw new NotFoundException(
          Text.msg(
              "error.measure.noMeasure",
              "id",
              String.valueOf(id),
              "corporation",
              String.valueOf(m.corporationCode())));
    }
    audit.record("measure.delete", m.corporationId(), "measure " + id, Map.of());
  }

  /** The measure, for staff of its corporation (any other caller gets 404 or 403). */
  public PlannedMeasure get(String corporation, long id) {
    Membership m = reader(corporation);
    return measures
        .find(m.corporationId(), id)
        .orElseThrow(
            () ->
                new NotFoundException(
                    Text.msg(
                        "error.measure.noMeasure",
                        "id",
                        String.valueOf(id),
                        "corporation",
                        String.valueOf(m.corporationCode()))));
  }

  public List<Text> warnings(PlannedMeasure p) {
    return rentChecks.check(
        p.corporationId(),
        p.clusterId(),
        p.areaCode(),
        p.streefhuurEuro(),
        p.startYear(),
        p.endYear());
  }

  private List<Text> warnings(long corporationId, MeasureRepository.Fields f) {
    return rentChecks.check(
        corporationId, f.clusterId(), f.areaCode(), f.streefhuurEuro(), f.startYear(), f.endYear());
  }

  /**
   * Replaces the MJOB lines an onderhoud measure takes up; lines must be of the measure's own
   * complex.
   */
  @Transactional
  public List<MjobLinkRepository.Line> linkMjob(
      String corporation, long id, List<MeasureRequests.MjobLink> links) {
    return linkMjob(corporation, id, links, false);
  }

  /**
   * The MJOB lines a measure takes up. They belong to onderhoud measures; a measure of another
   * lever takes lines only when the caller chose so explicitly ({@code otherLever}), as a woning-
   * toewijzing measure that moves €310k of gevelisolatie is a slip, not a plan.
   */
  public List<MjobLinkRepository.Line> linkMjob(
      String corporation, long id, List<MeasureRequests.MjobLink> links, boolean otherLever) {
    PlannedMeasure p = get(corporation, id);
    Membership m = planner(corporation);
    if (p.clusterId() == null) {
      throw invalid("measure.invalid.mjobScope");
    }
    if (!MJOB_LEVERS.contains(p.lever()) && !otherLever && links != null && !links.isEmpty()) {
      throw new InvalidInputException(
          nl.veerkracht.common.Text.msg(
              "measure.invalid.mjobLever",
              "lever",
              nl.veerkracht.common.Text.msg("measure.lever." + p.lever())));
    }
    Set<Long> own =
        new java.util.HashSet<>(
            mjob.ofCluster(m.corporationId(), p.clusterId()).stream()
                .map(MjobLinkRepository.Line::id)
                .toList());
    List<MeasureRequests.MjobLink> asked = links == null ? List.of() : links;
    // a complex has so many lines; a list longer than that cannot be meant (and must not keep
    // the database busy): refused before anything is written
    if (asked.size() > Math.max(own.size(), 1)) {
      throw invalid("measure.invalid.mjobTooMany", "n", own.size());
    }
    Map<Long, Integer> wanted = new java.util.LinkedHashMap<>();
    for (MeasureRequests.MjobLink l : asked) {
      if (l == null || l.lineId() == null || !own.contains(l.lineId())) {
        throw invalid("measure.invalid.mjobLine");
      }
      if (l.movedToYear() != null && (l.movedToYear() < 2000 || l.movedToYear() > 2100)) {
        throw invalid("measure.invalid.years");
      }
      wanted.put(l.lineId(), l.movedToYear());
    }
    mjob.unlinkAll(id);
    mjob.link(m.corporationId(), id, wanted);
    audit.record("measure.mjob", m.corporationId(), "measure " + id, Map.of("lines", links.size()));
    return mjob.ofMeasure(m.corporationId(), id);
  }

  /** Records what a measure cost in a year (null amount removes it). */
  @Transactional
  public void spend(String corporation, long id, Integer year, BigDecimal amount) {
    get(corporation, id);
    Membership m = planner(corporation);
    if (year == null
        || year < 2000
        || year > 2100
        || (amount != null
            && (amount.signum() < 0 || amount.compareTo(MAX_AMOUNT) > 0 || amount.scale() > 2))) {
      throw invalid("measure.invalid.spend");
    }
    measures.spend(m.corporationId(), id, year, amount);
    audit.record(
        "measure.spend",
        m.corporationId(),
        "measure " + id,
        Map.of("year", year, "amount", amount == null ? "-" : amount.toPlainString()));
  }

  private MeasureRepository.Fields fields(Membership m, MeasureRequests.Measure b) {
    String title = trimmed(b.title());
    if (title.isEmpty() || title.length() > 200) {
      throw invalid("measure.invalid.title");
    }
    Lever lever = Lever.find(b.lever()).orElseThrow(() -> invalid("measure.invalid.lever"));
    Scope scope = scope(m, b);
    if (b.startYear() == null
        || b.endYear() == null
        || b.startYear() < 2000
        || b.endYear() > 2100
        || b.endYear() < b.startYear()
        || b.endYear() - b.startYear() >= 30) {
      throw invalid("measure.invalid.years");
    }
    String status = b.status() == null || b.status().isBlank() ? "idee" : b.status().trim();
    if (!STATUSES.contains(status)) {
      throw invalid("measure.invalid.status");
    }
    BigDecimal streefhuur = b.streefhuurEuro();
    if (streefhuur != null
        && (streefhuur.signum() <= 0 || streefhuur.compareTo(new BigDecimal("10000")) > 0)) {
      throw invalid("measure.invalid.streefhuur");
    }
    String description = trimmed(b.description());
    String owner = trimmed(b.owner());
    String partners = trimmed(b.partners());
    String pack = trimmed(b.packageName());
    if (description.length() > 2000
        || owner.length() > 200
        || partners.length() > 500
        || pack.length() > 200) {
      throw invalid("measure.invalid.length");
    }
    return new MeasureRepository.Fields(
        title,
        lever.id(),
        description,
        scope.areaCode(),
        scope.clusterId(),
        b.startYear(),
        b.endYear(),
        owner,
        partners,
        status,
        streefhuur,
        target(b.target()),
        pack.isEmpty() ? null : pack,
        scope.units(),
        costs(b.costs()));
  }

  private record Scope(String areaCode, Long clusterId, int units) {}

  private Scope scope(Membership m, MeasureRequests.Measure b) {
    boolean area = b.areaCode() != null && !b.areaCode().isBlank();
    boolean complex = b.complexCode() != null && !b.complexCode().isBlank();
    if (area == complex) {
      throw invalid("measure.invalid.scope");
    }
    if (complex) {
      Corporation c = corporations.findById(m.corporationId()).orElseThrow();
      StockRepository.ClusterSummary cluster =
          stock
              .cluster(c.id(), c.complexClusterType(), b.complexCode().trim())
              .orElseThrow(() -> invalid("measure.invalid.complex", "code", b.complexCode()));
      return new Scope(null, cluster.id(), cluster.units());
    }
    String code = b.areaCode().trim().toUpperCase(Locale.ROOT);
    if (AreaCode.parse(code).isEmpty() || !areas.held(code)) {
      throw invalid("measure.invalid.area", "code", b.areaCode());
    }
    return new Scope(code, null, measures.unitsInArea(m.corporationId(), code));
  }

  private PlannedMeasure.Target target(MeasureRequests.TargetInput t) {
    if (t == null || (t.indicator() == null && t.value() == null && t.year() == null)) {
      return null;
    }
    if (t.indicator() == null
        || t.value() == null
        || t.year() == null
        || t.year() < 2000
        || t.year() > 2100
        || !Double.isFinite(t.value())
        || statistics.find(t.indicator().trim()).isEmpty()) {
      throw invalid("measure.invalid.target");
    }
    return new PlannedMeasure.Target(t.indicator().trim(), t.value(), t.year());
  }

  private static List<Cost> costs(List<MeasureRequests.CostLine> lines) {
    List<Cost> out = new ArrayList<>();
    if (lines == null) {
      return out;
    }
    if (lines.size() > MAX_COST_LINES) {
      throw invalid("measure.invalid.cost");
    }
    for (MeasureRequests.CostLine l : lines) {
      if (l == null
          || l.amountEuro() == null
          || l.amountEuro().signum() < 0
          || l.amountEuro().compareTo(MAX_AMOUNT) > 0
          || l.amountEuro().scale() > 2) {
        throw invalid("measure.invalid.cost");
      }
      out.add(
          new Cost(
              CostKind.find(l.kind()).orElseThrow(() -> invalid("measure.invalid.cost")),
              l.amountEuro()));
    }
    return out;
  }

  private static Map<String, Object> summary(MeasureRepository.Fields f) {
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("title", f.title());
    d.put("lever", f.lever());
    d.put("scope", f.areaCode() != null ? f.areaCode() : "cluster " + f.clusterId());
    d.put("years", f.startYear() + "-" + f.endYear());
    d.put("status", f.status());
    return d;
  }

  private static String trimmed(String s) {
    return s == null ? "" : s.trim();
  }

  private static InvalidInputException invalid(String key, Object... args) {
    return new InvalidInputException(Text.msg(key, args));
  }

  private static MeasureRequests.Measure empty() {
    return new MeasureRequests.Measure(
        null, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
        null);
  }
}
