package io.github.jobstore.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.jobstore.core.ValidationException;
import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class InvalidGeneratorsTest {

  private static final int CASES = 1_000;

  @Test
  void everyInvalidCreateParamsIsRejectedWithExactlyItsViolation() {
    Property.forAll(CASES, JobGenerators.invalidCreateParams(), InvalidGeneratorsTest::rejected);
  }

  @Test
  void everyInvalidJobIsRejectedWithExactlyItsViolation() {
    Property.forAll(CASES, JobGenerators.invalidJobs(), InvalidGeneratorsTest::rejected);
  }

  @Test
  void everyInvalidIterationCreateParamsIsRejectedWithExactlyItsViolation() {
    Property.forAll(
        CASES, JobGenerators.invalidIterationCreateParams(), InvalidGeneratorsTest::rejected);
  }

  @Test
  void everyInvalidIterationIsRejectedWithExactlyItsViolation() {
    Property.forAll(CASES, JobGenerators.invalidIterations(), InvalidGeneratorsTest::rejected);
  }

  @Test
  void theInvalidGeneratorsBreakEveryConstraint() {
    assertThat(breaches(JobGenerators.invalidCreateParams()))
        .containsExactlyInAnyOrder(
            "analyzer_model: Ensure this field has no more than 128 characters.",
            "baseline_score: A valid number is required.",
            "best_score: A valid number is required.",
            "celery_task_id: Ensure this field has no more than 255 characters.",
            "data_source: Ensure this field has no more than 20 characters.",
            "data_source: This field may not be blank.",
            "improvement: A valid number is required.",
            "prompt_slug: Ensure this field has no more than 255 characters.");
    assertThat(breaches(JobGenerators.invalidJobs()))
        .contains(
            "id: This field is required.",
            "created_at: This field is required.",
            "updated_at: This field is required.")
        .doesNotContain("data_source: This field may not be blank.")
        .hasSize(10);
    assertThat(breaches(JobGenerators.invalidIterationCreateParams()))
        .containsExactlyInAnyOrder(
            "iteration_name: Ensure this field has no more than 64 characters.",
            "iteration_name: This field may not be blank.",
            "iteration_name: This field is required.",
            "avg_score: A valid number is required.");
    assertThat(breaches(JobGenerators.invalidIterations()))
        .contains("id: This field is required.", "job: This field is required.")
        .hasSize(7);
  }

  @Test
  void anInvalidCaseDescribesItselfWithoutEchoingItsString() {
    Property.forAll(
        200,
        JobGenerators.invalidCreateParams(),
        invalid -> {
          String shown = invalid.toString();
          invalid
              .value()
              .filter(String.class::isInstance)
              .map(String.class::cast)
              .ifPresent(
                  s -> {
                    assertThat(shown).contains("a string of " + s.codePointCount(0, s.length()));
                    // Short strings (a blank " ") occur in any description by chance.
                    if (s.length() >= 8) {
                      assertThat(shown).doesNotContain(s);
                    }
                  });
          assertThat(shown).contains(invalid.field(), invalid.expected().message());
        });
  }

  private static void rejected(Invalid<?> invalid) {
    ValidationException e = catchThrowableOfType(ValidationException.class, invalid::build);
    assertThat(e).as("%s must be rejected", invalid).isNotNull();
    assertThat(e.violations()).containsExactly(invalid.expected());
  }

  private static Set<String> breaches(Generator<? extends Invalid<?>> generator) {
    SplittableRandom random = new SplittableRandom(1);
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < 2_000; i++) {
      seen.add(generator.next(random).expected().toString());
    }
    return seen;
  }
}
