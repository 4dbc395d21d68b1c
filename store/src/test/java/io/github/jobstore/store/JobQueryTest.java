package io.github.jobstore.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import io.github.jobstore.core.ValidationException;
import io.github.jobstore.core.Violation;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JobQueryTest {

  private static final List<String> ORDERING_PARTS =
      Stream.of(
              "created_at",
              "updated_at",
              "best_score",
              "baseline_score",
              "improvement",
              "num_iterations",
              "status",
              "job_type",
              "prompt_slug")
          .flatMap(field -> Stream.of(field, "-" + field))
          .toList();

  @Test
  void orderingFieldsAreExactlyTheFieldsAnOrderingMayName() {
    assertThat(JobQuery.orderingFields())
        .containsExactlyInAnyOrder(
            "created_at",
            "updated_at",
            "best_score",
            "baseline_score",
            "improvement",
            "num_iterations",
            "status",
            "job_type",
            "prompt_slug");
  }

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
  void acceptsEveryPairOfOrderingFieldsInEveryDirection() {
    for (String first : ORDERING_PARTS) {
      for (String second : ORDERING_PARTS) {
        String ordering = first + "," + second;

        assertThat(JobQuery.builder().ordering(ordering).build().ordering()).isEqualTo(ordering);
      }
    }
  }

  @Test
  void acceptsEveryFieldInOneOrdering() {
    String ordering = String.join(",", ORDERING_PARTS);

    assertThat(JobQuery.builder().ordering(ordering).build().ordering()).isEqualTo(ordering);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "nope,status",
        "status,nope",
        "status,-best_score,nope",
        "status,",
        ",status",
        "status,,best_score",
        "status, best_score",
        "status,--best_score",
        "status,-",
        "status;best_score"
      })
  void rejectsAnUnknownFieldAnywhereInAnOrderingNamingIt(String ordering) {
    String unknown =
        Arrays.stream(ordering.split(",", -1))
            .filter(part -> !ORDERING_PARTS.contains(part))
            .findFirst()
            .orElseThrow();

    assertThatExceptionOfType(ValidationException.class)
        .isThrownBy(() -> JobQuery.builder().ordering(ordering).build())
        .withMessage("ordering: \"" + unknown + "\" is not a valid choice.")
        .satisfies(
            e ->
                assertThat(e.violations())
                    .containsExactly(Violation.invalidChoice("ordering", unknown)));
  }

  @Test
  void reportsEveryUnknownOrderingFieldInOrder() {
    assertThatExceptionOfType(ValidationException.class)
        .isThrownBy(() -> JobQuery.builder().ordering("b,status,a,,-c").pageSize(0).build())
        .satisfies(
            e ->
                assertThat(e.violations())
                    .containsExactly(
                        Violation.invalidChoice("ordering", "b"),
                        Violation.invalidChoice("ordering", "a"),
                        Violation.invalidChoice("ordering", ""),
                        Violation.invalidChoice("ordering", "-c"),
                        Violation.atLeast("page_size", 1)));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", " ", "a", " a, b ", "\"unclosed", "\u0000", "ß"})
  void keepsTheSearchTermAsGiven(String term) {
    JobQuery query = JobQuery.builder().search(term).build();

    assertThat(query.search()).contains(term);
    assertThat(query.toBuilder().build()).isEqualTo(query);
  }

  @Test
  void hasNoSearchByDefault() {
    JobQuery query = JobQuery.builder().build();

    assertThat(query.search()).isEmpty();
    assertThat(query.upperSearchTerms()).isEmpty();
  }

  @Test
  void upperCasesTheSearchTermsOnce() {
    JobQuery query = JobQuery.builder().search("Gpt-4o, \"new york\" stra\u00DFe").build();

    assertThat(query.upperSearchTerms()).containsExactly("GPT-4O", "NEW YORK", "STRA\u00DFE");
    assertThat(query.upperSearchTerms()).isSameAs(query.upperSearchTerms());
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
