package nl.veerkracht.demo;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import nl.veerkracht.VeerkrachtProperties;
import nl.veerkracht.imports.ImportReport;
import nl.veerkracht.imports.ImportRequest;
import nl.veerkracht.imports.ImportService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Loads the bundled demo data on the first start of a server with an empty database (unless {@code
 * --veerkracht.demo=false}). The gemeente boundaries with their figures load before the web server
 * accepts requests, so the first page already shows the map; the other files follow in the
 * background right after start-up, and the pages say so while it lasts. Each loaded file is
 * recorded, so a start that was interrupted resumes where it stopped. A database that holds data
 * not loaded by the demo gets no demo.
 */
@Component
@ConditionalOnWebApplication
public class DemoDataLoader implements SmartInitializingSingleton {

  private static final Logger log = LoggerFactory.getLogger(DemoDataLoader.class);

  /** Loaded before requests are served: what the home page map needs. */
  static final int BEFORE_START = 1;

  private final ImportService imports;
  private final DemoStockLoader stock;
  private final JdbcClient jdbc;
  private final VeerkrachtProperties properties;
  private final AtomicInteger pending = new AtomicInteger();
  private volatile List<String> remaining = List.of();
  private final javax.sql.DataSource dataSource;

  /**
   * The advisory lock under which one instance loads the demo: two instances started at once on one
   * empty database load it once. Held on a connection of its own while the load lasts; a stopped
   * instance lets go of it with its connection, and the next start resumes.
   */
  static final long DEMO_LOCK = 0x5645_4552_4445_4d4fL;

  private volatile java.sql.Connection lockHolder;

  public DemoDataLoader(
      ImportService imports,
      JdbcClient jdbc,
      VeerkrachtProperties properties,
      DemoStockLoader stock,
      javax.sql.DataSource dataSource) {
    this.dataSource = dataSource;
    this.stock = stock;
    this.imports = imports;
    this.jdbc = jdbc;
    this.properties = properties;
  }

  @Override
  public void afterSingletonsInstantiated() {
    if (!properties.demoEnabled()) {
      return;
    }
    if (pendingFiles().isEmpty() || !lock()) {
      return;
    }
    // read again under the lock: another instance may have finished just before it was taken
    List<String> todo = pendingFiles();
    if (todo.isEmpty()) {
      unlock();
      return;
    }
    int now = Math.max(0, BEFORE_START - (DemoData.FILES.size() - todo.size()));
    load(todo.subList(0, Math.min(now, todo.size())));
    remaining = List.copyOf(todo.subList(Math.min(now, todo.size()), todo.size()));
    pending.set(remaining.size());
  }

  @EventListener(ApplicationReadyEvent.class)
  public void loadRestInBackground() {
    List<String> rest = remaining;
    if (rest.isEmpty()) {
      unlock();
      return;
    }
    Thread t =
        new Thread(
            () -> {
              try {
                load(rest);
              } catch (RuntimeException e) {
                log.error("Loading the demo data failed; it resumes at the next start", e);
              } finally {
                unlock();
              }
            },
            "demo-loader");
    t.setDaemon(true);
    t.start();
  }

  /** Takes the demo lock if no other instance holds it; false when one does (it loads the demo). */
  private boolean lock() {
    try {
      java.sql.Connection c = dataSource.getConnection();
      try (var s = c.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
        s.setLong(1, DEMO_LOCK);
        try (var rs = s.executeQuery()) {
          if (rs.next() && rs.getBoolean(1)) {
            lockHolder = c;
            return true;
          }
        }
      }
      c.close();
      log.info("Another instance is loading the demo data; this one leaves it to that one");
      return false;
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException("Could not take the demo data's lock", e);
    }
  }

  private void unlock() {
    java.sql.Connection c = lockHolder;
    lockHolder = null;
    if (c == null) {
      return;
    }
    try (c;
        var s = c.prepareStatement("SELECT pg_advisory_unlock(?)")) {
      s.setLong(1, DEMO_LOCK);
      s.execute();
    } catch (java.sql.SQLException e) {
      log.warn("Could not let go of the demo data's lock (it goes with its connection)", e);
    }
  }

