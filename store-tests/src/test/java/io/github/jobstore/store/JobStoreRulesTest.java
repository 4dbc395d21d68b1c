package io.github.jobstore.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.jobstore.core.Iteration;
import io.github.jobstore.core.IterationCreateParams;
import io.github.jobstore.core.Job;
import io.github.jobstore.core.JobCreateParams;
import io.github.jobstore.core.JobStatus;
import io.github.jobstore.core.ValidationException;
import io.github.jobstore.core.Violation;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.collections.api.factory.Lists;
import org.junit.jupiter.api.Test;

/** The write rules every store applies, each at its edges. */
class JobStoreRulesTest {

  private static final Instant NOW = Instant.parse("2026-03-01T12:00:00.123456Z");
  private static final UUID JOB = UUID.fromString("00000000-0000-4000-8000-000000000001");
  private static final UUID OTHER_JOB = UUID.fromString("00000000-0000-4000-8000-000000000002");

  @Test
  void aNewJobIsPendingUnlessItsParamsSayOtherwiseAndCreatedAndUpdatedNow() {
    Job pending = JobStoreRules.newJob(JobCreateParams.builder().promptSlug("p").build(), JOB, NOW);
    Job running =
        JobStoreRules.newJob(JobCreateParams.builder().status(JobStatus.RUNNING).build(), JOB, NOW);

    assertThat(pending.status()).isEqualTo(JobStatus.PENDING);
    assertThat(pending.promptSlug()).contains("p");
    assertThat(pending.id()).isEqualTo(JOB);
    assertThat(pending.createdAt()).isEqualTo(NOW).isEqualTo(pending.updatedAt());
    assertThat(pending.iterations()).isEmpty();
    assertThat(running.status()).isEqualTo(JobStatus.RUNNING);
  }

  @Test
  void aNewIterationHasTheGivenIdTimeJobAndOrder() {
    UUID id = UUID.randomUUID();
    Iteration iteration =
        JobStoreRules.newIteration(
            IterationCreateParams.builder().iterationName("i").job(OTHER_JOB).build(),
            id,
            NOW,
            JOB,
            7);

    assertThat(iteration.id()).isEqualTo(id);
    assertThat(iteration.createdAt()).isEqualTo(NOW);
    assertThat(iteration.job()).isEqualTo(JOB);
    assertThat(iteration.order()).contains(7L);
    assertThat(iteration.iterationName()).isEqualTo("i");
  }

  @Test
  void theNextOrderIsOneMoreUpToTheLargestLong() {
    assertThat(JobStoreRules.nextOrder(0)).isEqualTo(1);
    assertThat(JobStoreRules.nextOrder(Long.MAX_VALUE - 1)).isEqualTo(Long.MAX_VALUE);
    ValidationException e =
        catchThrowableOfType(
            ValidationException.class, () -> JobStoreRules.nextOrder(Long.MAX_VALUE));
    assertThat(e.violations()).containsExactly(Violation.atMost("order", Long.MAX_VALUE));
  }

  @Test
  void aJobChangeMayNotTouchItsIdCreationOrIterations() {
    Job job = JobStoreRules.newJob(JobCreateParams.builder().build(), JOB, NOW);
    assertThatNoException()
        .isThrownBy(
            () ->
                JobStoreRules.checkJobChange(
                    job, job.withStatus(JobStatus.FAILED).withUpdatedAt(NOW.plusSeconds(1))));

    Job changed =
        job.withId(OTHER_JOB)
            .withCreatedAt(NOW.plusNanos(1_000))
            .withIterations(Lists.immutable.of(iteration(OTHER_JOB, 1)));
    ValidationException e =
        catchThrowableOfType(
            ValidationException.class, () -> JobStoreRules.checkJobChange(job, changed));
    assertThat(e.violations())
        .containsExactly(
            Violation.readOnly("id"),
            Violation.readOnly("created_at"),
            Violation.readOnly("iterations"));
  }

  @Test
  void anIterationChangeMayNotTouchItsIdOrCreationNorClearItsOrderNorNameAMissingJob() {
    Iteration iteration = iteration(JOB, 1);
    assertThatNoException()
        .isThrownBy(
            () ->
                JobStoreRules.checkIterationChange(
                    iteration, iteration.withOrder(2).withJob(OTHER_JOB), OTHER_JOB::equals));
    assertThatNoException()
        .isThrownBy(() -> JobStoreRules.checkIterationChange(iteration, iteration, id -> false));

    Iteration changed =
        iteration
            .withId(UUID.randomUUID())
            .withCreatedAt(NOW.plusSeconds(1))
            .withOrder(java.util.Optional.empty())
            .withJob(OTHER_JOB);
    ValidationException e =
        catchThrowableOfType(
            ValidationException.class,
            () -> JobStoreRules.checkIterationChange(iteration, changed, id -> false));
    assertThat(e.violations())
        .containsExactly(
            Violation.readOnly("id"),
            Violation.readOnly("created_at"),
            Violation.notNull("order"),
            Violation.doesNotExist("job", OTHER_JOB));
  }

  @Test
  void aRestorableJobHasOnlyItsOwnOrderedIterationsEachOnce() {
    Iteration first = iteration(JOB, 1);
    Job job = JobStoreRules.newJob(JobCreateParams.builder().build(), JOB, NOW);
    assertThatNoException()
        .isThrownBy(
            () ->
                JobStoreRules.checkRestorable(
                    job.withIterations(Lists.immutable.of(first, iteration(JOB, 1)))));

    assertThatIllegalArgumentException()
        .isThrownBy(
            () ->
                JobStoreRules.checkRestorable(job.withIterations(Lists.immutable.of(first, first))))
        .withMessage("Iteration " + first.id() + " appears twice.");
    Iteration foreign = iteration(OTHER_JOB, 1);
    assertThatIllegalArgumentException()
        .isThrownBy(
            () -> JobStoreRules.checkRestorable(job.withIterations(Lists.immutable.of(foreign))))
        .withMessage(
            "Iteration " + foreign.id() + " belongs to job " + OTHER_JOB + ", not " + JOB + ".");
    Iteration unordered = first.withOrder(java.util.Optional.empty());
    assertThatIllegalArgumentException()
        .isThrownBy(
            () -> JobStoreRules.checkRestorable(job.withIterations(Lists.immutable.of(unordered))))
        .withMessage("Iteration " + first.id() + " has no order.");
  }

  private static Iteration iteration(UUID job, long order) {
    return Iteration.builder()
        .id(UUID.randomUUID())
        .createdAt(NOW)
        .job(job)
        .iterationName("i")
        .order(order)
        .build();
  }
}
