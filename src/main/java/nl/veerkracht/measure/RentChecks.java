package nl.veerkracht.measure;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import nl.veerkracht.common.Text;
import org.springframework.stereotype.Component;

/**
 * Checks a streefhuur against the dated limits of the {@code rent_limit} table for every year a
 * measure runs: the DAEB rent limit, and the aftoppingsgrens for units whose newest letting went to
 * a household under the passend-toewijzen income limit. A year without a known limit is said to be
 * unknown; another year's limit is never used in its place.
 */
@Component
public class RentChecks {

  record Limit(BigDecimal amountEuro, String source) {}

  private final RentCheckRepository rows;

  RentChecks(RentCheckRepository rows) {
    this.rows = rows;
  }

  /** The warnings for this streefhuur; empty when there is none or it stays under every limit. */
  public List<Text> check(
      long corporationId,
      Long clusterId,
      String areaCode,
      BigDecimal streefhuur,
      int startYear,
      int endYear) {
    List<Text> out = new ArrayList<>();
    if (streefhuur == null) {
      return out;
    }
    Map<String, Map<Integer, Limit>> limits = limits();
    Map<String, Integer> passend = rows.passendUnits(corporationId, clusterId, areaCode);
    Map<String, List<Integer>> unknown = new TreeMap<>();
    for (int year = startYear; year <= endYear; year++) {
      Limit daeb = limits.getOrDefault("daeb/all", Map.of()).get(year);
      if (daeb == null) {
        unknown.computeIfAbsent("daeb", k -> new ArrayList<>()).add(year);
      } else if (streefhuur.compareTo(daeb.amountEuro()) > 0) {
        out.add(
            Text.msg(
                "measure.warn.daeb",
                "rent",
                euro(streefhuur),
                "limit",
                euro(daeb.amountEuro()),
                "year",
                year,
                "source",
                daeb.source()));
      }
      for (Map.Entry<String, Integer> p : passend.entrySet()) {
        Limit a = limits.getOrDefault("aftopping/" + p.getKey(), Map.of()).get(year);
        if (a == null) {
          unknown.computeIfAbsent("aftopping " + p.getKey(), k -> new ArrayList<>()).add(year);
        } else if (streefhuur.compareTo(a.amountEuro()) > 0) {
          out.add(
              Text.msg(
                  "measure.warn.aftopping",
                  "rent",
                  euro(streefhuur),
                  "limit",
                  euro(a.amountEuro()),
                  "year",
                  year,
                  "source",
                  a.source(),
                  "units",
                  p.getValue(),
                  "household",
                  p.getKey()));
        }
      }
    }
    unknown.forEach(
        (kind, years) ->
            out.add(
                Text.msg(
                    kind.equals("daeb") ? "measure.warn.noDaeb" : "measure.warn.noAftopping",
                    "years",
                    String.join(", ", years.stream().map(String::valueOf).toList()),
                    "household",
                    kind.equals("daeb") ? "" : kind.substring("aftopping ".length()))));
    return out;
  }

  private static Text euro(BigDecimal amount) {
    return Text.euro(amount.doubleValue(), 2);
  }

  /** Per kind/household ({@code daeb/all}, {@code aftopping/1-2}), per year, the limit. */
  private Map<String, Map<Integer, Limit>> limits() {
    Map<String, Map<Integer, Limit>> out = new HashMap<>();
    for (RentCheckRepository.LimitRow r : rows.limits()) {
      out.computeIfAbsent(r.kind() + "/" + r.household(), k -> new HashMap<>())
          .put(r.year(), new Limit(r.amountEuro(), r.source()));
    }
    return out;
  }
}
