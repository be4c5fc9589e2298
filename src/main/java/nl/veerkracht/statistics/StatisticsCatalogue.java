package nl.veerkracht.statistics;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicReference;
import nl.veerkracht.common.DataChangedEvent;
import nl.veerkracht.statistics.domain.Indicator;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;

/**
 * The indicators and which levels and years hold figures for them. The coverage needs one pass over
 * all figures, so it is cached until data changes.
 */
@Service
public class StatisticsCatalogue {

  private final IndicatorRepository indicators;
  private final ObservationRepository observations;
  private final AtomicReference<Map<String, Map<String, Integer>>> coverage =
      new AtomicReference<>();
  private final AtomicReference<List<Indicator>> all = new AtomicReference<>();

  public StatisticsCatalogue(IndicatorRepository indicators, ObservationRepository observations) {
    this.indicators = indicators;
    this.observations = observations;
  }

  @EventListener
  public void onDataChanged(DataChangedEvent event) {
    coverage.set(null);
    all.set(null);
  }

  public List<Indicator> list() {
    List<Indicator> list = all.get();
    if (list == null) {
      list = indicators.list();
      all.set(list);
    }
    return list;
  }

  public Optional<Indicator> find(String id) {
    return list().stream().filter(i -> i.id().equals(id)).findFirst();
  }

  private Map<String, Map<String, Integer>> coverage() {
    Map<String, Map<String, Integer>> c = coverage.get();
    if (c == null) {
      c = observations.coverage();
      coverage.set(c);
    }
    return c;
  }

  /** Number of areas of a level ({@code GM}, {@code WK}, {@code BU}) with a known value. */
  public int count(String indicatorId, String prefix, int year) {
    return coverage().getOrDefault(indicatorId, Map.of()).getOrDefault(prefix + year, 0);
  }

  /** Indicators with figures at this level and year, catalogue ones first. */
  public List<Indicator> withData(String prefix, int year) {
    return list().stream().filter(i -> count(i.id(), prefix, year) > 0).toList();
  }

  /** Years in which this indicator has figures at this level, newest first. */
  public List<Integer> years(String indicatorId, String prefix) {
    TreeSet<Integer> years = new TreeSet<>();
    coverage()
        .getOrDefault(indicatorId, Map.of())
        .keySet()
        .forEach(
            k -> {
              if (k.startsWith(prefix)) {
                years.add(Integer.parseInt(k.substring(prefix.length())));
              }
            });
    return List.copyOf(years.descendingSet());
  }
}
