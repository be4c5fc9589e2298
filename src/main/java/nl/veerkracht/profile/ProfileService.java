package nl.veerkracht.profile;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import nl.veerkracht.analysis.domain.AnalysisEngine;
import nl.veerkracht.analysis.domain.AnalysisSettings;
import nl.veerkracht.analysis.domain.Bands;
import nl.veerkracht.analysis.domain.ComplexFigures;
import nl.veerkracht.analysis.domain.OwnShare;
import nl.veerkracht.analysis.domain.Signal;
import nl.veerkracht.analysis.domain.SmallNumbers;
import nl.veerkracht.analysis.domain.Text;
import nl.veerkracht.common.NotFoundException;
import nl.veerkracht.corporation.CorporationRepository;
import nl.veerkracht.security.Membership;
import nl.veerkracht.statistics.StatisticsCatalogue;
import nl.veerkracht.statistics.domain.Indicator;
import nl.veerkracht.stock.StockRepository;
import org.springframework.stereotype.Service;

/**
 * Complex profiles and own corporation shares. Staff get everything; the resident audience gets the
 * same profile under the small-numbers rule, without money amounts.
 */
@Service
public class ProfileService {

  /** Public figures weighted by units, with their decimals. */
  static final Map<String, Integer> WEIGHTED =
      linked(
          "pct_low_income_households",
          1,
          "pct_households_social_minimum",
          1,
          "pct_lowest40_households",
          1,
          AnalysisEngine.SOCIAL_ASSISTANCE_PER_1000,
          1,
          "pct_youth_care",
          1,
          AnalysisEngine.VULNERABILITY,
          1,
          AnalysisEngine.VULNERABILITY_CHANGE,
          2,
          "pct_corporation_rent",
          0,
          "lbm_score",
          3,
          "lbm_afw",
          3,
          "lbm_onv",
          3,
          AnalysisEngine.ONV_CHANGE,
          3);

  /** Classes: the class of most units. */
  static final List<String> CLASSES =
      List.of(
          AnalysisEngine.LBM_CLASS,
          AnalysisEngine.SIGNAL,
          AnalysisEngine.SHARE_BAND,
          AnalysisEngine.ATTENTION);

  public static final String OWN_SHARE = "own_corporation_share";

  public enum Audience {
    STAFF,
    RESIDENT
  }

  /**
   * A figure of a complex, with the same figure for comparison: its main gemeente (that of the
   * buurt with most of its units), the Netherlands, and the mean of that buurt's peer group.
   */
  public record FigureView(
      Double value,
      String status,
      Integer year,
      int coveredUnits,
      int totalUnits,
      Map<String, String> explanation,
      Comparison gemeente,
      Comparison nl,
      Comparison peers) {}

  /** A comparison value with its year. */
  public record Comparison(String label, Double value, Integer year) {}

  public record BuurtView(String code, String name, Integer units) {}

  public record ComplexRef(String code, String name, String type, Integer units) {}

  public record Activity(String activity, BigDecimal cost) {}

  public record PlanYear(int year, BigDecimal total, List<Activity> activities) {}

  public record Plan(int from, int to, BigDecimal total, List<PlanYear> years) {}

  public record LimitView(
      String kind, String household, int validYear, BigDecimal amount, String source) {}

  public record Rents(
      Integer unitsWithRent,
      BigDecimal mean,
      Integer aboveDaeb,
      Integer upToLowAftopping,
      Integer upToHighAftopping,
      int limitsYear,
      List<LimitView> limits,
      String explanation) {}

  public record TurnoverYear(int year, Integer moveOuts, Double ratePct) {}

  public record AllocationYearView(
      int year, Integer total, Double lowIncomePct, Double urgentPct) {}

  public record SignalView(int year, String type, Integer count) {}

  public record ComplexProfile(
      String corporation,
      ComplexRef complex,
      String audience,
      Integer buurtYear,
      List<BuurtView> buurten,
      Map<String, FigureView> indicators,
      Plan maintenance,
      Rents rents,
      List<TurnoverYear> turnover,
      List<AllocationYearView> allocations,
      List<SignalView> signals,
      String note) {}

