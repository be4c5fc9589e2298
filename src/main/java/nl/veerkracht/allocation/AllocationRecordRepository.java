package nl.veerkracht.allocation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import nl.veerkracht.allocation.domain.LettingHistory;
import nl.veerkracht.allocation.domain.Route;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reads a corporation's lettings and move-outs as a {@link LettingHistory}: each letting's route
 * from its voorrang, aanvullende doelgroep, income class and urgency; a move-out whose reason names
 * a name change or a swap (naamswijziging, woningruil) is no exit.
 */
@Repository
class AllocationRecordRepository {

  private final JdbcClient jdbc;

  AllocationRecordRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  LettingHistory history(long corporationId, String complexType) {
    Map<Long, String> complexOfUnit = new HashMap<>();
    jdbc.sql(
            """
            SELECT DISTINCT ON (uc.unit_id) uc.unit_id, c.code
              FROM stock_unit_cluster uc JOIN stock_cluster c ON c.id = uc.cluster_id
             WHERE c.corporation_id = :corp AND c.type = :type
             ORDER BY uc.unit_id, c.code""")
        .param("corp", corporationId)
        .param("type", complexType)
        .query((RowCallbackHandler) rs -> complexOfUnit.put(rs.getLong(1), rs.getString(2)));
    List<LettingHistory.Letting> lettings = new ArrayList<>();
    jdbc.sql(
            "SELECT unit_id, allocated_on, priority, target_group, income_class, urgent"
                + " FROM allocation WHERE corporation_id = :corp")
        .param("corp", corporationId)
        .query(
            (RowCallbackHandler)
                rs ->
                    lettings.add(
                        new LettingHistory.Letting(
                            rs.getLong(1),
                            rs.getObject(2, LocalDate.class),
                            Route.of(
                                rs.getString(3),
                                rs.getString(4),
                                lowIncome(rs.getString(5)),
                                rs.getBoolean(6)))));
    List<LettingHistory.MoveOut> moveOuts = new ArrayList<>();
    jdbc.sql("SELECT unit_id, moved_out_on, end_reason FROM turnover WHERE corporation_id = :corp")
        .param("corp", corporationId)
        .query(
            (RowCallbackHandler)
                rs ->
                    moveOuts.add(
                        new LettingHistory.MoveOut(
                            rs.getLong(1),
                            rs.getObject(2, LocalDate.class),
                            counts(rs.getString(3)))));
    return new LettingHistory(complexOfUnit, lettings, moveOuts);
  }

  static Boolean lowIncome(String incomeClass) {
    if (incomeClass == null || incomeClass.equals("unknown")) {
      return null;
    }
    return incomeClass.equals("below_limit");
  }

  /** Whether a move-out with this reason is an exit (not a name change or a swap). */
  static boolean counts(String reason) {
    if (reason == null) {
      return true;
    }
    String r = reason.toLowerCase(Locale.ROOT);
    return !(r.contains("naam") || r.contains("ruil") || r.contains("swap") || r.contains("name"));
  }

  /** The names of the corporation's complexes, by code. */
  Map<String, String> complexNames(long corporationId, String complexType) {
    Map<String, String> out = new HashMap<>();
    jdbc.sql("SELECT code, name FROM stock_cluster WHERE corporation_id = :corp AND type = :type")
        .param("corp", corporationId)
        .param("type", complexType)
        .query(
            (RowCallbackHandler)
                rs ->
                    out.put(
                        rs.getString(1),
                        rs.getString(2) == null || rs.getString(2).isBlank()
                            ? rs.getString(1)
                            : rs.getString(2)));
    return out;
  }

  /** Per complex, the buurt that holds most of its units (in the newest year linked). */
  Map<String, String> mainBuurt(long corporationId, String complexType) {
    Map<String, String> out = new HashMap<>();
    jdbc.sql(
            """
            SELECT DISTINCT ON (c.code) c.code, a.buurt_code
              FROM stock_cluster c
              JOIN stock_unit_cluster uc ON uc.cluster_id = c.id
              JOIN stock_unit_area a ON a.unit_id = uc.unit_id
             WHERE c.corporation_id = :corp AND c.type = :type AND a.buurt_code IS NOT NULL
               AND a.year = (SELECT max(year) FROM stock_unit_area WHERE corporation_id = :corp)
             GROUP BY c.code, a.buurt_code
             ORDER BY c.code, count(*) DESC, a.buurt_code""")
        .param("corp", corporationId)
        .param("type", complexType)
        .query((RowCallbackHandler) rs -> out.put(rs.getString(1), rs.getString(2)));
    return out;
  }
}
