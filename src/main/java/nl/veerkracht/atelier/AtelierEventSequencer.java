package nl.veerkracht.atelier;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Numbers atelier events after the write that made them has committed. A write only adds its event
 * to {@code atelier_event_pending}; once it commits, this instance's sequencer thread moves the
 * atelier's pending events into {@code atelier_event} under the atelier's advisory lock and
 * announces them. Writes to one atelier therefore no longer wait for each other's commit: only the
 * sequencer's short transactions queue, and each takes every event that came in meanwhile. Events
 * that a stopped instance left pending are taken by any instance after {@link #ORPHANED}.
 */
@Service
public class AtelierEventSequencer implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(AtelierEventSequencer.class);

  /** How long an event may wait before another instance numbers it for a stopped one. */
  static final Duration ORPHANED = Duration.ofSeconds(2);

  private static final long SWEEP_NANOS = TimeUnit.SECONDS.toNanos(1);

  private final AtelierRepository repository;
  private final TransactionTemplate transactions;
  private final Set<Long> waiting = ConcurrentHashMap.newKeySet();
  private volatile boolean running;

  /** Only a serving process listens and numbers events; a command leaves it to the server. */
  private final boolean serving;

  private volatile Thread thread;

  public AtelierEventSequencer(
      AtelierRepository repository,
      TransactionTemplate transactions,
      org.springframework.core.env.Environment environment) {
    this.serving = !nl.veerkracht.CommandProcess.is(environment);
    this.repository = repository;
    this.transactions = transactions;
  }

  /**
   * Has the atelier's events numbered once the current transaction commits (at once when there is
   * none; never when it rolls back, and then the pending rows are gone with it).
   */
  void afterCommit(long atelierId) {
    if (TransactionSynchronizationManager.isSynchronizationActive()) {
      TransactionSynchronizationManager.registerSynchronization(
          new TransactionSynchronization() {
            @Override
            public void afterCommit() {
              wake(atelierId);
            }
          });
    } else {
      wake(atelierId);
    }
  }

  private void wake(long atelierId) {
    waiting.add(atelierId);
    Thread t = thread;
    if (t != null) {
      LockSupport.unpark(t);
    }
  }

  private void run() {
    long nextSweep = System.nanoTime();
    boolean first = true;
    boolean failing = false;
    while (running) {
      if (waiting.isEmpty()) {
        LockSupport.parkNanos(this, SWEEP_NANOS);
      }
      if (!running) {
        return;
      }
      try {
        if (System.nanoTime() - nextSweep >= 0) {
          // the first sweep, at start, also takes what this instance left when it stopped
          waiting.addAll(repository.waitingAteliers(first ? Duration.ZERO : ORPHANED));
          first = false;
          nextSweep = System.nanoTime() + SWEEP_NANOS;
        }
        for (Long atelierId : List.copyOf(waiting)) {
          waiting.remove(atelierId);
          transactions.executeWithoutResult(status -> repository.sequence(atelierId));
        }
        failing = false;
      } catch (RuntimeException e) {
        // the events stay pending; the sweep brings them back. Said once per outage (a stopped
        // database would otherwise fill the log every second)
        if (!failing) {
          log.warn("Numbering atelier events failed ({}); trying again", e.getMessage());
        }
        failing = true;
        LockSupport.parkNanos(this, SWEEP_NANOS);
      }
    }
  }

  @Override
  public void start() {
    running = true;
    Thread t = new Thread(this::run, "atelier-event-sequencer");
    t.setDaemon(true);
    thread = t;
    t.start();
  }

  @Override
  public void stop() {
    running = false;
    Thread t = thread;
    if (t != null) {
      LockSupport.unpark(t);
    }
  }

  @Override
  public boolean isAutoStartup() {
    return serving;
  }

  @Override
  public boolean isRunning() {
    return running;
  }
}