  /** Demo files still to load; empty when the database holds other data or all is loaded. */
  List<String> pendingFiles() {
    Set<String> loaded =
        new HashSet<>(jdbc.sql("SELECT name FROM demo_file").query(String.class).list());
    boolean otherData =
        jdbc.sql("SELECT EXISTS (SELECT 1 FROM import_run WHERE imported_by <> 'demo')")
            .query(Boolean.class)
            .single();
    if (loaded.isEmpty() && otherData) {
      return List.of();
    }
    return DemoData.FILES.stream().filter(f -> !loaded.contains(f)).toList();
  }

  /** How many demo files are still being loaded in the background. */
  public int pendingCount() {
    return pending.get();
  }

  /**
   * Imports bundled files, one run each, two at a time: while one file is written the next is read
   * and validated. Writes keep the list's order, so the result is the same as one by one.
   */
  public List<ImportReport> load(List<String> files) {
    if (files.isEmpty()) {
      return List.of();
    }
    long started = System.nanoTime();
    Path folder = properties.home().resolve("uploads/demo");
    List<CompletableFuture<Void>> written = new ArrayList<>();
    for (int i = 0; i < files.size(); i++) {
      written.add(new CompletableFuture<>());
    }
    ExecutorService pool = Executors.newFixedThreadPool(Math.min(2, files.size()));
    try {
      List<Future<ImportReport>> futures = new ArrayList<>();
      for (int i = 0; i < files.size(); i++) {
        int index = i;
        futures.add(pool.submit(() -> loadOne(files.get(index), folder, index, written)));
      }
      List<ImportReport> reports = new ArrayList<>();
      for (Future<ImportReport> f : futures) {
        ImportReport report = f.get();
        if (report != null) {
          reports.add(report);
        }
      }
      log.info(
          "Loaded {} demo files in {} ms", files.size(), (System.nanoTime() - started) / 1_000_000);
      return reports;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while loading the demo data", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException(
          "Loading the demo data failed: " + e.getCause().getMessage(), e.getCause());
    } finally {
      pool.shutdownNow();
    }
  }

  private ImportReport loadOne(
      String name, Path folder, int index, List<CompletableFuture<Void>> written) {
    try {
      if (name.equals(DemoData.STOCK)) {
        if (index > 0) {
          written.get(index - 1).join();
        }
        stock.load();
        jdbc.sql("INSERT INTO demo_file (name) VALUES (?) ON CONFLICT DO NOTHING")
            .param(name)
            .update();
        pending.updateAndGet(p -> Math.max(0, p - 1));
        return null;
      }
      Path path = DemoData.copy(name, folder);
      ImportRequest request =
          new ImportRequest(
              List.of(new ImportRequest.NamedFile(path.getFileName().toString(), path)),
              null,
              null,
              null,
              null,
              "demo",
              false);
      ImportService.Progress inOrder =
          new ImportService.Progress() {
            @Override
            public void phase(String phase) {}

            @Override
            public void rows(String file, long rowsRead) {}

            @Override
            public boolean mayWriteWhileReading() {
              return false; // the files are read at once and written in order
            }

            @Override
            public void beforeWrite(String file) {
              if (index > 0) {
                written.get(index - 1).join();
              }
            }
          };
      ImportReport report = imports.run(request, inOrder);
      if (report.rejected()) {
        log.error("Demo file {} was rejected:\n{}", name, report.toText());
      } else {
        jdbc.sql("INSERT INTO demo_file (name) VALUES (?) ON CONFLICT DO NOTHING")
            .param(name)
            .update();
      }
      pending.updateAndGet(p -> Math.max(0, p - 1));
      return report;
    } finally {
      written.get(index).complete(null);
    }
  }
}
