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

  private final MonitorRepository rows;
  private final CurrentUser currentUser;
  private final OwnChangeListRepository ownChanges;

  Changes(MonitorRepository rows, CurrentUser currentUser, OwnChangeListRepository ownChanges) {
    this.rows = rows;
    this.currentUser = currentUser;
    this.ownChanges = ownChanges;
  }

  /** The caller's membership of the corporation (or the one they work on); refused unless staff. */
  public Membership staff(String corporation) {
    return currentUser.requireStaffOrDefault(corporation);
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
    return rows.areaChanges(corporationId, start, limit).stream()
        .map(
            r ->
                new Change(
                    r.detectedAt(),
                    "area",
                    r.areaCode(),
                    r.areaName() == null ? r.areaCode() : r.areaName(),
                    "/gebied/" + r.areaCode(),
                    r.indicator(),
                    Text.msg("changes.indicator." + r.indicator()),
                    r.yearFrom(),
                    label(r.indicator(), r.valueFrom()),
                    r.yearTo(),
                    label(r.indicator(), r.valueTo())))
        .toList();
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
