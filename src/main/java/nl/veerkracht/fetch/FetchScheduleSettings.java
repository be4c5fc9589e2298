package nl.veerkracht.fetch;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.scheduling.support.CronExpression;

/**
 * The scheduled refresh's settings ({@code veerkracht.fetch.schedule.*}), checked at start: a cron
 * expression that is not one, or a year out of range, stops the start with the key, the value and
 * what is allowed.
 *
 * @param cron when to refresh, six fields (e.g. {@code 0 0 3 1 * *}); empty or {@code -} is off
 * @param gemeenten the gemeenten to refresh (codes such as GM0308, or {@code alle})
 * @param years the years to refresh; empty is the newest year a table is known for
 */
@ConfigurationProperties("veerkracht.fetch.schedule")
public record FetchScheduleSettings(String cron, List<String> gemeenten, List<Integer> years) {

  public FetchScheduleSettings {
    cron = cron == null || cron.isBlank() ? "-" : cron.strip();
    if (!cron.equals("-") && !CronExpression.isValidExpression(cron)) {
      throw new IllegalArgumentException(
          "veerkracht.fetch.schedule.cron = "
              + cron
              + " is not a cron expression: use six fields (second minute hour day month"
              + " weekday), e.g. 0 0 3 1 * * for 03:00 on the first of each month, or - for off");
    }
    gemeenten =
        gemeenten == null
            ? List.of()
            : gemeenten.stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
    years = years == null ? List.of() : List.copyOf(years);
    for (int y : years) {
      if (y < 2000 || y > 2100) {
        throw new IllegalArgumentException(
            "veerkracht.fetch.schedule.years contains "
                + y
                + ", which is not allowed: use years from 2000 to 2100");
      }
    }
  }

  /** Whether a refresh is scheduled at all. */
  public boolean on() {
    return !cron.equals("-");
  }
}
