package io.github.jobstore.testkit.contract;

import static io.github.jobstore.testkit.assertj.JobStoreAssertions.assertThatValidationExceptionThrownBy;
import static io.github.jobstore.testkit.contract.JobStoreContract.START_MICROS;
import static io.github.jobstore.testkit.contract.JobStoreContract.id;
import static io.github.jobstore.testkit.contract.JobStoreContractFixture.assertIterationNotFound;
import static io.github.jobstore.testkit.contract.JobStoreContractFixture.iteration;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.jobstore.core.Iteration;
import io.github.jobstore.core.IterationCreateParams;
import io.github.jobstore.core.IterationStatus;
import io.github.jobstore.core.Job;
import io.github.jobstore.core.Violation;
import io.github.jobstore.store.IterationQuery;
import io.github.jobstore.store.JobStore;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The contract's tests of the iterations resource: {@link JobStore#createIteration}, {@link
 * JobStore#findIteration} and {@link JobStore#getIteration}, {@link JobStore#updateIteration}
 * (fields, read-only fields, order changes, moves between jobs, failures that change nothing) and
 * {@link JobStore#deleteIteration}, and what deleting a job does to its iterations.
 */
interface JobStoreIterationContract extends JobStoreContractFixture {

  @Test
  default void createIterationAssignsIdCreatedAtAndTheFirstOrder() {
    Job job = create();
    clock().set(Instant.parse("2026-03-05T00:00:01.000000999Z"));

    Iteration iteration = createIteration(job.id(), iteration("first"));

    assertThat(iteration.id()).isEqualTo(id(2));
    assertThat(iteration.createdAt()).isEqualTo(Instant.parse("2026-03-05T00:00:01Z"));
    assertThat(iteration.job()).isEqualTo(job.id());
    assertThat(iteration.order()).contains(1L);
  }

  @Test
  default void createIterationAddsTheIterationToItsJob() {
    Job job = create();
    Iteration first = createIteration(job.id(), iteration("first"));

    Iteration second = createIteration(job.id(), iteration("second"));

    assertThat(second.order()).contains(2L);
    assertThat(store().get(job.id()).iterations()).containsExactly(first, second);
  }

  @Test
  default void createIterationKeepsAnExplicitOrder() {
    Job job = create();

    assertThat(createIteration(job.id(), iteration("seventh", 7)).order()).contains(7L);
  }

  @Test
  default void createIterationCopiesEveryParam() {
    Job job = create();
    IterationCreateParams params =
        IterationCreateParams.builder()
            .iterationName("round 1")
            .agentCode("def agent(): pass")
            .avgScore(0.625)
            .description("first try")
            .order(4)
            .status(IterationStatus.KEEP)
            .job(job.id())
            .build();

    Iteration iteration = store().createIteration(params);

    assertThat(iteration)
        .isEqualTo(
            Iteration.builder()
                .from(params)
                .id(iteration.id())
                .createdAt(START_MICROS)
                .job(job.id())
                .build());
  }

  @Test
  default void createIterationWithoutJobIsRejectedAndChangesNothing() {
    Job job = create();

    assertThatValidationExceptionThrownBy(() -> store().createIteration(iteration("first")))
        .hasViolations(Violation.required("job"));
    assertThat(store().get(job.id())).isEqualTo(job);
  }

  @Test
  default void createIterationOfAnUnknownJobIsRejectedAndChangesNothing() {
    Job job = create();
    UUID unknown = id(99);

    assertThatValidationExceptionThrownBy(() -> createIteration(unknown, iteration("first")))
        .hasViolations(Violation.doesNotExist("job", unknown));
    assertThat(store().get(job.id())).isEqualTo(job);
    assertThat(store().listIterations(IterationQuery.builder().build()).count()).isZero();
  }

  @Test
  default void createIterationOfADeletedJobIsRejected() {
    Job job = create();
    store().delete(job.id());

    assertThatValidationExceptionThrownBy(() -> createIteration(job.id(), iteration("first")))
        .hasViolations(Violation.doesNotExist("job", job.id()));
  }

  @Test
  default void createIterationDoesNotChangeTheJobsUpdatedAt() {
    Job job = create();
    clock().advance(Duration.ofSeconds(5));

    createIteration(job.id(), iteration("first"));

    assertThat(store().get(job.id()).updatedAt()).isEqualTo(job.updatedAt());
  }

  @Test
  default void appendIterationIgnoresTheJobOfItsParams() {
    Job job = create();
    Job other = create();

    Iteration iteration = store().appendIteration(job.id(), iteration("first").withJob(other.id()));

    assertThat(iteration.job()).isEqualTo(job.id());
    assertThat(store().get(other.id()).iterations()).isEmpty();
  }

  @Test
  default void findIterationReturnsTheStoredIteration() {
    Job job = create();
    Iteration iteration = createIteration(job.id(), iteration("first"));

    assertThat(store().findIteration(iteration.id())).contains(iteration);
    assertThat(store().getIteration(iteration.id())).isEqualTo(iteration);
  }

  @Test
  default void findIterationOfAnUnknownIdIsEmpty() {
    create();

    assertThat(store().findIteration(id(1))).isEmpty();
    assertThat(store().findIteration(id(99))).isEmpty();
  }

  @Test
  default void getIterationOfAnUnknownIdThrowsIterationNotFound() {
    assertIterationNotFound(() -> store().getIteration(id(99)), id(99));
  }

  @Test
  default void updateIterationAppliesTheChangeAndStoresIt() {
    Job job = create();
    Iteration iteration = createIteration(job.id(), iteration("first"));

    Iteration updated =
        store()
            .updateIteration(
                iteration.id(),
                it ->
                    it.withAvgScore(0.5).withStatus(IterationStatus.DISCARD).withDescription("d"));

    assertThat(updated)
        .isEqualTo(
            iteration.withAvgScore(0.5).withStatus(IterationStatus.DISCARD).withDescription("d"));
    assertThat(store().getIteration(iteration.id())).isEqualTo(updated);
    assertThat(store().get(job.id()).iterations()).containsExactly(updated);
  }

  @Test
  default void updateIterationOfAnUnknownIdThrowsIterationNotFound() {
    assertIterationNotFound(() -> store().updateIteration(id(99), it -> it), id(99));
  }

  @Test
  default void updateIterationRejectsReadOnlyFieldsAllAtOnceAndChangesNothing() {
    Job job = create();
    Iteration iteration = createIteration(job.id(), iteration("first"));

    assertThatValidationExceptionThrownBy(
            () ->
                store()
                    .updateIteration(
                        iteration.id(),
                        it ->
                            it.withId(id(99))
                                .withCreatedAt(it.createdAt().plusSeconds(1))
                                .withAvgScore(1.0)))
        .hasViolations(Violation.readOnly("id"), Violation.readOnly("created_at"));
    assertThat(store().getIteration(iteration.id())).isEqualTo(iteration);
    assertThat(store().get(job.id()).iterations()).containsExactly(iteration);
  }

  @Test
  default void updateIterationRejectsAClearedOrder() {
    Job job = create();
    Iteration iteration = createIteration(job.id(), iteration("first"));

    assertThatValidationExceptionThrownBy(
            () -> store().updateIteration(iteration.id(), it -> it.withOrder(Optional.empty())))
        .hasViolations(Violation.notNull("order"));
    assertThat(store().getIteration(iteration.id())).isEqualTo(iteration);
  }

  @Test
  default void updateIterationWithANewOrderResortsTheJobsIterations() {
    Job job = create();
    Iteration first = createIteration(job.id(), iteration("first"));
    Iteration second = createIteration(job.id(), iteration("second"));
    Iteration third = createIteration(job.id(), iteration("third"));

    Iteration last = store().updateIteration(first.id(), it -> it.withOrder(5));

    assertThat(store().get(job.id()).iterations()).containsExactly(second, third, last);
  }

  @Test
  default void updateIterationOrdersEqualOrdersByCreationNotByChange() {
    Job job = create();
    Iteration first = createIteration(job.id(), iteration("first"));
    Iteration second = createIteration(job.id(), iteration("second"));

    Iteration moved = store().updateIteration(first.id(), it -> it.withOrder(2));

    assertThat(store().get(job.id()).iterations()).containsExactly(moved, second);
  }

  @Test
  default void updateIterationLeavesEarlierJobVersionsAlone() {
    Job job = create();
    Iteration first = createIteration(job.id(), iteration("first"));
    Iteration second = createIteration(job.id(), iteration("second"));
    Job before = store().get(job.id());

    store().updateIteration(first.id(), it -> it.withOrder(3));
    store().deleteIteration(second.id());

    assertThat(before.iterations()).containsExactly(first, second);
  }

  @Test
  default void updateIterationWithANewJobMovesIt() {
    Job from = create();
    Job to = create();
    Iteration iteration = createIteration(from.id(), iteration("first"));

    Iteration moved = store().updateIteration(iteration.id(), it -> it.withJob(to.id()));

    assertThat(moved).isEqualTo(iteration.withJob(to.id()));
    assertThat(store().get(from.id()).iterations()).isEmpty();
    assertThat(store().get(to.id()).iterations()).containsExactly(moved);
    assertThat(store().getIteration(iteration.id())).isEqualTo(moved);
  }

  @Test
  default void aMovedIterationTakesItsPlaceByOrderInItsNewJob() {
    Job from = create();
    Job to = create();
    Iteration iteration = createIteration(from.id(), iteration("moving"));
    Iteration first = createIteration(to.id(), iteration("first", 1));
    Iteration third = createIteration(to.id(), iteration("third", 3));

    Iteration moved =
        store().updateIteration(iteration.id(), it -> it.withJob(to.id()).withOrder(2));

    assertThat(store().get(to.id()).iterations()).containsExactly(first, moved, third);
  }

  @Test
  default void updateIterationToAnUnknownJobIsRejectedAndChangesNothing() {
    Job job = create();
    Iteration iteration = createIteration(job.id(), iteration("first"));
    Job before = store().get(job.id());
    UUID unknown = id(99);

    assertThatValidationExceptionThrownBy(
            () -> store().updateIteration(iteration.id(), it -> it.withJob(unknown).withOrder(7)))
        .hasViolations(Violation.doesNotExist("job", unknown));
    assertThat(store().get(job.id())).isEqualTo(before);
    assertThat(store().getIteration(iteration.id())).isEqualTo(iteration);
  }

  @Test
  default void updateIterationRethrowsTheExceptionOfTheChangeAndChangesNothing() {
    Job job = create();
    Iteration iteration = createIteration(job.id(), iteration("first"));
    IllegalStateException failure = new IllegalStateException("no");

    assertThatThrownBy(
            () ->
                store()
                    .updateIteration(
                        iteration.id(),
                        it -> {
                          throw failure;
                        }))
        .isSameAs(failure);
    assertThat(store().getIteration(iteration.id())).isEqualTo(iteration);
    assertThat(store().get(job.id()).iterations()).containsExactly(iteration);
  }

  @Test
  default void updateIterationToNullThrowsNullPointerAndChangesNothing() {
    Job job = create();
    Iteration iteration = createIteration(job.id(), iteration("first"));

    assertThatNullPointerException()
        .isThrownBy(() -> store().updateIteration(iteration.id(), it -> null));
    assertThat(store().getIteration(iteration.id())).isEqualTo(iteration);
  }

  @Test
  default void updateIterationDoesNotChangeAnyJobsUpdatedAt() {
    Job from = create();
    Job to = create();
    Iteration iteration = createIteration(from.id(), iteration("first"));
    clock().advance(Duration.ofSeconds(5));

    store().updateIteration(iteration.id(), it -> it.withOrder(4));
    store().updateIteration(iteration.id(), it -> it.withJob(to.id()));

    assertThat(store().get(from.id()).updatedAt()).isEqualTo(from.updatedAt());
    assertThat(store().get(to.id()).updatedAt()).isEqualTo(to.updatedAt());
  }

  @Test
  default void deleteIterationRemovesItFromItsJobAndFromFind() {
    Job job = create();
    Iteration first = createIteration(job.id(), iteration("first"));
    Iteration second = createIteration(job.id(), iteration("second"));

    assertThat(store().deleteIteration(first.id())).isTrue();

    assertThat(store().findIteration(first.id())).isEmpty();
    assertThat(store().get(job.id()).iterations()).containsExactly(second);
  }

  @Test
  default void deleteIterationOfAnUnknownOrDeletedIdReturnsFalse() {
    Job job = create();
    Iteration iteration = createIteration(job.id(), iteration("first"));
    store().deleteIteration(iteration.id());

    assertThat(store().deleteIteration(iteration.id())).isFalse();
    assertThat(store().deleteIteration(id(99))).isFalse();
  }

  @Test
  default void deleteIterationDoesNotChangeTheJobsUpdatedAt() {
    Job job = create();
    Iteration iteration = createIteration(job.id(), iteration("first"));
    clock().advance(Duration.ofSeconds(5));

    store().deleteIteration(iteration.id());

    assertThat(store().get(job.id()).updatedAt()).isEqualTo(job.updatedAt());
  }

  @Test
  default void updateIterationOfADeletedIterationThrowsIterationNotFound() {
    Job job = create();
    Iteration iteration = createIteration(job.id(), iteration("first"));
    store().deleteIteration(iteration.id());

    assertIterationNotFound(
        () -> store().updateIteration(iteration.id(), it -> it), iteration.id());
  }

  @Test
  default void deletingAJobRemovesItsIterationsFromEveryIndex() {
    Job job = create();
    Job other = create();
    Iteration iteration = createIteration(job.id(), iteration("first"));
    Iteration kept = createIteration(other.id(), iteration("kept"));

    store().delete(job.id());

    assertThat(store().findIteration(iteration.id())).isEmpty();
    assertIterationNotFound(() -> store().getIteration(iteration.id()), iteration.id());
    assertThat(store().deleteIteration(iteration.id())).isFalse();
    assertThat(store().listIterations(IterationQuery.builder().build()).results())
        .containsExactly(kept);
    assertThat(store().listIterations(IterationQuery.builder().job(job.id()).build()).count())
        .isZero();
  }
}
