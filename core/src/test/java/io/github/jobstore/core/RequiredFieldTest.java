package io.github.jobstore.core;

import static io.github.jobstore.core.Fixtures.CREATED;
import static io.github.jobstore.core.Fixtures.ITERATION_ID;
import static io.github.jobstore.core.Fixtures.JOB_ID;
import static io.github.jobstore.core.Fixtures.UPDATED;
import static io.github.jobstore.core.Fixtures.fullIteration;
import static io.github.jobstore.core.Fixtures.fullJob;
import static io.github.jobstore.core.Fixtures.minimalIterationCreateParams;
import static io.github.jobstore.core.Fixtures.rejected;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** A required field left unset is a violation, "This field is required.", never a bare crash. */
class RequiredFieldTest {

  private static final String REQUIRED = "This field is required.";

  /** Builds a value with every required field set but {@code field}. */
  record Missing(String type, String field, Supplier<Object> build) {
    @Override
    public String toString() {
      return type + " without " + field;
    }
  }

  static Stream<Missing> missingFields() {
    return Stream.of(
        new Missing("Job", "id", () -> Job.builder().createdAt(CREATED).updatedAt(UPDATED).build()),
        new Missing("Job", "created_at", () -> Job.builder().id(JOB_ID).updatedAt(UPDATED).build()),
        new Missing("Job", "updated_at", () -> Job.builder().id(JOB_ID).createdAt(CREATED).build()),
        new Missing(
            "Iteration",
            "id",
            () -> Iteration.builder().createdAt(CREATED).iterationName("n").job(JOB_ID).build()),
        new Missing(
            "Iteration",
            "created_at",
            () -> Iteration.builder().id(ITERATION_ID).iterationName("n").job(JOB_ID).build()),
        new Missing(
            "Iteration",
            "iteration_name",
            () -> Iteration.builder().id(ITERATION_ID).createdAt(CREATED).job(JOB_ID).build()),
        new Missing(
            "Iteration",
            "job",
            () ->
                Iteration.builder().id(ITERATION_ID).createdAt(CREATED).iterationName("n").build()),
        new Missing(
            "IterationCreateParams",
            "iteration_name",
            () -> IterationCreateParams.builder().avgScore(0.5).build()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("missingFields")
  void missingRequiredFieldIsAViolation(Missing missing) {
    assertThat(rejected(missing.build()::get).violations())
        .containsExactly(new Violation(missing.field(), REQUIRED));
  }

  @Test
  void emptyJobBuilderReportsAllThreeRequiredFieldsInSchemaOrder() {
    assertThat(rejected(() -> Job.builder().build()).violations())
        .containsExactly(
            new Violation("id", REQUIRED),
            new Violation("created_at", REQUIRED),
            new Violation("updated_at", REQUIRED));
  }

  @Test
  void emptyIterationBuilderReportsAllFourRequiredFieldsInSchemaOrder() {
    assertThat(rejected(() -> Iteration.builder().build()).violations())
        .containsExactly(
            new Violation("id", REQUIRED),
            new Violation("created_at", REQUIRED),
            new Violation("iteration_name", REQUIRED),
            new Violation("job", REQUIRED));
  }

  @Test
  void jobCopyThatClearsARequiredFieldIsAViolation() {
    assertThat(rejected(() -> fullJob().withId(null)).violations())
        .containsExactly(new Violation("id", REQUIRED));
    assertThat(rejected(() -> fullJob().withCreatedAt(null)).violations())
        .containsExactly(new Violation("created_at", REQUIRED));
    assertThat(rejected(() -> fullJob().withUpdatedAt(null)).violations())
        .containsExactly(new Violation("updated_at", REQUIRED));
  }

  @Test
  void iterationCopyThatClearsARequiredFieldIsAViolation() {
    assertThat(rejected(() -> fullIteration().withId(null)).violations())
        .containsExactly(new Violation("id", REQUIRED));
    assertThat(rejected(() -> fullIteration().withCreatedAt(null)).violations())
        .containsExactly(new Violation("created_at", REQUIRED));
    assertThat(rejected(() -> fullIteration().withIterationName(null)).violations())
        .containsExactly(new Violation("iteration_name", REQUIRED));
    assertThat(rejected(() -> fullIteration().withJob(null)).violations())
        .containsExactly(new Violation("job", REQUIRED));
  }

  @Test
  void iterationCreateParamsCopyThatClearsTheNameIsAViolation() {
    assertThat(rejected(() -> minimalIterationCreateParams().withIterationName(null)).violations())
        .containsExactly(new Violation("iteration_name", REQUIRED));
  }

  @Test
  void emptyJobCreateParamsAreValidWithEveryFieldAbsent() {
    JobCreateParams params = JobCreateParams.builder().build();

    assertThat(params.status()).isEmpty();
    assertThat(params.analyzerModel()).isEmpty();
    assertThat(params.dataSource()).isEmpty();
    assertThat(params).isEqualTo(JobCreateParams.builder().build());
  }

  @Test
  void jobWithOnlyTheRequiredFieldsIsPendingWithNoIterations() {
    Job job = Job.builder().id(JOB_ID).createdAt(CREATED).updatedAt(UPDATED).build();

    assertThat(job.status()).isEqualTo(JobStatus.PENDING);
    assertThat(job.iterations()).isEmpty();
    assertThat(job.agent()).isEmpty();
    assertThat(job.jobType()).isEmpty();
  }

  @Test
  void iterationCreateParamsWithOnlyTheNameHaveEveryOtherFieldAbsent() {
    IterationCreateParams params = IterationCreateParams.builder().iterationName("n").build();

    assertThat(params.iterationName()).isEqualTo("n");
    assertThat(params.order()).isEmpty();
    assertThat(params.status()).isEmpty();
    assertThat(params.avgScore()).isEmpty();
  }
}
