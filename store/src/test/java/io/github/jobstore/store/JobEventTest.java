package io.github.jobstore.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import io.github.jobstore.core.Iteration;
import io.github.jobstore.core.Job;
import io.github.jobstore.core.JobStatus;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The six event records: what {@code jobId()} names, and the versions each accepts. */
class JobEventTest {

  private static final UUID JOB = new UUID(4, 1);
  private static final UUID OTHER_JOB = new UUID(4, 2);

  private static Job job(UUID id) {
    return Job.builder()
        .id(id)
        .createdAt(Instant.EPOCH)
        .updatedAt(Instant.EPOCH)
        .status(JobStatus.PENDING)
        .build();
  }

  private static Iteration iteration(long id, UUID job) {
    return Iteration.builder()
        .id(new UUID(5, id))
        .createdAt(Instant.EPOCH)
        .iterationName("first")
        .job(job)
        .order(1)
        .build();
  }

  @Test
  void eachEventNamesTheJobItChanged() {
    Job job = job(JOB);
    Iteration iteration = iteration(1, JOB);

    assertThat(new JobCreated(job).jobId()).isEqualTo(JOB);
    assertThat(new JobUpdated(job, job.withStatus(JobStatus.RUNNING)).jobId()).isEqualTo(JOB);
    assertThat(new JobDeleted(job).jobId()).isEqualTo(JOB);
    assertThat(new IterationCreated(iteration).jobId()).isEqualTo(JOB);
    assertThat(new IterationUpdated(iteration, iteration.withOrder(2)).jobId()).isEqualTo(JOB);
    assertThat(new IterationDeleted(iteration).jobId()).isEqualTo(JOB);
  }

  @Test
  void aMoveIsNamedForTheJobTheIterationJoins() {
    Iteration before = iteration(1, JOB);
    IterationUpdated moved = new IterationUpdated(before, before.withJob(OTHER_JOB));
    IterationUpdated stayed = new IterationUpdated(before, before.withOrder(2));

    assertThat(moved.jobId()).isEqualTo(OTHER_JOB);
    assertThat(moved.isMove()).isTrue();
    assertThat(stayed.isMove()).isFalse();
  }

  @Test
  void anUpdateOfTwoDifferentJobsOrIterationsIsRejected() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new JobUpdated(job(JOB), job(OTHER_JOB)))
        .withMessage("Versions of two jobs: " + JOB + " and " + OTHER_JOB);
    Iteration first = iteration(1, JOB);
    Iteration second = iteration(2, JOB);
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new IterationUpdated(first, second))
        .withMessage("Versions of two iterations: " + first.id() + " and " + second.id());
  }

  @Test
  @SuppressWarnings("NullAway") // nulls on purpose
  void nullVersionsAreRejectedWithTheirNames() {
    Job job = job(JOB);
    Iteration iteration = iteration(1, JOB);

    assertThatNullPointerException().isThrownBy(() -> new JobCreated(null)).withMessage("job");
    assertThatNullPointerException().isThrownBy(() -> new JobDeleted(null)).withMessage("job");
    assertThatNullPointerException()
        .isThrownBy(() -> new JobUpdated(null, job))
        .withMessage("previous");
    assertThatNullPointerException()
        .isThrownBy(() -> new JobUpdated(job, null))
        .withMessage("current");
    assertThatNullPointerException()
        .isThrownBy(() -> new IterationCreated(null))
        .withMessage("iteration");
    assertThatNullPointerException()
        .isThrownBy(() -> new IterationDeleted(null))
        .withMessage("iteration");
    assertThatNullPointerException()
        .isThrownBy(() -> new IterationUpdated(null, iteration))
        .withMessage("previous");
    assertThatNullPointerException()
        .isThrownBy(() -> new IterationUpdated(iteration, null))
        .withMessage("current");
  }
}