  public record OwnShareView(
      String buurtCode,
      String buurtName,
      int year,
      Integer units,
      Double dwellings,
      Integer dwellingsYear,
      Double ownPct,
      Integer ownBand,
      Double cbsPct,
      Integer cbsYear,
      Integer cbsBand,
      Map<String, String> explanation) {}

  private final ProfileRepository profiles;
  private final StockRepository stock;
  private final CorporationRepository corporations;
  private final StatisticsCatalogue catalogue;
  private final AnalysisSettings settings;
  private final nl.veerkracht.analysis.AnalysisService analysis;
  private final Clock clock;

  public ProfileService(
      ProfileRepository profiles,
      StockRepository stock,
      CorporationRepository corporations,
      StatisticsCatalogue catalogue,
      AnalysisSettings settings,
      nl.veerkracht.analysis.AnalysisService analysis) {
    this.analysis = analysis;
    this.profiles = profiles;
    this.stock = stock;
    this.corporations = corporations;
    this.catalogue = catalogue;
    this.settings = settings;
    this.clock = Clock.systemDefaultZone();
  }

  /** Own units / CBS dwellings per buurt, next to the CBS share, for the newest division linked. */
  public List<OwnShareView> ownShares(Membership m) {
    Integer year = profiles.linkYear(m.corporationId()).orElse(null);
    if (year == null) {
      return List.of();
    }
    List<ProfileRepository.BuurtUnits> units = profiles.buurtUnits(m.corporationId(), null, year);
    List<String> codes =
        units.stream().map(ProfileRepository.BuurtUnits::buurtCode).filter(c -> c != null).toList();
    Map<String, Map<String, ProfileRepository.AreaFigure>> figures =
        byArea(profiles.newestKnown(codes, List.of("dwellings", "pct_corporation_rent")));
    List<OwnShareView> out = new ArrayList<>();
    for (ProfileRepository.BuurtUnits b : units) {
      if (b.buurtCode() == null) {
        continue;
      }
      Map<String, ProfileRepository.AreaFigure> f = figures.getOrDefault(b.buurtCode(), Map.of());
      ProfileRepository.AreaFigure dw = f.get("dwellings");
      ProfileRepository.AreaFigure cbs = f.get("pct_corporation_rent");
      OwnShare own =
          dw == null || dw.value() <= 0
              ? null
              : OwnShare.of(b.buurtCode(), b.units(), dw.value(), dw.year(), settings);
      Map<String, String> explanation = new LinkedHashMap<>();
      if (own != null) {
        explanation.put("nl", own.explanation().nl());
        explanation.put("en", own.explanation().en());
      } else {
        explanation.put(
            "nl", b.units() + " eigen eenheden; geen CBS-woningvoorraad voor deze buurt geladen.");
        explanation.put(
            "en", b.units() + " own units; no CBS dwelling count loaded for this buurt.");
      }
      out.add(
          new OwnShareView(
              b.buurtCode(),
              b.buurtName(),
              year,
              b.units(),
              dw == null ? null : dw.value(),
              dw == null ? null : dw.year(),
              own == null ? null : own.pct(),
              own == null ? null : own.band(),
              cbs == null ? null : cbs.value(),
              cbs == null ? null : cbs.year(),
              cbs == null ? null : Bands.shareBand(cbs.value(), settings.shareBands()),
              explanation));
    }
    return out;
  }

