package nl.veerkracht.fetch;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import nl.veerkracht.common.Text;
import org.springframework.stereotype.Service;

/**
 * Fetches started from the page run here one at a time in the background; the page follows their
 * steps. A job belongs to the user who started it; finished jobs are forgotten after an hour.
 */
@Service
public class FetchJobs {

  private static final long KEEP_SECONDS = 3600;

  /** A running or finished fetch. */
  public static final class Job {
    private final String id = UUID.randomUUID().toString();
    private final String owner;
    private final FetchRequest request;
    private final Instant started = Instant.now();
    private final List<Text> steps = new CopyOnWriteArrayList<>();
    private volatile FetchService.Result result;
    private volatile Text failure;
    private volatile Instant finished;

    Job(String owner, FetchRequest request) {
      this.owner = owner;
      this.request = request;
    }

    public String id() {
      return id;
    }

    public FetchRequest request() {
      return request;
    }

    public List<Text> steps() {
      return List.copyOf(steps);
    }

    public boolean done() {
      return finished != null;
    }

    public Optional<FetchService.Result> result() {
      return Optional.ofNullable(result);
    }

    public Optional<Text> failure() {
      return Optional.ofNullable(failure);
    }

    public Instant started() {
      return started;
    }
  }

  private final FetchService fetch;
  private final nl.veerkracht.security.CurrentUser currentUser;
  private final Map<String, Job> jobs = new ConcurrentHashMap<>();
  private final ExecutorService worker =
      Executors.newSingleThreadExecutor(
          r -> {
            Thread t = new Thread(r, "fetch");
            t.setDaemon(true);
            return t;
          });

  /**
   * The signed-in account that may fetch, which writes the public data every corporation sees;
   * refused for anyone else.
   */
  public String writer() {
    currentUser.requirePublicDataWriter();
    return currentUser.findUsername().orElseThrow();
  }

  public FetchJobs(FetchService fetch, nl.veerkracht.security.CurrentUser currentUser) {
    this.currentUser = currentUser;
    this.fetch = fetch;
  }

  public Job start(String owner, FetchRequest request) {
    forgetOld();
    Job job = new Job(owner, request);
    jobs.put(job.id, job);
    job.steps.add(Text.msg("fetch.step.waiting"));
    worker.submit(
        () -> {
          try {
            job.result = fetch.run(request, job.steps::add);
          } catch (FetchException e) {
            job.failure = e.text();
          } catch (RuntimeException e) {
            job.failure = Text.msg("fetch.error.other", "detail", String.valueOf(e.getMessage()));
          } finally {
            job.finished = Instant.now();
          }
        });
    return job;
  }

  /** The job, if it exists and belongs to this user. */
  public Optional<Job> find(String id, String owner) {
    Job j = jobs.get(id);
    return j != null && j.owner.equals(owner) ? Optional.of(j) : Optional.empty();
  }

  private void forgetOld() {
    Instant limit = Instant.now().minusSeconds(KEEP_SECONDS);
    jobs.values().removeIf(j -> j.finished != null && j.finished.isBefore(limit));
  }
}
