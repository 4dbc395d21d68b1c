package io.github.jobstore.store;

import static io.github.jobstore.testkit.Parallel.inParallel;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import io.github.jobstore.core.Iteration;
import io.github.jobstore.core.IterationCreateParams;
import io.github.jobstore.core.Job;
import io.github.jobstore.core.JobCreateParams;
import io.github.jobstore.core.JobStatus;
import io.github.jobstore.testkit.Parallel;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * What a reader sees of creates and deletes racing with it, and what an update function may not do:
 * the parts of {@link InMemoryJobStore}'s concurrency story that the contract cannot see.
 */
class InMemoryJobStoreVisibilityTest {

  private static final int JOBS = 20_000;
  private static final String WRITE_FROM_CHANGE =
      "A function the store runs under a job's lock (an update function, a when condition) must"
          + " not write to the store";

  /** Job {@code n}'s id, known to the reader before the writer creates it. */
  private static UUID id(long n) {
    return new UUID(0x4000L, n);
  }

  /** Job {@code n}'s project: each job has its own, so a query for it has one answer. */
  private static UUID project(long n) {
    return new UUID(0x5000L, n);
  }

  /** Spins until the other thread has got to {@code n}; {@code Parallel} bounds the wait. */
  private static void awaitAtLeast(AtomicLong progress, long n) {
    await(() -> progress.get() >= n);
  }

  /**
   * Spins until {@code condition} holds, yielding the processor at each turn so that on a busy
   * machine the thread it waits for gets to run; stops when {@code Parallel} interrupts it.
   */
  private static void await(BooleanSupplier condition) {
    while (!condition.getAsBoolean()) {
      Parallel.stopIfInterrupted();
      Thread.yield();
    }
  }

  private static InMemoryJobStore sequentialStore() {
    AtomicLong issued = new AtomicLong();
    return InMemoryJobStore.builder().idGenerator(() -> id(issued.incrementAndGet())).build();
  }

  // Readers race writers: which interleaving a run takes is up to the scheduler, so mutation
  // testing leaves this out (the "racing" tag, see the pitest profile).
  @Test
  @Tag("racing")
  void aJobThatFindReturnsIsReturnedByEveryQueryThatMatchesIt() throws InterruptedException {
    InMemoryJobStore store = sequentialStore();
    AtomicLong checked = new AtomicLong();

    // In lockstep, so the reader is polling job n while the writer creates it.
    inParallel(
        2,
        thread ->
            () -> {
              for (long n = 1; n <= JOBS; n++) {
                if (thread == 0) {
                  awaitAtLeast(checked, n - 1);
                  store.create(JobCreateParams.builder().project(project(n)).build());
                } else {
                  long created = n;
                  await(() -> store.find(id(created)).isPresent());
                  assertThat(store.findByProject(project(n)))
                      .as("job %s, which find returned", n)
                      .extracting(Job::id)
                      .containsExactly(id(n));
                  checked.set(n);
                }
              }
              return null;
            });
  }

  // Readers race writers: which interleaving a run takes is up to the scheduler, so mutation
  // testing leaves this out (the "racing" tag, see the pitest profile).
  @Test
  @Tag("racing")
  void aJobThatFindNoLongerReturnsIsReturnedByNoQuery() throws InterruptedException {
    InMemoryJobStore store = sequentialStore();
    for (long n = 1; n <= JOBS; n++) {
      store.create(JobCreateParams.builder().project(project(n)).build());
    }

    AtomicLong checked = new AtomicLong();

    inParallel(
        2,
        thread ->
            () -> {
              for (long n = 1; n <= JOBS; n++) {
                if (thread == 0) {
                  awaitAtLeast(checked, n - 1);
                  assertThat(store.delete(id(n))).isTrue();
                } else {
                  long deleted = n;
                  await(() -> store.find(id(deleted)).isEmpty());
                  assertThat(store.findByProject(project(n)))
                      .as("job %s, which find no longer returned", n)
                      .isEmpty();
                  checked.set(n);
                }
              }
              return null;
            });
  }

  @Test
  void anUpdateFunctionThatWritesToTheStoreIsRejectedAndChangesNothing() {
    InMemoryJobStore store = sequentialStore();
    Job job = store.create(JobCreateParams.builder().build());
    Job other = store.create(JobCreateParams.builder().build());

    assertThatIllegalStateException()
        .isThrownBy(
            () ->
                store.update(
                    job.id(),
                    j -> {
                      store.update(j.id(), k -> k.withStatus(JobStatus.RUNNING));
                      return j.withBestScore(0.5);
                    }))
        .withMessage(WRITE_FROM_CHANGE);
    assertThatIllegalStateException()
        .isThrownBy(() -> store.update(job.id(), j -> store.delete(other.id()) ? j : j))
        .withMessage(WRITE_FROM_CHANGE);
    assertThatIllegalStateException()
        .isThrownBy(
            () -> store.update(job.id(), j -> store.create(JobCreateParams.builder().build())))
        .withMessage(WRITE_FROM_CHANGE);
    assertThatIllegalStateException()
        .isThrownBy(
            () ->
                store.update(
                    job.id(),
                    j -> {
                      store.appendIteration(
                          other.id(), IterationCreateParams.builder().iterationName("x").build());
                      return j;
                    }))
        .withMessage(WRITE_FROM_CHANGE);
    Job deleted = store.create(JobCreateParams.builder().build());
    store.delete(deleted.id());
    assertThatIllegalStateException()
        .isThrownBy(() -> store.update(job.id(), j -> store.restore(deleted)))
        .withMessage(WRITE_FROM_CHANGE);
    assertThat(store.find(deleted.id())).isEmpty();

    assertThat(store.get(job.id())).isEqualTo(job);
    assertThat(store.get(other.id())).isEqualTo(other);
    assertThat(store.findByStatus(JobStatus.PENDING)).containsExactly(other, job);
    assertThat(store.findByStatus(JobStatus.RUNNING)).isEmpty();
  }