  public ComplexProfile complex(
      Membership m, String type, String code, Audience audience, Integer fromYear) {
    StockRepository.ClusterSummary cluster =
        stock
            .cluster(m.corporationId(), type, code)
            .orElseThrow(() -> new NotFoundException("No complex " + type + " " + code));
    boolean resident = audience == Audience.RESIDENT;
    int totalUnits = profiles.clusterUnits(m.corporationId(), cluster.id());
    Integer year = profiles.linkYear(m.corporationId()).orElse(null);
    List<ComplexFigures.Share> shares = new ArrayList<>();
    if (year != null) {
      for (ProfileRepository.BuurtUnits b :
          profiles.buurtUnits(m.corporationId(), cluster.id(), year)) {
        shares.add(new ComplexFigures.Share(b.buurtCode(), b.buurtName(), b.units()));
      }
    }
    List<String> codes =
        shares.stream().map(ComplexFigures.Share::buurtCode).filter(c -> c != null).toList();
    Set<String> ids = new java.util.LinkedHashSet<>(WEIGHTED.keySet());
    ids.addAll(CLASSES);
    Map<String, Map<String, ProfileRepository.AreaFigure>> figures =
        byArea(profiles.newestKnown(codes, ids));

    Map<String, FigureView> indicators = new LinkedHashMap<>();
    Map<String, Comparison[]> compared = comparisons(shares);
    WEIGHTED.forEach(
        (id, decimals) -> {
          Comparison[] c = compared.getOrDefault(id, new Comparison[3]);
          indicators.put(
              id,
              view(
                  ComplexFigures.weighted(id, label(id), decimals, shares, known(figures, id)),
                  c[0],
                  c[1],
                  c[2]));
        });
    indicators.put(
        AnalysisEngine.LBM_CLASS,
        view(
            ComplexFigures.dominant(
                AnalysisEngine.LBM_CLASS,
                label(AnalysisEngine.LBM_CLASS),
                shares,
                known(figures, AnalysisEngine.LBM_CLASS),
                c -> c + " (" + Bands.lbmLabel(c) + ")",
                c -> Integer.toString(c))));
    indicators.put(
        AnalysisEngine.SIGNAL,
        view(
            ComplexFigures.dominant(
                AnalysisEngine.SIGNAL,
                label(AnalysisEngine.SIGNAL),
                shares,
                known(figures, AnalysisEngine.SIGNAL),
                c -> Signal.ofCode(c).nl(),
                c -> Signal.ofCode(c).en())));
    indicators.put(
        AnalysisEngine.SHARE_BAND,
        view(
            ComplexFigures.dominant(
                AnalysisEngine.SHARE_BAND,
                label(AnalysisEngine.SHARE_BAND),
                shares,
                known(figures, AnalysisEngine.SHARE_BAND),
                Bands::shareLabel,
                c -> "band " + c)));
    indicators.put(
        AnalysisEngine.ATTENTION,
        view(
            ComplexFigures.dominant(
                AnalysisEngine.ATTENTION,
                label(AnalysisEngine.ATTENTION),
                shares,
                known(figures, AnalysisEngine.ATTENTION),
                c -> c == 1 ? "aandachtsgebied" : "geen aandachtsgebied",
                c -> c == 1 ? "attention area" : "not an attention area")));
    // own share of the buurten, weighted by the complex's units
    Map<String, ComplexFigures.Known> own = new HashMap<>();
    for (OwnShareView o : ownShares(m)) {
      if (o.ownPct() != null) {
        own.put(o.buurtCode(), new ComplexFigures.Known(o.ownPct(), o.dwellingsYear()));
      }
    }
    indicators.put(
        OWN_SHARE,
        view(
            ComplexFigures.weighted(
                OWN_SHARE,
                Text.of(
                    "Eigen aandeel in de woningen van de buurt", "Own share of the buurt's homes"),
                1,
                shares,
                own)));

    int from = fromYear != null ? fromYear : LocalDate.now(clock).getYear();
    Plan plan =
        plan(profiles.plan(m.corporationId(), cluster.id(), from, from + 4), from, resident);
    Rents rents = rents(profiles.rents(m.corporationId(), cluster.id()), from, resident);
    List<TurnoverYear> turnover = new ArrayList<>();
    for (ProfileRepository.YearCount y : profiles.moveOuts(m.corporationId(), cluster.id())) {
      boolean show = !resident || SmallNumbers.showable(y.count());
      turnover.add(
          new TurnoverYear(
              y.year(),
              resident ? SmallNumbers.count(y.count()) : Integer.valueOf(y.count()),
              show && totalUnits > 0 ? round1(100.0 * y.count() / totalUnits) : null));
    }
    List<AllocationYearView> allocations = new ArrayList<>();
    for (ProfileRepository.AllocationYear a :
        profiles.allocations(m.corporationId(), cluster.id())) {
      allocations.add(
          resident
              ? new AllocationYearView(
                  a.year(),
                  SmallNumbers.count(a.total()),
                  SmallNumbers.share(a.lowIncome(), a.incomeKnown()),
                  SmallNumbers.share(a.urgent(), a.total()))
              : new AllocationYearView(
                  a.year(),
                  a.total(),
                  a.incomeKnown() == 0 ? null : round1(100.0 * a.lowIncome() / a.incomeKnown()),
                  a.total() == 0 ? null : round1(100.0 * a.urgent() / a.total())));
    }
    List<SignalView> signals =
        profiles.signals(m.corporationId(), cluster.id()).stream()
            .map(
                s ->
                    new SignalView(
                        s.year(),
                        s.type(),
                        resident ? SmallNumbers.count(s.count()) : Integer.valueOf(s.count())))
            .toList();
    List<BuurtView> buurten =
        shares.stream()
            .map(
                s ->
                    new BuurtView(
                        s.buurtCode(),
                        s.buurtName(),
                        resident ? SmallNumbers.count(s.units()) : Integer.valueOf(s.units())))
            .toList();
    String note =
        resident
            ? "Bewonersweergave: aantallen onder 10 weggelaten, andere afgerond op 5; aandelen alleen"
                + " bij minstens 10 huishoudens; geen bedragen of adressen."
            : "Medewerkersweergave: niet delen met bewoners; gebruik audience=resident.";
    return new ComplexProfile(
        m.corporationCode(),
        new ComplexRef(
            cluster.code(),
            cluster.name(),
            cluster.type(),
            resident ? SmallNumbers.count(totalUnits) : Integer.valueOf(totalUnits)),
        resident ? "resident" : "staff",
        year,
        buurten,
        indicators,
        plan,
        rents,
        turnover,
        allocations,
        signals,
        note);
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

  private Plan plan(List<ProfileRepository.PlanLine> lines, int from, boolean resident) {
    TreeMap<Integer, List<ProfileRepository.PlanLine>> byYear = new TreeMap<>();
    for (ProfileRepository.PlanLine l : lines) {
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
      years.add(
          new PlanYear(
              e.getKey(),
              resident ? null : sum,
              e.getValue().stream()
                  .map(l -> new Activity(l.activity(), resident ? null : l.cost()))
                  .toList()));
    }
    return new Plan(from, from + 4, resident ? null : total, years);
  }

  private Rents rents(List<BigDecimal> rents, int year, boolean resident) {
    List<ProfileRepository.RentLimit> limits = profiles.limits(year);
    BigDecimal daeb = amount(limits, "daeb", "all");
    BigDecimal low = amount(limits, "aftopping", "1-2");
    BigDecimal high = amount(limits, "aftopping", "3+");
    List<BigDecimal> known = rents.stream().filter(r -> r != null).toList();
    int above = 0;
    int upToLow = 0;
    int upToHigh = 0;
    BigDecimal sum = BigDecimal.ZERO;
    for (BigDecimal r : known) {
      sum = sum.add(r);
      if (daeb != null && r.compareTo(daeb) > 0) {
        above++;
      }
      if (low != null && r.compareTo(low) <= 0) {
        upToLow++;
      }
      if (high != null && r.compareTo(high) <= 0) {
        upToHigh++;
      }
    }
    BigDecimal mean =
        known.isEmpty()
            ? null
            : sum.divide(BigDecimal.valueOf(known.size()), 2, RoundingMode.HALF_UP);
    int limitsYear =
        limits.stream().mapToInt(ProfileRepository.RentLimit::validYear).max().orElse(year);
    String explanation =
        "Kale huur per eenheid tegen de grenzen geldig in "
            + year
            + " (de nieuwste per soort tot en met dat jaar):"
            + (daeb == null ? "" : " DAEB-grens € " + daeb.toPlainString())
            + (low == null ? "" : ", aftoppingsgrens 1-2 personen € " + low.toPlainString())
            + (high == null ? "" : ", 3+ personen € " + high.toPlainString())
            + ". Eenheden zonder huur tellen niet mee.";
    boolean hide = resident && !SmallNumbers.showable(known.size());
    return new Rents(
        resident ? SmallNumbers.count(known.size()) : Integer.valueOf(known.size()),
        hide ? null : mean,
        resident ? SmallNumbers.count(above) : Integer.valueOf(above),
        resident ? SmallNumbers.count(upToLow) : Integer.valueOf(upToLow),
        resident ? SmallNumbers.count(upToHigh) : Integer.valueOf(upToHigh),
        limitsYear,
        limits.stream()
            .map(l -> new LimitView(l.kind(), l.household(), l.validYear(), l.amount(), l.source()))
            .toList(),
        explanation);
  }

  private static BigDecimal amount(
      List<ProfileRepository.RentLimit> limits, String kind, String household) {
    return limits.stream()
        .filter(l -> l.kind().equals(kind) && l.household().equals(household))
        .map(ProfileRepository.RentLimit::amount)
        .findFirst()
        .orElse(null);
  }

  private Text label(String id) {
    return catalogue
        .find(id)
        .map((Indicator i) -> Text.of(i.labelNl(), i.labelEn()))
        .orElse(Text.of(id, id));
  }

  private static Map<String, ComplexFigures.Known> known(
      Map<String, Map<String, ProfileRepository.AreaFigure>> figures, String id) {
    Map<String, ComplexFigures.Known> out = new HashMap<>();
    figures.forEach(
        (area, byId) -> {
          ProfileRepository.AreaFigure f = byId.get(id);
          if (f != null && f.value() != null) {
            out.put(area, new ComplexFigures.Known(f.value(), f.year()));
          }
        });
    return out;
  }

  private static Map<String, Map<String, ProfileRepository.AreaFigure>> byArea(
      List<ProfileRepository.AreaFigure> figures) {
    return figures.stream()
        .collect(
            Collectors.groupingBy(
                ProfileRepository.AreaFigure::areaCode,
                Collectors.toMap(ProfileRepository.AreaFigure::indicatorId, f -> f, (a, b) -> a)));
  }

  private static FigureView view(ComplexFigures.Figure f) {
    return view(f, null, null, null);
  }

  private static FigureView view(
      ComplexFigures.Figure f, Comparison gemeente, Comparison nl, Comparison peers) {
    Map<String, String> explanation = new LinkedHashMap<>();
    explanation.put("nl", f.explanation().nl());
    explanation.put("en", f.explanation().en());
    return new FigureView(
        f.value(),
        f.status(),
        f.year(),
        f.coveredUnits(),
        f.totalUnits(),
        explanation,
        gemeente,
        nl,
        peers);
  }

  /** The main buurt's gemeente, the Netherlands and the main buurt's peers, for comparison. */
  private Map<String, Comparison[]> comparisons(List<ComplexFigures.Share> shares) {
    Map<String, Comparison[]> out = new HashMap<>();
    String main =
        shares.stream()
            .filter(x -> x.buurtCode() != null)
            .max(java.util.Comparator.comparingInt(ComplexFigures.Share::units))
            .map(ComplexFigures.Share::buurtCode)
            .orElse(null);
    if (main == null) {
      return out;
    }
    String gm = nl.veerkracht.analysis.domain.AnalysisInputs.gemeenteOf(main);
    List<String> peerCodes =
        analysis.peers().nearest(main, 10).stream()
            .map(nl.veerkracht.analysis.domain.PeerGroups.Peer::code)
            .toList();
    List<String> codes = new ArrayList<>(peerCodes);
    codes.add(gm);
    codes.add("NL00");
    Map<String, Map<String, ProfileRepository.AreaFigure>> f =
        byArea(profiles.newestKnown(codes, WEIGHTED.keySet()));
    for (String id : WEIGHTED.keySet()) {
      ProfileRepository.AreaFigure g = f.getOrDefault(gm, Map.of()).get(id);
      ProfileRepository.AreaFigure n = f.getOrDefault("NL00", Map.of()).get(id);
      double sum = 0;
      int k = 0;
      Integer year = null;
      for (String pc : peerCodes) {
        ProfileRepository.AreaFigure x = f.getOrDefault(pc, Map.of()).get(id);
        if (x != null && x.value() != null) {
          sum += x.value();
          k++;
          year = year == null ? x.year() : Math.max(year, x.year());
        }
      }
      out.put(
          id,
          new Comparison[] {
            g == null ? null : new Comparison(gm, g.value(), g.year()),
            n == null ? null : new Comparison("NL00", n.value(), n.year()),
            k == 0 ? null : new Comparison("n=" + k, sum / k, year)
          });
    }
    return out;
  }

  private static Double round1(double v) {
    return Math.round(v * 10) / 10.0;
  }

  private static Map<String, Integer> linked(Object... kv) {
    Map<String, Integer> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put((String) kv[i], (Integer) kv[i + 1]);
    }
    return m;
  }
}
