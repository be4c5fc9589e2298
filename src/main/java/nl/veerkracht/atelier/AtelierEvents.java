package nl.veerkracht.atelier;

import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Service;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyEmitter;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Live ateliers across app instances. Every change is stored as an event in the writer's
 * transaction, numbered after it commits ({@link AtelierEventSequencer}) and announced with {@code
 * NOTIFY atelier_events}; each instance listens on its own connection and passes the events on to
 * the Server-Sent Event streams of its screens. A screen that reconnects names the last event it
 * saw and gets what it missed from the table.
 */
@Service
public class AtelierEvents implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(AtelierEvents.class);
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final long STREAM_TIMEOUT_MS = 30 * 60 * 1000L;
  private static final int CATCH_UP_LIMIT = 5000;

  /** How long a burst of events is gathered before it goes out (well under the 1 s target). */
  private static final long COALESCE_NANOS = 30_000_000L;

  private final HikariDataSource dataSource;
  private final AtelierRepository repository;
  private final AtelierEventSequencer sequencer;
  private final Map<Long, List<Subscriber>> subscribers = new ConcurrentHashMap<>();
  private volatile boolean running;

  /** Only a serving process listens and numbers events; a command leaves it to the server. */
  private final boolean serving;

  private Thread listener;
  private ScheduledExecutorService heartbeat;

  public AtelierEvents(
      HikariDataSource dataSource,
      AtelierRepository repository,
      AtelierEventSequencer sequencer,
      org.springframework.core.env.Environment environment) {
    this.serving = !nl.veerkracht.CommandProcess.is(environment);
    this.dataSource = dataSource;
    this.repository = repository;
    this.sequencer = sequencer;
  }

  /**
   * Records an event in the caller's transaction; screens hear of it once that has committed and
   * the event has its number (a few milliseconds later). The data carries the server's time ({@code
   * t}, epoch ms), so a client can tell how long delivery took.
   */
  public void publish(long atelierId, String kind, Map<String, ?> data) {
    Map<String, Object> d = new LinkedHashMap<>(data);
    d.put("t", System.currentTimeMillis());
    repository.event(atelierId, kind, JSON.writeValueAsString(d));
    sequencer.afterCommit(atelierId);
  }

  /**
   * A stream of the atelier's events after {@code afterId} (0 for everything held, -1 for only new
   * ones).
   */
  public SseEmitter subscribe(long atelierId, long afterId) {
    SseEmitter emitter = new SseEmitter(STREAM_TIMEOUT_MS);
    Subscriber s = new Subscriber(atelierId, emitter, afterId);
    List<Subscriber> list =
        subscribers.computeIfAbsent(atelierId, k -> new CopyOnWriteArrayList<>());
    list.add(s);
    Runnable remove = () -> list.remove(s);
    emitter.onCompletion(remove);
    emitter.onTimeout(remove);
    emitter.onError(e -> remove.run());
    synchronized (s) {
      if (afterId >= 0) {
        s.send(repository.eventsAfter(atelierId, afterId, CATCH_UP_LIMIT));
      } else {
        s.send(List.of());
      }
    }
    return emitter;
  }

  /** The number of the atelier's newest event (0 when it has none): where a new screen starts. */
  public long lastEventId(long atelierId) {
    return repository.lastEventId(atelierId);
  }

  /** How many screens this instance serves (for the console and the benchmark). */
  public int connected(long atelierId) {
    return subscribers.getOrDefault(atelierId, List.of()).size();
  }

  private final class Subscriber {
    final long atelierId;
    final SseEmitter emitter;
    long lastSent;

    Subscriber(long atelierId, SseEmitter emitter, long lastSent) {
      this.atelierId = atelierId;
      this.emitter = emitter;
      this.lastSent = lastSent;
    }

    /** Sends the events this screen has not had yet, in one write. */
    void send(List<AtelierRepository.Event> events) {
      send(events, null);
    }

    /**
     * @param shared the events already written out as SSE text, used when this screen has had none
     *     of them (the usual case: one text for every screen)
     */
    void send(List<AtelierRepository.Event> events, String shared) {
      long last = lastSent;
      String text;
      if (shared != null && !events.isEmpty() && events.get(0).id() > lastSent) {
        text = shared;
        last = events.get(events.size() - 1).id();
      } else {
        StringBuilder b = new StringBuilder();
        for (AtelierRepository.Event e : events) {
          if (e.id() > last) {
            format(e, b);
            last = e.id();
          }
        }
        if (b.length() == 0 && !events.isEmpty()) {
          return;
        }
        // the first write opens the stream for the browser
        text = b.length() == 0 ? ": ok\nretry: 1000\n\n" : b.toString();
      }
      try {
        emitter.send(Set.of(new ResponseBodyEmitter.DataWithMediaType(text, MediaType.TEXT_PLAIN)));
        lastSent = last;
      } catch (IOException | IllegalStateException e) {
        subscribers.getOrDefault(atelierId, List.of()).remove(this);
      }
    }

    void ping() {
      try {
        emitter.send(
            Set.of(new ResponseBodyEmitter.DataWithMediaType(": ping\n\n", MediaType.TEXT_PLAIN)));
      } catch (IOException | IllegalStateException e) {
        subscribers.getOrDefault(atelierId, List.of()).remove(this);
      }
    }
  }

  private void dispatch(Map<Long, List<AtelierRepository.Event>> byAtelier) {
    byAtelier.forEach(
        (atelierId, events) -> {
          List<Subscriber> list = subscribers.getOrDefault(atelierId, List.of());
          if (list.isEmpty()) {
            return;
          }
          StringBuilder b = new StringBuilder();
          events.forEach(e -> format(e, b));
          String shared = b.toString();
          for (Subscriber s : list) {
            synchronized (s) {
              s.send(events, shared);
            }
          }
        });
  }

  /** One event in the wire format of Server-Sent Events. */
  static void format(AtelierRepository.Event e, StringBuilder b) {
    b.append("id:").append(e.id()).append("\nevent:").append(e.kind()).append('\n');
    for (String line : e.data().split("\n", -1)) {
      b.append("data:").append(line).append('\n');
    }
    b.append('\n');
  }

  private void listen() {
    long backoff = 500;
    while (running) {
      try (Connection c =
          DriverManager.getConnection(
              dataSource.getJdbcUrl(), dataSource.getUsername(), dataSource.getPassword())) {
        try (Statement st = c.createStatement()) {
          st.execute("LISTEN atelier_events");
        }
        PGConnection pg = c.unwrap(PGConnection.class);
        catchUpAll();
        backoff = 500;
        while (running) {
          PGNotification[] ns = pg.getNotifications(500);
          if (ns == null || ns.length == 0) {
            continue;
          }
          // events that come in a burst go out together: one write per screen per burst
          Map<Long, List<AtelierRepository.Event>> byAtelier = new LinkedHashMap<>();
          long until = System.nanoTime() + COALESCE_NANOS;
          while (true) {
            for (PGNotification n : ns) {
              AtelierRepository.Event e = parse(n.getParameter());
              if (e != null) {
                byAtelier.computeIfAbsent(e.atelierId(), k -> new ArrayList<>()).add(e);
              }
            }
            long left = until - System.nanoTime();
            if (left <= 0) {
              break;
            }
            ns = pg.getNotifications((int) Math.max(1, left / 1_000_000));
            if (ns == null || ns.length == 0) {
              break;
            }
          }
          dispatch(byAtelier);
        }
      } catch (SQLException e) {
        if (!running) {
          return;
        }
        log.warn("Atelier event listener lost its connection ({}); reconnecting", e.getMessage());
        try {
          Thread.sleep(backoff);
        } catch (InterruptedException ie) {
          Thread.currentThread().interrupt();
          return;
        }
        backoff = Math.min(backoff * 2, 10_000);
      } catch (RuntimeException e) {
        log.warn("Atelier event dispatch failed", e);
      }
    }
  }

  /** After (re)connecting: what every open stream may have missed meanwhile. */
  private void catchUpAll() {
    subscribers.forEach(
        (atelierId, list) -> {
          for (Subscriber s : list) {
            synchronized (s) {
              s.send(repository.eventsAfter(atelierId, Math.max(0, s.lastSent), CATCH_UP_LIMIT));
            }
          }
        });
  }

  /** {@code atelierId|eventId|kind|data}. */
  static AtelierRepository.Event parse(String payload) {
    String[] p = payload.split("\\|", 4);
    if (p.length < 4) {
      return null;
    }
    try {
      return new AtelierRepository.Event(Long.parseLong(p[1]), Long.parseLong(p[0]), p[2], p[3]);
    } catch (NumberFormatException e) {
      return null;
    }
  }

  @Override
  public void start() {
    running = true;
    listener = new Thread(this::listen, "atelier-events");
    listener.setDaemon(true);
    listener.start();
    heartbeat =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "atelier-heartbeat");
              t.setDaemon(true);
              return t;
            });
    heartbeat.scheduleAtFixedRate(
        () ->
            subscribers
                .values()
                .forEach(
                    list ->
                        list.forEach(
                            s -> {
                              synchronized (s) {
                                s.ping();
                              }
                            })),
        15,
        15,
        TimeUnit.SECONDS);
  }

  @Override
  public void stop() {
    running = false;
    if (heartbeat != null) {
      heartbeat.shutdownNow();
    }
    subscribers.values().forEach(list -> list.forEach(s -> s.emitter.complete()));
    subscribers.clear();
    if (listener != null) {
      listener.interrupt();
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
