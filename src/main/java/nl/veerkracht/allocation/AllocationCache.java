package nl.veerkracht.allocation;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import nl.veerkracht.common.DataChangedEvent;
import nl.veerkracht.imports.ImportHistoryRepository;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Keeps what the simulator computed — the calibration of a corporation and the Monte-Carlo runs of
 * its scenarios — by corporation, parameters and the data they came from. The seeds are fixed, so
 * the same question on the same data gives the same answer: a page view after the first answers
 * from here instead of running the simulation again. An import or an undo on any instance changes
 * the data stamp in the key; on this instance it also empties the cache.
 */
@Component
public class AllocationCache {

  static final int ENTRIES = 400;

  private final ImportHistoryRepository imports;

  private final Map<List<Object>, Object> entries =
      Collections.synchronizedMap(
          new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<List<Object>, Object> eldest) {
              return size() > ENTRIES;
            }
          });

  public AllocationCache(ImportHistoryRepository imports) {
    this.imports = imports;
  }

  @EventListener
  public void onData(DataChangedEvent event) {
    entries.clear();
  }

  /**
   * The value kept for these key parts and the current data, made by {@code make} when there is
   * none. The caller checks who asks before it calls this.
   */
  @SuppressWarnings("unchecked")
  <T> T get(Supplier<T> make, Object... key) {
    List<Object> k = new java.util.ArrayList<>(Arrays.asList(key));
    k.add(imports.stamp());
    Object kept = entries.get(k);
    if (kept == null) {
      kept = make.get();
      entries.put(k, kept);
    }
    return (T) kept;
  }
}
