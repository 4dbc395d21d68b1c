package io.github.jobstore.testkit.contract;

import static io.github.jobstore.testkit.contract.JobStoreContract.id;
import static io.github.jobstore.testkit.contract.JobStoreContractFixture.iteration;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.jobstore.core.Iteration;
import io.github.jobstore.core.Job;
import io.github.jobstore.core.JobStatus;
import io.github.jobstore.store.JobNotFoundException;
import io.github.jobstore.store.JobStore;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

/**
 * The contract's tests of {@link JobStore#when}: it completes with the first version that matches
 * (the current one, or the one a later write stores, job or iteration write), never with a version
 * that does not match, and exceptionally when the job does not exist, is deleted first, or the
 * condition throws.
 */
interface JobStoreWhenContract extends JobStoreContractFixture {

  /** How long a test waits for a future it expects to complete. */
  Duration WHEN_WAIT = Duration.ofSeconds(10);

  /** Returns what {@code future} completes with, waiting at most {@link #WHEN_WAIT}. */
  static Job join(CompletableFuture<Job> future) {
    try {
      return future.get(WHEN_WAIT.toSeconds(), TimeUnit.SECONDS);
    } catch (InterruptedException | ExecutionException | TimeoutException e) {
      throw new AssertionError("The future did not complete with a job: " + e, e);
    }
  }

  /** Asserts that {@code future} completes exceptionally with job {@code id} not found. */
  static void assertNotFound(CompletableFuture<Job> future, UUID id) {
    assertThat(future)
        .failsWithin(WHEN_WAIT)
        .withThrowableOfType(ExecutionException.class)
        .havingCause()
        .isInstanceOf(JobNotFoundException.class)
        .withMessage("No job with id %s.", id);
  }

  @Test
  default void whenCompletesAtOnceWithTheCurrentVersionIfItMatches() {
    Job job = create();

    CompletableFuture<Job> future = store().when(job.id(), current -> true);

    assertThat(future).isCompletedWithValue(job);
  }

  @Test
  default void whenCompletesWithTheVersionOfTheFirstWriteThatMatches() {
    Job job = create();
    CompletableFuture<Job> future =
        store().when(job.id(), current -> current.status() == JobStatus.COMPLETED);
    store().update(job.id(), current -> current.withStatus(JobStatus.RUNNING));
    Job completed = store().update(job.id(), current -> current.withStatus(JobStatus.COMPLETED));
    store().update(job.id(), current -> current.withBestScore(0.5));

    assertThat(join(future)).isEqualTo(completed);
  }

  @Test
  default void whenStaysPendingWhileNoVersionMatches() {
    Job job = create();
    CompletableFuture<Job> future =
        store().when(job.id(), current -> current.status() == JobStatus.COMPLETED);
    CompletableFuture<Job> marker =
        store().when(job.id(), current -> current.bestScore().isPresent());
    store().update(job.id(), current -> current.withStatus(JobStatus.RUNNING));
    store().update(job.id(), current -> current.withBestScore(0.5));

    join(marker);
    assertThat(future).isNotDone();
  }

  @Test
  default void whenSeesIterationWritesAsNewVersionsOfTheJob() {
    Job job = create();
    CompletableFuture<Job> future =
        store().when(job.id(), current -> current.iterations().size() == 2);
    store().appendIteration(job.id(), iteration("first"));
    store().appendIteration(job.id(), iteration("second"));

    assertThat(join(future).iterations()).hasSize(2);
    assertThat(join(future)).isEqualTo(store().get(job.id()));
  }

  @Test
  default void whenSeesIterationUpdatesAndDeletes() {
    Job job = create();
    Iteration iteration = store().appendIteration(job.id(), iteration("first"));
    CompletableFuture<Job> scored =
        store().when(job.id(), current -> current.iterations().get(0).avgScore().isPresent());
    CompletableFuture<Job> emptied =
        store().when(job.id(), current -> current.iterations().isEmpty());
    store().updateIteration(iteration.id(), i -> i.withAvgScore(0.5));

    assertThat(join(scored).iterations())
        .extracting(Iteration::avgScore)
        .containsExactly(Optional.of(0.5));
    store().deleteIteration(iteration.id());
    assertThat(join(emptied)).isEqualTo(store().get(job.id()));
  }

  @Test
  default void whenSeesAMoveOnBothJobs() {
    Job from = create();
    Job to = create();
    Iteration iteration = store().appendIteration(from.id(), iteration("first"));
    CompletableFuture<Job> left =
        store().when(from.id(), current -> current.iterations().isEmpty());
    CompletableFuture<Job> joined =
        store().when(to.id(), current -> !current.iterations().isEmpty());

    Iteration moved = store().updateIteration(iteration.id(), i -> i.withJob(to.id()));

    assertThat(join(left).iterations()).isEmpty();
    assertThat(join(joined).iterations()).containsExactly(moved);
  }

  @Test
  default void whenOfAnUnknownJobFailsWithJobNotFound() {
    create();

    assertNotFound(store().when(id(99), current -> true), id(99));
  }

  @Test
  default void whenFailsWithJobNotFoundWhenTheJobIsDeletedFirst() {
    Job job = create();
    CompletableFuture<Job> future =
        store().when(job.id(), current -> current.status() == JobStatus.COMPLETED);

    store().delete(job.id());

    assertNotFound(future, job.id());
  }

  @Test
  default void whenOfADeletedJobFailsWithJobNotFound() {
    Job job = create();
    store().delete(job.id());

    assertNotFound(store().when(job.id(), current -> true), job.id());
  }

  @Test
  default void whenFailsWithWhatTheConditionThrows() {
    Job job = create();
    IllegalStateException thrown = new IllegalStateException("thrown on purpose");

    CompletableFuture<Job> now =
        store()
            .when(
                job.id(),
                current -> {
                  throw thrown;
                });
    CompletableFuture<Job> later =
        store()
            .when(
                job.id(),
                current -> {
                  if (current.status() == JobStatus.RUNNING) {
                    throw thrown;
                  }
                  return false;
                });
    store().update(job.id(), current -> current.withStatus(JobStatus.RUNNING));

    for (CompletableFuture<Job> future : List.of(now, later)) {
      assertThat(future)
          .failsWithin(WHEN_WAIT)
          .withThrowableOfType(ExecutionException.class)
          .withCause(thrown);
    }
  }

  @Test
  @SuppressWarnings("NullAway") // passing null on purpose
  default void whenRejectsNulls() {
    Job job = create();

    assertThatThrownBy(() -> store().when(null, current -> true))
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> store().when(job.id(), null)).isInstanceOf(NullPointerException.class);
  }
}
