package io.github.jobstore.examples;

import io.github.jobstore.core.Job;
import io.github.jobstore.core.JobStatus;
import io.github.jobstore.core.JobType;
import io.github.jobstore.store.InMemoryJobStore;
import io.github.jobstore.store.JobQuery;
import io.github.jobstore.store.JobStore;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.eclipse.collections.api.factory.Lists;
import org.eclipse.collections.api.list.ImmutableList;

/**
 * The main example: worker threads run prompt-tuning jobs concurrently against one {@link
 * InMemoryJobStore}, as the real client would against the jobs API, while a monitor thread reports
 * how many jobs are in each status. It ends with a summary per project.
 *
 * <p>The run is seeded: each job draws from its own {@link SplittableRandom}, derived from the seed
 * and the job's index, and the store runs on a {@link StepClock} with {@link SequentialIds}. The
 * summary is therefore the same in every run; only the monitor's lines depend on timing.
 */
public final class PromptTuningSimulation {

  /** The seed of {@link #main}'s run. */
  public static final long SEED = 20_240_501L;

  /** The projects, in the order the summary lists them; job {@code i} belongs to {@code i % 3}. */
  public static final List<String> PROJECTS = List.of("search", "support", "billing");

  private static final int JOBS = 24;
  private static final int WORKERS = 4;
  private static final long MONITOR_PERIOD_MILLIS = 10;

  private PromptTuningSimulation() {}

  /** Runs 24 jobs with {@link #SEED} and prints the monitor's progress and the summary. */
  public static void main(String[] args) throws InterruptedException {
    System.out.printf(
        Locale.ROOT, "Prompt tuning: %d jobs on %d workers, seed %d%n", JOBS, WORKERS, SEED);
    JobStore store = newStore();
    ImmutableList<ProjectSummary> summaries = run(store, SEED, JOBS, System.out::println);
    System.out.println();
    System.out.print(ProjectSummary.table(summaries.castToList()));
    System.out.println();
    System.out.println("Top 3 jobs by improvement:");
    JobQuery top =
        JobQuery.builder()
            .jobType(JobType.PROMPT_TUNING)
            .status(JobStatus.COMPLETED)
            .ordering("-improvement")
            .pageSize(3)
            .build();
    for (Job job : store.list(top).results()) {
      System.out.printf(
          Locale.ROOT,
          "  %-22s best_score %.4f  improvement %+.4f  (%d iterations)%n",
          job.promptSlug().orElse("?"),
          job.bestScore().orElse(Double.NaN),
          job.improvement().orElse(Double.NaN),
          job.iterations().size());
    }
  }

  /** Returns an empty store on a {@link StepClock} (1 ms a reading) with {@link SequentialIds}. */
  public static InMemoryJobStore newStore() {
    return InMemoryJobStore.builder()
        .clock(new StepClock(Instant.parse("2024-05-01T09:00:00Z"), Duration.ofMillis(1)))
        .idGenerator(new SequentialIds())
        .build();
  }

  /** The id of the project named {@code name}: a name-based UUID, the same in every run. */
  public static UUID projectId(String name) {
    return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Runs {@code jobCount} prompt-tuning jobs on 4 worker threads. A monitor thread counts the jobs
   * in each status every few milliseconds and reports the counts to {@code progress} when they have
   * changed, and once more at the end.
   *
   * @return one summary per project of {@link #PROJECTS}, in that order; the same for the same
   *     {@code seed} and {@code jobCount}
   * @throws IllegalStateException if a worker failed
   * @throws InterruptedException if interrupted while waiting for the workers
   */
  public static ImmutableList<ProjectSummary> run(
      JobStore store, long seed, int jobCount, Consumer<String> progress)
      throws InterruptedException {
    TuningService service = new TuningService(store);
    List<TuningWorker> workers = new ArrayList<>(jobCount);
    for (int i = 0; i < jobCount; i++) {
      String project = PROJECTS.get(i % PROJECTS.size());
      String slug = String.format(Locale.ROOT, "%s-prompt-%02d", project, i);
      workers.add(
          new TuningWorker(service, projectId(project), slug, new SplittableRandom(seed + i)));
    }
    ExecutorService pool = Executors.newFixedThreadPool(WORKERS);
    ScheduledExecutorService monitor = Executors.newSingleThreadScheduledExecutor();
    try {
      AtomicReference<String> last = new AtomicReference<>("");
      ScheduledFuture<?> reports =
          monitor.scheduleAtFixedRate(
              () -> {
                String counts = countByStatus(store);
                if (!counts.equals(last.getAndSet(counts))) {
                  progress.accept("[monitor] " + counts);
                }
              },
              0,
              MONITOR_PERIOD_MILLIS,
              TimeUnit.MILLISECONDS);
      for (Future<Job> job : pool.invokeAll(workers)) {
        job.get();
      }
      reports.cancel(false);
    } catch (ExecutionException e) {
      throw new IllegalStateException("A worker failed", e.getCause());
    } finally {
      pool.shutdown();
      monitor.shutdown();
      monitor.awaitTermination(1, TimeUnit.SECONDS);
    }
    progress.accept("[monitor] done: " + countByStatus(store));
    return Lists.immutable.fromStream(
        PROJECTS.stream()
            .map(name -> ProjectSummary.of(name, store.findByProject(projectId(name)))));
  }

  /** Each status with its count of jobs, for example {@code running=4 completed=2}. */
  private static String countByStatus(JobStore store) {
    StringBuilder counts = new StringBuilder();
    for (JobStatus status : JobStatus.values()) {
      counts.append(counts.length() == 0 ? "" : " ");
      counts.append(status.wireValue()).append('=').append(store.findByStatus(status).size());
    }
    return counts.toString();
  }
}
