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
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
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
        AtelierLoad.Room warmUp = prepare(http, basic, bases);
        AtelierLoad.pins(pool, warmUp, AtelierPace.BURST);
        warmUp.staff().post(bases[1] + warmUp.api() + "/phase", "{\"phase\":\"PRIORITISING\"}");
        AtelierLoad.votes(pool, warmUp, AtelierPace.BURST);
      }
      out.println(
          "  warm-up: "
              + WARM_UPS
              + " ateliers of 200 participants x 10 pins and 5 votes, not measured");
      List<Summary> summaries = new ArrayList<>();
      for (AtelierPace pace : AtelierPace.values()) {
        out.println();
        out.println("  " + pace.description);
        AtelierLoad.Room room = prepare(http, basic, bases);
        long before = settledLastEventId(room.id());
        SseListener[] listeners = AtelierLoad.listen(pool, http, room, before);
        CpuShare cpu = CpuShare.begin(instances.pids());
        AtelierLoad.Round pins = AtelierLoad.pins(pool, room, pace);
        room.staff().post(bases[1] + room.api() + "/phase", "{\"phase\":\"PRIORITISING\"}");
        AtelierLoad.Round votes = AtelierLoad.votes(pool, room, pace);
        // the votes are a blind round: a phone sees its own votes and no tally until the reveal
        boolean blind = AtelierLoad.tallyShown(room) == 0;
        long revealSent = System.currentTimeMillis();
        room.staff()
            .post(bases[0] + room.api() + "/reveal", "{\"round\":\"votes\",\"revealed\":true}");
        long last = settledLastEventId(room.id());
        AtelierLoad.awaitDelivery(listeners, last);
        long revealAll = AtelierLoad.revealedToAll(listeners, revealSent);
        String processor = cpu.end();
        int tallyAfter = AtelierLoad.tallyShown(room);
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
  private AtelierLoad.Room prepare(HttpClient http, String basic, String[] bases) throws Exception {
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
    return new AtelierLoad.Room(id, api, staff, participants, measures, bases);
  }

  /** What one run did, as the report reads it. */
  private record Run(
      AtelierPace pace,
      long id,
      long before,
      AtelierLoad.Round pins,
      AtelierLoad.Round votes,
      SseListener[] listeners,
      boolean blind,
      int tallyAfter) {}

  private Summary report(PrintStream out, Run run, long revealAll) {
    AtelierLoad.Round pins = run.pins();
    AtelierLoad.Round votes = run.votes();
    long events =
        count(
            "SELECT count(*) FROM atelier_event WHERE atelier_id = ? AND id > ?",
            run.id(),
            run.before());
    long storedPins = count("SELECT count(*) FROM atelier_pin WHERE atelier_id = ?", run.id());
    long storedVotes =
        count("SELECT coalesce(sum(votes), 0) FROM atelier_vote WHERE atelier_id = ?", run.id());
    List<Long> writes = writes(out, run, storedPins, storedVotes);
    Delivery delivery = delivery(out, run, events, revealAll);
    return new Summary(
        run.pace(),
        writes.size(),
        BenchRuns.percentile(writes, 50),
        BenchRuns.percentile(writes, 99),
        BenchRuns.percentile(writes, 100),
        pins.failed() + votes.failed(),
        storedPins == pins.sent() && storedVotes == votes.sent(),
        run.blind() && run.tallyAfter() == storedVotes,
        delivery.complete(),
        delivery.p99(),
        revealAll);
  }

  /** Prints what was sent, stored and how long the writes took; returns their latencies. */
  private static List<Long> writes(PrintStream out, Run run, long storedPins, long storedVotes) {
    AtelierLoad.Round pins = run.pins();
    AtelierLoad.Round votes = run.votes();
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
    return writes;
  }

  /** How many listeners saw every event, and the p99 of the deliveries. */
  private record Delivery(int complete, long p99) {}

  /** Prints how the events reached the listeners and how long the reveal took. */
  private static Delivery delivery(PrintStream out, Run run, long events, long revealAll) {
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
    return new Delivery(complete, BenchRuns.percentile(deliveries, 99));
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
