package io.github.jobstore.json;

import static io.github.jobstore.json.JsonTestSupport.JSON;
import static io.github.jobstore.json.JsonTestSupport.MINIMAL_ITERATION;
import static io.github.jobstore.json.JsonTestSupport.MINIMAL_ITERATION_PARAMS;
import static io.github.jobstore.json.JsonTestSupport.MINIMAL_JOB;
import static io.github.jobstore.json.JsonTestSupport.assertRejected;
import static io.github.jobstore.json.JsonTestSupport.names;
import static io.github.jobstore.json.JsonTestSupport.tree;
import static io.github.jobstore.json.JsonTestSupport.with;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.jobstore.core.Iteration;
import io.github.jobstore.core.IterationCreateParams;
import io.github.jobstore.core.Job;
import io.github.jobstore.core.JobCreateParams;
import io.github.jobstore.core.Violation;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The fields the API marks nullable ({@code docs/behaviour.md}'s tables) are written as {@code
 * null} when empty and accept {@code null}; every other field is left out when empty, and {@code
 * null} for it is {@code This field may not be null.}
 */
class NullabilityWireTest {

  private static final String NOT_NULL = "This field may not be null.";

  private static final List<String> NULLABLE_JOB_FIELDS =
      List.of(
          "agent",
          "backtest_results",
          "baseline_score",
          "best_score",
          "improvement",
          "project",
          "result",
          "triggered_by");

  @Test
  void emptyJobWritesExactlyItsNullableFieldsAsNullAndLeavesTheRestOut() {
    JsonNode written = tree(JSON.write(JSON.readJob(MINIMAL_JOB)));

    assertThat(names(written))
        .containsExactly(
            "id",
            "created_at",
            "updated_at",
            "iterations",
            "agent",
            "backtest_results",
            "baseline_score",
            "best_score",
            "improvement",
            "project",
            "result",
            "status",
            "triggered_by");
    NULLABLE_JOB_FIELDS.forEach(
        field -> assertThat(written.get(field).isNull()).as(field).isTrue());
    assertThat(written.get("iterations").isEmpty()).isTrue();
    assertThat(written.get("status").textValue()).isEqualTo("pending");
  }

  @Test
  void emptyCreateParamsWriteNothingSinceNullInARequestClears() {
    JsonNode written = tree(JSON.write(JobCreateParams.builder().build()));

    assertThat(names(written)).isEmpty();
  }

  @Test
  void emptyIterationWritesDimensionScoresAsNullAndLeavesTheRestOut() {
    JsonNode written = tree(JSON.write(JSON.readIteration(MINIMAL_ITERATION)));

    assertThat(names(written))
        .containsExactly("id", "created_at", "iteration_name", "job", "dimension_scores");
    assertThat(written.get("dimension_scores").isNull()).isTrue();
  }

  @Test
  void emptyIterationParamsWriteOnlyTheName() {
    JsonNode written = tree(JSON.write(IterationCreateParams.builder().iterationName("a").build()));

    assertThat(names(written)).containsExactly("iteration_name");
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @ValueSource(
      strings = {
        "agent",
        "backtest_results",
        "baseline_score",
        "best_score",
        "improvement",
        "project",
        "result",
        "triggered_by"
      })
  void nullIsAcceptedAsEmptyForANullableField(String field) {
    JobCreateParams params = JSON.readJobCreateParams(with("{}", field, "null"));
    Job job = JSON.readJob(with(MINIMAL_JOB, field, "null"));

    assertThat(params).isEqualTo(JobCreateParams.builder().build());
    assertThat(job).isEqualTo(JSON.readJob(MINIMAL_JOB));
  }

  @Test
  void nullIsAcceptedAsEmptyForAnIterationsDimensionScores() {
    Iteration iteration = JSON.readIteration(with(MINIMAL_ITERATION, "dimension_scores", "null"));
    IterationCreateParams params =
        JSON.readIterationCreateParams(with(MINIMAL_ITERATION_PARAMS, "dimension_scores", "null"));

    assertThat(iteration.dimensionScores()).isEmpty();
    assertThat(params.dimensionScores()).isEmpty();
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @ValueSource(
      strings = {
        "analyzer_model",
        "best_agent_code",
        "candidates_per_iteration",
        "celery_task_id",
        "data_source",
        "job_type",
        "num_iterations",
        "prompt_slug",
        "report_markdown",
        "status"
      })
  void nullIsRejectedForANonNullableJobField(String field) {
    assertRejected(() -> JSON.readJobCreateParams(with("{}", field, "null")))
        .hasOnlyViolation(field, NOT_NULL);
    assertRejected(() -> JSON.readJob(with(MINIMAL_JOB, field, "null")))
        .hasOnlyViolation(field, NOT_NULL);
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @ValueSource(strings = {"id", "created_at", "updated_at", "iterations"})
  void nullIsRejectedForAJobsReadOnlyField(String field) {
    assertRejected(() -> JSON.readJob(with(MINIMAL_JOB, field, "null")))
        .hasOnlyViolation(field, NOT_NULL);
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @ValueSource(
      strings = {
        "id",
        "created_at",
        "iteration_name",
        "job",
        "agent_code",
        "avg_score",
        "description",
        "order",
        "status"
      })
  void nullIsRejectedForANonNullableIterationField(String field) {
    assertRejected(() -> JSON.readIteration(with(MINIMAL_ITERATION, field, "null")))
        .hasOnlyViolation(field, NOT_NULL);
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @ValueSource(
      strings = {"iteration_name", "agent_code", "avg_score", "description", "order", "status"})
  void nullIsRejectedForANonNullableIterationParamsField(String field) {
    assertRejected(
            () -> JSON.readIterationCreateParams(with(MINIMAL_ITERATION_PARAMS, field, "null")))
        .hasOnlyViolation(field, NOT_NULL);
  }

  @Test
  void everyNullForANonNullableFieldIsReportedAtOnce() {
    String document = "{\"status\": null, \"analyzer_model\": null, \"agent\": null}";

    assertRejected(() -> JSON.readJobCreateParams(document))
        .hasViolations(
            new Violation("analyzer_model", NOT_NULL), new Violation("status", NOT_NULL));
  }
}
