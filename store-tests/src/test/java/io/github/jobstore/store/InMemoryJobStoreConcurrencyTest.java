package io.github.jobstore.store;

import static io.github.jobstore.store.Parallel.awaitBlocked;
import static io.github.jobstore.store.Parallel.inParallel;
import static io.github.jobstore.store.Parallel.start;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.jobstore.core.Iteration;
import io.github.jobstore.core.IterationCreateParams;
import io.github.jobstore.core.Job;
import io.github.jobstore.core.JobCreateParams;
import io.github.jobstore.core.JobStatus;
import io.github.jobstore.store.Parallel.Started;
import io.github.jobstore.testkit.MutableClock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.stream.LongStream;
import org.eclipse.collections.api.list.ImmutableList;
import org.junit.jupiter.api.Test;

/**
 * Checks the store's guarantees while threads write at once: per-job operations are linearizable
 * (no lost append or update), automatic orders are unique, queries never show a job twice or a job
 * that does not match in the version returned, jobs that match throughout are always returned, and
 * returned jobs never change. All threads start together on a barrier and every wait is bounded
 * ({@link Parallel}); the query test runs on {@link MovingJobs}.
 */
class InMemoryJobStoreConcurrencyTest {

  private static final int THREADS = 4;
  private static final List<JobStatus> STATUSES = List.of(JobStatus.values());

  /** Rounds of the forced races: each round a held lock makes two writers of one job wait. */
  private static final int ROUNDS = 200;

  /**
   * Writes each writer makes at least; then writers go on until every reader has made a check or a
   * read while they ran, so no test depends on how fast this machine is.
   */
  private static final int MIN_WRITES = 2_000;

  private final AtomicLong ids = new AtomicLong();

