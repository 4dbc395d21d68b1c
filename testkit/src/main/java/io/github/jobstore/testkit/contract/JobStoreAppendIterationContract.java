package io.github.jobstore.testkit.contract;

import static io.github.jobstore.testkit.assertj.JobStoreAssertions.assertThatValidationExceptionThrownBy;
import static io.github.jobstore.testkit.contract.JobStoreContract.id;
import static io.github.jobstore.testkit.contract.JobStoreContractFixture.assertJobNotFound;
import static io.github.jobstore.testkit.contract.JobStoreContractFixture.everyField;
import static io.github.jobstore.testkit.contract.JobStoreContractFixture.iteration;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.jobstore.core.Iteration;
import io.github.jobstore.core.IterationCreateParams;
import io.github.jobstore.core.IterationStatus;
import io.github.jobstore.core.Job;
import io.github.jobstore.core.JobStatus;
import io.github.jobstore.core.JsonObject;
import io.github.jobstore.core.Violation;
import io.github.jobstore.store.JobStore;
import io.github.jobstore.testkit.JobGenerators;
import io.github.jobstore.testkit.Property;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.collections.api.factory.Lists;
import org.junit.jupiter.api.Test;

/**
 * The contract's tests of {@link JobStore#appendIteration}: the iteration's id, timestamp and
 * fields, the order it gets or keeps, where it lands among the job's iterations, and that nothing
 * else changes.
 */
interface JobStoreAppendIterationContract extends JobStoreContractFixture {

  @Test
  default void appendIterationAssignsTheNextIdOfTheGenerator() {
    Job job = create();

    Iteration iteration = store().appendIteration(job.id(), iteration("first"));

    assertThat(List.of(job.id(), iteration.id())).containsExactly(id(1), id(2));
  }

  @Test
  default void appendIterationSetsCreatedAtToTheClockTruncatedToMicroseconds() {
    Job job = create();
    clock().set(Instant.parse("2026-03-05T00:00:01.000000999Z"));

    Iteration iteration = store().appendIteration(job.id(), iteration("first"));

    assertThat(iteration.createdAt()).isEqualTo(Instant.parse("2026-03-05T00:00:01Z"));
  }

  @Test
  default void appendIterationSetsTheJob() {
    create();
    Job job = create();

    assertThat(store().appendIteration(job.id(), iteration("first")).job()).isEqualTo(job.id());
  }

  @Test
  default void appendIterationCopiesEveryParam() {
    Job job = create();
    IterationCreateParams params =
        IterationCreateParams.builder()
            .iterationName("round 1")
            .agentCode("def agent(): pass")
            .avgScore(0.625)
            .description("first try")
            .dimensionScores(JsonObject.of(Map.of("accuracy", 0.5)))
            .order(4)
            .status(IterationStatus.KEEP)
            .build();

    assertCopied(params, store().appendIteration(job.id(), params));
  }

  @Test
  default void appendIterationCopiesEveryParamOfGeneratedParams() {
    Property.forAll(
        200,
        JobGenerators.validIterationCreateParams(),
        params -> assertCopied(params, store().appendIteration(create().id(), params)));
  }

  @Test
  default void appendIterationNumbersTheFirstIterationOne() {
    Job job = create();

    assertThat(store().appendIteration(job.id(), iteration("first")).order()).contains(1L);
  }

  @Test
  default void appendIterationWithoutOrderTakesTheHighestOrderPlusOne() {
    Job job = create();
    store().appendIteration(job.id(), iteration("first"));
    store().appendIteration(job.id(), iteration("second"));

    assertThat(store().appendIteration(job.id(), iteration("third")).order()).contains(3L);
  }

  @Test
  default void appendIterationWithoutOrderFollowsTheHighestExplicitOrder() {
    Job job = create();
    store().appendIteration(job.id(), iteration("tenth", 10));

    assertThat(store().appendIteration(job.id(), iteration("next")).order()).contains(11L);
  }

  @Test
  default void appendIterationWithoutOrderFollowsTheHighestNotTheLastAppended() {
    Job job = create();
    store().appendIteration(job.id(), iteration("tenth", 10));
    store().appendIteration(job.id(), iteration("third", 3));

    assertThat(store().appendIteration(job.id(), iteration("next")).order()).contains(11L);
  }

  @Test
  default void appendIterationKeepsAnExplicitOrder() {
    Job job = create();

    assertThat(store().appendIteration(job.id(), iteration("seventh", 7)).order()).contains(7L);
  }

  @Test
  default void appendIterationKeepsAnExplicitOrderAlreadyTaken() {
    Job job = create();
    Iteration first = store().appendIteration(job.id(), iteration("first"));

    Iteration again = store().appendIteration(job.id(), iteration("again", 1));

    assertThat(again.order()).contains(1L);
    assertThat(store().get(job.id()).iterations()).containsExactly(first, again);
  }

  @Test
  default void appendIterationAddsTheIterationToTheJob() {
    Job job = create();

    Iteration iteration = store().appendIteration(job.id(), iteration("first"));

    assertThat(store().get(job.id()).iterations()).containsExactly(iteration);
  }

  @Test
  default void appendIterationOrdersTheJobsIterationsByOrder() {
    Job job = create();
    Iteration third = store().appendIteration(job.id(), iteration("third", 3));
    Iteration first = store().appendIteration(job.id(), iteration("first", 1));
    Iteration second = store().appendIteration(job.id(), iteration("second", 2));

    assertThat(store().get(job.id()).iterations()).containsExactly(first, second, third);
  }

