package nl.veerkracht.fetch;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * The optional scheduled refresh: with {@code veerkracht.fetch.schedule.cron} (e.g. {@code 0 0 3 1
 * * *}, 03:00 on the first of each month) and {@code veerkracht.fetch.schedule.gemeenten},
 * Veerkracht asks the servers again and imports what changed; the import history and the log say
 * what that was. Off by default.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
public class FetchSchedule {

  private static final Logger LOG = LoggerFactory.getLogger(FetchSchedule.class);

  private final FetchService fetch;
  private final List<String> gemeenten;
  private final List<Integer> years;

  public FetchSchedule(FetchService fetch, FetchScheduleSettings settings) {
    this.fetch = fetch;
    this.gemeenten = settings.gemeenten();
    this.years = settings.years();
  }

  @Scheduled(cron = "${veerkracht.fetch.schedule.cron:-}")
  public void scheduled() {
    try {
      runOnce();
    } catch (RuntimeException e) {
      LOG.error("Scheduled fetch failed; nothing was changed: {}", e.getMessage());
    }
  }

  /** One refresh now; empty when no gemeenten are configured. */
  public Optional<FetchService.Result> runOnce() {
    if (gemeenten.isEmpty()) {
      LOG.warn("veerkracht.fetch.schedule.gemeenten is empty: nothing to refresh");
      return Optional.empty();
    }
    List<Integer> y =
        years.isEmpty()
            ? List.of(java.util.Collections.max(fetch.settings().tables().keySet()))
            : years;
    FetchService.Result r =
        fetch.run(
            new FetchRequest(
                gemeenten.stream().anyMatch(g -> g.equalsIgnoreCase(FetchRequest.ALL))
                    ? List.of()
                    : gemeenten,
                y,
                EnumSet.allOf(FetchRequest.Source.class),
                null,
                true,
                "schedule"),
            m -> LOG.info("Scheduled fetch: {}", m.en()));
    long written = r.report().files().stream().mapToLong(f -> f.valuesWritten()).sum();
    LOG.info(
        "Scheduled fetch for {} {}: {} ({} figures written)",
        gemeenten,
        y,
        r.report().status(),
        written);
    return Optional.of(r);
  }
}
