package io.github.jobstore.benchmarks;

import io.github.jobstore.core.Iteration;
import io.github.jobstore.core.IterationCreateParams;
import io.github.jobstore.core.IterationStatus;
import io.github.jobstore.core.Job;
import io.github.jobstore.core.JobCreateParams;
import io.github.jobstore.core.JobStatus;
import io.github.jobstore.core.JobType;
import io.github.jobstore.store.InMemoryJobStore;
import io.github.jobstore.store.JobStore;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * The stores the benchmarks run against, filled the same way for both implementations.
 *
 * <p>A store of {@code size} jobs (a multiple of 1,000) holds:
 *
 * <ul>
 *   <li>{@code size / 10} projects of exactly 10 jobs each, a project's jobs spread evenly over
 *       creation time (job {@code i} belongs to project {@code i % (size / 10)});
 *   <li>exactly 10 {@link #FEW} ({@code failed}) jobs: {@code findByStatus} returns 10 results at
 *       every size;
 *   <li>exactly 100 {@link #LISTED} ({@code cancelled}) jobs: a {@code list} page of 50 with this
 *       status filter is full and its count is 100 at every size, so the work the answer needs is
 *       the same at 1,000 and 1,000,000 jobs;
 *   <li>exactly 10 {@link #ACTIVE} ({@code running}) jobs, the ones {@link ConcurrentBenchmark}'s
 *       monitor asks for while its workers add and finish more;
 *   <li>every other job {@code completed}.
 * </ul>
 */
final class Fixtures {

  /** {@code findByStatus} asks for this status: 10 jobs at every size. */
  static final JobStatus FEW = JobStatus.FAILED;

  /** {@code list} filters on this status: 100 jobs at every size. */
  static final JobStatus LISTED = JobStatus.CANCELLED;

  /** The status of jobs in progress: 10 jobs at every size, before any benchmark adds some. */
  static final JobStatus ACTIVE = JobStatus.RUNNING;

  static final int JOBS_PER_PROJECT = 10;

  /** What a worker appends each round: a typical prompt-tuning iteration. */
  static final IterationCreateParams ITERATION =
      IterationCreateParams.builder()
          .iterationName("round")
          .avgScore(0.75)
          .status(IterationStatus.KEEP)
          .description("candidate prompt, scored on the eval set")
          .build();

  private Fixtures() {}

  /** A new, empty store: {@code jobstore} ({@link InMemoryJobStore}) or {@code scanning}. */
  static JobStore newStore(String impl) {
    return switch (impl) {
      case "jobstore" -> InMemoryJobStore.create();
      case "scanning" -> new ScanningMapStore();
      default -> throw new IllegalArgumentException("Unknown store: " + impl);
    };
  }

  /** A typical create request: a running prompt-tuning job of {@code project}. */
  static JobCreateParams typicalJob(UUID project, JobStatus status) {
    return JobCreateParams.builder()
        .project(project)
        .jobType(JobType.PROMPT_TUNING)
        .status(status)
        .numIterations(10L)
        .candidatesPerIteration(4L)
        .build();
  }

  /** Random distinct project ids, from a fixed seed. */
  static UUID[] projects(int count, long seed) {
    Random random = new Random(seed);
    UUID[] projects = new UUID[count];
    for (int i = 0; i < count; i++) {
      projects[i] = new UUID(random.nextLong(), random.nextLong());
    }
    return projects;
  }

  /** A store's contents: its projects and the ids of its jobs, in creation order. */
  static final class Population {

    private final UUID[] projects;
    private final UUID[] ids;

    Population(UUID[] projects, UUID[] ids) {
      this.projects = projects;
      this.ids = ids;
    }

    UUID[] projects() {
      return projects.clone();
    }

    UUID[] ids() {
      return ids.clone();
    }

    /** The population's jobs as {@code store} holds them, in creation order (for an H2 copy). */
    List<Job> jobsIn(JobStore store) {
      List<Job> jobs = new ArrayList<>(ids.length);
      for (UUID id : ids) {
        jobs.add(store.get(id));
      }
      return jobs;
    }
  }

  /** Fills {@code store} with {@code size} jobs as the class comment describes. */
  static Population populate(JobStore store, int size) {
    if (size < 1_000 || size % 1_000 != 0) {
      throw new IllegalArgumentException("size must be a positive multiple of 1000: " + size);
    }
    int projectCount = size / JOBS_PER_PROJECT;
    int listedEvery = size / 100;
    UUID[] projects = projects(projectCount, 42);
    // Most jobs are completed: one request per project serves them all.
    JobCreateParams[] completed = new JobCreateParams[projectCount];
    UUID[] ids = new UUID[size];
    for (int i = 0; i < size; i++) {
      int project = i % projectCount;
      JobStatus status;
      if (project == 0) {
        status = FEW;
      } else if (project == 2) {
        status = ACTIVE;
      } else if (i % listedEvery == 1) {
        status = LISTED;
      } else {
        status = JobStatus.COMPLETED;
      }
      JobCreateParams request;
      if (status == JobStatus.COMPLETED) {
        if (completed[project] == null) {
          completed[project] = typicalJob(projects[project], status);
        }
        request = completed[project];
      } else {
        request = typicalJob(projects[project], status);
      }
      ids[i] = store.create(request).id();
    }
    return new Population(projects, ids);
  }

  /**
   * Fills {@code store} with {@code jobs} running jobs of {@code perJob} iterations each, all
   * {@link #ITERATION}; returns the iterations, job by job, in creation order.
   */
  static Iteration[] populateIterations(JobStore store, int jobs, int perJob) {
    Iteration[] iterations = new Iteration[jobs * perJob];
    UUID[] projects = projects(jobs, 42);
    for (int j = 0; j < jobs; j++) {
      UUID job = store.create(typicalJob(projects[j], JobStatus.RUNNING)).id();
      for (int i = 0; i < perJob; i++) {
        iterations[j * perJob + i] = store.appendIteration(job, ITERATION);
      }
    }
    return iterations;
  }

  /**
   * Ends a setup that built a large store: a full collection moves what it built out of the young
   * generation. Without it the first young collection of the measurement copies the whole store
   * (seen: one pause of 1.8 s in a 1-second iteration of a 1,000,000-iteration store).
   */
  static void settle() {
    System.gc();
  }

  /** A copy of {@code items} in a random order, from {@code seed}. */
  static <T> T[] shuffled(T[] items, long seed) {
    T[] copy = Arrays.copyOf(items, items.length);
    Random random = new Random(seed);
    for (int i = copy.length - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      T swap = copy[i];
      copy[i] = copy[j];
      copy[j] = swap;
    }
    return copy;
  }

  /**
   * Equal copies of {@code ids} in a random order: lookups arrive with ids parsed from requests,
   * not with the store's own key objects, and in no particular order.
   */
  static UUID[] shuffledCopies(UUID[] ids, long seed) {
    UUID[] copies = new UUID[ids.length];
    for (int i = 0; i < ids.length; i++) {
      copies[i] = new UUID(ids[i].getMostSignificantBits(), ids[i].getLeastSignificantBits());
    }
    Random random = new Random(seed);
    for (int i = copies.length - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      UUID swap = copies[i];
      copies[i] = copies[j];
      copies[j] = swap;
    }
    return copies;
  }
}