  @Test
  void anUpdateFunctionMayReadTheStore() {
    InMemoryJobStore store = sequentialStore();
    Job job = store.create(JobCreateParams.builder().build());

    Job updated =
        store.update(
            job.id(),
            j -> j.withNumIterations((long) store.findByStatus(JobStatus.PENDING).size()));

    assertThat(updated.numIterations()).contains(1L);
  }

  @Test
  void anIterationUpdateFunctionThatWritesToTheStoreIsRejectedAndChangesNothing() {
    InMemoryJobStore store = sequentialStore();
    Job job = store.create(JobCreateParams.builder().build());
    Iteration iteration =
        store.appendIteration(job.id(), IterationCreateParams.builder().iterationName("x").build());
    Iteration other =
        store.appendIteration(job.id(), IterationCreateParams.builder().iterationName("y").build());
    Job before = store.get(job.id());

    assertThatIllegalStateException()
        .isThrownBy(
            () ->
                store.updateIteration(
                    iteration.id(), it -> store.deleteIteration(other.id()) ? it : it))
        .withMessage(WRITE_FROM_CHANGE);
    assertThatIllegalStateException()
        .isThrownBy(
            () ->
                store.updateIteration(
                    iteration.id(), it -> store.updateIteration(other.id(), o -> o.withOrder(9))))
        .withMessage(WRITE_FROM_CHANGE);
    assertThatIllegalStateException()
        .isThrownBy(
            () ->
                store.updateIteration(
                    iteration.id(),
                    it ->
                        store.createIteration(
                            IterationCreateParams.builder()
                                .iterationName("z")
                                .job(job.id())
                                .build())))
        .withMessage(WRITE_FROM_CHANGE);
    assertThatIllegalStateException()
        .isThrownBy(
            () ->
                store.update(
                    job.id(),
                    j -> {
                      store.updateIteration(iteration.id(), it -> it.withOrder(5));
                      return j;
                    }))
        .withMessage(WRITE_FROM_CHANGE);

    assertThat(store.get(job.id())).isEqualTo(before);
  }

  @Test
  void anIterationUpdateFunctionMayReadTheStore() {
    InMemoryJobStore store = sequentialStore();
    Job job = store.create(JobCreateParams.builder().build());
    Iteration iteration =
        store.appendIteration(job.id(), IterationCreateParams.builder().iterationName("x").build());

    Iteration updated =
        store.updateIteration(
            iteration.id(),
            it -> it.withOrder(store.getIteration(it.id()).order().orElseThrow() + 10));

    assertThat(updated.order()).contains(11L);
  }

  @Test
  void whenFromAnUpdateFunctionIsRejected() {
    InMemoryJobStore store = sequentialStore();
    Job job = store.create(JobCreateParams.builder().build());
    Job other = store.create(JobCreateParams.builder().build());

    assertThatIllegalStateException()
        .isThrownBy(() -> store.update(job.id(), j -> store.when(other.id(), o -> true).join()))
        .withMessage(WRITE_FROM_CHANGE);
    assertThat(store.get(job.id())).isEqualTo(job);
  }

  @Test
  void aWhenConditionThatWritesFailsItsFutureAndChangesNothing() {
    InMemoryJobStore store = sequentialStore();
    Job job = store.create(JobCreateParams.builder().build());
    Job other = store.create(JobCreateParams.builder().build());

    CompletableFuture<Job> now = store.when(job.id(), j -> store.delete(other.id()));
    CompletableFuture<Job> later =
        store.when(
            job.id(),
            j ->
                j.status() == JobStatus.RUNNING
                    && store.update(other.id(), o -> o.withStatus(JobStatus.FAILED)) != null);
    Job running = store.update(job.id(), j -> j.withStatus(JobStatus.RUNNING));

    for (CompletableFuture<Job> future : List.of(now, later)) {
      assertThat(future)
          .failsWithin(Duration.ofSeconds(10))
          .withThrowableOfType(ExecutionException.class)
          .havingCause()
          .isInstanceOf(IllegalStateException.class)
          .withMessage(WRITE_FROM_CHANGE);
    }
    assertThat(store.get(job.id())).isEqualTo(running);
    assertThat(store.get(other.id())).isEqualTo(other);
  }

  @Test
  void listenersAndWhenFuturesRunOnDeliveryThreadsNeverOnTheWriters() throws Exception {
    InMemoryJobStore store = sequentialStore();
    Job job = store.create(JobCreateParams.builder().build());
    CompletableFuture<String> listenerThread = new CompletableFuture<>();
    CompletableFuture<String> futureThread =
        store
            .when(job.id(), j -> j.status() == JobStatus.RUNNING)
            .thenApply(j -> Thread.currentThread().getName());
    try (Subscription subscription =
        store.subscribe(event -> listenerThread.complete(Thread.currentThread().getName()))) {
      store.update(job.id(), j -> j.withStatus(JobStatus.RUNNING));

      assertThat(listenerThread.get(10, TimeUnit.SECONDS)).startsWith("jobstore-events-");
      assertThat(futureThread.get(10, TimeUnit.SECONDS)).startsWith("jobstore-events-");
    }
  }
}
