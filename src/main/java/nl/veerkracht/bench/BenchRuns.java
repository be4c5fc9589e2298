package nl.veerkracht.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.JsonNode;

/** Runs many clients at once and summarises what they measured. */
final class BenchRuns {

  private BenchRuns() {}

  interface Task {
    void run(int index) throws Exception;
  }

  interface Call {
    JsonNode call() throws Exception;
  }

  static void runAll(ExecutorService pool, int n, Duration limit, Task task) throws Exception {
    CountDownLatch start = new CountDownLatch(1);
    List<Future<?>> futures = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      int index = i;
      futures.add(
          pool.submit(
              () -> {
                start.await();
                task.run(index);
                return null;
              }));
    }
    start.countDown();
    for (Future<?> f : futures) {
      f.get(limit.toSeconds(), TimeUnit.SECONDS);
    }
  }

  static void timed(List<Long> latencies, AtomicInteger failed, Call call) {
    long t = System.nanoTime();
    try {
      call.call();
    } catch (Exception e) {
      failed.incrementAndGet();
    }
    latencies.add((System.nanoTime() - t) / 1_000_000);
  }

  static long percentile(List<Long> values, int p) {
    if (values.isEmpty()) {
      return 0;
    }
    List<Long> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
    return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
  }
}
