package io.github.jobstore.testkit.contract;

import static io.github.jobstore.testkit.contract.JobStoreContract.START;
import static io.github.jobstore.testkit.contract.JobStoreContractFixture.reversed;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.jobstore.core.Job;
import io.github.jobstore.core.JobCreateParams;
import io.github.jobstore.core.JobStatus;
import io.github.jobstore.core.JobType;
import io.github.jobstore.store.JobStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * The contract's tests of the orderings of {@link JobStore#list}: every field in both directions,
 * where jobs without the field go, several fields in one ordering, and how ties break.
 */
interface JobStoreListOrderingContract extends JobStoreContractFixture {

  @Test
  default void listOrdersByCreatedAtDescendingByDefault() {
    Job middle = createAt(START.plusSeconds(2));
    Job oldest = createAt(START.plusSeconds(1));
    Job newest = createAt(START.plusSeconds(3));

    assertThat(list(q -> q)).containsExactly(newest.id(), middle.id(), oldest.id());
  }

  @Test
  default void listBreaksCreatedAtTiesNewestCreatedFirstByDefault() {
    Job first = create();
    Job second = create();
    Job third = create();

    assertThat(list(q -> q)).containsExactly(third.id(), second.id(), first.id());
  }

  @Test
  default void listOrdersByCreatedAtAscending() {
    Job middle = createAt(START.plusSeconds(2));
    Job oldest = createAt(START.plusSeconds(1));
    Job newest = createAt(START.plusSeconds(3));

    assertThat(list(q -> q.ordering("created_at")))
        .containsExactly(oldest.id(), middle.id(), newest.id());
  }

  @Test
  default void listOrdersByCreatedAtDescending() {
    Job middle = createAt(START.plusSeconds(2));
    Job oldest = createAt(START.plusSeconds(1));
    Job newest = createAt(START.plusSeconds(3));

    assertThat(list(q -> q.ordering("-created_at")))
        .containsExactly(newest.id(), middle.id(), oldest.id());
  }

  @Test
  default void listBreaksCreatedAtTiesNewestCreatedFirstAscending() {
    Job later = createAt(START.plusSeconds(1));
    Job first = createAt(START);
    Job second = createAt(START);

    assertThat(list(q -> q.ordering("created_at")))
        .containsExactly(second.id(), first.id(), later.id());
  }

  @Test
  default void listOrdersByUpdatedAtAscending() {
    List<UUID> ascending = createdThenUpdatedInTurn();

    assertThat(list(q -> q.ordering("updated_at"))).containsExactlyElementsOf(ascending);
  }

  @Test
  default void listOrdersByUpdatedAtDescending() {
    List<UUID> ascending = createdThenUpdatedInTurn();

    assertThat(list(q -> q.ordering("-updated_at"))).containsExactlyElementsOf(reversed(ascending));
  }

  @Test
  default void listOrdersByBestScoreAscendingWithEmptyLast() {
    assertAscendingWithEmptyLast(
        "best_score", p -> p.bestScore(-1.5), p -> p.bestScore(0.25), p -> p.bestScore(2.0));
  }

  @Test
  default void listOrdersByBestScoreDescendingWithEmptyFirst() {
    assertDescendingWithEmptyFirst(
        "best_score", p -> p.bestScore(-1.5), p -> p.bestScore(0.25), p -> p.bestScore(2.0));
  }

  @Test
  default void listOrdersByBaselineScoreAscendingWithEmptyLast() {
    assertAscendingWithEmptyLast(
        "baseline_score",
        p -> p.baselineScore(-3.0),
        p -> p.baselineScore(0.0),
        p -> p.baselineScore(1e9));
  }

  @Test
  default void listOrdersByBaselineScoreDescendingWithEmptyFirst() {
    assertDescendingWithEmptyFirst(
        "baseline_score",
        p -> p.baselineScore(-3.0),
        p -> p.baselineScore(0.0),
        p -> p.baselineScore(1e9));
  }

  @Test
  default void listOrdersByImprovementAscendingWithEmptyLast() {
    assertAscendingWithEmptyLast(
        "improvement", p -> p.improvement(-0.5), p -> p.improvement(0.1), p -> p.improvement(0.7));
  }

  @Test
  default void listOrdersByImprovementDescendingWithEmptyFirst() {
    assertDescendingWithEmptyFirst(
        "improvement", p -> p.improvement(-0.5), p -> p.improvement(0.1), p -> p.improvement(0.7));
  }

  @Test
  default void listOrdersByNumIterationsAscendingWithEmptyLast() {
    assertAscendingWithEmptyLast(
        "num_iterations",
        p -> p.numIterations(Long.MIN_VALUE),
        p -> p.numIterations(3),
        p -> p.numIterations(20));
  }

