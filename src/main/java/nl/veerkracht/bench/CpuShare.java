package nl.veerkracht.bench;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Where the machine's processor time went during a run: the app instances, PostgreSQL (every {@code
 * postgres} process) and this benchmark's own process, which plays the participants and their
 * phones. Read from the operating system's process table at the start and the end.
 */
final class CpuShare {

  private final Set<Long> instances;
  private final Map<String, Duration> start;
  private final long startNanos;

  private CpuShare(Set<Long> instances) {
    this.instances = instances;
    this.start = snapshot(instances);
    this.startNanos = System.nanoTime();
  }

  static CpuShare begin(Set<Long> instances) {
    return new CpuShare(instances);
  }

  /**
   * E.g. "2 cores 97 % busy: instances 61 %, PostgreSQL 22 %, benchmark 14 %", as shares of all
   * cores over the run.
   */
  String end() {
    Map<String, Duration> now = snapshot(instances);
    int cores = Runtime.getRuntime().availableProcessors();
    double wall = (System.nanoTime() - startNanos) / 1e9 * cores;
    StringBuilder parts = new StringBuilder();
    double busy = 0;
    for (Map.Entry<String, Duration> e : now.entrySet()) {
      double used = (e.getValue().toNanos() - start.get(e.getKey()).toNanos()) / 1e9 / wall;
      busy += used;
      parts.append(String.format(Locale.ROOT, ", %s %.0f %%", e.getKey(), used * 100));
    }
    return String.format(Locale.ROOT, "%d cores %.0f %% busy: ", cores, busy * 100)
        + parts.substring(2);
  }

  private static Map<String, Duration> snapshot(Set<Long> instances) {
    Map<String, Duration> used = new LinkedHashMap<>();
    used.put("instances", Duration.ZERO);
    used.put("PostgreSQL", Duration.ZERO);
    used.put("benchmark", Duration.ZERO);
    long self = ProcessHandle.current().pid();
    ProcessHandle.allProcesses()
        .forEach(
            p -> {
              String group =
                  instances.contains(p.pid())
                      ? "instances"
                      : p.pid() == self
                          ? "benchmark"
                          : p.info().command().orElse("").endsWith("/postgres")
                              ? "PostgreSQL"
                              : null;
              if (group != null) {
                used.merge(
                    group, p.info().totalCpuDuration().orElse(Duration.ZERO), Duration::plus);
              }
            });
    return used;
  }
}
