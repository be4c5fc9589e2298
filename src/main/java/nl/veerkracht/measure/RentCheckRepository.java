package nl.veerkracht.measure;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * What the rent checks read: the published rent limits ({@code rent_limit}) and, per household
 * band, the units whose newest letting went to a household under the income limit. {@link
 * RentChecks} holds the rules.
 */
@Repository
class RentCheckRepository {

  /** One published limit: its kind, household band, year, amount and source. */
  record LimitRow(String kind, String household, int year, BigDecimal amountEuro, String source) {}

  private final JdbcClient jdbc;

  RentCheckRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  List<LimitRow> limits() {
    return jdbc.sql("SELECT kind, household, valid_year, amount_euro, source FROM rent_limit")
        .query(
            (rs, n) ->
                new LimitRow(
                    rs.getString(1),
                    rs.getString(2),
                    rs.getInt(3),
                    rs.getBigDecimal(4),
                    rs.getString(5)))
        .list();
  }

  /**
   * Units of one complex (or in one area) whose newest letting went to a household under the
   * passend-toewijzen income limit, per household band (1-2, 3+; an unknown size counts as 1-2).
   */
  Map<String, Integer> passendUnits(long corporationId, Long clusterId, String areaCode) {
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
