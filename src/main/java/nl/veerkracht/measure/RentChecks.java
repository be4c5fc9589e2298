package nl.veerkracht.measure;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import nl.veerkracht.common.Text;
import org.springframework.jdbc.core.simple.JdbcClient;
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

  private final JdbcClient jdbc;

  public RentChecks(JdbcClient jdbc) {
    this.jdbc = jdbc;
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
    Map<String, Integer> passend = passendUnits(corporationId, clusterId, areaCode);
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
    jdbc.sql("SELECT kind, household, valid_year, amount_euro, source FROM rent_limit")
        .query(
            rs -> {
              out.computeIfAbsent(rs.getString(1) + "/" + rs.getString(2), k -> new HashMap<>())
                  .put(rs.getInt(3), new Limit(rs.getBigDecimal(4), rs.getString(5)));
            });
    return out;
  }

  /**
   * Units in the scope whose newest letting went to a household under the passend-toewijzen income
   * limit, per household band (1-2, 3+; an unknown size counts as 1-2, the lower limit).
   */
  private Map<String, Integer> passendUnits(long corporationId, Long clusterId, String areaCode) {
    Map<String, Integer> out = new TreeMap<>();
    jdbc.sql(
            """
            SELECT CASE WHEN coalesce(last.household_size, 1) >= 3 THEN '3+' ELSE '1-2' END, count(*)
              FROM stock_unit u
              JOIN LATERAL (SELECT a.income_class, a.household_size FROM allocation a
                             WHERE a.unit_id = u.id ORDER BY a.allocated_on DESC LIMIT 1) last ON true
             WHERE u.corporation_id = :corp AND last.income_class = 'below_limit'
               AND ((CAST(:cluster AS bigint) IS NOT NULL AND EXISTS (SELECT 1 FROM stock_unit_cluster uc
                      WHERE uc.unit_id = u.id AND uc.cluster_id = :cluster))
                 OR (CAST(:area AS text) IS NOT NULL AND EXISTS (SELECT 1 FROM stock_unit_area sa
                      WHERE sa.unit_id = u.id AND :area IN (sa.buurt_code, sa.wijk_code, sa.gemeente_code))))
             GROUP BY 1""")
        .param("corp", corporationId)
        .param("cluster", clusterId)
        .param("area", areaCode)
        .query(
            (org.springframework.jdbc.core.RowCallbackHandler)
                rs -> out.put(rs.getString(1), rs.getInt(2)));
    return out;
  }
}
