package io.github.jobstore.testkit.contract;

import static io.github.jobstore.testkit.Parallel.inParallel;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.jobstore.core.Iteration;
import io.github.jobstore.core.IterationCreateParams;
import io.github.jobstore.core.Job;
import io.github.jobstore.core.JobCreateParams;
import io.github.jobstore.core.JobStatus;
import io.github.jobstore.store.JobNotFoundException;
import io.github.jobstore.store.JobQuery;
import io.github.jobstore.store.JobStore;
import io.github.jobstore.testkit.Parallel;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;

/**
 * The stress tests of {@link JobStoreConcurrencyContract} that make writers race on one store and
 * then check that no write was lost or applied twice: appends and their orders, updates that raise
 * a counter, creates, and deletes racing each other or an update. Threads start together on a
 * barrier ({@link io.github.jobstore.testkit.Parallel}); every count is of work done, never of
 * time, so a slow machine or a slow store makes them slower, not red.
 */
final class ConcurrentWrites {

  static final int THREADS = 4;

  /** Appends or updates per thread: enough for the threads to overlap thousands of times. */
  static final int WRITES = 400;

  /** Rounds of the races of deletes: each starts a new race on a new job. */
  static final int ROUNDS = 100;

  /** Rounds of {@link #anUpdateWaitsForTheFunctionOfAnotherUpdate}, and how long each holds. */
  static final int HOLDS = 3;

  static final int HOLD_MILLIS = 250;

  private final JobStore store;

  ConcurrentWrites(JobStore store) {
    this.store = store;
  }

  void appendsLoseNothingAndGetTheOrdersOneToN() throws InterruptedException {
    UUID job = create();

    List<List<Iteration>> appended = inParallel(THREADS, thread -> () -> append(job, WRITES));

    List<Iteration> all = new ArrayList<>();
    List<Long> orders = new ArrayList<>();
    for (List<Iteration> ofOneThread : appended) {
      List<Long> own = orders(ofOneThread);
      assertThat(own).as("a thread's own appends get increasing orders").isSorted();
      orders.addAll(own);
      all.addAll(ofOneThread);
    }
    List<Long> oneToN = LongStream.rangeClosed(1, THREADS * (long) WRITES).boxed().toList();
    assertThat(orders)
        .as("the orders the appends returned")
        .containsExactlyInAnyOrderElementsOf(oneToN);
    List<Iteration> stored = store.get(job).iterations().castToList();
    assertThat(stored).containsExactlyInAnyOrderElementsOf(all);
    assertThat(orders(stored)).as("the stored orders").containsExactlyElementsOf(oneToN);
  }

  void automaticOrdersStayUniqueWhileExplicitOrdersAreAppended() throws InterruptedException {
    UUID job = create();

    List<List<Iteration>> appended =
        inParallel(
            THREADS,
            thread -> () -> thread == 0 ? appendExplicit(job, WRITES) : append(job, WRITES));

    List<Long> automatic = new ArrayList<>();
    appended.subList(1, THREADS).forEach(iterations -> automatic.addAll(orders(iterations)));
    assertThat(automatic).doesNotHaveDuplicates().hasSize((THREADS - 1) * WRITES);
    List<Iteration> stored = store.get(job).iterations().castToList();
    assertThat(orders(stored)).isSorted();
    List<Iteration> all = new ArrayList<>();
    appended.forEach(all::addAll);
    assertThat(stored).containsExactlyInAnyOrderElementsOf(all);
  }

  void updatesLoseNoIncrement() throws InterruptedException {
    UUID job = create();

    List<List<Long>> seen = inParallel(THREADS, thread -> () -> raise(job, WRITES));

    List<Long> all = new ArrayList<>();
    seen.forEach(all::addAll);
    assertThat(store.get(job).numIterations()).contains(THREADS * (long) WRITES);
    assertThat(all)
        .as("every update saw the one before it")
        .containsExactlyInAnyOrderElementsOf(
            LongStream.rangeClosed(1, THREADS * (long) WRITES).boxed().toList());
  }

  void anUpdateWaitsForTheFunctionOfAnotherUpdate() throws InterruptedException {
    for (int round = 0; round < HOLDS; round++) {
      UUID job = create();
      CountDownLatch entered = new CountDownLatch(1);
      CountDownLatch secondDone = new CountDownLatch(1);

      List<Long> counters =
          inParallel(
              2,
              thread ->
                  () -> {
                    if (thread == 0) {
                      return raise(
                          job,
                          () -> {
                            entered.countDown();
                            await(secondDone, HOLD_MILLIS);
                          });
                    }
                    await(entered, TimeUnit.SECONDS.toMillis(Parallel.TIMEOUT_SECONDS));
                    try {
                      return raise(job, () -> {});
                    } finally {
                      secondDone.countDown();
                    }
                  });

      assertThat(counters)
          .as("the counters the first update and the second returned, round %d", round)
          .containsExactly(1L, 2L);
      assertThat(store.get(job).numIterations()).contains(2L);
    }
  }

