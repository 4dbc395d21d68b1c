package io.github.jobstore.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.github.jobstore.core.Iteration;
import io.github.jobstore.core.IterationCreateParams;
import io.github.jobstore.core.Job;
import io.github.jobstore.core.JobCreateParams;
import io.github.jobstore.core.JobStatus;
import io.github.jobstore.testkit.MutableClock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.LongStream;
import org.eclipse.collections.api.list.ImmutableList;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * Checks the store's guarantees while threads write at once: per-job operations are linearizable
 * (no lost append or update), automatic orders are unique, queries never show a job twice or a job
 * that does not match in the version returned, jobs that match throughout are always returned, and
 * returned jobs never change. All threads start together on a barrier; every wait is bounded.
 */
class InMemoryJobStoreConcurrencyTest {

  private static final int THREADS = 4;
  private static final List<JobStatus> STATUSES = List.of(JobStatus.values());
  private static final long TIMEOUT_SECONDS = 10;

  private final AtomicLong ids = new AtomicLong();
  private final InMemoryJobStore store =
      InMemoryJobStore.builder()
          .clock(new MutableClock(Instant.parse("2026-03-01T12:00:00Z")))
          .idGenerator(() -> new UUID(0x4000L, 0x8000_0000_0000_0000L | ids.incrementAndGet()))
          .build();

  @Test
  void concurrentAppendsToOneJobLoseNothing() throws Exception {
    UUID job = store.create(JobCreateParams.builder().build()).id();

    List<List<Iteration>> appended = inParallel(THREADS, thread -> () -> append(job, 500));

    List<Iteration> all = new ArrayList<>();
    appended.forEach(all::addAll);
    assertThat(store.get(job).iterations())
        .hasSize(THREADS * 500)
        .containsExactlyInAnyOrderElementsOf(all);
  }

  @Test
  void concurrentAppendsGetTheUniqueOrdersOneToN() throws Exception {
    UUID job = store.create(JobCreateParams.builder().build()).id();

    List<List<Iteration>> appended = inParallel(THREADS, thread -> () -> append(job, 500));

    List<Long> orders = new ArrayList<>();
    for (List<Iteration> ofOneThread : appended) {
      List<Long> own = orders(ofOneThread);
      assertThat(own).as("a thread's own appends get increasing orders").isSorted();
      orders.addAll(own);
    }
    List<Long> oneToN = LongStream.rangeClosed(1, THREADS * 500L).boxed().toList();
    assertThat(orders).containsExactlyInAnyOrderElementsOf(oneToN);
    assertThat(orders(store.get(job).iterations())).containsExactlyElementsOf(oneToN);
  }

  @Test
  void automaticOrdersStayUniqueWhileExplicitOrdersAreAppended() throws Exception {
    UUID job = store.create(JobCreateParams.builder().build()).id();

    List<List<Iteration>> appended =
        inParallel(
            THREADS,
            thread -> () -> thread == 0 ? appendExplicit(job, 400, thread) : append(job, 400));

    List<Long> automatic = new ArrayList<>();
    appended.subList(1, THREADS).forEach(iterations -> automatic.addAll(orders(iterations)));
    assertThat(automatic).doesNotHaveDuplicates().hasSize((THREADS - 1) * 400);
    ImmutableList<Iteration> stored = store.get(job).iterations();
    assertThat(orders(stored)).isSorted();
    List<Iteration> all = new ArrayList<>();
    appended.forEach(all::addAll);
    assertThat(stored).containsExactlyInAnyOrderElementsOf(all);
  }

  @Test
  void concurrentUpdatesLoseNoIncrement() throws Exception {
    UUID job = store.create(JobCreateParams.builder().build()).id();

    List<List<Long>> seen = inParallel(THREADS, thread -> () -> increment(job, 1_000));

    List<Long> all = new ArrayList<>();
    seen.forEach(all::addAll);
    assertThat(store.get(job).numIterations()).contains(THREADS * 1_000L);
    assertThat(all)
        .as("every update saw the one before it")
        .containsExactlyInAnyOrderElementsOf(
            LongStream.rangeClosed(1, THREADS * 1_000L).boxed().toList());
  }

  @Test
  void concurrentUpdatesAndAppendsToOneJobLoseNeither() throws Exception {
    UUID job = store.create(JobCreateParams.builder().build()).id();

    inParallel(
        THREADS,
        thread ->
            () -> {
              if (thread % 2 == 0) {
                increment(job, 500);
              } else {
                append(job, 500);
              }
              return thread;
            });

    Job stored = store.get(job);
    assertThat(stored.numIterations()).contains(THREADS / 2 * 500L);
    assertThat(stored.iterations()).hasSize(THREADS / 2 * 500);
  }

