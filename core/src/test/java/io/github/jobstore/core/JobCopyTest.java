package io.github.jobstore.core;

import static io.github.jobstore.core.Fixtures.LATER;
import static io.github.jobstore.core.Fixtures.OTHER_ID;
import static io.github.jobstore.core.Fixtures.fullJob;
import static io.github.jobstore.core.Fixtures.minimalIteration;
import static io.github.jobstore.core.Fixtures.rejected;
import static io.github.jobstore.core.Fixtures.tooLongMessage;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.eclipse.collections.api.factory.Lists;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Copies of a {@link Job}: {@code toBuilder()} and one {@code withX(value)} per field. */
class JobCopyTest {

  private static final JsonObject OTHER_JSON = JsonObject.of(Map.of("other", true));

  /**
   * One field's copy method and the builder setter that should have the same effect.
   *
   * @param with the {@code withX(value)} copy
   * @param set the builder setter with the same value
   */
  record Change(String field, UnaryOperator<Job> with, UnaryOperator<Job.Builder> set) {
    @Override
    public String toString() {
      return field;
    }
  }

  static Stream<Change> changes() {
    return Stream.of(
        new Change("id", j -> j.withId(OTHER_ID), b -> b.id(OTHER_ID)),
        new Change("created_at", j -> j.withCreatedAt(LATER), b -> b.createdAt(LATER)),
        new Change("updated_at", j -> j.withUpdatedAt(LATER), b -> b.updatedAt(LATER)),
        new Change(
            "iterations",
            j -> j.withIterations(Lists.immutable.of(minimalIteration())),
            b -> b.iterations(Lists.immutable.of(minimalIteration()))),
        new Change("agent", j -> j.withAgent(OTHER_ID), b -> b.agent(OTHER_ID)),
        new Change(
            "analyzer_model", j -> j.withAnalyzerModel("other"), b -> b.analyzerModel("other")),
        new Change(
            "backtest_results",
            j -> j.withBacktestResults(OTHER_JSON),
            b -> b.backtestResults(OTHER_JSON)),
        new Change("baseline_score", j -> j.withBaselineScore(-1.5), b -> b.baselineScore(-1.5)),
        new Change(
            "best_agent_code", j -> j.withBestAgentCode("other"), b -> b.bestAgentCode("other")),
        new Change("best_score", j -> j.withBestScore(0.9), b -> b.bestScore(0.9)),
        new Change(
            "candidates_per_iteration",
            j -> j.withCandidatesPerIteration(99L),
            b -> b.candidatesPerIteration(99L)),
        new Change(
            "celery_task_id", j -> j.withCeleryTaskId("other"), b -> b.celeryTaskId("other")),
        new Change("data_source", j -> j.withDataSource("other"), b -> b.dataSource("other")),
        new Change("improvement", j -> j.withImprovement(0.01), b -> b.improvement(0.01)),
        new Change(
            "job_type", j -> j.withJobType(JobType.INFERENCE), b -> b.jobType(JobType.INFERENCE)),
        new Change("num_iterations", j -> j.withNumIterations(99L), b -> b.numIterations(99L)),
        new Change("project", j -> j.withProject(OTHER_ID), b -> b.project(OTHER_ID)),
        new Change("prompt_slug", j -> j.withPromptSlug("other"), b -> b.promptSlug("other")),
        new Change(
            "report_markdown", j -> j.withReportMarkdown("other"), b -> b.reportMarkdown("other")),
        new Change("result", j -> j.withResult(OTHER_JSON), b -> b.result(OTHER_JSON)),
        new Change("status", j -> j.withStatus(JobStatus.FAILED), b -> b.status(JobStatus.FAILED)),
        new Change("triggered_by", j -> j.withTriggeredBy(99L), b -> b.triggeredBy(99L)));
  }

  /** Clearing one optional field with {@code withX(Optional.empty())}. */
  record Clear(
      String field,
      UnaryOperator<Job> clear,
      UnaryOperator<Job.Builder> unset,
      Function<Job, Optional<?>> read) {
    @Override
    public String toString() {
      return field;
    }
  }

