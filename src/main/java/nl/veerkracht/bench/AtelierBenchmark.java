package nl.veerkracht.bench;

import com.zaxxer.hikari.HikariDataSource;
import java.io.PrintStream;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import nl.veerkracht.corporation.CorporationRepository;
import nl.veerkracht.imports.ImportService;
import nl.veerkracht.security.Membership;
import nl.veerkracht.security.UserAccounts;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * {@code bench atelier}: two app instances started from this jar on 127.0.0.1, sharing the bench
 * database; 200 participants (half joined on each) place 10 pins each and then spend 5 votes each
 * in a blind round, while their 200 phones (Server-Sent Event listeners, half on each instance)
 * follow the atelier; then the facilitator reveals the votes. Twice: all at once as fast as the
 * server answers (a stress test: 200 requests always in flight), and at the pace of people in a
 * room (each thinks 1-5 s before the next pin or vote). Every 10th pin is sent twice, as a phone
 * does that retries after a dropped connection. Prints what was sent and stored, the write latency,
 * whether a phone saw a tally before the reveal, how long until every listener on both instances
 * saw every event and how long until the reveal reached all 200; then both runs side by side.
 * Bounded: fixed counts, a time limit, and the instances are stopped at the end.
 */
@Component
public class AtelierBenchmark implements BenchCommand.Benchmark {

  static final int PARTICIPANTS = 200;
  static final int PINS = 10;
  static final int VOTES = 5;
  static final int LISTENERS = 200;
  static final int WARM_UPS = 2;
  static final Duration LIMIT = Duration.ofMinutes(4);
  private static final String USER = "bench-facilitator";

  private final ImportService imports;
  private final BenchDatabase database;
  private final CorporationRepository corporations;
  private final UserAccounts users;
  private final HikariDataSource dataSource;

  public AtelierBenchmark(
      ImportService imports,
      BenchDatabase database,
      CorporationRepository corporations,
      UserAccounts users,
      HikariDataSource dataSource) {
    this.imports = imports;
    this.database = database;
    this.corporations = corporations;
    this.users = users;
    this.dataSource = dataSource;
  }

  @Override
  public String name() {
    return "atelier";
  }

  /** The atelier under test, its measures and the staff and participant clients. */
  private record Room(
      long id,
      String api,
      BenchClient staff,
      List<BenchClient> participants,
      List<Long> measures,
      String[] bases) {}

  /** What one round of writes sent and how long each request took. */
  private record Round(List<Long> latencies, int sent, int resent, int failed, double seconds) {}

  /** One run's figures, for the table at the end. */
  private record Summary(
      AtelierPace pace,
      int writes,
      long p50,
      long p99,
      long max,
      int failed,
      boolean storedEqual,
      boolean blind,
      int complete,
      long deliveryP99,
      long revealAll) {}

