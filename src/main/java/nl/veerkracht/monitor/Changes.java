package nl.veerkracht.monitor;

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
 * What moved for a corporation: changes of the buurten where it has units or measures, of its
 * targets' status and of its complexes' own signals against their thresholds, newest first. Staff
 * of the corporation only.
 */
@Service
public class Changes {

  /**
   * One change, with its values as labels in both languages.
   *
   * @param kind {@code area} (a buurt's class, signal or attention status), {@code target} (a
   *     target's status) or {@code signal} (a complex's own signal over or under its threshold)
   * @param code the buurt code, the measure id or the complex code
   * @param href the page of the buurt, measure or complex
   */
  public record Change(
      OffsetDateTime detectedAt,
      String kind,
      String code,
      String name,
      String href,
      String indicator,
      Text what,
      Integer yearFrom,
      Text from,
      Integer yearTo,
      Text to) {

    public Text fromWithYear() {
      return withYear(from, yearFrom);
    }

    public Text toWithYear() {
      return withYear(to, yearTo);
    }

    private static Text withYear(Text label, Integer year) {
      return year == null ? label : label.plus(Text.plain(" (" + year + ")"));
    }
  }

  private final JdbcClient jdbc;
  private final CurrentUser currentUser;
  private final OwnChangeList ownChanges;

  public Changes(JdbcClient jdbc, CurrentUser currentUser, OwnChangeList ownChanges) {
    this.jdbc = jdbc;
    this.currentUser = currentUser;
    this.ownChanges = ownChanges;
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
    OffsetDateTime start = from.atStartOfDay(ZoneId.of("Europe/Amsterdam")).toOffsetDateTime();
    List<Change> out = new java.util.ArrayList<>(areaChanges(corporationId, start, limit));
    out.addAll(ownChanges.list(corporationId, start, limit));
    out.sort(java.util.Comparator.comparing(Change::detectedAt).reversed());
    return out.size() > limit ? List.copyOf(out.subList(0, limit)) : out;
  }

  private List<Change> areaChanges(long corporationId, OffsetDateTime start, int limit) {
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
        .params(start, corporationId, corporationId, limit)
        .query(
            (rs, n) ->
                new Change(
                    rs.getObject(1, OffsetDateTime.class),
                    "area",
                    rs.getString(2),
                    rs.getString(3) == null ? rs.getString(2) : rs.getString(3),
                    "/gebied/" + rs.getString(2),
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