  /** Writes completed by returnedJobsNeverChangeWhileWritersRun's writers. */
  private final AtomicLong writes = new AtomicLong();

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
    for (int round = 0; round < ROUNDS; round++) {
      UUID job = store.create(JobCreateParams.builder().status(JobStatus.RUNNING).build()).id();
      CountDownLatch release = new CountDownLatch(1);
      try {
        Started<Job> holder = holdLock(job, release);
        Started<Boolean> first = start(() -> store.delete(job));
        Started<Boolean> second = start(() -> store.delete(job));
        awaitBlocked(first.thread(), second.thread());
        release.countDown();

        holder.result();
        assertThat(List.of(first.result(), second.result())).containsOnlyOnce(true);
      } finally {
        release.countDown();
      }
      assertThat(store.find(job)).isEmpty();
    }
    assertThat(store.findByStatus(JobStatus.RUNNING)).isEmpty();
  }

  @Test
  void queriesShowMatchingVersionsOnceAndEveryJobThatMatchedThroughoutWhileWritersMoveJobs()
      throws Exception {
    MovingJobs world = new MovingJobs(store);
    CountDownLatch writing = new CountDownLatch(2);
    List<AtomicInteger> overlapped = List.of(new AtomicInteger(), new AtomicInteger());
    BooleanSupplier enough = () -> overlapped.stream().allMatch(count -> count.get() > 0);

    inParallel(
        THREADS,
        thread ->
            () -> {
              if (thread < 2) {
                try {
                  return world.move(new SplittableRandom(thread), MIN_WRITES, enough);
                } finally {
                  writing.countDown();
                }
              }
              return world.query(new SplittableRandom(thread), writing, overlapped.get(thread - 2));
            });

    assertThat(overlapped)
        .as("checks per reader whose query overlapped a write")
        .allSatisfy(count -> assertThat(count.get()).isPositive());
  }

  @Test
  void returnedJobsNeverChangeWhileWritersRun() throws Exception {
    List<UUID> jobs = create(4);
    CountDownLatch writing = new CountDownLatch(2);
    List<AtomicInteger> overlapped = List.of(new AtomicInteger(), new AtomicInteger());
    BooleanSupplier enough = () -> overlapped.stream().allMatch(count -> count.get() > 0);

    List<List<Frozen>> snapshots =
        inParallel(
            THREADS,
            thread ->
                () -> {
                  if (thread < 2) {
                    try {
                      write(jobs, new SplittableRandom(thread), enough);
                    } finally {
                      writing.countDown();
                    }
                    return List.of();
                  }
                  return read(
                      jobs, new SplittableRandom(thread), writing, overlapped.get(thread - 2));
                });

    assertThat(overlapped)
        .as("reads per reader while writers ran")
        .allSatisfy(count -> assertThat(count.get()).isPositive());
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
    for (int round = 0; round < ROUNDS; round++) {
      UUID job = store.create(JobCreateParams.builder().project(before).build()).id();
      CountDownLatch release = new CountDownLatch(1);
      try {
        Started<Job> holder = holdLock(job, release);
        Started<Boolean> delete = start(() -> store.delete(job));
        Started<Optional<Job>> update = start(() -> moveUnlessDeleted(job, after));
        awaitBlocked(delete.thread(), update.thread());
        release.countDown();

        holder.result();
        assertThat(delete.result()).isTrue();
        Optional<Job> moved = update.result();
        if (moved.isPresent()) {
          assertThat(moved.get().project()).contains(after);
          assertThat(moved.get().status()).isEqualTo(JobStatus.RUNNING);
        }
      } finally {
        release.countDown();
      }

      assertThat(store.find(job)).isEmpty();
      assertThat(store.findByProject(before)).isEmpty();
      assertThat(store.findByProject(after)).isEmpty();
      for (JobStatus status : JobStatus.values()) {
        assertThat(store.findByStatus(status)).isEmpty();
        assertThat(store.list(JobQuery.builder().status(status).build()).count()).isZero();
      }
      assertThat(store.list(JobQuery.builder().build()).count()).isZero();
      assertThat(store.list(JobQuery.builder().project(after).build()).count()).isZero();
    }
  }

  /**
   * Holds {@code job}'s lock, in an update whose change waits (it must not write to the store)
   * until {@code release}; returns once the lock is held.
   */
  private Started<Job> holdLock(UUID job, CountDownLatch release) throws InterruptedException {
    CountDownLatch held = new CountDownLatch(1);
    Started<Job> holder =
        start(
            () ->
                store.update(
                    job,
                    j -> {
                      held.countDown();
                      try {
                        if (!release.await(10, TimeUnit.SECONDS)) {
                          throw new IllegalStateException("never released");
                        }
                      } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new IllegalStateException(e);
                      }
                      return j;
                    }));
    assertThat(held.await(10, TimeUnit.SECONDS)).as("the holder took the lock").isTrue();
    return holder;
  }

  private Optional<Job> moveUnlessDeleted(UUID job, UUID project) {
    try {
      return Optional.of(
          store.update(job, j -> j.withProject(project).withStatus(JobStatus.RUNNING)));
    } catch (JobNotFoundException e) {
      assertThat(e).hasMessage("No job with id " + job + ".");
      return Optional.empty();
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

  /**
   * Writes at least {@link #MIN_WRITES} times, then on until {@code enough} says so (checked every
   * 100 writes).
   */
  private void write(List<UUID> jobs, SplittableRandom random, BooleanSupplier enough) {
    for (int i = 0; i < MIN_WRITES || i % 100 != 0 || !enough.getAsBoolean(); i++) {
      Parallel.stopIfInterrupted();
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
      writes.incrementAndGet();
    }
  }

  /**
   * Takes snapshots until the writers are done; each reader's view of a job only moves forward.
   * Counts in {@code overlapped} the reads made while writers ran (after a first write, before the
   * last).
   */
  private List<Frozen> read(
      List<UUID> jobs, SplittableRandom random, CountDownLatch writing, AtomicInteger overlapped) {
    List<Frozen> snapshots = new ArrayList<>();
    Map<UUID, Job> latest = new HashMap<>();
    do {
      Parallel.stopIfInterrupted();
      UUID id = jobs.get(random.nextInt(jobs.size()));
      boolean wrote = writes.get() > 0;
      Job job = store.get(id);
      if (wrote && writing.getCount() > 0) {
        overlapped.incrementAndGet();
      }
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
   * A job as a reader got it, with a copy of its iterations then. A job's iterations are a view
   * over a buffer that later appends write to, so they are what could change; its other fields are
   * final fields of immutable values.
   */
  private static final class Frozen {

    private final Job job;
    private final List<Iteration> iterations;

    Frozen(Job job) {
      this.job = job;
      this.iterations = new ArrayList<>(job.iterations().castToList());
    }

    void assertUnchanged() {
      assertThat(job.iterations()).containsExactlyElementsOf(iterations);
    }
  }
}