  @Override
  public void run(BenchCommand.BenchContext context, PrintStream out) throws Exception {
    Path folder = Files.createTempDirectory("veerkracht-bench-atelier");
    String basic = setUp(folder);
    ExecutorService pool = Executors.newFixedThreadPool(PARTICIPANTS + LISTENERS + 4);
    try (AppInstances instances = new AppInstances(dataSource)) {
      String[] bases = {instances.startOne(folder), instances.startOne(folder)};
      out.printf(
          "  two instances on %s and %s, one PostgreSQL (%s)%n",
          bases[0], bases[1], dataSource.getJdbcUrl());
      HttpClient http =
          HttpClient.newBuilder()
              .version(HttpClient.Version.HTTP_1_1)
              .connectTimeout(Duration.ofSeconds(10))
              .build();
      // fresh JVMs run their first requests interpreted and keep compiling for a while: two
      // warm-up ateliers first, pins and votes, not measured
      for (int w = 0; w < WARM_UPS; w++) {
        Room warmUp = prepare(http, basic, bases);
        pins(pool, warmUp, AtelierPace.BURST);
        warmUp.staff().post(bases[1] + warmUp.api() + "/phase", "{\"phase\":\"PRIORITISING\"}");
        votes(pool, warmUp, AtelierPace.BURST);
      }
      out.println(
          "  warm-up: "
              + WARM_UPS
              + " ateliers of 200 participants x 10 pins and 5 votes, not measured");
      List<Summary> summaries = new ArrayList<>();
      for (AtelierPace pace : AtelierPace.values()) {
        out.println();
        out.println("  " + pace.description);
        Room room = prepare(http, basic, bases);
        long before = settledLastEventId(room.id());
        SseListener[] listeners = listen(pool, http, room, before);
        CpuShare cpu = CpuShare.begin(instances.pids());
        Round pins = pins(pool, room, pace);
        room.staff().post(bases[1] + room.api() + "/phase", "{\"phase\":\"PRIORITISING\"}");
        Round votes = votes(pool, room, pace);
        // the votes are a blind round: a phone sees its own votes and no tally until the reveal
        boolean blind = tallyShown(room) == 0;
        long revealSent = System.currentTimeMillis();
        room.staff()
            .post(bases[0] + room.api() + "/reveal", "{\"round\":\"votes\",\"revealed\":true}");
        long last = settledLastEventId(room.id());
        awaitDelivery(listeners, last);
        long revealAll = revealedToAll(listeners, revealSent);
        String processor = cpu.end();
        int tallyAfter = tallyShown(room);
        summaries.add(
            report(
                out,
                new Run(pace, room.id(), before, pins, votes, listeners, blind, tallyAfter),
                revealAll));
        out.println("  processor: " + processor);
      }
      table(out, summaries);
    } finally {
      pool.shutdownNow();
      database.reset();
      database.jdbc().sql("DELETE FROM app_user WHERE username = ?").param(USER).update();
    }
  }