  void updatesAndAppendsToOneJobLoseNeither() throws InterruptedException {
    UUID job = create();

    inParallel(THREADS, thread -> () -> thread % 2 == 0 ? raise(job, WRITES) : append(job, WRITES));

    Job stored = store.get(job);
    assertThat(stored.numIterations()).contains(THREADS / 2 * (long) WRITES);
    assertThat(stored.iterations()).hasSize(THREADS / 2 * WRITES);
  }

  void createsGetDistinctIdsAndAreAllFound() throws InterruptedException {
    List<List<UUID>> created =
        inParallel(
            THREADS,
            thread ->
                () -> {
                  List<UUID> ids = new ArrayList<>(WRITES);
                  for (int i = 0; i < WRITES; i++) {
                    ids.add(create());
                  }
                  return ids;
                });

    Set<UUID> all = new HashSet<>();
    created.forEach(all::addAll);
    assertThat(all).hasSize(THREADS * WRITES);
    assertThat(store.findByStatus(JobStatus.PENDING)).hasSize(THREADS * WRITES);
    assertThat(store.list(JobQuery.builder().build()).count()).isEqualTo(THREADS * WRITES);
    assertThat(all).allSatisfy(id -> assertThat(store.find(id)).isPresent());
  }

  void onlyOneOfConcurrentDeletesSucceeds() throws InterruptedException {
    for (int round = 0; round < ROUNDS; round++) {
      UUID job = store.create(JobCreateParams.builder().status(JobStatus.RUNNING).build()).id();

      List<Boolean> deleted = inParallel(THREADS, thread -> () -> store.delete(job));

      assertThat(deleted).as("round %d", round).containsOnlyOnce(true);
      assertThat(store.find(job)).isEmpty();
    }
    assertThat(store.findByStatus(JobStatus.RUNNING)).isEmpty();
  }

  void deletesRacingUpdatesLeaveNoTraceInQueries() throws InterruptedException {
    UUID before = UUID.randomUUID();
    UUID after = UUID.randomUUID();
    for (int round = 0; round < ROUNDS; round++) {
      UUID job = store.create(JobCreateParams.builder().project(before).build()).id();

      List<Optional<Job>> outcomes =
          inParallel(
              2,
              thread ->
                  () -> {
                    if (thread == 0) {
                      assertThat(store.delete(job)).as("the delete found the job").isTrue();
                      return Optional.empty();
                    }
                    return moveUnlessDeleted(job, after);
                  });

      outcomes
          .get(1)
          .ifPresent(
              moved -> {
                assertThat(moved.project()).contains(after);
                assertThat(moved.status()).isEqualTo(JobStatus.RUNNING);
              });
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

  private Optional<Job> moveUnlessDeleted(UUID job, UUID project) {
    try {
      return Optional.of(
          store.update(job, j -> j.withProject(project).withStatus(JobStatus.RUNNING)));
    } catch (JobNotFoundException e) {
      assertThat(e).hasMessage("No job with id " + job + ".");
      return Optional.empty();
    }
  }

  private UUID create() {
    return store.create(JobCreateParams.builder().build()).id();
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

  private List<Iteration> appendExplicit(UUID job, int count) {
    SplittableRandom random = new SplittableRandom(count);
    List<Iteration> appended = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      IterationCreateParams params =
          IterationCreateParams.builder()
              .iterationName("explicit")
              .order(random.nextLong(1, THREADS * (long) count))
              .build();
      appended.add(store.appendIteration(job, params));
    }
    return appended;
  }

  /** Raises the job's counter once, running {@code during} in the function; returns the counter. */
  private long raise(UUID job, Runnable during) {
    return store
        .update(
            job,
            j -> {
              during.run();
              return j.withNumIterations(j.numIterations().orElse(0L) + 1);
            })
        .numIterations()
        .orElseThrow();
  }

  /** Waits for {@code latch} at most {@code millis}; an interrupt stops the caller. */
  private static void await(CountDownLatch latch, long millis) {
    try {
      latch.await(millis, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted: another thread failed", e);
    }
  }

  /** Raises the job's counter ({@code num_iterations}) {@code count} times; returns each result. */
  private List<Long> raise(UUID job, int count) {
    List<Long> seen = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      Job updated = store.update(job, j -> j.withNumIterations(j.numIterations().orElse(0L) + 1));
      seen.add(updated.numIterations().orElseThrow());
    }
    return seen;
  }

  static List<Long> orders(Iterable<Iteration> iterations) {
    List<Long> orders = new ArrayList<>();
    iterations.forEach(iteration -> orders.add(iteration.order().orElseThrow()));
    return orders;
  }
}
