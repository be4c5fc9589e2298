package nl.veerkracht.imports;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Imports started from the upload page run here in the background, so the page can show their
 * progress. A job belongs to the user who started it; finished jobs are forgotten after an hour.
 * The uploaded file is kept until then, so a user can make a column mapping for it.
 */
@Service
public class ImportJobs {

  private static final Logger log = LoggerFactory.getLogger(ImportJobs.class);
  private static final long KEEP_SECONDS = 3600;

  /** A running or finished import of the upload page. */
  public static final class Job implements ImportService.Progress {
    private final String id;
    private final String owner;
    private final ImportRequest request;
    private final Instant started = Instant.now();
    private volatile String phase = "waiting";
    private volatile long rowsRead;
    private volatile ImportReport report;
    private volatile String failure;

    Job(String id, String owner, ImportRequest request) {
      this.id = id;
      this.owner = owner;
      this.request = request;
    }

    @Override
    public void phase(String phase) {
      this.phase = phase;
    }

    @Override
    public void rows(String file, long rowsRead) {
      this.rowsRead = rowsRead;
    }

    public String id() {
      return id;
    }

    public String owner() {
      return owner;
    }

    public String phase() {
      return phase;
    }

    public long rowsRead() {
      return rowsRead;
    }

    public boolean done() {
      return report != null || failure != null;
    }

    public Optional<ImportReport> report() {
      return Optional.ofNullable(report);
    }

    public Optional<String> failure() {
      return Optional.ofNullable(failure);
    }

    public ImportRequest request() {
      return request;
    }

    /** The kept upload (for making a column mapping), while the job is remembered. */
    public Optional<Path> upload() {
      Path p = request.files().get(0).path();
      return Files.exists(p) ? Optional.of(p) : Optional.empty();
    }

    public String fileName() {
      return request.files().get(0).name();
    }
  }

  private final ImportService imports;
  private final Uploads uploads;
  private final Map<String, Job> jobs = new ConcurrentHashMap<>();
  private final ExecutorService executor =
      Executors.newFixedThreadPool(
          2,
          r -> {
            Thread t = new Thread(r, "import-job");
            t.setDaemon(true);
            return t;
          });

  public ImportJobs(ImportService imports, Uploads uploads) {
    this.imports = imports;
    this.uploads = uploads;
  }

  public Job start(ImportRequest request, String owner) {
    expire();
    Job job = new Job(UUID.randomUUID().toString(), owner, request);
    jobs.put(job.id(), job);
    executor.submit(
        () -> {
          try {
            job.report = imports.run(request, job);
          } catch (RuntimeException e) {
            log.error("Import job {} failed", job.id(), e);
            job.failure = "The import failed on the server; nothing was written.";
          }
          job.phase = "done";
        });
    return job;
  }

  /** The job, when it exists and belongs to this user. */
  public Optional<Job> find(String id, String user) {
    Job job = jobs.get(id);
    return job != null && job.owner().equals(user) ? Optional.of(job) : Optional.empty();
  }

  /**
   * This user's imports of the last hour that wrote nothing: refused files (a report that says why)
   * and runs that failed on the server; newest first.
   */
  public java.util.List<Job> failedFor(String user) {
    return jobs.values().stream()
        .filter(j -> j.owner().equals(user) && j.done())
        .filter(j -> j.failure != null || (j.report != null && j.report.rejected()))
        .sorted(java.util.Comparator.comparing((Job j) -> j.started).reversed())
        .toList();
  }

  private void expire() {
    Instant limit = Instant.now().minusSeconds(KEEP_SECONDS);
    jobs.values()
        .removeIf(
            j -> {
              if (j.done() && j.started.isBefore(limit)) {
                uploads.discard(j.request());
                return true;
              }
              return false;
            });
  }
}