  @Test
  void concurrentCreatesGetDistinctIdsAndAreAllFound() throws Exception {
    List<List<UUID>> created = inParallel(THREADS, thread -> () -> create(1_000));

    Set<UUID> all = new HashSet<>();
    created.forEach(all::addAll);
    assertThat(all).hasSize(THREADS * 1_000);
    assertThat(store.findByStatus(JobStatus.PENDING)).hasSize(THREADS * 1_000);
    assertThat(store.list(JobQuery.builder().build()).count()).isEqualTo(THREADS * 1_000);
    assertThat(all).allSatisfy(id -> assertThat(store.find(id)).isPresent());
  }

  @Test
  void onlyOneOfConcurrentDeletesOfAJobSucceeds() throws Exception {
    for (int round = 0; round < 200; round++) {
      UUID job = store.create(JobCreateParams.builder().status(JobStatus.RUNNING).build()).id();

      List<Boolean> deleted = inParallel(THREADS, thread -> () -> store.delete(job));

      assertThat(deleted).containsOnlyOnce(true);
    }
    assertThat(store.findByStatus(JobStatus.RUNNING)).isEmpty();
  }

  @Test
  void queriesShowMatchingVersionsOnceAndEveryJobThatMatchedThroughoutWhileWritersMoveJobs()
      throws Exception {
    World world = new World(store);
    CountDownLatch writing = new CountDownLatch(2);

    List<Integer> passes =
        inParallel(
            THREADS,
            thread ->
                () -> {
                  if (thread < 2) {
                    try {
                      world.move(new SplittableRandom(thread), 20_000);
                    } finally {
                      writing.countDown();
                    }
                    return 0;
                  }
                  return world.query(new SplittableRandom(thread), writing);
                });

    assertThat(passes.subList(2, THREADS)).allSatisfy(count -> assertThat(count).isPositive());
  }

  @Test
  void returnedJobsNeverChangeWhileWritersRun() throws Exception {
    List<UUID> jobs = create(4);
    CountDownLatch writing = new CountDownLatch(2);

    List<List<Frozen>> snapshots =
        inParallel(
            THREADS,
            thread ->
                () -> {
                  if (thread < 2) {
                    try {
                      write(jobs, new SplittableRandom(thread), 2_000);
                    } finally {
                      writing.countDown();
                    }
                    return List.of();
                  }
                  return read(jobs, new SplittableRandom(thread), writing);
                });

    for (List<Frozen> ofOneReader : snapshots) {
      for (Frozen frozen : ofOneReader) {
        frozen.assertUnchanged();
      }
    }
  }

  @Test
  void deletesRacingUpdatesLeaveNoTraceInQueries() throws Exception {
    UUID before = UUID.randomUUID();
    UUID after = UUID.randomUUID();
    List<UUID> jobs = new ArrayList<>();
    for (int i = 0; i < 1_000; i++) {
      jobs.add(store.create(JobCreateParams.builder().project(before).build()).id());
    }

    inParallel(
        THREADS,
        thread ->
            () -> {
              for (int i = 0; i < jobs.size(); i++) {
                UUID job = jobs.get(thread % 2 == 0 ? i : jobs.size() - 1 - i);
                if (thread < 2) {
                  store.delete(job);
                } else {
                  moveUnlessDeleted(job, after);
                }
              }
              return thread;
            });

    assertThat(store.findByProject(before)).isEmpty();
    assertThat(store.findByProject(after)).isEmpty();
    for (JobStatus status : JobStatus.values()) {
      assertThat(store.findByStatus(status)).isEmpty();
      assertThat(store.list(JobQuery.builder().status(status).build()).count()).isZero();
    }
    assertThat(store.list(JobQuery.builder().build()).count()).isZero();
  }

  private void moveUnlessDeleted(UUID job, UUID project) {
    try {
      store.update(job, j -> j.withProject(project).withStatus(JobStatus.RUNNING));
    } catch (JobNotFoundException e) {
      assertThat(e).hasMessage("No job with id " + job + ".");
    }
  }

