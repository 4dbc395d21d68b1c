package io.github.jobstore.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import io.github.jobstore.core.ValidationException;
import io.github.jobstore.core.Violation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JobQueryTest {

  @Test
  void defaultsToEveryJobNewestFirstOnPagesOfAHundred() {
    JobQuery query = JobQuery.builder().build();

    assertThat(query.ordering()).isEqualTo("-created_at");
    assertThat(query.page()).isEqualTo(1);
    assertThat(query.pageSize()).isEqualTo(100);
    assertThat(query.project()).isEmpty();
    assertThat(query.status()).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "created_at",
        "updated_at",
        "best_score",
        "baseline_score",
        "improvement",
        "num_iterations",
        "status",
        "job_type",
        "prompt_slug"
      })
  void acceptsEveryOrderingFieldInBothDirections(String field) {
    assertThat(JobQuery.builder().ordering(field).build().ordering()).isEqualTo(field);
    assertThat(JobQuery.builder().ordering("-" + field).build().ordering()).isEqualTo("-" + field);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "-",
        "--created_at",
        "CREATED_AT",
        "created_at ",
        "+created_at",
        "id",
        "-id",
        "name"
      })
  void rejectsAnyOtherOrderingNamingItInTheMessage(String ordering) {
    assertThatExceptionOfType(ValidationException.class)
        .isThrownBy(() -> JobQuery.builder().ordering(ordering).build())
        .withMessage("ordering: \"" + ordering + "\" is not a valid choice.")
        .satisfies(
            e ->
                assertThat(e.violations())
                    .containsExactly(Violation.invalidChoice("ordering", ordering)));
  }

  @Test
  void aPageSizeOfOneIsTheSmallest() {
    assertThat(JobQuery.builder().pageSize(1).build().pageSize()).isEqualTo(1);
    assertThatExceptionOfType(ValidationException.class)
        .isThrownBy(() -> JobQuery.builder().pageSize(0).build())
        .satisfies(
            e ->
                assertThat(e.violations())
                    .containsExactly(
                        new Violation(
                            "page_size", "Ensure this value is greater than or equal to 1.")));
  }

  @ParameterizedTest
  @ValueSource(doubles = {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY})
  void scoreBoundsMustBeFinite(double bound) {
    assertThatExceptionOfType(ValidationException.class)
        .isThrownBy(() -> JobQuery.builder().scoreMin(bound).scoreMax(bound).build())
        .satisfies(
            e ->
                assertThat(e.violations())
                    .containsExactly(
                        new Violation("score_min", "A valid number is required."),
                        new Violation("score_max", "A valid number is required.")));
  }

  @Test
  void withPageCopiesTheQuery() {
    JobQuery first = JobQuery.builder().ordering("best_score").pageSize(10).build();

    JobQuery second = first.withPage(2);

    assertThat(second.page()).isEqualTo(2);
    assertThat(second.toBuilder().page(1).build()).isEqualTo(first);
  }
}
