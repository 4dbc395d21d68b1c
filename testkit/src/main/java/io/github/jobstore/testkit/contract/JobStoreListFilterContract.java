package io.github.jobstore.testkit.contract;

import static io.github.jobstore.testkit.contract.JobStoreContract.START;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.jobstore.core.Job;
import io.github.jobstore.core.JobCreateParams;
import io.github.jobstore.core.JobStatus;
import io.github.jobstore.core.JobType;
import io.github.jobstore.store.JobStore;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * The contract's tests of the filters of {@link JobStore#list}: each filter on its own, the
 * inclusive bounds of the time and score ranges, and filters combined.
 */
interface JobStoreListFilterContract extends JobStoreContractFixture {

  @Test
  default void listWithoutFiltersReturnsEveryJob() {
    Job first = create();
    Job second = create(p -> p.status(JobStatus.FAILED).project(UUID.randomUUID()));

    assertThat(list(q -> q)).containsExactly(second.id(), first.id());
  }

  @Test
  default void listFiltersByProject() {
    UUID project = UUID.randomUUID();
    Job match = create(p -> p.project(project));
    create(p -> p.project(UUID.randomUUID()));
    create();

    assertThat(list(q -> q.project(project))).containsExactly(match.id());
  }

  @Test
  default void listFiltersByAgent() {
    UUID agent = UUID.randomUUID();
    Job match = create(p -> p.agent(agent));
    create(p -> p.agent(UUID.randomUUID()));
    create();

    assertThat(list(q -> q.agent(agent))).containsExactly(match.id());
  }

  @Test
  default void listFiltersByStatus() {
    Job match = create(p -> p.status(JobStatus.CANCELLED));
    create(p -> p.status(JobStatus.COMPLETED));
    create();

    assertThat(list(q -> q.status(JobStatus.CANCELLED))).containsExactly(match.id());
  }

  @Test
  default void listFiltersByJobType() {
    Job match = create(p -> p.jobType(JobType.JUDGE_SCORING));
    create(p -> p.jobType(JobType.INFERENCE));
    create();

    assertThat(list(q -> q.jobType(JobType.JUDGE_SCORING))).containsExactly(match.id());
  }

  @Test
  default void listFiltersByExactAnalyzerModel() {
    Job match = create(p -> p.analyzerModel("gpt-4"));
    create(p -> p.analyzerModel("gpt-4o"));
    create(p -> p.analyzerModel("GPT-4"));
    create();

    assertThat(list(q -> q.analyzerModel("gpt-4"))).containsExactly(match.id());
  }

  @Test
  default void listFiltersByExactDataSource() {
    Job match = create(p -> p.dataSource("s3"));
    create(p -> p.dataSource("s3 "));
    create(p -> p.dataSource("S3"));
    create();

    assertThat(list(q -> q.dataSource("s3"))).containsExactly(match.id());
  }

  @Test
  default void listFiltersByExactPromptSlug() {
    Job match = create(p -> p.promptSlug("summarize"));
    create(p -> p.promptSlug("summarize-v2"));
    create(p -> p.promptSlug("Summarize"));
    create();

    assertThat(list(q -> q.promptSlug("summarize"))).containsExactly(match.id());
  }

  @Test
  default void listCreatedAfterIncludesAJobCreatedAtTheBound() {
    createAt(START.plusSeconds(1));
    Job atBound = createAt(START.plusSeconds(2));
    Job after = createAt(START.plusSeconds(3));

    assertThat(list(q -> q.createdAfter(atBound.createdAt())))
        .containsExactly(after.id(), atBound.id());
  }

  @Test
  default void listCreatedBeforeIncludesAJobCreatedAtTheBound() {
    Job before = createAt(START.plusSeconds(1));
    Job atBound = createAt(START.plusSeconds(2));
    createAt(START.plusSeconds(3));

    assertThat(list(q -> q.createdBefore(atBound.createdAt())))
        .containsExactly(atBound.id(), before.id());
  }

  @Test
  default void listCreatedAfterAndBeforeOneInstantReturnsTheJobsCreatedThen() {
    createAt(START.plusNanos(1_000));
    Job first = createAt(START.plusNanos(2_000));
    Job second = createAt(START.plusNanos(2_000));
    createAt(START.plusNanos(3_000));
    Instant instant = first.createdAt();

    assertThat(list(q -> q.createdAfter(instant).createdBefore(instant)))
        .containsExactly(second.id(), first.id());
  }

  @Test
  default void listScoreMinIncludesAJobScoringTheBound() {
    create(p -> p.bestScore(Math.nextDown(0.5)));
    Job atBound = create(p -> p.bestScore(0.5));
    Job above = create(p -> p.bestScore(0.6));
    create();

    assertThat(list(q -> q.scoreMin(0.5))).containsExactly(above.id(), atBound.id());
  }

  @Test
  default void listScoreMaxIncludesAJobScoringTheBound() {
    Job below = create(p -> p.bestScore(0.4));
    Job atBound = create(p -> p.bestScore(0.5));
    create(p -> p.bestScore(Math.nextUp(0.5)));
    create();

    assertThat(list(q -> q.scoreMax(0.5))).containsExactly(atBound.id(), below.id());
  }

  @Test
  default void listScoreBoundsFilterOnBestScoreOnly() {
    Job match = create(p -> p.bestScore(0.5).baselineScore(9.0).improvement(9.0));
    create(p -> p.bestScore(9.0).baselineScore(0.5).improvement(0.5));

    assertThat(list(q -> q.scoreMin(0.0).scoreMax(1.0))).containsExactly(match.id());
  }

  @Test
  default void listScoreBoundsNeverMatchAJobWithoutBestScore() {
    Job scored = create(p -> p.bestScore(-1e300));
    create(p -> p.baselineScore(0.0));

    assertThat(list(q -> q.scoreMin(-Double.MAX_VALUE))).containsExactly(scored.id());
    assertThat(list(q -> q.scoreMax(Double.MAX_VALUE))).containsExactly(scored.id());
  }

  @Test
  default void listCombinesTwoFiltersWithAnd() {
    UUID project = UUID.randomUUID();
    Job match = create(p -> p.project(project).status(JobStatus.RUNNING));
    create(p -> p.project(project));
    create(p -> p.status(JobStatus.RUNNING));
    create(p -> p.project(UUID.randomUUID()).status(JobStatus.RUNNING));

    assertThat(list(q -> q.project(project).status(JobStatus.RUNNING))).containsExactly(match.id());
  }

  @Test
  default void listCombinesEveryFilterWithAnd() {
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
}