  @Test
  default void listOrdersByNumIterationsDescendingWithEmptyFirst() {
    assertDescendingWithEmptyFirst(
        "num_iterations",
        p -> p.numIterations(Long.MIN_VALUE),
        p -> p.numIterations(3),
        p -> p.numIterations(20));
  }

  @Test
  default void listOrdersByJobTypeWireValueAscendingWithEmptyLast() {
    assertAscendingWithEmptyLast(
        "job_type",
        p -> p.jobType(JobType.INFERENCE),
        p -> p.jobType(JobType.JUDGE_SCORING),
        p -> p.jobType(JobType.MODEL_BACKTESTING),
        p -> p.jobType(JobType.PROMPT_TUNING),
        p -> p.jobType(JobType.UPLOADED_OUTPUTS_SETUP));
  }

  @Test
  default void listOrdersByJobTypeWireValueDescendingWithEmptyFirst() {
    assertDescendingWithEmptyFirst(
        "job_type",
        p -> p.jobType(JobType.INFERENCE),
        p -> p.jobType(JobType.JUDGE_SCORING),
        p -> p.jobType(JobType.MODEL_BACKTESTING),
        p -> p.jobType(JobType.PROMPT_TUNING),
        p -> p.jobType(JobType.UPLOADED_OUTPUTS_SETUP));
  }

  @Test
  default void listOrdersByPromptSlugAscendingWithEmptyLast() {
    assertAscendingWithEmptyLast(
        "prompt_slug",
        p -> p.promptSlug("alpha"),
        p -> p.promptSlug("beta"),
        p -> p.promptSlug("c"));
  }

  @Test
  default void listOrdersByPromptSlugDescendingWithEmptyFirst() {
    assertDescendingWithEmptyFirst(
        "prompt_slug",
        p -> p.promptSlug("alpha"),
        p -> p.promptSlug("beta"),
        p -> p.promptSlug("c"));
  }

  @Test
  default void listOrdersTextByUnicodeCodePoint() {
    assertAscendingWithEmptyLast(
        "prompt_slug",
        p -> p.promptSlug("Z"),
        p -> p.promptSlug("a"),
        p -> p.promptSlug("\uFF21"),
        p -> p.promptSlug("\uD83D\uDE00"));
  }

  @Test
  default void listOrdersByStatusWireValueAscending() {
    Job running = create(p -> p.status(JobStatus.RUNNING));
    Job pending = create(p -> p.status(JobStatus.PENDING));
    Job completed = create(p -> p.status(JobStatus.COMPLETED));
    Job failed = create(p -> p.status(JobStatus.FAILED));
    Job cancelled = create(p -> p.status(JobStatus.CANCELLED));

    assertThat(list(q -> q.ordering("status")))
        .containsExactly(cancelled.id(), completed.id(), failed.id(), pending.id(), running.id());
  }

  @Test
  default void listOrdersByStatusWireValueDescending() {
    Job running = create(p -> p.status(JobStatus.RUNNING));
    Job pending = create(p -> p.status(JobStatus.PENDING));
    Job completed = create(p -> p.status(JobStatus.COMPLETED));
    Job failed = create(p -> p.status(JobStatus.FAILED));
    Job cancelled = create(p -> p.status(JobStatus.CANCELLED));

    assertThat(list(q -> q.ordering("-status")))
        .containsExactly(running.id(), pending.id(), failed.id(), completed.id(), cancelled.id());
  }

  @Test
  default void listBreaksOrderingTiesNewestCreatedFirstAscending() {
    Job lowest = create(p -> p.bestScore(0.1));
    Job first = create(p -> p.bestScore(0.5));
    Job second = create(p -> p.bestScore(0.5));
    Job third = create(p -> p.bestScore(0.5));

    assertThat(list(q -> q.ordering("best_score")))
        .containsExactly(lowest.id(), third.id(), second.id(), first.id());
  }

  @Test
  default void listBreaksOrderingTiesNewestCreatedFirstDescending() {
    Job first = create(p -> p.bestScore(0.5));
    Job second = create(p -> p.bestScore(0.5));
    Job lowest = create(p -> p.bestScore(0.1));
    Job third = create(p -> p.bestScore(0.5));

    assertThat(list(q -> q.ordering("-best_score")))
        .containsExactly(third.id(), second.id(), first.id(), lowest.id());
  }

  @Test
  default void listBreaksTiesBetweenEmptyValuesNewestCreatedFirstAscending() {
    Job first = create();
    Job scored = create(p -> p.bestScore(0.5));
    Job second = create();

    assertThat(list(q -> q.ordering("best_score")))
        .containsExactly(scored.id(), second.id(), first.id());
  }

