package io.github.jobstore.store;

import static io.github.jobstore.store.Contention.awaitBlocked;
import static io.github.jobstore.store.Contention.awaitParkedOn;
import static io.github.jobstore.store.Contention.start;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.github.jobstore.core.IterationCreateParams;
import io.github.jobstore.core.Job;
import io.github.jobstore.core.JobCreateParams;
import io.github.jobstore.core.JobStatus;
import io.github.jobstore.store.Contention.Started;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.StampedLock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Stops a writer at an exact point of its write, by holding a lock the store takes there, and
 * checks what a reader sees at that point: every run takes the same interleaving, so these tests
 * catch a misplaced publish or a missing withdraw every time, not by luck. The locks are reached
 * through {@link Internals}.
 */
class InMemoryJobStoreInterleavingTest {

  private static final UUID OLD_PROJECT = new UUID(0x5000L, 1);
  private static final UUID NEW_PROJECT = new UUID(0x5000L, 2);

  private final AtomicLong ids = new AtomicLong();
  private final InMemoryJobStore store =
      InMemoryJobStore.builder()
          .idGenerator(() -> new UUID(0x4000L, ids.incrementAndGet()))
          .build();

  /**
   * The indexes a move from PENDING in the old project to RUNNING in the new one writes, and which
   * version must be live while the writer waits for each: the old one until the job is in every
   * index of its new keys, the new one from before it leaves any index of its old keys.
   */
  enum Held {
    NEW_STATUS(JobQuery.builder().status(JobStatus.RUNNING), false),
    NEW_PROJECT_AND_STATUS(
        JobQuery.builder().project(NEW_PROJECT).status(JobStatus.RUNNING), false),
    OLD_STATUS(JobQuery.builder().status(JobStatus.PENDING), true),
    OLD_PROJECT_AND_STATUS(JobQuery.builder().project(OLD_PROJECT).status(JobStatus.PENDING), true);

    final JobQuery query;
    final boolean published;

    Held(JobQuery.Builder query, boolean published) {
      this.query = query.build();
      this.published = published;
    }
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(Held.class)
  void aMovedJobIsPublishedOnlyOnceItIsInEveryIndexOfItsNewKeysAndBeforeItLeavesTheOld(Held held)
      throws InterruptedException {
    Job job = store.create(params(JobStatus.PENDING, OLD_PROJECT));
    // So that the new project's sets exist before the move, to be held.
    Job neighbour = store.create(params(JobStatus.RUNNING, NEW_PROJECT));
    StampedLock lock = Internals.lock(Internals.index(store, held.query));

    Started<Job> writer;
    long stamp = lock.writeLock();
    try {
      writer =
          start(
              () ->
                  store.update(
                      job.id(), j -> j.withStatus(JobStatus.RUNNING).withProject(NEW_PROJECT)));
      awaitParkedOn(writer.thread(), lock);

      Job live = store.find(job.id()).orElseThrow();
      assertThat(live.status())
          .as("the live version while the writer waits for %s", held)
          .isEqualTo(held.published ? JobStatus.RUNNING : JobStatus.PENDING);
      assertThat(live.project()).contains(held.published ? NEW_PROJECT : OLD_PROJECT);
    } finally {
      lock.unlockWrite(stamp);
    }

    Job moved = writer.result();
    assertThat(store.findByStatus(JobStatus.RUNNING)).containsExactly(neighbour, moved);
    assertThat(store.findByStatus(JobStatus.PENDING)).isEmpty();
    assertThat(store.findByProject(NEW_PROJECT)).containsExactly(neighbour, moved);
    assertThat(store.findByProject(OLD_PROJECT)).isEmpty();
  }

  @Test
  void anUpdateThatFoundTheJobBeforeItWasDeletedFailsAndLeavesNoTrace()
      throws InterruptedException {
    Job job = store.create(params(JobStatus.PENDING, OLD_PROJECT));

    Throwable thrown =
        afterDeleteOf(
            job.id(),
            () ->
                catchThrowable(() -> store.update(job.id(), j -> j.withStatus(JobStatus.RUNNING))));

    assertThat(thrown)
        .isExactlyInstanceOf(JobNotFoundException.class)
        .hasMessage("No job with id " + job.id() + ".");
    assertNoTrace(job.id());
  }