  static Stream<Clear> clears() {
    return Stream.of(
        new Clear(
            "agent",
            j -> j.withAgent(Optional.empty()),
            b -> b.agent(Optional.empty()),
            Job::agent),
        new Clear(
            "analyzer_model",
            j -> j.withAnalyzerModel(Optional.empty()),
            b -> b.analyzerModel(Optional.empty()),
            Job::analyzerModel),
        new Clear(
            "backtest_results",
            j -> j.withBacktestResults(Optional.empty()),
            b -> b.backtestResults(Optional.empty()),
            Job::backtestResults),
        new Clear(
            "baseline_score",
            j -> j.withBaselineScore(Optional.empty()),
            b -> b.baselineScore(Optional.empty()),
            Job::baselineScore),
        new Clear(
            "best_agent_code",
            j -> j.withBestAgentCode(Optional.empty()),
            b -> b.bestAgentCode(Optional.empty()),
            Job::bestAgentCode),
        new Clear(
            "best_score",
            j -> j.withBestScore(Optional.empty()),
            b -> b.bestScore(Optional.empty()),
            Job::bestScore),
        new Clear(
            "candidates_per_iteration",
            j -> j.withCandidatesPerIteration(Optional.empty()),
            b -> b.candidatesPerIteration(Optional.empty()),
            Job::candidatesPerIteration),
        new Clear(
            "celery_task_id",
            j -> j.withCeleryTaskId(Optional.empty()),
            b -> b.celeryTaskId(Optional.empty()),
            Job::celeryTaskId),
        new Clear(
            "data_source",
            j -> j.withDataSource(Optional.empty()),
            b -> b.dataSource(Optional.empty()),
            Job::dataSource),
        new Clear(
            "improvement",
            j -> j.withImprovement(Optional.empty()),
            b -> b.improvement(Optional.empty()),
            Job::improvement),
        new Clear(
            "job_type",
            j -> j.withJobType(Optional.empty()),
            b -> b.jobType(Optional.empty()),
            Job::jobType),
        new Clear(
            "num_iterations",
            j -> j.withNumIterations(Optional.empty()),
            b -> b.numIterations(Optional.empty()),
            Job::numIterations),
        new Clear(
            "project",
            j -> j.withProject(Optional.empty()),
            b -> b.project(Optional.empty()),
            Job::project),
        new Clear(
            "prompt_slug",
            j -> j.withPromptSlug(Optional.empty()),
            b -> b.promptSlug(Optional.empty()),
            Job::promptSlug),
        new Clear(
            "report_markdown",
            j -> j.withReportMarkdown(Optional.empty()),
            b -> b.reportMarkdown(Optional.empty()),
            Job::reportMarkdown),
        new Clear(
            "result",
            j -> j.withResult(Optional.empty()),
            b -> b.result(Optional.empty()),
            Job::result),
        new Clear(
            "triggered_by",
            j -> j.withTriggeredBy(Optional.empty()),
            b -> b.triggeredBy(Optional.empty()),
            Job::triggeredBy));
  }

  @Test
  void toBuilderThenBuildEqualsTheOriginal() {
    Job original = fullJob();

    assertThat(original.toBuilder().build()).isEqualTo(original).hasSameHashCodeAs(original);
  }

  @Test
  void changingTheBuilderFromToBuilderLeavesTheOriginalUnchanged() {
    Job original = fullJob();
    Job.Builder builder = original.toBuilder().bestScore(0.1).status(JobStatus.CANCELLED);

    assertThat(builder.build().status()).isEqualTo(JobStatus.CANCELLED);
    assertThat(original).isEqualTo(fullJob());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("changes")
  void withCopyChangesExactlyThatField(Change change) {
    Job original = fullJob();

    Job copy = change.with().apply(original);

    assertThat(copy)
        .isNotEqualTo(original)
        .isEqualTo(change.set().apply(original.toBuilder()).build());
    assertThat(original).isEqualTo(fullJob());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("clears")
  void withEmptyOptionalClearsExactlyThatField(Clear clear) {
    Job original = fullJob();

    Job copy = clear.clear().apply(original);

    assertThat(clear.read().apply(original)).isPresent();
    assertThat(clear.read().apply(copy)).isEmpty();
    assertThat(copy).isEqualTo(clear.unset().apply(original.toBuilder()).build());
  }

  @Test
  void withCopyBackToTheOriginalValueIsANewJobEqualToAnIndependentlyBuiltOne() {
    Job original = fullJob();

    // Each job differs from the original in between, so Immutables cannot return the original.
    List<Job> restored =
        List.of(
            original.withStatus(JobStatus.FAILED).withStatus(original.status()),
            original.withProject(OTHER_ID).withProject(original.project()),
            original.withAnalyzerModel("other").withAnalyzerModel(original.analyzerModel()),
            original.withBestScore(0.9).withBestScore(original.bestScore()),
            original.withResult(OTHER_JSON).withResult(original.result()),
            original
                .withIterations(Lists.immutable.of(minimalIteration()))
                .withIterations(original.iterations()));

    assertThat(restored)
        .allSatisfy(
            job ->
                assertThat(job)
                    .isNotSameAs(original)
                    .isEqualTo(fullJob())
                    .hasSameHashCodeAs(fullJob()));
  }

  @Test
  void invalidWithCopyThrowsAndLeavesTheOriginalUnchanged() {
    Job original = fullJob();

    assertThat(rejected(() -> original.withAnalyzerModel("a".repeat(129))).violations())
        .containsExactly(new Violation("analyzer_model", tooLongMessage(128)));
    assertThat(original.analyzerModel()).contains("gpt-4o");
    assertThat(original).isEqualTo(fullJob());
  }

  @Test
  void withStatusSetsAPlainStatus() {
    assertThat(fullJob().withStatus(JobStatus.COMPLETED).status()).isEqualTo(JobStatus.COMPLETED);
  }
}