  @Test
  default void listBreaksTiesBetweenEmptyValuesNewestCreatedFirstDescending() {
    Job first = create();
    Job scored = create(p -> p.bestScore(0.5));
    Job second = create();

    assertThat(list(q -> q.ordering("-best_score")))
        .containsExactly(second.id(), first.id(), scored.id());
  }

  @Test
  default void listOrdersNegativeZeroAndZeroScoresAsEqual() {
    Job negativeZero = create(p -> p.bestScore(-0.0));
    Job zero = create(p -> p.bestScore(0.0));

    assertThat(list(q -> q.ordering("best_score")))
        .as("-0.0 = 0.0, so the tie goes to the newest created")
        .containsExactly(zero.id(), negativeZero.id());
  }

  @Test
  default void listOrdersBeforeItPaginates() {
    Job third = create(p -> p.bestScore(0.3));
    Job fourth = create(p -> p.bestScore(0.2));
    create(p -> p.bestScore(0.1));
    create(p -> p.bestScore(0.4));
    create(p -> p.bestScore(0.5));

    assertThat(list(q -> q.ordering("-best_score").pageSize(2).page(2)))
        .containsExactly(third.id(), fourth.id());
  }

  @Test
  default void listBreaksTiesOfTheFirstFieldByTheSecondAscending() {
    Job runningHigh = create(p -> p.status(JobStatus.RUNNING).bestScore(0.9));
    Job failedLow = create(p -> p.status(JobStatus.FAILED).bestScore(0.1));
    Job runningLow = create(p -> p.status(JobStatus.RUNNING).bestScore(0.2));
    Job failedHigh = create(p -> p.status(JobStatus.FAILED).bestScore(0.8));

    assertThat(list(q -> q.ordering("status,best_score")))
        .containsExactly(failedLow.id(), failedHigh.id(), runningLow.id(), runningHigh.id());
  }

  @Test
  default void listOrdersEachFieldInItsOwnDirection() {
    Job runningHigh = create(p -> p.status(JobStatus.RUNNING).bestScore(0.9));
    Job failedLow = create(p -> p.status(JobStatus.FAILED).bestScore(0.1));
    Job runningLow = create(p -> p.status(JobStatus.RUNNING).bestScore(0.2));
    Job failedHigh = create(p -> p.status(JobStatus.FAILED).bestScore(0.8));

    assertThat(list(q -> q.ordering("status,-best_score")))
        .containsExactly(failedHigh.id(), failedLow.id(), runningHigh.id(), runningLow.id());
    assertThat(list(q -> q.ordering("-status,best_score")))
        .containsExactly(runningLow.id(), runningHigh.id(), failedLow.id(), failedHigh.id());
    assertThat(list(q -> q.ordering("-status,-best_score")))
        .containsExactly(runningHigh.id(), runningLow.id(), failedHigh.id(), failedLow.id());
  }

  @Test
  default void listPutsEmptyValuesOfTheSecondFieldLastAscending() {
    Job empty = create(p -> p.jobType(JobType.INFERENCE));
    Job beta = create(p -> p.jobType(JobType.INFERENCE).promptSlug("beta"));
    Job otherType = create(p -> p.jobType(JobType.JUDGE_SCORING).promptSlug("alpha"));
    Job alpha = create(p -> p.jobType(JobType.INFERENCE).promptSlug("alpha"));

    assertThat(list(q -> q.ordering("job_type,prompt_slug")))
        .containsExactly(alpha.id(), beta.id(), empty.id(), otherType.id());
  }

  @Test
  default void listPutsEmptyValuesOfTheSecondFieldFirstDescending() {
    Job empty = create(p -> p.jobType(JobType.INFERENCE));
    Job beta = create(p -> p.jobType(JobType.INFERENCE).promptSlug("beta"));
    Job otherType = create(p -> p.jobType(JobType.JUDGE_SCORING).promptSlug("alpha"));
    Job alpha = create(p -> p.jobType(JobType.INFERENCE).promptSlug("alpha"));

    assertThat(list(q -> q.ordering("job_type,-prompt_slug")))
        .containsExactly(empty.id(), beta.id(), alpha.id(), otherType.id());
  }

  @Test
  default void listBreaksTiesOfEveryFieldNewestCreatedFirst() {
    Job first = create(p -> p.status(JobStatus.RUNNING).bestScore(0.5));
    Job lower = create(p -> p.status(JobStatus.RUNNING).bestScore(0.4));
    Job second = create(p -> p.status(JobStatus.RUNNING).bestScore(0.5));
    Job third = create(p -> p.status(JobStatus.RUNNING).bestScore(0.5));

    assertThat(list(q -> q.ordering("status,best_score")))
        .containsExactly(lower.id(), third.id(), second.id(), first.id());
    assertThat(list(q -> q.ordering("-status,-best_score")))
        .containsExactly(third.id(), second.id(), first.id(), lower.id());
  }