  @Test
  void anAppendThatFoundTheJobBeforeItWasDeletedFailsAndLeavesNoTrace()
      throws InterruptedException {
    Job job = store.create(params(JobStatus.PENDING, OLD_PROJECT));

    Throwable thrown =
        afterDeleteOf(
            job.id(),
            () ->
                catchThrowable(
                    () ->
                        store.appendIteration(
                            job.id(), IterationCreateParams.builder().iterationName("i").build())));

    assertThat(thrown)
        .isExactlyInstanceOf(JobNotFoundException.class)
        .hasMessage("No job with id " + job.id() + ".");
    assertNoTrace(job.id());
    assertThat(store.listIterations(IterationQuery.builder().build()).count()).isZero();
  }

  @Test
  void aDeleteThatFoundTheJobBeforeAnotherDeletedItReturnsFalse() throws InterruptedException {
    Job job = store.create(params(JobStatus.PENDING, OLD_PROJECT));

    boolean deleted = afterDeleteOf(job.id(), () -> store.delete(job.id()));

    assertThat(deleted).isFalse();
    assertNoTrace(job.id());
  }

  @Test
  void anIdGeneratorThatRepeatsAJobIdIsRejectedAndTheFirstJobKept() {
    UUID repeated = new UUID(0x4000L, 7);
    InMemoryJobStore repeating = InMemoryJobStore.builder().idGenerator(() -> repeated).build();
    Job first = repeating.create(params(JobStatus.PENDING, OLD_PROJECT));

    Throwable thrown =
        catchThrowable(() -> repeating.create(params(JobStatus.RUNNING, NEW_PROJECT)));

    assertThat(thrown)
        .isExactlyInstanceOf(IllegalStateException.class)
        .hasMessage("The id generator returned " + repeated + " twice");
    assertThat(repeating.find(repeated)).contains(first);
    assertThat(repeating.list(JobQuery.builder().build()).results()).containsExactly(first);
    assertThat(repeating.findByStatus(JobStatus.RUNNING)).isEmpty();
    assertThat(repeating.findByProject(NEW_PROJECT)).isEmpty();
  }

  @Test
  void anIdGeneratorThatRepeatsAnIterationIdIsRejectedAndTheFirstIterationKept() {
    UUID jobId = new UUID(0x4000L, 1);
    UUID repeated = new UUID(0x4000L, 2);
    AtomicLong calls = new AtomicLong();
    InMemoryJobStore repeating =
        InMemoryJobStore.builder()
            .idGenerator(() -> calls.getAndIncrement() == 0 ? jobId : repeated)
            .build();
    repeating.create(JobCreateParams.builder().build());
    var first =
        repeating.appendIteration(
            jobId, IterationCreateParams.builder().iterationName("a").build());

    Throwable appended =
        catchThrowable(
            () ->
                repeating.appendIteration(
                    jobId, IterationCreateParams.builder().iterationName("b").build()));
    Throwable created =
        catchThrowable(
            () ->
                repeating.createIteration(
                    IterationCreateParams.builder().iterationName("c").job(jobId).build()));

    assertThat(appended)
        .isExactlyInstanceOf(IllegalStateException.class)
        .hasMessage("The id generator returned " + repeated + " twice");
    assertThat(created)
        .isExactlyInstanceOf(IllegalStateException.class)
        .hasMessage("The id generator returned " + repeated + " twice");
    assertThat(repeating.get(jobId).iterations()).containsExactly(first);
    assertThat(repeating.findIteration(repeated)).contains(first);
    assertThat(repeating.listIterations(IterationQuery.builder().build()).results())
        .containsExactly(first);
  }

  /**
   * Runs {@code write} on another thread that has found job {@code id}'s slot and waits for its
   * monitor, deletes the job meanwhile on this thread (which holds the monitor, so the write cannot
   * go first), and returns what the write returned.
   */
  private <T> T afterDeleteOf(UUID id, java.util.concurrent.Callable<T> write)
      throws InterruptedException {
    Slot slot = Internals.slot(store, id);
    Started<T> writer;
    synchronized (slot) {
      writer = start(write);
      awaitBlocked(writer.thread());
      assertThat(store.delete(id)).isTrue();
    }
    return writer.result();
  }

  private void assertNoTrace(UUID id) {
    assertThat(store.find(id)).isEmpty();
    for (JobStatus status : JobStatus.values()) {
      assertThat(store.findByStatus(status)).isEmpty();
    }
    assertThat(store.findByProject(OLD_PROJECT)).isEmpty();
    assertThat(store.list(JobQuery.builder().build()).count()).isZero();
  }

  private static JobCreateParams params(JobStatus status, UUID project) {
    return JobCreateParams.builder().status(status).project(Optional.of(project)).build();
  }
}