  /** Baarn's buurten, the corporation and its facilitator; the facilitator's Basic credentials. */
  private String setUp(Path folder) {
    database.reset();
    database.jdbc().sql("DELETE FROM app_user WHERE username = ?").param(USER).update();
    DemoImport.run(imports, folder, List.of("geo/baarn_buurten_2024_wgs84_pdok_full.geojson"));
    long corporation = corporations.create("BENCH", "Benchmark", true).id();
    String password = UUID.randomUUID().toString();
    long user = users.create(USER, password, "Benchmark", false);
    users.grant(user, corporation, Membership.Role.FACILITATOR);
    return "Basic "
        + Base64.getEncoder()
            .encodeToString((USER + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  /** The atelier with one problem area of five measures, in its pinning phase, and who joined. */
  private Room prepare(HttpClient http, String basic, String[] bases) throws Exception {
    BenchClient staff = new BenchClient(http, basic);
    JsonNode created =
        staff.post(
            bases[0] + "/api/ateliers",
            "{\"name\":\"Benchmark\",\"type\":\"gebied\",\"areaCodes\":[\"BU03080000\","
                + "\"BU03080001\"],\"votesPerParticipant\":"
                + VOTES
                + "}");
    long id = created.get("id").asLong();
    String api = "/api/ateliers/" + id;
    long area =
        staff
            .post(bases[0] + api + "/problem-areas", "{\"name\":\"Benchmarkgebied\"}")
            .get("id")
            .asLong();
    List<Long> measures = new ArrayList<>();
    for (int m = 0; m < VOTES; m++) {
      measures.add(
          staff
              .post(
                  bases[0] + api + "/measures",
                  "{\"problemAreaId\":"
                      + area
                      + ",\"title\":\"Maatregel "
                      + (m + 1)
                      + "\",\"lever\":\"sociaal_beheer\"}")
              .get("id")
              .asLong());
    }
    staff.post(bases[0] + api + "/phase", "{\"phase\":\"PINNING\"}");
    List<BenchClient> participants = new ArrayList<>();
    for (int p = 0; p < PARTICIPANTS; p++) {
      JsonNode joined =
          new BenchClient(http, null)
              .post(
                  bases[p % 2] + "/api/ateliers/join",
                  "{\"joinCode\":\"" + created.get("joinCode").asString() + "\"}");
      participants.add(
          new BenchClient(http, "Bearer " + joined.get("participantToken").asString()));
    }
    return new Room(id, api, staff, participants, measures, bases);
  }

  /**
   * The participants' phones as listeners, half on each instance, all connected before the first
   * write.
   */
  private static SseListener[] listen(ExecutorService pool, HttpClient http, Room room, long before)
      throws InterruptedException {
    SseListener[] listeners = new SseListener[LISTENERS];
    CountDownLatch connected = new CountDownLatch(LISTENERS);
    for (int l = 0; l < LISTENERS; l++) {
      listeners[l] =
          new SseListener(
              http,
              room.bases()[l % 2] + room.api() + "/events?after=" + before,
              room.participants().get(l % PARTICIPANTS).authorization());
      SseListener listener = listeners[l];
      pool.submit(() -> listener.follow(connected));
    }
    if (!connected.await(60, TimeUnit.SECONDS)) {
      throw new IllegalStateException("not all listeners could connect");
    }
    return listeners;
  }

  /** Every participant places its pins; every 10th is sent again to the other instance. */
  private static Round pins(ExecutorService pool, Room room, AtelierPace pace) throws Exception {
    List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
    AtomicInteger sent = new AtomicInteger();
    AtomicInteger resent = new AtomicInteger();
    AtomicInteger failed = new AtomicInteger();
    long t0 = System.nanoTime();
    BenchRuns.runAll(
        pool,
        PARTICIPANTS,
        LIMIT,
        p -> {
          BenchClient c = room.participants().get(p);
          String url = room.bases()[p % 2] + room.api() + "/pins";
          for (int k = 0; k < PINS; k++) {
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

  private static String pinBody(int p, int k) {
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
  private static Round votes(ExecutorService pool, Room room, AtelierPace pace) throws Exception {
    List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
    AtomicInteger sent = new AtomicInteger();
    AtomicInteger failed = new AtomicInteger();
    long t0 = System.nanoTime();
    BenchRuns.runAll(
        pool,
        PARTICIPANTS,
        LIMIT,
        p -> {
          BenchClient c = room.participants().get(p);
          for (int v = 0; v < VOTES; v++) {
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
  private static int tallyShown(Room room) throws Exception {
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
  private static long revealedToAll(SseListener[] listeners, long sent) {
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
  private static void awaitDelivery(SseListener[] listeners, long last)
      throws InterruptedException {
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

  /** What one run did, as the report reads it. */
  private record Run(
      AtelierPace pace,
      long id,
      long before,
      Round pins,
      Round votes,
      SseListener[] listeners,
      boolean blind,
      int tallyAfter) {}

  private Summary report(PrintStream out, Run run, long revealAll) {
    Round pins = run.pins();
    Round votes = run.votes();
    long events =
        count(
            "SELECT count(*) FROM atelier_event WHERE atelier_id = ? AND id > ?",
            run.id(),
            run.before());
    long storedPins = count("SELECT count(*) FROM atelier_pin WHERE atelier_id = ?", run.id());
    long storedVotes =
        count("SELECT coalesce(sum(votes), 0) FROM atelier_vote WHERE atelier_id = ?", run.id());
    int complete = 0;
    long worstDelivery = 0;
    List<Long> deliveries = new ArrayList<>();
    for (SseListener l : run.listeners()) {
      if (l.seen.size() >= events) {
        complete++;
      }
      deliveries.addAll(l.latencies);
      worstDelivery = Math.max(worstDelivery, l.worst.get());
    }
    List<Long> writes = new ArrayList<>(pins.latencies());
    writes.addAll(votes.latencies());
    out.printf(
        Locale.ROOT,
        "  pins:  %,d sent (+%,d resent with the same client id), %,d stored%s; %.1f s"
            + " (%,.0f pins/s)%n",
        pins.sent(),
        pins.resent(),
        storedPins,
        storedPins == pins.sent() ? " (equal)" : " (NOT EQUAL)",
        pins.seconds(),
        pins.sent() / pins.seconds());
    out.printf(
        Locale.ROOT,
        "  votes: %,d sent, %,d stored%s; %.1f s%n",
        votes.sent(),
        storedVotes,
        storedVotes == votes.sent() ? " (equal)" : " (NOT EQUAL)",
        votes.seconds());
    out.printf("  failed requests: %d%n", pins.failed() + votes.failed());
    out.printf(
        Locale.ROOT,
        "  write latency (%,d requests): p50 %d ms, p99 %d ms, max %d ms (target p99 < %d ms)"
            + "; pins p99 %d ms, votes p99 %d ms%n",
        writes.size(),
        BenchRuns.percentile(writes, 50),
        BenchRuns.percentile(writes, 99),
        BenchRuns.percentile(writes, 100),
        target(run.pace()),
        BenchRuns.percentile(pins.latencies(), 99),
        BenchRuns.percentile(votes.latencies(), 99));
    out.printf(
        Locale.ROOT,
        "  blind round: a phone saw %s before the reveal, %,d votes after it (of %,d stored)%n",
        run.blind() ? "no tally" : "A TALLY",
        run.tallyAfter(),
        storedVotes);
    out.printf(
        Locale.ROOT,
        "  events: %,d; listeners that saw every event: %d of %d (%d on each instance)%n",
        events,
        complete,
        LISTENERS,
        LISTENERS / 2);
    out.printf(
        Locale.ROOT,
        "  delivery (event stored to listener, %,d deliveries): p50 %d ms, p99 %d ms;"
            + " every listener on both instances had every event within %d ms%n",
        deliveries.size(),
        BenchRuns.percentile(deliveries, 50),
        BenchRuns.percentile(deliveries, 99),
        worstDelivery);
    out.printf(
        Locale.ROOT,
        "  reveal: from the facilitator's click to the last of %d phones %s (target < 1000 ms)%n",
        LISTENERS,
        revealAll < 0 ? "NOT ALL REACHED" : revealAll + " ms");
    return new Summary(
        run.pace(),
        writes.size(),
        BenchRuns.percentile(writes, 50),
        BenchRuns.percentile(writes, 99),
        BenchRuns.percentile(writes, 100),
        pins.failed() + votes.failed(),
        storedPins == pins.sent() && storedVotes == votes.sent(),
        run.blind() && run.tallyAfter() == storedVotes,
        complete,
        BenchRuns.percentile(deliveries, 99),
        revealAll);
  }

  /** The write latency target: p99 under 200 ms at people's pace, under 500 ms all at once. */
  private static long target(AtelierPace pace) {
    return pace == AtelierPace.PEOPLE ? 200 : 500;
  }

  /** Both runs side by side, with their targets. */
  private static void table(PrintStream out, List<Summary> rows) {
    out.println();
    out.printf(
        "  %-13s %7s %7s %7s %7s %7s %7s %7s %7s %11s %13s%n",
        "run",
        "writes",
        "p50 ms",
        "p99 ms",
        "target",
        "max ms",
        "failed",
        "stored",
        "blind",
        "listeners",
        "reveal to all");
    for (Summary r : rows) {
      out.printf(
          Locale.ROOT,
          "  %-13s %,7d %7d %7d %7s %7d %7d %7s %7s %11s %13s%n",
          r.pace() == AtelierPace.PEOPLE ? "people's pace" : "all at once",
          r.writes(),
          r.p50(),
          r.p99(),
          "< " + target(r.pace()),
          r.max(),
          r.failed(),
          r.storedEqual() ? "equal" : "NOT",
          r.blind() ? "held" : "BROKEN",
          r.complete() + "/" + LISTENERS,
          r.revealAll() < 0 ? "NOT ALL" : r.revealAll() + " ms");
    }
    out.println(
        "  (listeners: phones that saw every event; reveal to all: from the click to the last of"
            + " 200 phones, target < 1000 ms; event delivery p99: "
            + rows.stream().map(r -> r.deliveryP99() + " ms").toList()
            + ")");
  }

  private long count(String sql, Object... params) {
    return database.jdbc().sql(sql).params(params).query(Long.class).single();
  }

  /**
   * The atelier's last event id once every event written so far has its number (they are numbered
   * just after their write commits).
   */
  private long settledLastEventId(long atelierId) throws InterruptedException {
    long deadline = System.currentTimeMillis() + 10_000;
    while (count("SELECT count(*) FROM atelier_event_pending WHERE atelier_id = ?", atelierId) > 0
        && System.currentTimeMillis() < deadline) {
      Thread.sleep(5);
    }
    return lastEventId(atelierId);
  }

  private long lastEventId(long atelierId) {
    return database
        .jdbc()
        .sql("SELECT coalesce(max(id), 0) FROM atelier_event WHERE atelier_id = ?")
        .param(atelierId)
        .query(Long.class)
        .single();
  }
}