  private List<Iteration> append(UUID job, int count) {
    List<Iteration> appended = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      appended.add(
          store.appendIteration(
              job, IterationCreateParams.builder().iterationName("auto").build()));
    }
    return appended;
  }

  private List<Iteration> appendExplicit(UUID job, int count, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    List<Iteration> appended = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      IterationCreateParams params =
          IterationCreateParams.builder()
              .iterationName("explicit")
              .order(random.nextLong(1, 1_200))
              .build();
      appended.add(store.appendIteration(job, params));
    }
    return appended;
  }

  private List<Long> increment(UUID job, int count) {
    List<Long> seen = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      Job updated = store.update(job, j -> j.withNumIterations(j.numIterations().orElse(0L) + 1));
      seen.add(updated.numIterations().orElseThrow());
    }
    return seen;
  }

  private List<UUID> create(int count) {
    List<UUID> created = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      created.add(store.create(JobCreateParams.builder().build()).id());
    }
    return created;
  }

  private void write(List<UUID> jobs, SplittableRandom random, int count) {
    for (int i = 0; i < count; i++) {
      UUID job = jobs.get(random.nextInt(jobs.size()));
      if (random.nextBoolean()) {
        IterationCreateParams.Builder params =
            IterationCreateParams.builder().iterationName("round " + i);
        if (random.nextInt(4) == 0) {
          params.order(random.nextLong(1, 50));
        }
        store.appendIteration(job, params.build());
      } else {
        JobStatus status = STATUSES.get(random.nextInt(STATUSES.size()));
        store.update(
            job, j -> j.withStatus(status).withNumIterations(j.numIterations().orElse(0L) + 1));
      }
    }
  }

  /** Takes snapshots until the writers are done; each reader's view of a job only moves forward. */
  private List<Frozen> read(List<UUID> jobs, SplittableRandom random, CountDownLatch writing) {
    List<Frozen> snapshots = new ArrayList<>();
    Map<UUID, Job> latest = new HashMap<>();
    do {
      UUID id = jobs.get(random.nextInt(jobs.size()));
      Job job = store.get(id);
      Job previous = latest.put(id, job);
      if (previous != null) {
        assertThat(job.iterations().size()).isGreaterThanOrEqualTo(previous.iterations().size());
        assertThat(job.numIterations().orElse(0L))
            .isGreaterThanOrEqualTo(previous.numIterations().orElse(0L));
      }
      assertThat(orders(job.iterations())).isSorted();
      if (snapshots.size() < 5_000) {
        snapshots.add(new Frozen(job));
      }
    } while (writing.getCount() > 0);
    return snapshots;
  }

  private static List<Long> orders(Iterable<Iteration> iterations) {
    List<Long> orders = new ArrayList<>();
    iterations.forEach(iteration -> orders.add(iteration.order().orElseThrow()));
    return orders;
  }

  /**
   * Runs {@code threads} tasks at once, released together by a barrier, and returns their results
   * in thread order; fails if any throws or all do not finish within the timeout.
   */
  private static <T> List<T> inParallel(int threads, IntFunction<Callable<T>> task)
      throws InterruptedException {
    ExecutorService executor = Executors.newFixedThreadPool(threads);
    try {
      CyclicBarrier start = new CyclicBarrier(threads);
      List<Future<T>> futures = new ArrayList<>(threads);
      for (int thread = 0; thread < threads; thread++) {
        Callable<T> work = task.apply(thread);
        futures.add(
            executor.submit(
                () -> {
                  start.await(TIMEOUT_SECONDS, TimeUnit.SECONDS);
                  return work.call();
                }));
      }
      List<T> results = new ArrayList<>(threads);
      for (Future<T> future : futures) {
        results.add(await(future));
      }
      return results;
    } finally {
      executor.shutdownNow();
      assertThat(executor.awaitTermination(TIMEOUT_SECONDS, TimeUnit.SECONDS)).isTrue();
    }
  }

  private static <T> T await(Future<T> future) throws InterruptedException {
    try {
      return future.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof AssertionError assertion) {
        throw assertion;
      }
      throw new AssertionError("a thread failed", cause);
    } catch (TimeoutException e) {
      future.cancel(true);
      return fail("a thread did not finish within " + TIMEOUT_SECONDS + " seconds", e);
    }
  }

  /** A job as a reader got it, with copies of what it held then, to check it never changes. */
  private static final class Frozen {

    private final Job job;
    private final List<Iteration> iterations;
    private final JobStatus status;
    private final Optional<Long> numIterations;
    private final Instant updatedAt;

    Frozen(Job job) {
      this.job = job;
      this.iterations = new ArrayList<>(job.iterations().castToList());
      this.status = job.status();
      this.numIterations = job.numIterations();
      this.updatedAt = job.updatedAt();
    }

    void assertUnchanged() {
      assertThat(job.iterations()).containsExactlyElementsOf(iterations);
      assertThat(job.status()).isEqualTo(status);
      assertThat(job.numIterations()).isEqualTo(numIterations);
      assertThat(job.updatedAt()).isEqualTo(updatedAt);
    }
  }

  /**
   * Jobs for the query test: stable ones that never change, spread over statuses, projects and
   * scores, and movers that writers keep moving between statuses, projects and scores.
   */
  private static final class World {

    private static final List<Optional<Double>> SCORES =
        List.of(Optional.empty(), Optional.of(0.1), Optional.of(0.2), Optional.of(0.3));

    /** Ascending best score, jobs without one last. */
    private static final Comparator<Job> BY_SCORE =
        Comparator.comparing(
            (Job job) -> job.bestScore().orElse(null),
            Comparator.nullsLast(Comparator.<Double>naturalOrder()));

    private final InMemoryJobStore store;
    private final List<UUID> projects = List.of(UUID.randomUUID(), UUID.randomUUID());
    private final UUID agent = UUID.randomUUID();
    private final Map<UUID, Integer> creation = new HashMap<>();
    private final Comparator<Job> newestFirst =
        Comparator.comparing((Job job) -> creation.get(job.id())).reversed();
    private final List<UUID> movers = new ArrayList<>();

    World(InMemoryJobStore store) {
      this.store = store;
      SplittableRandom random = new SplittableRandom(42);
      for (int i = 0; i < 300; i++) {
        Job job = store.create(randomParams(random).agent(agent).build());
        creation.put(job.id(), i);
        if (i % 3 != 0) {
          movers.add(job.id());
        }
      }
    }

    void move(SplittableRandom random, int count) {
      for (int i = 0; i < count; i++) {
        UUID mover = movers.get(random.nextInt(movers.size()));
        JobCreateParams next = randomParams(random).build();
        store.update(
            mover,
            job ->
                job.withStatus(next.status().orElseThrow())
                    .withProject(next.project())
                    .withBestScore(next.bestScore())
                    .withNumIterations(job.numIterations().orElse(0L) + 1));
      }
    }

    int query(SplittableRandom random, CountDownLatch writing) {
      int done = 0;
      do {
        JobStatus status = STATUSES.get(random.nextInt(STATUSES.size()));
        UUID project = projects.get(random.nextInt(projects.size()));
        Predicate<Job> hasStatus = job -> job.status() == status;
        Predicate<Job> inProject = job -> job.project().equals(Optional.of(project));
        check(() -> store.findByStatus(status), hasStatus, newestFirst);
        check(() -> store.findByProject(project), inProject, newestFirst);
        check(() -> list(JobQuery.builder().status(status)), hasStatus, newestFirst);
        check(
            () -> list(JobQuery.builder().project(project).status(status)),
            inProject.and(hasStatus),
            newestFirst);
        check(
            () -> list(JobQuery.builder().status(status).ordering("best_score")),
            hasStatus,
            BY_SCORE.thenComparing(newestFirst));
        check(
            () -> list(JobQuery.builder().agent(agent).scoreMin(0.2).ordering("-best_score")),
            job -> job.bestScore().filter(score -> score >= 0.2).isPresent(),
            BY_SCORE.reversed().thenComparing(newestFirst));
        done++;
      } while (writing.getCount() > 0);
      return done;
    }

    private ImmutableList<Job> list(JobQuery.Builder query) {
      return store.list(query.pageSize(Integer.MAX_VALUE).build()).results();
    }

    /**
     * Every job returned matches in the version returned, none twice, in the expected order; and
     * every job whose version was the same before and after the query (every stable job, and every
     * mover no write reached meanwhile) is returned if that version matches.
     */
    private void check(
        Supplier<ImmutableList<Job>> query, Predicate<Job> filter, Comparator<Job> order) {
      Map<UUID, Job> before = versions();
      ImmutableList<Job> results = query.get();
      Map<UUID, Job> after = versions();
      assertThat(results).allMatch(filter);
      List<UUID> ids = new ArrayList<>();
      results.forEach(job -> ids.add(job.id()));
      assertThat(ids).doesNotHaveDuplicates();
      before.forEach(
          (id, version) -> {
            if (filter.test(version) && sameVersion(version, after.get(id))) {
              assertThat(ids).as("a job that matched throughout the query").contains(id);
            }
          });
      assertThat(results.castToList()).isSortedAccordingTo(order);
    }

    /** Every job's current version; writers count versions in {@code num_iterations}. */
    private Map<UUID, Job> versions() {
      Map<UUID, Job> versions = new HashMap<>();
      for (UUID id : creation.keySet()) {
        versions.put(id, store.get(id));
      }
      return versions;
    }

    private static boolean sameVersion(Job job, @Nullable Job later) {
      return later != null && later.numIterations().equals(job.numIterations());
    }

    private JobCreateParams.Builder randomParams(SplittableRandom random) {
      JobCreateParams.Builder params =
          JobCreateParams.builder()
              .status(STATUSES.get(random.nextInt(STATUSES.size())))
              .bestScore(SCORES.get(random.nextInt(SCORES.size())));
      if (random.nextInt(3) != 0) {
        params.project(projects.get(random.nextInt(projects.size())));
      }
      return params;
    }
  }
}
