package nl.veerkracht.monitor;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import nl.veerkracht.common.ForbiddenException;
import nl.veerkracht.common.InvalidInputException;
import nl.veerkracht.common.Text;
import nl.veerkracht.security.CurrentUser;
import nl.veerkracht.security.Membership;
import org.springframework.stereotype.Service;

/**
 * A corporation's thresholds for its own signals per complex, as a count per 100 units in a year.
 * Turnover (move-outs) is the signal {@value #TURNOVER}. Kinds without a threshold of their own use
 * the default: {@value #DEFAULT_TURNOVER} move-outs per 100 units (well above the national turnover
 * of about 7 %), {@value #DEFAULT_OTHER} for any other kind (nuisance reports, complaints).
 */
@Service
public class SignalThresholds {

  public static final String TURNOVER = "mutaties";
  public static final double DEFAULT_TURNOVER = 12;
  public static final double DEFAULT_OTHER = 10;

  /** One kind of signal with its threshold and whether it is the default. */
  public record Threshold(String signalType, double per100Units, boolean isDefault) {}

  private final MonitorRepository rows;
  private final CurrentUser currentUser;

  SignalThresholds(MonitorRepository rows, CurrentUser currentUser) {
    this.rows = rows;
    this.currentUser = currentUser;
  }

  public static double defaultFor(String signalType) {
    return TURNOVER.equals(signalType) ? DEFAULT_TURNOVER : DEFAULT_OTHER;
  }

  /** Every kind of signal the corporation holds (and turnover), with its threshold. */
  public List<Threshold> list(String corporation) {
    return list(currentUser.requireStaffOrDefault(corporation).corporationId());
  }

  public List<Threshold> list(long corporationId) {
    Map<String, Double> own = own(corporationId);
    TreeMap<String, Threshold> out = new TreeMap<>();
    out.put(TURNOVER, new Threshold(TURNOVER, DEFAULT_TURNOVER, true));
    rows.signalTypes(corporationId).forEach(t -> out.put(t, new Threshold(t, defaultFor(t), true)));
    own.forEach((t, v) -> out.put(t, new Threshold(t, v, false)));
    return new ArrayList<>(out.values());
  }

  /** The thresholds by kind, defaults not included. */
  public Map<String, Double> own(long corporationId) {
    return rows.thresholds(corporationId);
  }

  /** Sets a kind's threshold; {@code null} returns it to the default. Staff who plan only. */
  public Membership set(String corporation, String signalType, Double per100Units) {
    Membership m = currentUser.requireStaffOrDefault(corporation);
    if (!m.role().canPlan()) {
      throw new ForbiddenException(Text.msg("error.monitor.thresholdRole"));
    }
    String type = signalType == null ? "" : signalType.strip();
    if (type.isEmpty() || type.length() > 100) {
      throw new InvalidInputException(Text.msg("thresholds.invalid.type"));
    }
    if (per100Units == null) {
      rows.deleteThreshold(m.corporationId(), type);
      return m;
    }
    if (!(per100Units > 0 && per100Units <= 10000)) {
      throw new InvalidInputException(Text.msg("thresholds.invalid.value"));
    }
    // a threshold for a kind the corporation holds no signals of would never be used
    List<String> known = list(m.corporationId()).stream().map(Threshold::signalType).toList();
    if (!known.contains(type)) {
      throw new InvalidInputException(
          Text.msg("thresholds.invalid.unknown", "type", type, "known", String.join(", ", known)));
    }
    rows.saveThreshold(m.corporationId(), type, per100Units);
    return m;
  }
}
