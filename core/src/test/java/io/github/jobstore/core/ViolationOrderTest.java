package io.github.jobstore.core;

import static io.github.jobstore.core.Fixtures.CREATED;
import static io.github.jobstore.core.Fixtures.fullJob;
import static io.github.jobstore.core.Fixtures.minimalJobBuilder;
import static io.github.jobstore.core.Fixtures.rejected;
import static io.github.jobstore.core.Fixtures.tooLongMessage;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * One build that breaks several constraints reports every violation, in the order of the fields in
 * the schema (not the order the setters were called), and the message names every field.
 */
class ViolationOrderTest {

  private static final String NOT_A_NUMBER = "A valid number is required.";
  private static final String BLANK = "This field may not be blank.";
  private static final String REQUIRED = "This field is required.";

  @Test
  void jobReportsEveryViolationInSchemaOrder() {
    ValidationException e =
        rejected(
            () ->
                Job.builder()
                    .promptSlug("p".repeat(256))
                    .improvement(Double.NaN)
                    .dataSource("d".repeat(21))
                    .celeryTaskId("c".repeat(256))
                    .bestScore(Double.NEGATIVE_INFINITY)
                    .baselineScore(Double.POSITIVE_INFINITY)
                    .analyzerModel("a".repeat(129))
                    .updatedAt(null)
                    .createdAt(CREATED)
                    .build());

    assertThat(e.violations())
        .containsExactly(
            new Violation("id", REQUIRED),
            new Violation("updated_at", REQUIRED),
            new Violation("analyzer_model", tooLongMessage(128)),
            new Violation("baseline_score", NOT_A_NUMBER),
            new Violation("best_score", NOT_A_NUMBER),
            new Violation("celery_task_id", tooLongMessage(255)),
            new Violation("data_source", tooLongMessage(20)),
            new Violation("improvement", NOT_A_NUMBER),
            new Violation("prompt_slug", tooLongMessage(255)));
  }

  @Test
  void jobCreateParamsReportEveryViolationInSchemaOrder() {
    ValidationException e =
        rejected(
            () ->
                JobCreateParams.builder()
                    .promptSlug("p".repeat(256))
                    .dataSource("   ")
                    .baselineScore(Double.NaN)
                    .analyzerModel("a".repeat(129))
                    .build());

    assertThat(e.violations())
        .containsExactly(
            new Violation("analyzer_model", tooLongMessage(128)),
            new Violation("baseline_score", NOT_A_NUMBER),
            new Violation("data_source", BLANK),
            new Violation("prompt_slug", tooLongMessage(255)));
  }

  @Test
  void messageNamesEveryBrokenFieldAndItsMessage() {
    ValidationException e =
        rejected(
            () ->
                JobCreateParams.builder()
                    .analyzerModel("a".repeat(129))
                    .baselineScore(Double.NaN)
                    .dataSource("")
                    .promptSlug("p".repeat(256))
                    .build());

    assertThat(e.getMessage())
        .contains("analyzer_model", tooLongMessage(128))
        .contains("baseline_score", NOT_A_NUMBER)
        .contains("data_source", BLANK)
        .contains("prompt_slug", tooLongMessage(255))
        .doesNotContain("aaaa")
        .doesNotContain("pppp");
  }

  @Test
  void iterationReportsEveryViolationInSchemaOrder() {
    ValidationException e =
        rejected(() -> Iteration.builder().avgScore(Double.NaN).iterationName("\u3000").build());

    assertThat(e.violations())
        .containsExactly(
            new Violation("id", REQUIRED),
            new Violation("created_at", REQUIRED),
            new Violation("iteration_name", BLANK),
            new Violation("job", REQUIRED),
            new Violation("avg_score", NOT_A_NUMBER));
  }

  @Test
  void iterationCreateParamsReportEveryViolationInSchemaOrder() {
    ValidationException e =
        rejected(
            () ->
                IterationCreateParams.builder()
                    .avgScore(Double.POSITIVE_INFINITY)
                    .iterationName("n".repeat(65))
                    .build());

    assertThat(e.violations())
        .containsExactly(
            new Violation("iteration_name", tooLongMessage(64)),
            new Violation("avg_score", NOT_A_NUMBER));
  }

  @Test
  void toBuilderReportsEveryViolationOfTheChangedFields() {
    ValidationException e =
        rejected(
            () ->
                fullJob().toBuilder().bestScore(Double.NaN).analyzerModel("a".repeat(129)).build());

    assertThat(e.violations())
        .containsExactly(
            new Violation("analyzer_model", tooLongMessage(128)),
            new Violation("best_score", NOT_A_NUMBER));
  }

  @Test
  void validFieldsNextToInvalidOnesAreNotReported() {
    ValidationException e =
        rejected(
            () ->
                minimalJobBuilder()
                    .analyzerModel("a".repeat(128))
                    .dataSource("")
                    .improvement(Double.MAX_VALUE)
                    .promptSlug("p".repeat(256))
                    .build());

    assertThat(e.violations()).containsExactly(new Violation("prompt_slug", tooLongMessage(255)));
  }
}