  @Test
  default void appendIterationKeepsEqualOrdersInAppendOrder() {
    Job job = create();
    Iteration a = store().appendIteration(job.id(), iteration("a", 2));
    Iteration b = store().appendIteration(job.id(), iteration("b", 1));
    Iteration c = store().appendIteration(job.id(), iteration("c", 2));
    Iteration d = store().appendIteration(job.id(), iteration("d", 1));

    assertThat(store().get(job.id()).iterations()).containsExactly(b, d, a, c);
  }

  @Test
  default void appendIterationWithAnOrderBeforeTheLastLandsAfterItsEquals() {
    Job job = create();
    List<Iteration> appended = new ArrayList<>();
    for (int i = 1; i <= 12; i++) {
      appended.add(store().appendIteration(job.id(), iteration("auto " + i)));
    }

    Iteration inserted = store().appendIteration(job.id(), iteration("inserted", 2));

    List<Iteration> expected = new ArrayList<>(appended);
    expected.add(2, inserted);
    assertThat(store().get(job.id()).iterations()).containsExactlyElementsOf(expected);
  }

  @Test
  default void appendIterationWithANegativeOrderComesFirst() {
    Job job = create();
    Iteration first = store().appendIteration(job.id(), iteration("first"));

    Iteration negative = store().appendIteration(job.id(), iteration("negative", -5));

    assertThat(store().get(job.id()).iterations()).containsExactly(negative, first);
  }

  @Test
  default void appendIterationDoesNotChangeUpdatedAt() {
    Job job = create();
    clock().advance(Duration.ofHours(1));

    store().appendIteration(job.id(), iteration("first"));

    assertThat(store().get(job.id()).updatedAt()).isEqualTo(job.updatedAt());
  }

  @Test
  default void appendIterationChangesNothingElseOfTheJob() {
    Job job = create(everyField().build());
    clock().advance(Duration.ofHours(1));

    Iteration iteration = store().appendIteration(job.id(), iteration("first"));

    assertThat(store().get(job.id())).isEqualTo(job.withIterations(Lists.immutable.of(iteration)));
  }

  @Test
  default void appendIterationLeavesEveryEarlierSnapshotUnchanged() {
    Job job = create();
    List<Job> snapshots = new ArrayList<>();
    List<List<Iteration>> frozen = new ArrayList<>();
    for (int i = 1; i <= 40; i++) {
      IterationCreateParams params =
          i % 7 == 0 ? iteration("explicit " + i, i / 7) : iteration("auto " + i);
      store().appendIteration(job.id(), params);
      Job snapshot = store().get(job.id());
      snapshots.add(snapshot);
      frozen.add(new ArrayList<>(snapshot.iterations().castToList()));
    }

    for (int i = 0; i < snapshots.size(); i++) {
      assertThat(snapshots.get(i).iterations()).containsExactlyElementsOf(frozen.get(i));
    }
  }

  @Test
  default void appendIterationLeavesTheJobOfAnEarlierUpdateUnchanged() {
    Job job = create();
    Job updated = store().update(job.id(), j -> j.withStatus(JobStatus.RUNNING));

    store().appendIteration(job.id(), iteration("first"));

    assertThat(updated.iterations()).isEmpty();
    assertThat(job.iterations()).isEmpty();
  }

  @Test
  default void appendIterationToOneJobLeavesOtherJobsAlone() {
    Job other = create();
    Job job = create();

    store().appendIteration(job.id(), iteration("first"));

    assertThat(store().get(other.id())).isEqualTo(other);
  }

  @Test
  default void appendIterationToAnUnknownJobThrowsJobNotFound() {
    create();

    assertJobNotFound(() -> store().appendIteration(id(99), iteration("first")), id(99));
  }

  @Test
  default void appendIterationMayReachTheHighestPossibleOrder() {
    Job job = create();
    store().appendIteration(job.id(), iteration("almost", Long.MAX_VALUE - 1));

    assertThat(store().appendIteration(job.id(), iteration("last")).order())
        .contains(Long.MAX_VALUE);
  }

  @Test
  default void appendIterationPastTheHighestPossibleOrderIsRejected() {
    Job job = create();
    store().appendIteration(job.id(), iteration("last", Long.MAX_VALUE));

    assertThatValidationExceptionThrownBy(
            () -> store().appendIteration(job.id(), iteration("next")))
        .hasViolations(Violation.atMost("order", Long.MAX_VALUE));
  }

  @Test
  default void aRejectedAppendIterationChangesNothing() {
    Job job = create();
    store().appendIteration(job.id(), iteration("last", Long.MAX_VALUE));
    Job before = store().get(job.id());

    assertThatValidationExceptionThrownBy(
            () -> store().appendIteration(job.id(), iteration("next")))
        .hasViolations(Violation.atMost("order", Long.MAX_VALUE));

    assertThat(store().get(job.id())).isEqualTo(before);
  }

  // helpers

  private static void assertCopied(IterationCreateParams params, Iteration iteration) {
    assertThat(iteration)
        .returns(params.iterationName(), Iteration::iterationName)
        .returns(params.agentCode(), Iteration::agentCode)
        .returns(params.avgScore(), Iteration::avgScore)
        .returns(params.description(), Iteration::description)
        .returns(params.dimensionScores(), Iteration::dimensionScores)
        .returns(params.status(), Iteration::status);
    params.order().ifPresent(order -> assertThat(iteration.order()).contains(order));
  }
}
