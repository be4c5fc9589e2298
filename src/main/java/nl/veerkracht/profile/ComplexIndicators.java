package nl.veerkracht.profile;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.IntFunction;
import nl.veerkracht.analysis.AnalysisService;
import nl.veerkracht.analysis.domain.AnalysisEngine;
import nl.veerkracht.analysis.domain.AnalysisInputs;
import nl.veerkracht.analysis.domain.Bands;
import nl.veerkracht.analysis.domain.ComplexFigures;
import nl.veerkracht.analysis.domain.PeerGroups;
import nl.veerkracht.analysis.domain.Signal;
import nl.veerkracht.common.Text;
import nl.veerkracht.profile.ComplexProfile.Comparison;
import nl.veerkracht.profile.ComplexProfile.FigureView;
import nl.veerkracht.security.Membership;
import nl.veerkracht.statistics.StatisticsCatalogue;
import nl.veerkracht.statistics.domain.Indicator;
import org.springframework.stereotype.Service;

/**
 * A complex's figures from its buurten, weighted by its units (numbers) or by the class of most
 * units (classes), each next to its main gemeente, the Netherlands and the main buurt's peers.
 */
@Service
public class ComplexIndicators {

  /** Public figures weighted by units, with their decimals. */
  static final Map<String, Integer> WEIGHTED = new LinkedHashMap<>();

  static {
    WEIGHTED.put("pct_low_income_households", 1);
    WEIGHTED.put("pct_households_social_minimum", 1);
    WEIGHTED.put("pct_lowest40_households", 1);
    WEIGHTED.put(AnalysisEngine.SOCIAL_ASSISTANCE_PER_1000, 1);
    WEIGHTED.put("pct_youth_care", 1);
    WEIGHTED.put(AnalysisEngine.VULNERABILITY, 1);
    WEIGHTED.put(AnalysisEngine.VULNERABILITY_CHANGE, 2);
    WEIGHTED.put("pct_corporation_rent", 0);
    WEIGHTED.put("lbm_score", 3);
    WEIGHTED.put("lbm_afw", 3);
    WEIGHTED.put("lbm_onv", 3);
    WEIGHTED.put(AnalysisEngine.ONV_CHANGE, 3);
  }

  /** Classes, with the name of each class: the class of most units. */
  static final Map<String, IntFunction<Text>> CLASSES = new LinkedHashMap<>();

  static {
    CLASSES.put(
        AnalysisEngine.LBM_CLASS,
        c -> Text.plain(c + " (").plus(Bands.lbmLabel(c)).plus(Text.plain(")")));
    CLASSES.put(AnalysisEngine.SIGNAL, c -> Signal.ofCode(c).label());
    CLASSES.put(AnalysisEngine.SHARE_BAND, Bands::shareLabel);
    CLASSES.put(AnalysisEngine.ATTENTION, c -> Text.msg(c == 1 ? "attention.yes" : "attention.no"));
  }

  public static final String OWN_SHARE = "own_corporation_share";

  private final ProfileRepository profiles;
  private final StatisticsCatalogue catalogue;
  private final AnalysisService analysis;
  private final OwnShares ownShares;

  public ComplexIndicators(
      ProfileRepository profiles,
      StatisticsCatalogue catalogue,
      AnalysisService analysis,
      OwnShares ownShares) {
    this.profiles = profiles;
    this.catalogue = catalogue;
    this.analysis = analysis;
    this.ownShares = ownShares;
  }

  Map<String, FigureView> of(
      Membership m, List<ComplexFigures.Share> shares, AudiencePolicy policy) {
    List<String> codes =
        shares.stream().map(ComplexFigures.Share::buurtCode).filter(Objects::nonNull).toList();
    Set<String> ids = new LinkedHashSet<>(WEIGHTED.keySet());
    ids.addAll(CLASSES.keySet());
    Map<String, Map<String, ProfileRepository.AreaFigure>> figures =
        AreaFigures.byArea(profiles.newestKnown(codes, ids));
    Map<String, FigureView> out = new LinkedHashMap<>();
    Map<String, Comparison[]> compared = comparisons(shares);
    WEIGHTED.forEach(
        (id, decimals) -> {
          Comparison[] c = compared.getOrDefault(id, new Comparison[3]);
          ComplexFigures.Figure f =
              ComplexFigures.weighted(
                  id, label(id), decimals, shares, AreaFigures.known(figures, id));
          out.put(id, view(f, policy, c[0], c[1], c[2]));
        });
    CLASSES.forEach(
        (id, name) ->
            out.put(
                id,
                view(
                    ComplexFigures.dominant(
                        id, label(id), shares, AreaFigures.known(figures, id), name),
                    policy,
                    null,
                    null,
                    null)));
    Map<String, ComplexFigures.Known> own = new HashMap<>();
    for (OwnShareView o : ownShares.list(m)) {
      if (o.ownPct() != null) {
        own.put(o.buurtCode(), new ComplexFigures.Known(o.ownPct(), o.dwellingsYear()));
      }
    }
    ComplexFigures.Figure ownShare =
        ComplexFigures.weighted(OWN_SHARE, Text.msg("complex.ownShare.label"), 1, shares, own);
    out.put(OWN_SHARE, view(ownShare, policy, null, null, null));
    return out;
  }

  private Text label(String id) {
    return catalogue
        .find(id)
        .map((Indicator i) -> Text.of(i.labelNl(), i.labelEn()))
        .orElse(Text.plain(id));
  }

  private static FigureView view(
      ComplexFigures.Figure f,
      AudiencePolicy policy,
      Comparison gemeente,
      Comparison nl,
      Comparison peers) {
    return new FigureView(
        f.value(),
        f.status(),
        f.year(),
        policy.count(f.coveredUnits()),
        policy.count(f.totalUnits()),
        policy.explanation(f),
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
            .max(Comparator.comparingInt(ComplexFigures.Share::units))
            .map(ComplexFigures.Share::buurtCode)
            .orElse(null);
    if (main == null) {
      return out;
    }
    String gm = AnalysisInputs.gemeenteOf(main);
    List<String> peerCodes =
        analysis.peers().nearest(main, 10).stream().map(PeerGroups.Peer::code).toList();
    List<String> codes = new ArrayList<>(peerCodes);
    codes.add(gm);
    codes.add("NL00");
    Map<String, Map<String, ProfileRepository.AreaFigure>> f =
        AreaFigures.byArea(profiles.newestKnown(codes, WEIGHTED.keySet()));
    for (String id : WEIGHTED.keySet()) {
      ProfileRepository.AreaFigure g = f.getOrDefault(gm, Map.of()).get(id);
      ProfileRepository.AreaFigure n = f.getOrDefault("NL00", Map.of()).get(id);
      out.put(
          id,
          new Comparison[] {
            g == null ? null : new Comparison(gm, g.value(), g.year()),
            n == null ? null : new Comparison("NL00", n.value(), n.year()),
            peerMean(f, peerCodes, id)
          });
    }
    return out;
  }

  private static Comparison peerMean(
      Map<String, Map<String, ProfileRepository.AreaFigure>> f, List<String> peerCodes, String id) {
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
    return k == 0 ? null : new Comparison("n=" + k, sum / k, year);
  }
}