  @Test
  default void listBreaksTiesOfTwoFieldsByTheThird() {
    Job high = create(p -> p.status(JobStatus.FAILED).bestScore(0.5).improvement(0.3));
    Job low = create(p -> p.status(JobStatus.FAILED).bestScore(0.5).improvement(0.1));
    Job none = create(p -> p.status(JobStatus.FAILED).bestScore(0.5));
    Job better = create(p -> p.status(JobStatus.FAILED).bestScore(0.6).improvement(0.0));

    assertThat(list(q -> q.ordering("status,-best_score,improvement")))
        .containsExactly(better.id(), low.id(), high.id(), none.id());
  }

  @Test
  default void listOrdersByASecondFieldAfterCreatedAt() {
    Job laterLow = createAt(START.plusSeconds(2), p -> p.bestScore(0.1));
    Job earlyHigh = createAt(START.plusSeconds(1), p -> p.bestScore(0.9));
    Job earlyLow = createAt(START.plusSeconds(1), p -> p.bestScore(0.2));

    assertThat(list(q -> q.ordering("created_at,-best_score")))
        .containsExactly(earlyHigh.id(), earlyLow.id(), laterLow.id());
    assertThat(list(q -> q.ordering("-created_at,best_score")))
        .containsExactly(laterLow.id(), earlyLow.id(), earlyHigh.id());
  }

  @Test
  default void listOrdersByTwoFieldsBeforeItPaginatesAndFilters() {
    UUID project = UUID.randomUUID();
    Job a = create(p -> p.project(project).status(JobStatus.FAILED).bestScore(0.2));
    Job b = create(p -> p.project(project).status(JobStatus.FAILED).bestScore(0.1));
    Job c = create(p -> p.project(project).status(JobStatus.RUNNING).bestScore(0.3));
    create(p -> p.status(JobStatus.FAILED).bestScore(0.0));

    assertThat(list(q -> q.project(project).ordering("status,best_score").pageSize(2)))
        .containsExactly(b.id(), a.id());
    assertThat(list(q -> q.project(project).ordering("status,best_score").pageSize(2).page(2)))
        .containsExactly(c.id());
  }

  // helpers

  /**
   * Creates three jobs, then updates the last, then the first, a second apart; returns their ids in
   * ascending {@code updated_at}: the one never updated, the last created, the first created.
   */
  private List<UUID> createdThenUpdatedInTurn() {
    Job updatedLast = create();
    Job never = create();
    Job updatedFirst = create();
    clock().advance(Duration.ofSeconds(1));
    store().update(updatedFirst.id(), j -> j.withPromptSlug("first"));
    clock().advance(Duration.ofSeconds(1));
    store().update(updatedLast.id(), j -> j.withPromptSlug("last"));
    return List.of(never.id(), updatedFirst.id(), updatedLast.id());
  }

  /**
   * Creates a job for each of {@code ascending} and one without the field, in an order that is
   * neither the expected one nor its reverse, and checks the ascending ordering puts them in the
   * given order with the empty one last.
   */
  @SafeVarargs
  @SuppressWarnings("varargs") // the array is only copied into a list
  private void assertAscendingWithEmptyLast(
      String ordering, UnaryOperator<JobCreateParams.Builder>... ascending) {
    List<UUID> expected = createScrambled(List.of(ascending));

    assertThat(list(q -> q.ordering(ordering))).containsExactlyElementsOf(expected);
  }

  /** Like {@link #assertAscendingWithEmptyLast}, for the descending ordering: empty first. */
  @SafeVarargs
  @SuppressWarnings("varargs") // the array is only copied into a list
  private void assertDescendingWithEmptyFirst(
      String ordering, UnaryOperator<JobCreateParams.Builder>... ascending) {
    List<UUID> expected = reversed(createScrambled(List.of(ascending)));

    assertThat(list(q -> q.ordering("-" + ordering))).containsExactlyElementsOf(expected);
  }

  /**
   * Creates the last job, then the empty one, then the others, and returns their ids in ascending
   * order, the empty one last.
   */
  private List<UUID> createScrambled(List<UnaryOperator<JobCreateParams.Builder>> ascending) {
    int last = ascending.size() - 1;
    UUID highest = create(ascending.get(last)).id();
    UUID empty = create().id();
    List<UUID> expected = new ArrayList<>();
    for (int i = 0; i < last; i++) {
      expected.add(create(ascending.get(i)).id());
    }
    expected.add(highest);
    expected.add(empty);
    return expected;
  }
}
