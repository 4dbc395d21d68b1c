package io.github.jobstore.examples;

import io.github.jobstore.core.Job;
import io.github.jobstore.core.JobStatus;
import io.github.jobstore.core.JobType;
import io.github.jobstore.store.InMemoryJobStore;
import io.github.jobstore.store.JobQuery;
import io.github.jobstore.store.JobStore;
import io.github.jobstore.store.Subscription;
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
import java.util.function.Consumer;
import org.eclipse.collections.api.factory.Lists;
import org.eclipse.collections.api.list.ImmutableList;

/**
 * The main example: worker threads run prompt-tuning jobs concurrently against one {@link
 * InMemoryJobStore}, as the real client would against the jobs API, while a monitor subscribed to
 * the store's events reports how many jobs are in each status. It ends with a summary per project.
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

  /** The number of jobs {@link #main} runs. */
  static final int JOBS = 24;

  /** The number of worker threads that run them. */
  static final int WORKERS = 4;

  /**
   * How long the monitor may take to handle the events still queued when the workers are done: they
   * are handled in microseconds, so reaching it means a listener failed.
   */
  private static final Duration DRAIN_TIMEOUT = Duration.ofSeconds(10);

  private PromptTuningSimulation() {}

  /** Runs 24 jobs with {@link #SEED} and prints the monitor's progress and the summary. */
  public static void main(String[] args) throws InterruptedException {
    System.out.printf(
        Locale.ROOT, "Prompt tuning: %d jobs on %d workers, seed %d%n", JOBS, WORKERS, SEED);
    JobStore store = newStore();
    ImmutableList<ProjectSummary> summaries = run(store, SEED, JOBS, System.out::println);
    System.out.print(summary(store, summaries));
  }

  /**
   * The end of {@link #main}'s output, after the monitor's lines: a blank line, the table of {@code
   * summaries}, a blank line and {@code store}'s 3 completed jobs of the largest improvement, each
   * line ended by {@code \n}. The same for the same seed and job count, whatever the store.
   */
  public static String summary(JobStore store, ImmutableList<ProjectSummary> summaries) {
    StringBuilder text = new StringBuilder("\n");
    text.append(ProjectSummary.table(summaries.castToList()));
    text.append("\nTop 3 jobs by improvement:\n");
    JobQuery top =
        JobQuery.builder()
            .jobType(JobType.PROMPT_TUNING)
            .status(JobStatus.COMPLETED)
            .ordering("-improvement")
            .pageSize(3)
            .build();
    for (Job job : store.list(top).results()) {
      text.append(
          String.format(
              Locale.ROOT,
              "  %-22s best_score %.4f  improvement %+.4f  (%d iterations)\n",
              job.promptSlug().orElse("?"),
              job.bestScore().orElse(Double.NaN),
              job.improvement().orElse(Double.NaN),
              job.iterations().size()));
    }
    return text.toString();
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
   * Runs {@code jobCount} prompt-tuning jobs on 4 worker threads. A monitor subscribed to {@code
   * store}'s events counts the jobs in each status and reports the counts to {@code progress}, from
   * the store's delivery thread, each time another quarter of the jobs has finished. Once every
   * job's last event has reached the monitor, this method reports its final counts from the calling
   * thread, as {@code [monitor] done: pending=0 running=0 completed=...}. {@code progress} is
   * called by one thread at a time, each call after the one before.
   *
   * <p>{@code store} should be empty: the monitor counts only the jobs it saw created, and waits
   * for {@code jobCount} of them to finish.
   *
   * @return one summary per project of {@link #PROJECTS}, in that order; the same for the same
   *     {@code seed} and {@code jobCount}
   * @throws IllegalStateException if a worker failed, or if the monitor did not see every job
   *     finish within 10 seconds of the workers
   * @throws InterruptedException if interrupted while waiting for the workers or the monitor
   */
  public static ImmutableList<ProjectSummary> run(
      JobStore store, long seed, int jobCount, Consumer<String> progress)
      throws InterruptedException {
    return run(List.of(store), seed, jobCount, progress);
  }

  /**
   * Runs the simulation as {@link #run(JobStore, long, int, Consumer)} does, but through several
   * stores that share their jobs, such as {@code HazelcastJobStore}s of one name on the members of
   * one cluster: job {@code i} is run through {@code stores.get(i % stores.size())}, the monitor
   * subscribes to the first store only (so it must hear the other stores' writes too), and the
   * summaries are read from the first store.
   *
   * @throws IllegalArgumentException if {@code stores} is empty
   * @throws IllegalStateException if a worker failed, or if the monitor did not see every job
   *     finish within 10 seconds of the workers
   * @throws InterruptedException if interrupted while waiting for the workers or the monitor
   */
  public static ImmutableList<ProjectSummary> run(
      List<? extends JobStore> stores, long seed, int jobCount, Consumer<String> progress)
      throws InterruptedException {
    if (stores.isEmpty()) {
      throw new IllegalArgumentException("No store to run the jobs through.");
    }
    JobStore store = stores.get(0);
    List<TuningService> services = new ArrayList<>(stores.size());
    stores.forEach(each -> services.add(new TuningService(each)));
    List<TuningWorker> workers = new ArrayList<>(jobCount);
    for (int i = 0; i < jobCount; i++) {
      String project = PROJECTS.get(i % PROJECTS.size());
      String slug = String.format(Locale.ROOT, "%s-prompt-%02d", project, i);
      workers.add(
          new TuningWorker(
              services.get(i % services.size()),
              projectId(project),
              slug,
              new SplittableRandom(seed + i)));
    }
    StatusMonitor monitor = new StatusMonitor(jobCount, progress);
    ExecutorService pool = Executors.newFixedThreadPool(WORKERS);
    Subscription events = store.subscribe(monitor);
    try {
      for (Future<Job> job : pool.invokeAll(workers)) {
        job.get();
      }
      monitor.awaitFinished(DRAIN_TIMEOUT);
    } catch (ExecutionException e) {
      throw new IllegalStateException("A worker failed", e.getCause());
    } finally {
      events.close();
      pool.shutdown();
    }
    progress.accept("[monitor] done: " + monitor.counts());
    return Lists.immutable.fromStream(
        PROJECTS.stream()
            .map(name -> ProjectSummary.of(name, store.findByProject(projectId(name)))));
  }
}
