package nl.veerkracht.analysis;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import nl.veerkracht.analysis.domain.AnalysisEngine;
import nl.veerkracht.analysis.domain.AnalysisInputs;
import nl.veerkracht.analysis.domain.AnalysisSettings;
import nl.veerkracht.analysis.domain.PeerGroups;
import nl.veerkracht.analysis.domain.Result;
import nl.veerkracht.common.DataChangedEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Recomputes the derived indicators from the stored figures and replaces {@code analysis_result} in
 * one transaction. Runs after every data change (coalesced: changes during a run cause one more
 * run) and on start; {@link #recompute()} runs it at once.
 */
@Service
public class AnalysisService {

  private static final Logger LOG = LoggerFactory.getLogger(AnalysisService.class);

  /** Figures the analysis reads. */
  static final Set<String> FIXED_INPUTS =
      Set.of(
          "social_assistance_recipients",
          "inhabitants",
          "households",
          "wmo_clients",
          "single_person_households",
          "lbm_score",
          "lbm_afw",
          "lbm_class",
          "lbm2_class",
          "lbm_onv",
          "lbm_won",
          "lbm_fys",
          "lbm_vrz",
          "lbm_soc",
          "lbm_won_class",
          "lbm_fys_class",
          "lbm_vrz_class",
          "lbm_soc_class",
          "lbm_onv_class",
          "lbm2_vei",
          "pct_corporation_rent",
          "urbanity",
          "dwellings");

  /** What one run did. */
  public record Run(
      long durationMs,
      long loadMs,
      long computeMs,
      long writeMs,
      int areas,
      int inputs,
      int results) {}

  private final AnalysisRepository rows;
  private final nl.veerkracht.security.CurrentUser currentUser;
  private final TransactionTemplate transactions;
  private final AnalysisSettings settings;
  private final ApplicationEventPublisher events;
  private final JsonMapper json = JsonMapper.builder().build();
  private final ExecutorService worker =
      Executors.newSingleThreadExecutor(
          r -> {
            Thread t = new Thread(r, "analysis");
            t.setDaemon(true);
            return t;
          });
  private final AtomicBoolean pending = new AtomicBoolean();
  private final AtomicBoolean running = new AtomicBoolean();
  private final AtomicReference<PeerGroups> peers = new AtomicReference<>();
  private final AtomicReference<Run> lastRun = new AtomicReference<>();

  public AnalysisService(
      AnalysisRepository rows,
      nl.veerkracht.security.CurrentUser currentUser,
      TransactionTemplate transactions,
      AnalysisSettings settings,
      ApplicationEventPublisher events) {
    this.rows = rows;
    this.currentUser = currentUser;
    this.transactions = transactions;
    this.settings = settings;
    this.events = events;
  }

  public AnalysisSettings settings() {
    return settings;
  }

  public Optional<Run> lastRun() {
    return Optional.ofNullable(lastRun.get());
  }

  @EventListener(
      value = ApplicationReadyEvent.class,
      condition = nl.veerkracht.CommandProcess.NOT_IN_A_COMMAND)
  public void onReady() {
    schedule();
  }

  @EventListener
  public void onDataChanged(DataChangedEvent event) {
    if (!"analysis".equals(event.what())) {
      schedule();
    }
  }

  /** Queues a run unless one is already waiting. */
  public void schedule() {
    if (pending.compareAndSet(false, true)) {
      worker.submit(
          () -> {
            running.set(true);
            pending.set(false);
            try {
              recompute();
            } catch (RuntimeException e) {
              LOG.error("Analysis failed; the previous results stay", e);
            } finally {
              running.set(false);
            }
          });
    }
  }

  /**
   * Waits until no run is queued or running (benchmarks time an import without the analysis it
   * triggers afterwards).
   *
   * @return whether it became idle within the time given
   */
  public boolean awaitIdle(java.time.Duration max) throws InterruptedException {
    long end = System.nanoTime() + max.toNanos();
    while (pending.get() || running.get()) {
      if (System.nanoTime() > end) {
        return false;
      }
      Thread.sleep(20);
    }
    return true;
  }

  /** Recomputes everything now and replaces the stored results. */
  /** Recomputes at a caller's request: administrators only. */
  public Run recomputeAsked() {
    if (!currentUser.isAdministrator()) {
      throw new nl.veerkracht.common.ForbiddenException(
          nl.veerkracht.common.Text.msg("error.analysis.recomputeRole"));
    }
    return recompute();
  }

  public synchronized Run recompute() {
    long t0 = System.nanoTime();
    AnalysisInputs inputs = new AnalysisInputs();
    Map<String, String> names = new HashMap<>();
    transactions.executeWithoutResult(tx -> rows.load(inputIds(), inputs, names));
    long t1 = System.nanoTime();
    List<Result> results = AnalysisEngine.run(inputs, names, settings);
    PeerGroups peerGroups = PeerGroups.build(inputs, results);
    long t2 = System.nanoTime();
    long computed = System.nanoTime() - t0;
    transactions.executeWithoutResult(
        tx -> rows.write(results, computed / 1_000_000, json.writeValueAsString(settings)));
    long t3 = System.nanoTime();
    peers.set(peerGroups);
    Run run =
        new Run(
            (t3 - t0) / 1_000_000,
            (t1 - t0) / 1_000_000,
            (t2 - t1) / 1_000_000,
            (t3 - t2) / 1_000_000,
            inputs.areaCodes().size(),
            inputs.size(),
            results.size());
    lastRun.set(run);
    LOG.info(
        "Analysis: {} results for {} areas in {} ms (load {} ms, compute {} ms, write {} ms)",
        run.results(),
        run.areas(),
        run.durationMs(),
        run.loadMs(),
        run.computeMs(),
        run.writeMs());
    events.publishEvent(new DataChangedEvent("analysis"));
    return run;
  }

  /**
   * Peer groups of the last run; none until the first run after start has finished (a request never
   * triggers a recomputation).
   */
  public PeerGroups peers() {
    PeerGroups p = peers.get();
    return p == null ? PeerGroups.empty() : p;
  }

  private Set<String> inputIds() {
    Set<String> ids = new LinkedHashSet<>(FIXED_INPUTS);
    ids.addAll(settings.vulnerabilityWeights().keySet());
    return ids;
  }
}
