package io.github.jobstore.testkit;

import static java.util.Objects.requireNonNull;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.jobstore.core.Iteration;
import io.github.jobstore.core.IterationCreateParams;
import io.github.jobstore.core.IterationStatus;
import io.github.jobstore.core.Job;
import io.github.jobstore.core.JobCreateParams;
import io.github.jobstore.core.JobStatus;
import io.github.jobstore.core.JobType;
import io.github.jobstore.core.JsonObject;
import io.github.jobstore.core.ValidationException;
import io.github.jobstore.core.Violation;
import io.github.jobstore.store.InvalidPageException;
import io.github.jobstore.store.JobNotFoundException;
import io.github.jobstore.store.JobQuery;
import io.github.jobstore.store.JobStore;
import io.github.jobstore.store.Page;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.eclipse.collections.api.factory.Lists;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The contract every {@link JobStore} implementation must pass: each behaviour of the store that
 * {@code SPEC.md} ("The store") describes, one test per behaviour. Extend it and say how to make a
 * fresh store:
 *
 * <pre>{@code
 * class MyJobStoreTest extends JobStoreContract {
 *   @Override
 *   protected JobStore newStore(Clock clock, Supplier<UUID> idGenerator) {
 *     return new MyJobStore(clock, idGenerator);
 *   }
 * }
 * }</pre>
 *
 * <p>Every test gets a new store on a {@link MutableClock} that starts at {@link #START} and only
 * moves when the test moves it, and an id generator that hands out {@link #id(long) id(1)}, {@code
 * id(2)}, … in turn, so every timestamp and id the store assigns is known in advance.
 */
public abstract class JobStoreContract {

  /** Where each test's clock starts: an instant with nanoseconds, so truncation shows. */
  protected static final Instant START = Instant.parse("2026-03-01T12:00:00.123456789Z");

  private static final Instant START_MICROS = Instant.parse("2026-03-01T12:00:00.123456Z");
  private static final String READ_ONLY = "This field is read-only.";
  private static final String INVALID_PAGE = "Invalid page.";

  private final MutableClock clock = new MutableClock(START);
  private final AtomicLong issuedIds = new AtomicLong();
  private @Nullable JobStore store;

  /**
   * Returns a new, empty store that reads the time from {@code clock} and takes every id it assigns
   * (to jobs and to iterations) from {@code idGenerator}.
   */
  protected abstract JobStore newStore(Clock clock, Supplier<UUID> idGenerator);

  /**
   * Returns the {@code n}th id the contract's generator hands out, from 1: a version 4 UUID whose
   * last digits are {@code n} in hexadecimal.
   */
  protected static UUID id(long n) {
    return new UUID(0x4000L, 0x8000_0000_0000_0000L | n);
  }

  /** Returns the store under test, made by {@link #newStore} for this test. */
  protected final JobStore store() {
    return requireNonNull(store, "the store is made before each test");
  }

  /** Returns the clock the store under test reads. */
  protected final MutableClock clock() {
    return clock;
  }

  @BeforeEach
  final void makeStore() {
    store = requireNonNull(newStore(clock, () -> id(issuedIds.incrementAndGet())), "newStore");
  }

  // create

  @Test
  void createAssignsTheNextIdOfTheGenerator() {
    Job first = create();
    Job second = create();

    assertThat(List.of(first.id(), second.id())).containsExactly(id(1), id(2));
  }

  @Test
  void createSetsCreatedAtToTheClockTruncatedToMicroseconds() {
    assertThat(create().createdAt()).isEqualTo(START_MICROS);
  }

  @Test
  void createSetsUpdatedAtToCreatedAt() {
    assertThat(create().updatedAt()).isEqualTo(START_MICROS);
  }

  @Test
  void createMakesAJobPendingWhenNoStatusIsGiven() {
    assertThat(create().status()).isEqualTo(JobStatus.PENDING);
  }

  @Test
  void createKeepsAGivenStatus() {
    for (JobStatus status : JobStatus.values()) {
      assertThat(create(p -> p.status(status)).status()).isEqualTo(status);
    }
  }

  @Test
  void createStartsAJobWithoutIterations() {
    assertThat(create().iterations()).isEmpty();
  }

  @Test
  void createCopiesEveryParam() {
    JobCreateParams params = everyField().build();

    assertCopied(params, store().create(params));
  }

  @Test
  void createCopiesEveryParamOfGeneratedParams() {
    Property.forAll(
        200,
        JobGenerators.validCreateParams(),
        params -> assertCopied(params, store().create(params)));
  }

  @Test
  void createStoresTheJobItReturns() {
    Job job = create(p -> p.bestScore(0.5));

    assertThat(store().get(job.id())).isEqualTo(job);
  }

  // find and get

  @Test
  void findReturnsTheStoredJob() {
    Job job = create(p -> p.promptSlug("slug"));
    create();

    assertThat(store().find(job.id())).contains(job);
  }

  @Test
  void findOfAnUnknownIdIsEmpty() {
    create();

    assertThat(store().find(id(99))).isEmpty();
  }

  @Test
  void getReturnsTheStoredJob() {
    create();
    Job job = create(p -> p.promptSlug("slug"));

    assertThat(store().get(job.id())).isEqualTo(job);
  }

  @Test
  void getOfAnUnknownIdThrowsJobNotFoundNamingTheId() {
    create();
    UUID unknown = id(99);

    assertThatExceptionOfType(JobNotFoundException.class)
        .isThrownBy(() -> store().get(unknown))
        .withMessage("No job with id 00000000-0000-4000-8000-000000000063.")
        .satisfies(e -> assertThat(e.id()).isEqualTo(unknown));
  }

  // findByProject

  @Test
  void findByProjectReturnsEveryJobOfTheProjectAndNoOther() {
    UUID project = UUID.randomUUID();
    Job first = create(p -> p.project(project));
    create(p -> p.project(UUID.randomUUID()));
    create();
    Job second = create(p -> p.project(project).status(JobStatus.FAILED));

    assertThat(ids(store().findByProject(project)))
        .containsExactlyInAnyOrder(first.id(), second.id());
  }

  @Test
  void findByProjectReturnsTheNewestCreatedFirst() {
    UUID project = UUID.randomUUID();
    Job middle = createAt(START.plusSeconds(2), p -> p.project(project));
    Job oldest = createAt(START.plusSeconds(1), p -> p.project(project));
    Job newest = createAt(START.plusSeconds(3), p -> p.project(project));

    assertThat(ids(store().findByProject(project)))
        .containsExactly(newest.id(), middle.id(), oldest.id());
  }

  @Test
  void findByProjectBreaksCreatedAtTiesNewestCreatedFirst() {
    UUID project = UUID.randomUUID();
    Job first = create(p -> p.project(project));
    Job second = create(p -> p.project(project));
    Job third = create(p -> p.project(project));

    assertThat(ids(store().findByProject(project)))
        .containsExactly(third.id(), second.id(), first.id());
  }

  @Test
  void findByProjectOfAProjectWithoutJobsIsEmpty() {
    create(p -> p.project(UUID.randomUUID()));

    assertThat(store().findByProject(UUID.randomUUID())).isEmpty();
  }

  // findByStatus

  @Test
  void findByStatusReturnsEveryJobWithTheStatusAndNoOther() {
    Job first = create(p -> p.status(JobStatus.RUNNING));
    create();
    create(p -> p.status(JobStatus.COMPLETED));
    Job second = create(p -> p.status(JobStatus.RUNNING).project(UUID.randomUUID()));

    assertThat(ids(store().findByStatus(JobStatus.RUNNING)))
        .containsExactlyInAnyOrder(first.id(), second.id());
  }

  @Test
  void findByStatusFindsJobsCreatedPendingByDefault() {
    Job job = create();

    assertThat(ids(store().findByStatus(JobStatus.PENDING))).containsExactly(job.id());
  }

  @Test
  void findByStatusReturnsTheNewestCreatedFirst() {
    Job middle = createAt(START.plusSeconds(2), p -> p.status(JobStatus.FAILED));
    Job oldest = createAt(START.plusSeconds(1), p -> p.status(JobStatus.FAILED));
    Job newest = createAt(START.plusSeconds(3), p -> p.status(JobStatus.FAILED));

    assertThat(ids(store().findByStatus(JobStatus.FAILED)))
        .containsExactly(newest.id(), middle.id(), oldest.id());
  }

  @Test
  void findByStatusBreaksCreatedAtTiesNewestCreatedFirst() {
    Job first = create();
    Job second = create();
    Job third = create();

    assertThat(ids(store().findByStatus(JobStatus.PENDING)))
        .containsExactly(third.id(), second.id(), first.id());
  }

  @Test
  void findByStatusOfAStatusNoJobHasIsEmpty() {
    create();

    assertThat(store().findByStatus(JobStatus.CANCELLED)).isEmpty();
  }

  // list: filters

  @Test
  void listWithoutFiltersReturnsEveryJob() {
    Job first = create();
    Job second = create(p -> p.status(JobStatus.FAILED).project(UUID.randomUUID()));

    assertThat(list(q -> q)).containsExactly(second.id(), first.id());
  }

  @Test
  void listFiltersByProject() {
    UUID project = UUID.randomUUID();
    Job match = create(p -> p.project(project));
    create(p -> p.project(UUID.randomUUID()));
    create();

    assertThat(list(q -> q.project(project))).containsExactly(match.id());
  }

  @Test
  void listFiltersByAgent() {
    UUID agent = UUID.randomUUID();
    Job match = create(p -> p.agent(agent));
    create(p -> p.agent(UUID.randomUUID()));
    create();

    assertThat(list(q -> q.agent(agent))).containsExactly(match.id());
  }

  @Test
  void listFiltersByStatus() {
    Job match = create(p -> p.status(JobStatus.CANCELLED));
    create(p -> p.status(JobStatus.COMPLETED));
    create();

    assertThat(list(q -> q.status(JobStatus.CANCELLED))).containsExactly(match.id());
  }

  @Test
  void listFiltersByJobType() {
    Job match = create(p -> p.jobType(JobType.JUDGE_SCORING));
    create(p -> p.jobType(JobType.INFERENCE));
    create();

    assertThat(list(q -> q.jobType(JobType.JUDGE_SCORING))).containsExactly(match.id());
  }

  @Test
  void listFiltersByExactAnalyzerModel() {
    Job match = create(p -> p.analyzerModel("gpt-4"));
    create(p -> p.analyzerModel("gpt-4o"));
    create(p -> p.analyzerModel("GPT-4"));
    create();

    assertThat(list(q -> q.analyzerModel("gpt-4"))).containsExactly(match.id());
  }

  @Test
  void listFiltersByExactDataSource() {
    Job match = create(p -> p.dataSource("s3"));
    create(p -> p.dataSource("s3 "));
    create(p -> p.dataSource("S3"));
    create();

    assertThat(list(q -> q.dataSource("s3"))).containsExactly(match.id());
  }

  @Test
  void listFiltersByExactPromptSlug() {
    Job match = create(p -> p.promptSlug("summarize"));
    create(p -> p.promptSlug("summarize-v2"));
    create(p -> p.promptSlug("Summarize"));
    create();

    assertThat(list(q -> q.promptSlug("summarize"))).containsExactly(match.id());
  }

  @Test
  void listCreatedAfterIncludesAJobCreatedAtTheBound() {
    createAt(START.plusSeconds(1));
    Job atBound = createAt(START.plusSeconds(2));
    Job after = createAt(START.plusSeconds(3));

    assertThat(list(q -> q.createdAfter(atBound.createdAt())))
        .containsExactly(after.id(), atBound.id());
  }

  @Test
  void listCreatedBeforeIncludesAJobCreatedAtTheBound() {
    Job before = createAt(START.plusSeconds(1));
    Job atBound = createAt(START.plusSeconds(2));
    createAt(START.plusSeconds(3));

    assertThat(list(q -> q.createdBefore(atBound.createdAt())))
        .containsExactly(atBound.id(), before.id());
  }

  @Test
  void listCreatedAfterAndBeforeOneInstantReturnsTheJobsCreatedThen() {
    createAt(START.plusNanos(1_000));
    Job first = createAt(START.plusNanos(2_000));
    Job second = createAt(START.plusNanos(2_000));
    createAt(START.plusNanos(3_000));
    Instant instant = first.createdAt();

    assertThat(list(q -> q.createdAfter(instant).createdBefore(instant)))
        .containsExactly(second.id(), first.id());
  }

  @Test
  void listScoreMinIncludesAJobScoringTheBound() {
    create(p -> p.bestScore(0.4));
    Job atBound = create(p -> p.bestScore(0.5));
    Job above = create(p -> p.bestScore(0.6));
    create();

    assertThat(list(q -> q.scoreMin(0.5))).containsExactly(above.id(), atBound.id());
  }

  @Test
  void listScoreMaxIncludesAJobScoringTheBound() {
    Job below = create(p -> p.bestScore(0.4));
    Job atBound = create(p -> p.bestScore(0.5));
    create(p -> p.bestScore(0.6));
    create();

    assertThat(list(q -> q.scoreMax(0.5))).containsExactly(atBound.id(), below.id());
  }

  @Test
  void listScoreBoundsFilterOnBestScoreOnly() {
    Job match = create(p -> p.bestScore(0.5).baselineScore(9.0).improvement(9.0));
    create(p -> p.bestScore(9.0).baselineScore(0.5).improvement(0.5));

    assertThat(list(q -> q.scoreMin(0.0).scoreMax(1.0))).containsExactly(match.id());
  }

  @Test
  void listScoreBoundsNeverMatchAJobWithoutBestScore() {
    Job scored = create(p -> p.bestScore(-1e300));
    create(p -> p.baselineScore(0.0));

    assertThat(list(q -> q.scoreMin(-Double.MAX_VALUE))).containsExactly(scored.id());
    assertThat(list(q -> q.scoreMax(Double.MAX_VALUE))).containsExactly(scored.id());
  }

  @Test
  void listCombinesTwoFiltersWithAnd() {
    UUID project = UUID.randomUUID();
    Job match = create(p -> p.project(project).status(JobStatus.RUNNING));
    create(p -> p.project(project));
    create(p -> p.status(JobStatus.RUNNING));
    create(p -> p.project(UUID.randomUUID()).status(JobStatus.RUNNING));

    assertThat(list(q -> q.project(project).status(JobStatus.RUNNING))).containsExactly(match.id());
  }

  @Test
  void listCombinesEveryFilterWithAnd() {
    UUID project = UUID.randomUUID();
    UUID agent = UUID.randomUUID();
    UnaryOperator<JobCreateParams.Builder> matching =
        p ->
            p.project(project)
                .agent(agent)
                .status(JobStatus.COMPLETED)
                .jobType(JobType.PROMPT_TUNING)
                .analyzerModel("model")
                .dataSource("source")
                .promptSlug("slug")
                .bestScore(0.5);
    clock().set(START.plusSeconds(10));
    Job match = create(matching);
    List<UnaryOperator<JobCreateParams.Builder>> oneFieldOff =
        List.of(
            p -> p.project(UUID.randomUUID()),
            p -> p.agent(UUID.randomUUID()),
            p -> p.status(JobStatus.FAILED),
            p -> p.jobType(JobType.INFERENCE),
            p -> p.analyzerModel("other"),
            p -> p.dataSource("other"),
            p -> p.promptSlug("other"),
            p -> p.bestScore(0.1),
            p -> p.bestScore(0.9));
    for (UnaryOperator<JobCreateParams.Builder> off : oneFieldOff) {
      create(p -> off.apply(matching.apply(p)));
    }
    createAt(START.plusSeconds(9), matching);
    createAt(START.plusSeconds(11), matching);

    assertThat(
            list(
                q ->
                    q.project(project)
                        .agent(agent)
                        .status(JobStatus.COMPLETED)
                        .jobType(JobType.PROMPT_TUNING)
                        .analyzerModel("model")
                        .dataSource("source")
                        .promptSlug("slug")
                        .createdAfter(match.createdAt())
                        .createdBefore(match.createdAt())
                        .scoreMin(0.2)
                        .scoreMax(0.8)))
        .containsExactly(match.id());
  }

  // list: orderings

  @Test
  void listOrdersByCreatedAtDescendingByDefault() {
    Job middle = createAt(START.plusSeconds(2));
    Job oldest = createAt(START.plusSeconds(1));
    Job newest = createAt(START.plusSeconds(3));

    assertThat(list(q -> q)).containsExactly(newest.id(), middle.id(), oldest.id());
  }

  @Test
  void listBreaksCreatedAtTiesNewestCreatedFirstByDefault() {
    Job first = create();
    Job second = create();
    Job third = create();

    assertThat(list(q -> q)).containsExactly(third.id(), second.id(), first.id());
  }

  @Test
  void listOrdersByCreatedAtAscending() {
    Job middle = createAt(START.plusSeconds(2));
    Job oldest = createAt(START.plusSeconds(1));
    Job newest = createAt(START.plusSeconds(3));

    assertThat(list(q -> q.ordering("created_at")))
        .containsExactly(oldest.id(), middle.id(), newest.id());
  }

  @Test
  void listOrdersByCreatedAtDescending() {
    Job middle = createAt(START.plusSeconds(2));
    Job oldest = createAt(START.plusSeconds(1));
    Job newest = createAt(START.plusSeconds(3));

    assertThat(list(q -> q.ordering("-created_at")))
        .containsExactly(newest.id(), middle.id(), oldest.id());
  }

  @Test
  void listBreaksCreatedAtTiesNewestCreatedFirstAscending() {
    Job later = createAt(START.plusSeconds(1));
    Job first = createAt(START);
    Job second = createAt(START);

    assertThat(list(q -> q.ordering("created_at")))
        .containsExactly(second.id(), first.id(), later.id());
  }

  @Test
  void listOrdersByUpdatedAtAscending() {
    List<UUID> ascending = createdThenUpdatedInTurn();

    assertThat(list(q -> q.ordering("updated_at"))).containsExactlyElementsOf(ascending);
  }

  @Test
  void listOrdersByUpdatedAtDescending() {
    List<UUID> ascending = createdThenUpdatedInTurn();

    assertThat(list(q -> q.ordering("-updated_at"))).containsExactlyElementsOf(reversed(ascending));
  }

  @Test
  void listOrdersByBestScoreAscendingWithEmptyLast() {
    assertAscendingWithEmptyLast(
        "best_score", p -> p.bestScore(-1.5), p -> p.bestScore(0.25), p -> p.bestScore(2.0));
  }

  @Test
  void listOrdersByBestScoreDescendingWithEmptyFirst() {
    assertDescendingWithEmptyFirst(
        "best_score", p -> p.bestScore(-1.5), p -> p.bestScore(0.25), p -> p.bestScore(2.0));
  }

  @Test
  void listOrdersByBaselineScoreAscendingWithEmptyLast() {
    assertAscendingWithEmptyLast(
        "baseline_score",
        p -> p.baselineScore(-3.0),
        p -> p.baselineScore(0.0),
        p -> p.baselineScore(1e9));
  }

  @Test
  void listOrdersByBaselineScoreDescendingWithEmptyFirst() {
    assertDescendingWithEmptyFirst(
        "baseline_score",
        p -> p.baselineScore(-3.0),
        p -> p.baselineScore(0.0),
        p -> p.baselineScore(1e9));
  }

  @Test
  void listOrdersByImprovementAscendingWithEmptyLast() {
    assertAscendingWithEmptyLast(
        "improvement", p -> p.improvement(-0.5), p -> p.improvement(0.1), p -> p.improvement(0.7));
  }

  @Test
  void listOrdersByImprovementDescendingWithEmptyFirst() {
    assertDescendingWithEmptyFirst(
        "improvement", p -> p.improvement(-0.5), p -> p.improvement(0.1), p -> p.improvement(0.7));
  }

  @Test
  void listOrdersByNumIterationsAscendingWithEmptyLast() {
    assertAscendingWithEmptyLast(
        "num_iterations",
        p -> p.numIterations(Long.MIN_VALUE),
        p -> p.numIterations(3),
        p -> p.numIterations(20));
  }

  @Test
  void listOrdersByNumIterationsDescendingWithEmptyFirst() {
    assertDescendingWithEmptyFirst(
        "num_iterations",
        p -> p.numIterations(Long.MIN_VALUE),
        p -> p.numIterations(3),
        p -> p.numIterations(20));
  }

  @Test
  void listOrdersByJobTypeWireValueAscendingWithEmptyLast() {
    assertAscendingWithEmptyLast(
        "job_type",
        p -> p.jobType(JobType.INFERENCE),
        p -> p.jobType(JobType.JUDGE_SCORING),
        p -> p.jobType(JobType.MODEL_BACKTESTING),
        p -> p.jobType(JobType.PROMPT_TUNING),
        p -> p.jobType(JobType.UPLOADED_OUTPUTS_SETUP));
  }

  @Test
  void listOrdersByJobTypeWireValueDescendingWithEmptyFirst() {
    assertDescendingWithEmptyFirst(
        "job_type",
        p -> p.jobType(JobType.INFERENCE),
        p -> p.jobType(JobType.JUDGE_SCORING),
        p -> p.jobType(JobType.MODEL_BACKTESTING),
        p -> p.jobType(JobType.PROMPT_TUNING),
        p -> p.jobType(JobType.UPLOADED_OUTPUTS_SETUP));
  }

  @Test
  void listOrdersByPromptSlugAscendingWithEmptyLast() {
    assertAscendingWithEmptyLast(
        "prompt_slug",
        p -> p.promptSlug("alpha"),
        p -> p.promptSlug("beta"),
        p -> p.promptSlug("c"));
  }

  @Test
  void listOrdersByPromptSlugDescendingWithEmptyFirst() {
    assertDescendingWithEmptyFirst(
        "prompt_slug",
        p -> p.promptSlug("alpha"),
        p -> p.promptSlug("beta"),
        p -> p.promptSlug("c"));
  }

  @Test
  void listOrdersTextByUnicodeCodePoint() {
    assertAscendingWithEmptyLast(
        "prompt_slug",
        p -> p.promptSlug("Z"),
        p -> p.promptSlug("a"),
        p -> p.promptSlug("\uFF21"),
        p -> p.promptSlug("\uD83D\uDE00"));
  }

  @Test
  void listOrdersByStatusWireValueAscending() {
    Job running = create(p -> p.status(JobStatus.RUNNING));
    Job pending = create(p -> p.status(JobStatus.PENDING));
    Job completed = create(p -> p.status(JobStatus.COMPLETED));
    Job failed = create(p -> p.status(JobStatus.FAILED));
    Job cancelled = create(p -> p.status(JobStatus.CANCELLED));

    assertThat(list(q -> q.ordering("status")))
        .containsExactly(cancelled.id(), completed.id(), failed.id(), pending.id(), running.id());
  }

  @Test
  void listOrdersByStatusWireValueDescending() {
    Job running = create(p -> p.status(JobStatus.RUNNING));
    Job pending = create(p -> p.status(JobStatus.PENDING));
    Job completed = create(p -> p.status(JobStatus.COMPLETED));
    Job failed = create(p -> p.status(JobStatus.FAILED));
    Job cancelled = create(p -> p.status(JobStatus.CANCELLED));

    assertThat(list(q -> q.ordering("-status")))
        .containsExactly(running.id(), pending.id(), failed.id(), completed.id(), cancelled.id());
  }

  @Test
  void listBreaksOrderingTiesNewestCreatedFirstAscending() {
    Job lowest = create(p -> p.bestScore(0.1));
    Job first = create(p -> p.bestScore(0.5));
    Job second = create(p -> p.bestScore(0.5));
    Job third = create(p -> p.bestScore(0.5));

    assertThat(list(q -> q.ordering("best_score")))
        .containsExactly(lowest.id(), third.id(), second.id(), first.id());
  }

  @Test
  void listBreaksOrderingTiesNewestCreatedFirstDescending() {
    Job first = create(p -> p.bestScore(0.5));
    Job second = create(p -> p.bestScore(0.5));
    Job lowest = create(p -> p.bestScore(0.1));
    Job third = create(p -> p.bestScore(0.5));

    assertThat(list(q -> q.ordering("-best_score")))
        .containsExactly(third.id(), second.id(), first.id(), lowest.id());
  }

  @Test
  void listBreaksTiesBetweenEmptyValuesNewestCreatedFirstAscending() {
    Job first = create();
    Job scored = create(p -> p.bestScore(0.5));
    Job second = create();

    assertThat(list(q -> q.ordering("best_score")))
        .containsExactly(scored.id(), second.id(), first.id());
  }

  @Test
  void listBreaksTiesBetweenEmptyValuesNewestCreatedFirstDescending() {
    Job first = create();
    Job scored = create(p -> p.bestScore(0.5));
    Job second = create();

    assertThat(list(q -> q.ordering("-best_score")))
        .containsExactly(second.id(), first.id(), scored.id());
  }

  @Test
  void listOrdersNegativeZeroAndZeroScoresAsEqual() {
    Job negativeZero = create(p -> p.bestScore(-0.0));
    Job zero = create(p -> p.bestScore(0.0));

    assertThat(list(q -> q.ordering("best_score")))
        .as("-0.0 = 0.0, so the tie goes to the newest created")
        .containsExactly(zero.id(), negativeZero.id());
  }

  @Test
  void listOrdersBeforeItPaginates() {
    Job third = create(p -> p.bestScore(0.3));
    Job fourth = create(p -> p.bestScore(0.2));
    create(p -> p.bestScore(0.1));
    create(p -> p.bestScore(0.4));
    create(p -> p.bestScore(0.5));

    assertThat(list(q -> q.ordering("-best_score").pageSize(2).page(2)))
        .containsExactly(third.id(), fourth.id());
  }

  @Test
  void queryBuilderAcceptsEveryOrderingInBothDirections() {
    for (String field :
        List.of(
            "created_at",
            "updated_at",
            "best_score",
            "baseline_score",
            "improvement",
            "num_iterations",
            "status",
            "job_type",
            "prompt_slug")) {
      assertThat(JobQuery.builder().ordering(field).build().ordering()).isEqualTo(field);
      assertThat(JobQuery.builder().ordering("-" + field).build().ordering())
          .isEqualTo("-" + field);
    }
  }

  @Test
  void queryBuilderRejectsAnUnknownOrderingOnFieldOrdering() {
    assertThatExceptionOfType(ValidationException.class)
        .isThrownBy(() -> JobQuery.builder().ordering("name").build())
        .withMessage("ordering: \"name\" is not a valid choice.")
        .satisfies(
            e ->
                assertThat(e.violations())
                    .containsExactly(new Violation("ordering", "\"name\" is not a valid choice.")));
  }

  @Test
  void queryBuilderRejectsAnUnknownDescendingOrdering() {
    assertThatExceptionOfType(ValidationException.class)
        .isThrownBy(() -> JobQuery.builder().ordering("-id").build())
        .withMessage("ordering: \"-id\" is not a valid choice.")
        .satisfies(
            e ->
                assertThat(e.violations())
                    .containsExactly(new Violation("ordering", "\"-id\" is not a valid choice.")));
  }

  // list: pagination

  @Test
  void listHoldsAHundredJobsAPageByDefault() {
    List<UUID> created = createMany(101);

    Page<Job> page = store().list(JobQuery.builder().build());

    assertThat(ids(page.results())).containsExactlyElementsOf(reversed(created.subList(1, 101)));
    assertThat(page.pageSize()).isEqualTo(100);
    assertThat(page.hasNext()).isTrue();
  }

  @Test
  void listSecondPageOfTheDefaultSizeHoldsTheRest() {
    List<UUID> created = createMany(101);

    assertThat(list(q -> q.page(2))).containsExactly(created.get(0));
  }

  @Test
  void listSplitsTheResultsIntoPagesOfPageSize() {
    List<UUID> created = createMany(5);

    assertThat(list(q -> q.pageSize(2).page(1))).containsExactly(created.get(4), created.get(3));
    assertThat(list(q -> q.pageSize(2).page(2))).containsExactly(created.get(2), created.get(1));
    assertThat(list(q -> q.pageSize(2).page(3))).containsExactly(created.get(0));
  }

  @Test
  void listCountsEveryMatchOnEveryPage() {
    createMany(5);
    create(p -> p.status(JobStatus.FAILED));

    for (int page = 1; page <= 3; page++) {
      assertThat(page(q -> q.status(JobStatus.PENDING).pageSize(2), page).count()).isEqualTo(5);
    }
  }

  @Test
  void listReportsThePageNumberAndSizeAsked() {
    createMany(5);

    Page<Job> page = page(q -> q.pageSize(2), 2);

    assertThat(page.page()).isEqualTo(2);
    assertThat(page.pageSize()).isEqualTo(2);
  }

  @Test
  void listFirstPageHasANextButNoPrevious() {
    createMany(5);

    Page<Job> page = page(q -> q.pageSize(2), 1);

    assertThat(page.hasNext()).isTrue();
    assertThat(page.hasPrevious()).isFalse();
  }

  @Test
  void listMiddlePageHasANextAndAPrevious() {
    createMany(5);

    Page<Job> page = page(q -> q.pageSize(2), 2);

    assertThat(page.hasNext()).isTrue();
    assertThat(page.hasPrevious()).isTrue();
  }

  @Test
  void listLastPageHasAPreviousButNoNext() {
    createMany(5);

    Page<Job> page = page(q -> q.pageSize(2), 3);

    assertThat(page.hasNext()).isFalse();
    assertThat(page.hasPrevious()).isTrue();
  }

  @Test
  void listFullLastPageHasNoNext() {
    createMany(4);

    Page<Job> page = page(q -> q.pageSize(2), 2);

    assertThat(page.results()).hasSize(2);
    assertThat(page.hasNext()).isFalse();
  }

  @Test
  void listOnlyPageHasNeitherNextNorPrevious() {
    createMany(2);

    Page<Job> page = page(q -> q.pageSize(2), 1);

    assertThat(page.hasNext()).isFalse();
    assertThat(page.hasPrevious()).isFalse();
  }

  @Test
  void listPagePastTheLastThrowsInvalidPage() {
    createMany(4);

    assertThatExceptionOfType(InvalidPageException.class)
        .isThrownBy(() -> page(q -> q.pageSize(2), 3))
        .withMessage(INVALID_PAGE);
  }

  @Test
  void listLargestPageNumberThrowsInvalidPage() {
    createMany(3);

    assertThatExceptionOfType(InvalidPageException.class)
        .isThrownBy(() -> page(q -> q.pageSize(Integer.MAX_VALUE), Integer.MAX_VALUE))
        .withMessage(INVALID_PAGE);
  }

  @Test
  void listPagePastTheLastOfAFilteredResultThrowsInvalidPage() {
    createMany(4);
    create(p -> p.status(JobStatus.FAILED));

    assertThatExceptionOfType(InvalidPageException.class)
        .isThrownBy(() -> page(q -> q.status(JobStatus.FAILED).ordering("status"), 2))
        .withMessage(INVALID_PAGE);
  }

  @Test
  void listFirstPageOfAnEmptyStoreIsEmpty() {
    Page<Job> page = page(q -> q, 1);

    assertThat(page.results()).isEmpty();
    assertThat(page.count()).isZero();
    assertThat(page.hasNext()).isFalse();
    assertThat(page.hasPrevious()).isFalse();
  }

  @Test
  void listFirstPageOfAFilterMatchingNothingIsEmpty() {
    createMany(3);

    Page<Job> page = page(q -> q.status(JobStatus.RUNNING).ordering("best_score"), 1);

    assertThat(page.results()).isEmpty();
    assertThat(page.count()).isZero();
  }

  @Test
  void listSecondPageOfAnEmptyResultThrowsInvalidPage() {
    assertThatExceptionOfType(InvalidPageException.class)
        .isThrownBy(() -> page(q -> q, 2))
        .withMessage(INVALID_PAGE);
  }

  @Test
  void listPageZeroThrowsInvalidPage() {
    createMany(3);

    assertThatExceptionOfType(InvalidPageException.class)
        .isThrownBy(() -> page(q -> q, 0))
        .withMessage(INVALID_PAGE);
  }

  @Test
  void listNegativePageThrowsInvalidPage() {
    createMany(3);

    assertThatExceptionOfType(InvalidPageException.class)
        .isThrownBy(() -> page(q -> q, -1))
        .withMessage(INVALID_PAGE);
  }

  // update

  @Test
  void updateAppliesTheChange() {
    Job job = create();

    Job updated =
        store().update(job.id(), j -> j.withStatus(JobStatus.RUNNING).withBestScore(0.75));

    assertThat(updated.status()).isEqualTo(JobStatus.RUNNING);
    assertThat(updated.bestScore()).contains(0.75);
  }

  @Test
  void updateStoresTheJobItReturns() {
    Job job = create();

    Job updated = store().update(job.id(), j -> j.withPromptSlug("new"));

    assertThat(store().get(job.id())).isEqualTo(updated);
  }

  @Test
  void updateChangesNothingButWhatTheChangeChangesAndUpdatedAt() {
    Job job = create(everyField().status(JobStatus.PENDING).build());
    store().appendIteration(job.id(), iteration("first"));
    Job before = store().get(job.id());
    Instant later = clock().advance(Duration.ofSeconds(5));

    Job updated = store().update(job.id(), j -> j.withReportMarkdown("# done"));

    assertThat(updated).isEqualTo(before.withReportMarkdown("# done").withUpdatedAt(micros(later)));
  }

  @Test
  void updateMovesUpdatedAtToTheClockTruncatedToMicroseconds() {
    Job job = create();
    clock().set(Instant.parse("2026-03-02T08:30:00.999999999Z"));

    Job updated = store().update(job.id(), j -> j.withNumIterations(4));

    assertThat(updated.updatedAt()).isEqualTo(Instant.parse("2026-03-02T08:30:00.999999Z"));
    assertThat(updated.createdAt()).isEqualTo(START_MICROS);
  }

  @Test
  void updateSetsUpdatedAtToNowWhateverTheChangeSetsItTo() {
    Job job = create();
    Instant later = clock().advance(Duration.ofMinutes(1));

    Job updated = store().update(job.id(), j -> j.withUpdatedAt(Instant.EPOCH));

    assertThat(updated.updatedAt()).isEqualTo(micros(later));
  }

  @Test
  void updateThatChangesNoFieldStillMovesUpdatedAt() {
    Job job = create();
    Instant later = clock().advance(Duration.ofMillis(1));

    Job updated = store().update(job.id(), j -> j);

    assertThat(updated).isEqualTo(job.withUpdatedAt(micros(later)));
  }

  @Test
  void updateKeepsTheIterations() {
    Job job = create();
    Iteration first = store().appendIteration(job.id(), iteration("first"));
    Iteration second = store().appendIteration(job.id(), iteration("second"));

    Job updated = store().update(job.id(), j -> j.withStatus(JobStatus.COMPLETED));

    assertThat(updated.iterations()).containsExactly(first, second);
  }

  @Test
  void updateAcceptsAnEqualCopyOfTheIterations() {
    Job job = create();
    Iteration first = store().appendIteration(job.id(), iteration("first"));

    Job updated =
        store()
            .update(
                job.id(),
                j ->
                    j.withIterations(
                            Lists.immutable.withAll(new ArrayList<>(j.iterations().castToList())))
                        .withStatus(JobStatus.RUNNING));

    assertThat(updated.iterations()).containsExactly(first);
    assertThat(updated.status()).isEqualTo(JobStatus.RUNNING);
  }

  @Test
  void updatePropagatesTheExceptionOfTheChangeUnchanged() {
    Job job = create();
    IllegalStateException failure = new IllegalStateException("the change failed");

    assertThatThrownBy(
            () ->
                store()
                    .update(
                        job.id(),
                        j -> {
                          throw failure;
                        }))
        .isSameAs(failure)
        .hasMessage("the change failed");
  }

  @Test
  void updateWhoseChangeThrowsChangesNothing() {
    Job job = create();
    clock().advance(Duration.ofSeconds(1));

    assertThatThrownBy(
            () ->
                store()
                    .update(
                        job.id(),
                        j -> {
                          throw new IllegalStateException("the change failed");
                        }))
        .hasMessage("the change failed");
    assertThat(store().get(job.id())).isEqualTo(job);
    assertThat(store().findByStatus(JobStatus.RUNNING)).isEmpty();
  }

  @Test
  void updateRejectsAChangedIdAsReadOnly() {
    Job job = create();

    assertThatExceptionOfType(ValidationException.class)
        .isThrownBy(() -> store().update(job.id(), j -> j.withId(id(99))))
        .withMessage("id: " + READ_ONLY)
        .satisfies(e -> assertThat(e.violations()).containsExactly(new Violation("id", READ_ONLY)));
  }

  @Test
  void updateRejectsAChangedCreatedAtAsReadOnly() {
    Job job = create();

    assertThatExceptionOfType(ValidationException.class)
        .isThrownBy(() -> store().update(job.id(), j -> j.withCreatedAt(Instant.EPOCH)))
        .withMessage("created_at: " + READ_ONLY)
        .satisfies(
            e ->
                assertThat(e.violations()).containsExactly(new Violation("created_at", READ_ONLY)));
  }

  @Test
  void updateRejectsAnAddedIterationAsReadOnly() {
    Job job = create();
    Iteration made = someIteration(job.id());

    assertThatExceptionOfType(ValidationException.class)
        .isThrownBy(() -> store().update(job.id(), j -> j.withIterations(Lists.immutable.of(made))))
        .withMessage("iterations: " + READ_ONLY)
        .satisfies(
            e ->
                assertThat(e.violations()).containsExactly(new Violation("iterations", READ_ONLY)));
  }

  @Test
  void updateRejectsRemovedIterationsAsReadOnly() {
    Job job = create();
    store().appendIteration(job.id(), iteration("first"));

    assertThatExceptionOfType(ValidationException.class)
        .isThrownBy(() -> store().update(job.id(), j -> j.withIterations(Lists.immutable.empty())))
        .withMessage("iterations: " + READ_ONLY)
        .satisfies(
            e ->
                assertThat(e.violations()).containsExactly(new Violation("iterations", READ_ONLY)));
  }

  @Test
  void updateRejectsEveryReadOnlyChangeAtOnce() {
    Job job = create();
    Iteration made = someIteration(job.id());

    assertThatExceptionOfType(ValidationException.class)
        .isThrownBy(
            () ->
                store()
                    .update(
                        job.id(),
                        j ->
                            j.withIterations(Lists.immutable.of(made))
                                .withCreatedAt(Instant.EPOCH)
                                .withId(id(99))))
        .withMessage("id: %1$s; created_at: %1$s; iterations: %1$s", READ_ONLY)
        .satisfies(
            e ->
                assertThat(e.violations())
                    .containsExactly(
                        new Violation("id", READ_ONLY),
                        new Violation("created_at", READ_ONLY),
                        new Violation("iterations", READ_ONLY)));
  }

  @Test
  void updateRejectedAsReadOnlyChangesNothing() {
    UUID project = UUID.randomUUID();
    Job job = create();
    clock().advance(Duration.ofSeconds(1));

    assertThatExceptionOfType(ValidationException.class)
        .isThrownBy(
            () ->
                store()
                    .update(
                        job.id(),
                        j -> j.withStatus(JobStatus.RUNNING).withProject(project).withId(id(99))));

    assertThat(store().get(job.id())).isEqualTo(job);
    assertThat(store().find(id(99))).isEmpty();
    assertThat(store().findByStatus(JobStatus.RUNNING)).isEmpty();
    assertThat(store().findByProject(project)).isEmpty();
  }

  @Test
  void updateAllowsAnyStatusAfterAnyOther() {
    for (JobStatus from : JobStatus.values()) {
      for (JobStatus to : JobStatus.values()) {
        Job job = create(p -> p.status(from));

        assertThat(store().update(job.id(), j -> j.withStatus(to)).status()).isEqualTo(to);
      }
    }
  }

  @Test
  void updateWithAnInvalidCopyThrowsItsValidationException() {
    Job job = create();

    assertThatExceptionOfType(ValidationException.class)
        .isThrownBy(() -> store().update(job.id(), j -> j.withAnalyzerModel("m".repeat(129))))
        .withMessage("analyzer_model: Ensure this field has no more than 128 characters.")
        .satisfies(
            e ->
                assertThat(e.violations())
                    .containsExactly(
                        new Violation(
                            "analyzer_model",
                            "Ensure this field has no more than 128 characters.")));
  }

  @Test
  void updateWithAnInvalidCopyChangesNothing() {
    Job job = create();
    clock().advance(Duration.ofSeconds(1));

    assertThatExceptionOfType(ValidationException.class)
        .isThrownBy(
            () ->
                store()
                    .update(
                        job.id(), j -> j.withStatus(JobStatus.FAILED).withBestScore(Double.NaN)))
        .withMessage("best_score: A valid number is required.");
    assertThat(store().get(job.id())).isEqualTo(job);
    assertThat(store().findByStatus(JobStatus.FAILED)).isEmpty();
  }

  @Test
  void updateOfAnUnknownIdThrowsJobNotFoundWithoutRunningTheChange() {
    create();
    AtomicBoolean ran = new AtomicBoolean();

    assertThatExceptionOfType(JobNotFoundException.class)
        .isThrownBy(
            () ->
                store()
                    .update(
                        id(99),
                        j -> {
                          ran.set(true);
                          return j;
                        }))
        .withMessage("No job with id 00000000-0000-4000-8000-000000000063.");
    assertThat(ran).isFalse();
  }

  @Test
  void updateMovesTheJobToItsNewStatusInQueries() {
    Job job = create();

    store().update(job.id(), j -> j.withStatus(JobStatus.RUNNING));

    assertThat(store().findByStatus(JobStatus.PENDING)).isEmpty();
    assertThat(ids(store().findByStatus(JobStatus.RUNNING))).containsExactly(job.id());
    assertThat(list(q -> q.status(JobStatus.PENDING))).isEmpty();
    assertThat(list(q -> q.status(JobStatus.RUNNING))).containsExactly(job.id());
  }

  @Test
  void updateMovesTheJobToItsNewProjectInQueries() {
    UUID before = UUID.randomUUID();
    UUID after = UUID.randomUUID();
    Job job = create(p -> p.project(before));

    store().update(job.id(), j -> j.withProject(after));

    assertThat(store().findByProject(before)).isEmpty();
    assertThat(ids(store().findByProject(after))).containsExactly(job.id());
    assertThat(list(q -> q.project(before))).isEmpty();
    assertThat(list(q -> q.project(after))).containsExactly(job.id());
  }

  @Test
  void updateRemovingTheProjectTakesTheJobOutOfIt() {
    UUID project = UUID.randomUUID();
    Job job = create(p -> p.project(project));

    store().update(job.id(), j -> j.withProject(Optional.empty()));

    assertThat(store().findByProject(project)).isEmpty();
    assertThat(list(q -> q.project(project))).isEmpty();
  }

  @Test
  void updateGivingAProjectPutsTheJobInIt() {
    UUID project = UUID.randomUUID();
    Job job = create();

    store().update(job.id(), j -> j.withProject(project));

    assertThat(ids(store().findByProject(project))).containsExactly(job.id());
  }

  @Test
  void updateKeepsTheJobsPlaceInTheDefaultOrder() {
    Job oldest = create(p -> p.status(JobStatus.RUNNING));
    Job moved = create();
    Job newest = create(p -> p.status(JobStatus.RUNNING));

    store().update(moved.id(), j -> j.withStatus(JobStatus.RUNNING));

    assertThat(ids(store().findByStatus(JobStatus.RUNNING)))
        .containsExactly(newest.id(), moved.id(), oldest.id());
    assertThat(list(q -> q.status(JobStatus.RUNNING)))
        .containsExactly(newest.id(), moved.id(), oldest.id());
  }

  @Test
  void updateFiltersOnTheNewVersionInList() {
    Job job = create(p -> p.bestScore(0.1).promptSlug("old"));

    store().update(job.id(), j -> j.withBestScore(0.9).withPromptSlug("new"));

    assertThat(list(q -> q.promptSlug("old"))).isEmpty();
    assertThat(list(q -> q.scoreMax(0.5))).isEmpty();
    assertThat(list(q -> q.promptSlug("new").scoreMin(0.5))).containsExactly(job.id());
  }

  @Test
  void aReturnedJobNeverChangesWhenItsJobIsUpdated() {
    Job job = create();
    String frozen = job.toString();

    store().update(job.id(), j -> j.withStatus(JobStatus.RUNNING).withBestScore(1.0));

    assertThat(job).hasToString(frozen);
    assertThat(job.status()).isEqualTo(JobStatus.PENDING);
  }

  // delete

  @Test
  void deleteReturnsTrueWhenTheJobExists() {
    Job job = create();

    assertThat(store().delete(job.id())).isTrue();
  }

  @Test
  void deleteReturnsFalseWhenTheJobIsAlreadyDeleted() {
    Job job = create();
    store().delete(job.id());

    assertThat(store().delete(job.id())).isFalse();
  }

  @Test
  void deleteOfAnUnknownIdReturnsFalse() {
    create();

    assertThat(store().delete(id(99))).isFalse();
  }

  @Test
  void deleteRemovesTheJobFromFind() {
    Job job = create();

    store().delete(job.id());

    assertThat(store().find(job.id())).isEmpty();
  }

  @Test
  void getOfADeletedJobThrowsJobNotFound() {
    Job job = create();
    store().delete(job.id());

    assertThatExceptionOfType(JobNotFoundException.class)
        .isThrownBy(() -> store().get(job.id()))
        .withMessage("No job with id " + job.id() + ".");
  }

  @Test
  void updateOfADeletedJobThrowsJobNotFound() {
    Job job = create();
    store().delete(job.id());

    assertThatExceptionOfType(JobNotFoundException.class)
        .isThrownBy(() -> store().update(job.id(), j -> j.withStatus(JobStatus.RUNNING)))
        .withMessage("No job with id " + job.id() + ".");
    assertThat(store().findByStatus(JobStatus.RUNNING)).isEmpty();
  }

  @Test
  void appendIterationToADeletedJobThrowsJobNotFound() {
    Job job = create();
    store().delete(job.id());

    assertThatExceptionOfType(JobNotFoundException.class)
        .isThrownBy(() -> store().appendIteration(job.id(), iteration("late")))
        .withMessage("No job with id " + job.id() + ".");
  }

  @Test
  void deleteRemovesTheJobFromFindByProjectAndFindByStatus() {
    UUID project = UUID.randomUUID();
    Job job = create(p -> p.project(project).status(JobStatus.RUNNING));

    store().delete(job.id());

    assertThat(store().findByProject(project)).isEmpty();
    assertThat(store().findByStatus(JobStatus.RUNNING)).isEmpty();
  }

  @Test
  void deleteRemovesTheJobFromList() {
    UUID project = UUID.randomUUID();
    Job kept = create(p -> p.project(project));
    Job deleted = create(p -> p.project(project).bestScore(0.5));

    store().delete(deleted.id());

    assertThat(list(q -> q)).containsExactly(kept.id());
    assertThat(list(q -> q.project(project))).containsExactly(kept.id());
    assertThat(list(q -> q.ordering("best_score"))).containsExactly(kept.id());
    assertThat(page(q -> q, 1).count()).isEqualTo(1);
  }

  @Test
  void deleteLeavesOtherJobsAlone() {
    Job before = create();
    Job deleted = create();
    Job after = create();

    store().delete(deleted.id());

    assertThat(store().find(before.id())).contains(before);
    assertThat(store().find(after.id())).contains(after);
  }

  @Test
  void aJobReturnedBeforeItsDeletionKeepsItsIterations() {
    Job job = create();
    Iteration iteration = store().appendIteration(job.id(), iteration("first"));
    Job snapshot = store().get(job.id());

    store().delete(job.id());

    assertThat(snapshot.iterations()).containsExactly(iteration);
  }

  // appendIteration

  @Test
  void appendIterationAssignsTheNextIdOfTheGenerator() {
    Job job = create();

    Iteration iteration = store().appendIteration(job.id(), iteration("first"));

    assertThat(List.of(job.id(), iteration.id())).containsExactly(id(1), id(2));
  }

  @Test
  void appendIterationSetsCreatedAtToTheClockTruncatedToMicroseconds() {
    Job job = create();
    clock().set(Instant.parse("2026-03-05T00:00:01.000000999Z"));

    Iteration iteration = store().appendIteration(job.id(), iteration("first"));

    assertThat(iteration.createdAt()).isEqualTo(Instant.parse("2026-03-05T00:00:01Z"));
  }

  @Test
  void appendIterationSetsTheJob() {
    create();
    Job job = create();

    assertThat(store().appendIteration(job.id(), iteration("first")).job()).isEqualTo(job.id());
  }

  @Test
  void appendIterationCopiesEveryParam() {
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
  void appendIterationCopiesEveryParamOfGeneratedParams() {
    Property.forAll(
        200,
        JobGenerators.validIterationCreateParams(),
        params -> assertCopied(params, store().appendIteration(create().id(), params)));
  }

  @Test
  void appendIterationNumbersTheFirstIterationOne() {
    Job job = create();

    assertThat(store().appendIteration(job.id(), iteration("first")).order()).contains(1L);
  }

  @Test
  void appendIterationWithoutOrderTakesTheHighestOrderPlusOne() {
    Job job = create();
    store().appendIteration(job.id(), iteration("first"));
    store().appendIteration(job.id(), iteration("second"));

    assertThat(store().appendIteration(job.id(), iteration("third")).order()).contains(3L);
  }

  @Test
  void appendIterationWithoutOrderFollowsTheHighestExplicitOrder() {
    Job job = create();
    store().appendIteration(job.id(), iteration("tenth", 10));

    assertThat(store().appendIteration(job.id(), iteration("next")).order()).contains(11L);
  }

  @Test
  void appendIterationWithoutOrderFollowsTheHighestNotTheLastAppended() {
    Job job = create();
    store().appendIteration(job.id(), iteration("tenth", 10));
    store().appendIteration(job.id(), iteration("third", 3));

    assertThat(store().appendIteration(job.id(), iteration("next")).order()).contains(11L);
  }

  @Test
  void appendIterationKeepsAnExplicitOrder() {
    Job job = create();

    assertThat(store().appendIteration(job.id(), iteration("seventh", 7)).order()).contains(7L);
  }

  @Test
  void appendIterationKeepsAnExplicitOrderAlreadyTaken() {
    Job job = create();
    Iteration first = store().appendIteration(job.id(), iteration("first"));

    Iteration again = store().appendIteration(job.id(), iteration("again", 1));

    assertThat(again.order()).contains(1L);
    assertThat(store().get(job.id()).iterations()).containsExactly(first, again);
  }

  @Test
  void appendIterationAddsTheIterationToTheJob() {
    Job job = create();

    Iteration iteration = store().appendIteration(job.id(), iteration("first"));

    assertThat(store().get(job.id()).iterations()).containsExactly(iteration);
  }

  @Test
  void appendIterationOrdersTheJobsIterationsByOrder() {
    Job job = create();
    Iteration third = store().appendIteration(job.id(), iteration("third", 3));
    Iteration first = store().appendIteration(job.id(), iteration("first", 1));
    Iteration second = store().appendIteration(job.id(), iteration("second", 2));

    assertThat(store().get(job.id()).iterations()).containsExactly(first, second, third);
  }

  @Test
  void appendIterationKeepsEqualOrdersInAppendOrder() {
    Job job = create();
    Iteration a = store().appendIteration(job.id(), iteration("a", 2));
    Iteration b = store().appendIteration(job.id(), iteration("b", 1));
    Iteration c = store().appendIteration(job.id(), iteration("c", 2));
    Iteration d = store().appendIteration(job.id(), iteration("d", 1));

    assertThat(store().get(job.id()).iterations()).containsExactly(b, d, a, c);
  }

  @Test
  void appendIterationWithAnOrderBeforeTheLastLandsAfterItsEquals() {
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
  void appendIterationWithANegativeOrderComesFirst() {
    Job job = create();
    Iteration first = store().appendIteration(job.id(), iteration("first"));

    Iteration negative = store().appendIteration(job.id(), iteration("negative", -5));

    assertThat(store().get(job.id()).iterations()).containsExactly(negative, first);
  }

  @Test
  void appendIterationDoesNotChangeUpdatedAt() {
    Job job = create();
    clock().advance(Duration.ofHours(1));

    store().appendIteration(job.id(), iteration("first"));

    assertThat(store().get(job.id()).updatedAt()).isEqualTo(job.updatedAt());
  }

  @Test
  void appendIterationChangesNothingElseOfTheJob() {
    Job job = create(everyField().build());
    clock().advance(Duration.ofHours(1));

    Iteration iteration = store().appendIteration(job.id(), iteration("first"));

    assertThat(store().get(job.id())).isEqualTo(job.withIterations(Lists.immutable.of(iteration)));
  }

  @Test
  void appendIterationLeavesEveryEarlierSnapshotUnchanged() {
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
  void appendIterationLeavesTheJobOfAnEarlierUpdateUnchanged() {
    Job job = create();
    Job updated = store().update(job.id(), j -> j.withStatus(JobStatus.RUNNING));

    store().appendIteration(job.id(), iteration("first"));

    assertThat(updated.iterations()).isEmpty();
    assertThat(job.iterations()).isEmpty();
  }

  @Test
  void appendIterationToOneJobLeavesOtherJobsAlone() {
    Job other = create();
    Job job = create();

    store().appendIteration(job.id(), iteration("first"));

    assertThat(store().get(other.id())).isEqualTo(other);
  }

  @Test
  void appendIterationToAnUnknownJobThrowsJobNotFound() {
    create();

    assertThatExceptionOfType(JobNotFoundException.class)
        .isThrownBy(() -> store().appendIteration(id(99), iteration("first")))
        .withMessage("No job with id 00000000-0000-4000-8000-000000000063.");
  }

  @Test
  void appendIterationPastTheHighestPossibleOrderIsRejected() {
    Job job = create();
    store().appendIteration(job.id(), iteration("last", Long.MAX_VALUE));

    assertThatExceptionOfType(ValidationException.class)
        .isThrownBy(() -> store().appendIteration(job.id(), iteration("next")))
        .withMessage("order: Ensure this value is less than or equal to 9223372036854775807.")
        .satisfies(
            e -> assertThat(e.violations()).extracting(Violation::field).containsExactly("order"));
  }

  @Test
  void aRejectedAppendIterationChangesNothing() {
    Job job = create();
    store().appendIteration(job.id(), iteration("last", Long.MAX_VALUE));
    Job before = store().get(job.id());

    assertThatExceptionOfType(ValidationException.class)
        .isThrownBy(() -> store().appendIteration(job.id(), iteration("next")));

    assertThat(store().get(job.id())).isEqualTo(before);
  }

  // helpers

  private Job create() {
    return store().create(JobCreateParams.builder().build());
  }

  private Job create(JobCreateParams params) {
    return store().create(params);
  }

  private Job create(UnaryOperator<JobCreateParams.Builder> params) {
    return store().create(params.apply(JobCreateParams.builder()).build());
  }

  private Job createAt(Instant instant) {
    clock().set(instant);
    return create();
  }

  private Job createAt(Instant instant, UnaryOperator<JobCreateParams.Builder> params) {
    clock().set(instant);
    return create(params);
  }

  /** Creates {@code count} pending jobs and returns their ids, oldest first. */
  private List<UUID> createMany(int count) {
    List<UUID> created = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      created.add(create().id());
    }
    return created;
  }

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

  private Page<Job> page(UnaryOperator<JobQuery.Builder> query, int page) {
    return store().list(query.apply(JobQuery.builder()).page(page).build());
  }

  private List<UUID> list(UnaryOperator<JobQuery.Builder> query) {
    return ids(store().list(query.apply(JobQuery.builder()).build()).results());
  }

  private static List<UUID> ids(Iterable<Job> jobs) {
    List<UUID> ids = new ArrayList<>();
    jobs.forEach(job -> ids.add(job.id()));
    return ids;
  }

  /**
   * Creates a job for each of {@code ascending} and one without the field, in an order that is
   * neither the expected one nor its reverse, and checks the ascending ordering puts them in the
   * given order with the empty one last.
   */
  private void assertAscendingWithEmptyLast(String ordering, Setting... ascending) {
    List<UUID> expected = createScrambled(ascending);

    assertThat(list(q -> q.ordering(ordering))).containsExactlyElementsOf(expected);
  }

  /** Like {@link #assertAscendingWithEmptyLast}, for the descending ordering: empty first. */
  private void assertDescendingWithEmptyFirst(String ordering, Setting... ascending) {
    List<UUID> expected = reversed(createScrambled(ascending));

    assertThat(list(q -> q.ordering("-" + ordering))).containsExactlyElementsOf(expected);
  }

  /**
   * Creates the last job, then the empty one, then the others, and returns their ids in ascending
   * order, the empty one last.
   */
  private List<UUID> createScrambled(Setting[] ascending) {
    int last = ascending.length - 1;
    UUID highest = create(ascending[last]).id();
    UUID empty = create().id();
    List<UUID> expected = new ArrayList<>();
    for (int i = 0; i < last; i++) {
      expected.add(create(ascending[i]).id());
    }
    expected.add(highest);
    expected.add(empty);
    return expected;
  }

  /** Sets some fields of create params; a named type so that arrays of it are safe. */
  private interface Setting extends UnaryOperator<JobCreateParams.Builder> {}

  private static List<UUID> reversed(List<UUID> ids) {
    List<UUID> reversed = new ArrayList<>(ids);
    Collections.reverse(reversed);
    return reversed;
  }

  private static JobCreateParams.Builder everyField() {
    return JobCreateParams.builder()
        .agent(UUID.randomUUID())
        .analyzerModel("claude")
        .backtestResults(JsonObject.of(Map.of("sharpe", 1.25)))
        .baselineScore(0.5)
        .bestAgentCode("def agent(): return 1")
        .bestScore(0.875)
        .candidatesPerIteration(8)
        .celeryTaskId("celery-1")
        .dataSource("s3")
        .improvement(0.375)
        .jobType(JobType.PROMPT_TUNING)
        .numIterations(12)
        .project(UUID.randomUUID())
        .promptSlug("summarize")
        .reportMarkdown("# Report")
        .result(JsonObject.of(Map.of("ok", true)))
        .status(JobStatus.RUNNING)
        .triggeredBy(42);
  }

  private static void assertCopied(JobCreateParams params, Job job) {
    assertThat(job)
        .returns(params.agent(), Job::agent)
        .returns(params.analyzerModel(), Job::analyzerModel)
        .returns(params.backtestResults(), Job::backtestResults)
        .returns(params.baselineScore(), Job::baselineScore)
        .returns(params.bestAgentCode(), Job::bestAgentCode)
        .returns(params.bestScore(), Job::bestScore)
        .returns(params.candidatesPerIteration(), Job::candidatesPerIteration)
        .returns(params.celeryTaskId(), Job::celeryTaskId)
        .returns(params.dataSource(), Job::dataSource)
        .returns(params.improvement(), Job::improvement)
        .returns(params.jobType(), Job::jobType)
        .returns(params.numIterations(), Job::numIterations)
        .returns(params.project(), Job::project)
        .returns(params.promptSlug(), Job::promptSlug)
        .returns(params.reportMarkdown(), Job::reportMarkdown)
        .returns(params.result(), Job::result)
        .returns(params.status().orElse(JobStatus.PENDING), Job::status)
        .returns(params.triggeredBy(), Job::triggeredBy);
  }

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

  private static IterationCreateParams iteration(String name) {
    return IterationCreateParams.builder().iterationName(name).build();
  }

  private static IterationCreateParams iteration(String name, long order) {
    return IterationCreateParams.builder().iterationName(name).order(order).build();
  }

  /** An iteration the store never made, to put in a job by hand. */
  private static Iteration someIteration(UUID job) {
    return Iteration.builder()
        .id(UUID.randomUUID())
        .createdAt(START_MICROS)
        .iterationName("made by hand")
        .job(job)
        .order(1)
        .build();
  }

  private static Instant micros(Instant instant) {
    return instant.truncatedTo(ChronoUnit.MICROS);
  }
}
