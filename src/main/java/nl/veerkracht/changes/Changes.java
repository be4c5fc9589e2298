package nl.veerkracht.changes;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import nl.veerkracht.analysis.domain.AnalysisEngine;
import nl.veerkracht.analysis.domain.Bands;
import nl.veerkracht.common.InvalidInputException;
import nl.veerkracht.common.Text;
import nl.veerkracht.security.CurrentUser;
import nl.veerkracht.security.Membership;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * What moved for a corporation: changes of the buurten where it has units or measures, newest
 * first. Staff of the corporation only.
 */
@Service
public class Changes {

  /** One change, with its values as labels in both languages. */
  public record Change(
      OffsetDateTime detectedAt,
      String areaCode,
      String areaName,
      String indicator,
      Text what,
      int yearFrom,
      Text from,
      int yearTo,
      Text to) {}

  private final JdbcClient jdbc;
  private final CurrentUser currentUser;

  public Changes(JdbcClient jdbc, CurrentUser currentUser) {
    this.jdbc = jdbc;
    this.currentUser = currentUser;
  }

  /**
   * @param since the first day (default 90 days ago)
   */
  public List<Change> since(String corporation, LocalDate since, int limit) {
    Membership m = currentUser.requireStaffOrDefault(corporation);
    return forCorporation(m.corporationId(), since, limit);
  }

  public List<Change> forCorporation(long corporationId, LocalDate since, int limit) {
    LocalDate from = since == null ? LocalDate.now().minusDays(90) : since;
    if (from.isBefore(LocalDate.of(2000, 1, 1)) || limit < 1 || limit > 1000) {
      throw new InvalidInputException(Text.msg("changes.invalid"));
    }
    return jdbc.sql(
            """
            SELECT c.detected_at, c.area_code,
                   (SELECT name FROM area a WHERE a.code = c.area_code ORDER BY a.name = a.code, a.year DESC LIMIT 1),
                   c.indicator_id, c.year_from, c.value_from, c.year_to, c.value_to
              FROM area_change c
             WHERE c.detected_at >= ?
               AND (c.area_code IN (SELECT buurt_code FROM stock_unit_area WHERE corporation_id = ?)
                    OR c.area_code IN (SELECT area_code FROM planned_measure WHERE corporation_id = ?))
             ORDER BY c.detected_at DESC, c.id DESC LIMIT ?""")
        .params(
            from.atStartOfDay(ZoneId.of("Europe/Amsterdam")).toOffsetDateTime(),
            corporationId,
            corporationId,
            limit)
        .query(
            (rs, n) ->
                new Change(
                    rs.getObject(1, OffsetDateTime.class),
                    rs.getString(2),
                    rs.getString(3) == null ? rs.getString(2) : rs.getString(3),
                    rs.getString(4),
                    Text.msg("changes.indicator." + rs.getString(4)),
                    rs.getInt(5),
                    label(rs.getString(4), rs.getDouble(6)),
                    rs.getInt(7),
                    label(rs.getString(4), rs.getDouble(8))))
        .list();
  }

  /** The label of a watched figure value (class name, signal, attention yes/no). */
  public static Text label(String indicator, double v) {
    return switch (indicator) {
      case AnalysisEngine.LBM_CLASS -> Bands.lbmLabel((int) Math.round(v));
      case AnalysisEngine.SIGNAL -> Text.msg("signal." + Math.round(v));
      default -> Text.msg(v >= 1 ? "atelier.card.attention.yes" : "atelier.card.attention.no");
    };
  }
}
