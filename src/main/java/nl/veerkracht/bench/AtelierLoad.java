package nl.veerkracht.bench;

import java.net.http.HttpClient;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.JsonNode;

/**
 * The load of the atelier benchmark: the room's listeners, the participants' pins and votes at a
 * pace, and how the reveal reached everyone.
 */
final class AtelierLoad {

  private AtelierLoad() {}

  /** The atelier under test, its measures and the staff and participant clients. */
  record Room(
      long id,
      String api,
      BenchClient staff,
      List<BenchClient> participants,
      List<Long> measures,
      String[] bases) {}

  /** What one round of writes sent and how long each request took. */
  record Round(List<Long> latencies, int sent, int resent, int failed, double seconds) {}

  /**
   * The participants' phones as listeners, half on each instance, all connected before the first
   * write.
   */
  static SseListener[] listen(ExecutorService pool, HttpClient http, Room room, long before)
      throws InterruptedException {
    SseListener[] listeners = new SseListener[AtelierBenchmark.LISTENERS];
    CountDownLatch connected = new CountDownLatch(AtelierBenchmark.LISTENERS);
    for (int l = 0; l < AtelierBenchmark.LISTENERS; l++) {
      listeners[l] =
          new SseListener(
              http,
              room.bases()[l % 2] + room.api() + "/events?after=" + before,
              room.participants().get(l % AtelierBenchmark.PARTICIPANTS).authorization());
      SseListener listener = listeners[l];
      pool.submit(() -> listener.follow(connected));
    }
    if (!connected.await(60, TimeUnit.SECONDS)) {
      throw new IllegalStateException("not all listeners could connect");
    }
    return listeners;
  }

  /** Every participant places its pins; every 10th is sent again to the other instance. */
  static Round pins(ExecutorService pool, Room room, AtelierPace pace) throws Exception {
    List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
    AtomicInteger sent = new AtomicInteger();
    AtomicInteger resent = new AtomicInteger();
    AtomicInteger failed = new AtomicInteger();
    long t0 = System.nanoTime();
    BenchRuns.runAll(
        pool,
        AtelierBenchmark.PARTICIPANTS,
        AtelierBenchmark.LIMIT,
        p -> {
          BenchClient c = room.participants().get(p);
          String url = room.bases()[p % 2] + room.api() + "/pins";
          for (int k = 0; k < AtelierBenchmark.PINS; k++) {
            pace.think();
            String body = pinBody(p, k);
            BenchRuns.timed(latencies, failed, () -> c.post(url, body));
            sent.incrementAndGet();
            if (k % 10 == 9) {
              // the retry goes to the other instance, as after a reconnect
              String other = room.bases()[(p + 1) % 2] + room.api() + "/pins";
              BenchRuns.timed(latencies, failed, () -> c.post(other, body));
              resent.incrementAndGet();
            }
          }
        });
    return new Round(
        new ArrayList<>(latencies),
        sent.get(),
        resent.get(),
        failed.get(),
        (System.nanoTime() - t0) / 1e9);
  }

  static String pinBody(int p, int k) {
    double lat = 52.2105 + (p % 20) * 0.0004 + k * 0.00003;
    double lon = 5.2840 + (p / 20) * 0.0005;
    return String.format(
        Locale.ROOT,
        "{\"lat\":%.6f,\"lon\":%.6f,\"category\":\"%s\",\"text\":\"Speld %d van deelnemer"
            + " %d\",\"clientId\":\"b-%d-%d\"}",
        lat,
        lon,
        k % 3 == 0 ? "probleem" : k % 3 == 1 ? "kans" : "idee",
        k,
        p,
        p,
        k);
  }

  /** Every participant puts one vote on each measure, alternating instances. */
  static Round votes(ExecutorService pool, Room room, AtelierPace pace) throws Exception {
    List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
    AtomicInteger sent = new AtomicInteger();
    AtomicInteger failed = new AtomicInteger();
    long t0 = System.nanoTime();
    BenchRuns.runAll(
        pool,
        AtelierBenchmark.PARTICIPANTS,
        AtelierBenchmark.LIMIT,
        p -> {
          BenchClient c = room.participants().get(p);
          for (int v = 0; v < AtelierBenchmark.VOTES; v++) {
            pace.think();
            long measure = room.measures().get((p + v) % room.measures().size());
            String url = room.bases()[(p + v) % 2] + room.api() + "/votes";
            BenchRuns.timed(
                latencies, failed, () -> c.post(url, "{\"targetId\":" + measure + ",\"count\":1}"));
            sent.incrementAndGet();
          }
        });
    return new Round(
        new ArrayList<>(latencies), sent.get(), 0, failed.get(), (System.nanoTime() - t0) / 1e9);
  }

  /**
   * How many votes the first participant's phone is shown as the room's tally (0 while the round is
   * blind: its measures carry no totals).
   */
  static int tallyShown(Room room) throws Exception {
    JsonNode state = room.participants().get(0).get(room.bases()[0] + room.api());
    int shown = 0;
    for (JsonNode area : state.get("problemAreas")) {
      for (JsonNode m : area.get("measures")) {
        shown += m.get("votes").isNull() ? 0 : m.get("votes").asInt();
      }
    }
    return shown;
  }

  /** Milliseconds from sending the reveal until the last of the listeners had it (-1: not all). */
  static long revealedToAll(SseListener[] listeners, long sent) {
    long last = 0;
    for (SseListener l : listeners) {
      long at = l.revealedAt.get();
      if (at == 0) {
        return -1;
      }
      last = Math.max(last, at);
    }
    return last - sent;
  }

  /**
   * Waits (at most 30 s) until every listener has the last event and the reveal, then closes the
   * streams.
   */
  static void awaitDelivery(SseListener[] listeners, long last) throws InterruptedException {
    long deadline = System.currentTimeMillis() + 30_000;
    while (System.currentTimeMillis() < deadline) {
      boolean all = true;
      for (SseListener l : listeners) {
        all &= l.lastId.get() >= last && l.revealedAt.get() != 0;
      }
      if (all) {
        break;
      }
      Thread.sleep(50);
    }
    for (SseListener l : listeners) {
      l.stop();
    }
  }
}
