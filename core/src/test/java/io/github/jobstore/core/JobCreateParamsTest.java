package io.github.jobstore.core;

import static io.github.jobstore.core.Fixtures.AGENT;
import static io.github.jobstore.core.Fixtures.BACKTEST;
import static io.github.jobstore.core.Fixtures.OTHER_ID;
import static io.github.jobstore.core.Fixtures.PROJECT;
import static io.github.jobstore.core.Fixtures.RESULT;
import static io.github.jobstore.core.Fixtures.fullJobCreateParams;
import static io.github.jobstore.core.Fixtures.rejected;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Building and copying {@link JobCreateParams}. */
class JobCreateParamsTest {

  private static final JsonObject OTHER_JSON = JsonObject.of(Map.of("other", true));

  /** One field's copy method and the builder setter that should have the same effect. */
  record Change(
      String field,
      UnaryOperator<JobCreateParams> with,
      UnaryOperator<JobCreateParams.Builder> set) {
    @Override
    public String toString() {
      return field;
    }
  }

  static Stream<Change> changes() {
    return Stream.of(
        new Change("agent", p -> p.withAgent(OTHER_ID), b -> b.agent(OTHER_ID)),
        new Change(
            "analyzer_model", p -> p.withAnalyzerModel("other"), b -> b.analyzerModel("other")),
        new Change(
            "backtest_results",
            p -> p.withBacktestResults(OTHER_JSON),
            b -> b.backtestResults(OTHER_JSON)),
        new Change("baseline_score", p -> p.withBaselineScore(-1.5), b -> b.baselineScore(-1.5)),
        new Change(
            "best_agent_code", p -> p.withBestAgentCode("other"), b -> b.bestAgentCode("other")),
        new Change("best_score", p -> p.withBestScore(0.9), b -> b.bestScore(0.9)),
        new Change(
            "candidates_per_iteration",
            p -> p.withCandidatesPerIteration(99L),
            b -> b.candidatesPerIteration(99L)),
        new Change(
            "celery_task_id", p -> p.withCeleryTaskId("other"), b -> b.celeryTaskId("other")),
        new Change("data_source", p -> p.withDataSource("other"), b -> b.dataSource("other")),
        new Change("improvement", p -> p.withImprovement(0.01), b -> b.improvement(0.01)),
        new Change(
            "job_type", p -> p.withJobType(JobType.INFERENCE), b -> b.jobType(JobType.INFERENCE)),
        new Change("num_iterations", p -> p.withNumIterations(99L), b -> b.numIterations(99L)),
        new Change("project", p -> p.withProject(OTHER_ID), b -> b.project(OTHER_ID)),
        new Change("prompt_slug", p -> p.withPromptSlug("other"), b -> b.promptSlug("other")),
        new Change(
            "report_markdown", p -> p.withReportMarkdown("other"), b -> b.reportMarkdown("other")),
        new Change("result", p -> p.withResult(OTHER_JSON), b -> b.result(OTHER_JSON)),
        new Change("status", p -> p.withStatus(JobStatus.FAILED), b -> b.status(JobStatus.FAILED)),
        new Change("triggered_by", p -> p.withTriggeredBy(99L), b -> b.triggeredBy(99L)));
  }

  @Test
  void everyAccessorReturnsWhatTheBuilderSet() {
    JobCreateParams params = fullJobCreateParams();

    assertThat(params.agent()).contains(AGENT);
    assertThat(params.analyzerModel()).contains("gpt-4o");
    assertThat(params.backtestResults()).contains(BACKTEST);
    assertThat(params.baselineScore()).contains(0.5);
    assertThat(params.bestAgentCode()).contains("def agent(): pass");
    assertThat(params.bestScore()).contains(0.75);
    assertThat(params.candidatesPerIteration()).contains(4L);
    assertThat(params.celeryTaskId()).contains("celery-42");
    assertThat(params.dataSource()).contains("s3");
    assertThat(params.improvement()).contains(0.25);
    assertThat(params.jobType()).contains(JobType.PROMPT_TUNING);
    assertThat(params.numIterations()).contains(10L);
    assertThat(params.project()).contains(PROJECT);
    assertThat(params.promptSlug()).contains("summarize");
    assertThat(params.reportMarkdown()).contains("# Report");
    assertThat(params.result()).contains(RESULT);
    assertThat(params.status()).contains(JobStatus.RUNNING);
    assertThat(params.triggeredBy()).contains(7L);
  }

  @Test
  void toBuilderThenBuildEqualsTheOriginal() {
    JobCreateParams original = fullJobCreateParams();

    assertThat(original.toBuilder().build()).isEqualTo(original).hasSameHashCodeAs(original);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("changes")
  void withCopyChangesExactlyThatField(Change change) {
    JobCreateParams original = fullJobCreateParams();

    JobCreateParams copy = change.with().apply(original);

    assertThat(copy)
        .isNotEqualTo(original)
        .isEqualTo(change.set().apply(original.toBuilder()).build());
    assertThat(original).isEqualTo(fullJobCreateParams());
  }

  @Test
  void withEmptyStatusClearsTheStatus() {
    JobCreateParams copy = fullJobCreateParams().withStatus(Optional.empty());

    assertThat(copy.status()).isEmpty();
    assertThat(copy).isEqualTo(fullJobCreateParams().toBuilder().status(Optional.empty()).build());
  }

  @Test
  void invalidWithCopyThrowsAndLeavesTheOriginalUnchanged() {
    JobCreateParams original = fullJobCreateParams();

    assertThat(rejected(() -> original.withDataSource(" ")).violations())
        .containsExactly(new Violation("data_source", "This field may not be blank."));
    assertThat(original.dataSource()).contains("s3");
    assertThat(original).isEqualTo(fullJobCreateParams());
  }
}
