package nl.veerkracht.analysis.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.veerkracht.area.domain.AreaCode;

/**
 * For a buurt, the most similar buurten nationally on four features: urbanity (CBS class 1–5), size
 * (log10 of inhabitants), corporation share (%) and the vulnerability index. Each feature is
 * standardised (z-score over all buurten that have it); the distance is Euclidean over the features
 * both buurten have, scaled up to four features, and a peer must share at least three (or all the
 * buurt has, when it has fewer). Each feature takes the buurt's newest value.
 */
public final class PeerGroups {

  public static final List<String> FEATURES =
      List.of("urbanity", "inhabitants", "pct_corporation_rent", AnalysisEngine.VULNERABILITY);

  /** A peer with its distance and the features compared. */
  public record Peer(
      String code, double distance, int sharedFeatures, Map<String, Double> features) {}

  private final List<String> codes = new ArrayList<>();
  private final List<double[]> raw = new ArrayList<>();
  private final Map<String, Integer> index = new HashMap<>();
  private final double[] mean = new double[FEATURES.size()];
  private final double[] sd = new double[FEATURES.size()];

  private PeerGroups() {}

  /** No buurten to compare (before the first analysis run). */
  public static PeerGroups empty() {
    return new PeerGroups();
  }

  /** Builds the feature table from the inputs (with derived values) and the run's results. */
  public static PeerGroups build(AnalysisInputs inputs, List<Result> results) {
    Map<String, Double> vulnerability =
        AnalysisEngine.latest(results, AnalysisEngine.VULNERABILITY);
    PeerGroups p = new PeerGroups();
    List<String> sorted = new ArrayList<>(inputs.areaCodes());
    sorted.sort(null);
    for (String code : sorted) {
      if (!AreaCode.isBuurt(code)) {
        continue;
      }
      double[] f = new double[FEATURES.size()];
      int known = 0;
      for (int i = 0; i < FEATURES.size(); i++) {
        String id = FEATURES.get(i);
        Double v;
        if (id.equals(AnalysisEngine.VULNERABILITY)) {
          v = vulnerability.get(code);
        } else {
          Integer y = inputs.latestYear(code, id, Integer.MAX_VALUE);
          v = y == null ? null : inputs.get(code, y, id);
          if (v != null && id.equals("inhabitants")) {
            v = v > 0 ? Math.log10(v) : null;
          }
        }
        f[i] = v == null ? Double.NaN : v;
        known += v == null ? 0 : 1;
      }
      if (known >= 2) {
        p.index.put(code, p.codes.size());
        p.codes.add(code);
        p.raw.add(f);
      }
    }
    for (int i = 0; i < FEATURES.size(); i++) {
      double sum = 0;
      double sq = 0;
      int n = 0;
      for (double[] f : p.raw) {
        if (!Double.isNaN(f[i])) {
          sum += f[i];
          sq += f[i] * f[i];
          n++;
        }
      }
      p.mean[i] = n == 0 ? 0 : sum / n;
      double var = n < 2 ? 0 : (sq - n * p.mean[i] * p.mean[i]) / (n - 1);
      p.sd[i] = var > 0 ? Math.sqrt(var) : 1;
    }
    return p;
  }

  public int size() {
    return codes.size();
  }

  public boolean has(String code) {
    return index.containsKey(code);
  }

  /** The buurt's own features (inhabitants as a count again), or empty. */
  public Optional<Map<String, Double>> features(String code) {
    Integer i = index.get(code);
    return i == null ? Optional.empty() : Optional.of(featureMap(raw.get(i)));
  }

  /** The {@code n} nearest buurten, nearest first (ties by code). */
  public List<Peer> nearest(String code, int n) {
    return nearest(code, n, c -> true);
  }

  /** The {@code n} nearest buurten among those {@code eligible} accepts, nearest first. */
  public List<Peer> nearest(String code, int n, java.util.function.Predicate<String> eligible) {
    Integer self = index.get(code);
    if (self == null) {
      return List.of();
    }
    double[] a = raw.get(self);
    int own = 0;
    for (double v : a) {
      own += Double.isNaN(v) ? 0 : 1;
    }
    int needed = Math.min(3, own);
    List<Peer> all = new ArrayList<>();
    for (int j = 0; j < codes.size(); j++) {
      if (j == self || !eligible.test(codes.get(j))) {
        continue;
      }
      double[] b = raw.get(j);
      double sum = 0;
      int shared = 0;
      for (int i = 0; i < a.length; i++) {
        if (Double.isNaN(a[i]) || Double.isNaN(b[i])) {
          continue;
        }
        double d = (a[i] - b[i]) / sd[i];
        sum += d * d;
        shared++;
      }
      if (shared < needed) {
        continue;
      }
      double distance = Math.sqrt(sum * FEATURES.size() / shared);
      all.add(new Peer(codes.get(j), distance, shared, featureMap(b)));
    }
    all.sort(Comparator.comparingDouble(Peer::distance).thenComparing(Peer::code));
    return all.size() > n ? List.copyOf(all.subList(0, n)) : all;
  }

  private static Map<String, Double> featureMap(double[] f) {
    Map<String, Double> m = new java.util.LinkedHashMap<>();
    for (int i = 0; i < FEATURES.size(); i++) {
      if (!Double.isNaN(f[i])) {
        m.put(
            FEATURES.get(i),
            FEATURES.get(i).equals("inhabitants") ? Math.round(Math.pow(10, f[i])) * 1.0 : f[i]);
      }
    }
    return m;
  }
}
