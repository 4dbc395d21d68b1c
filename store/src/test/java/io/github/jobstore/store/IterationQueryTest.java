package io.github.jobstore.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import io.github.jobstore.core.IterationStatus;
import io.github.jobstore.core.ValidationException;
import io.github.jobstore.core.Violation;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IterationQueryTest {

  @Test
  void defaultsToEveryIterationByOrderOnPagesOfAHundred() {
    IterationQuery query = IterationQuery.builder().build();

    assertThat(query.ordering()).isEqualTo("order");
    assertThat(query.page()).isEqualTo(1);
    assertThat(query.pageSize()).isEqualTo(100);
    assertThat(query.job()).isEmpty();
    assertThat(query.iterationName()).isEmpty();
    assertThat(query.status()).isEmpty();
    assertThat(query.scoreMin()).isEmpty();
    assertThat(query.scoreMax()).isEmpty();
  }

  @Test
  void keepsEveryFilter() {
    UUID job = UUID.randomUUID();

    IterationQuery query =
        IterationQuery.builder()
            .job(job)
            .iterationName("round 1")
            .status(IterationStatus.KEEP)
            .scoreMin(-1.5)
            .scoreMax(2.5)
            .build();

    assertThat(query.job()).contains(job);
    assertThat(query.iterationName()).contains("round 1");
    assertThat(query.status()).contains(IterationStatus.KEEP);
    assertThat(query.scoreMin()).contains(-1.5);
    assertThat(query.scoreMax()).contains(2.5);
  }

  @Test
  void orderingFieldsAreExactlyTheFieldsAnOrderingMayName() {
    assertThat(IterationQuery.orderingFields())
        .containsExactlyInAnyOrder("order", "created_at", "avg_score", "iteration_name", "status");
  }

  @ParameterizedTest
  @ValueSource(strings = {"order", "created_at", "avg_score", "iteration_name", "status"})
  void acceptsEveryOrderingFieldInBothDirections(String field) {
    assertThat(IterationQuery.builder().ordering(field).build().ordering()).isEqualTo(field);
    assertThat(IterationQuery.builder().ordering("-" + field).build().ordering())
        .isEqualTo("-" + field);
  }

  @Test
  void acceptsSeveralOrderingFieldsEachInEitherDirection() {
    String ordering = "status,-avg_score,iteration_name,-created_at,order";

    assertThat(IterationQuery.builder().ordering(ordering).build().ordering()).isEqualTo(ordering);
  }

  @Test
  void rejectsEachUnknownOrderingFieldNamingItInOrder() {
    assertThatExceptionOfType(ValidationException.class)
        .isThrownBy(() -> IterationQuery.builder().ordering("id,status,,-job").build())
        .satisfies(
            e ->
                assertThat(e.violations())
                    .containsExactly(
                        Violation.invalidChoice("ordering", "id"),
                        Violation.invalidChoice("ordering", ""),
                        Violation.invalidChoice("ordering", "-job")));
  }

  @Test
  void keepsTheSearchTermAsGiven() {
    assertThat(IterationQuery.builder().search("  a, \"b c\" ").build().search())
        .contains("  a, \"b c\" ");
    assertThat(IterationQuery.builder().build().search()).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"", "-", "--order", "ORDER", "order ", "+order", "id", "job", "updated_at"})
  void rejectsAnyOtherOrderingNamingItInTheMessage(String ordering) {
    assertThatExceptionOfType(ValidationException.class)
        .isThrownBy(() -> IterationQuery.builder().ordering(ordering).build())
        .withMessage("ordering: \"" + ordering + "\" is not a valid choice.")
        .satisfies(
            e ->
                assertThat(e.violations())
                    .containsExactly(Violation.invalidChoice("ordering", ordering)));
  }

  @Test
  void aPageSizeOfOneIsTheSmallest() {
    assertThat(IterationQuery.builder().pageSize(1).build().pageSize()).isEqualTo(1);
    assertThatExceptionOfType(ValidationException.class)
        .isThrownBy(() -> IterationQuery.builder().pageSize(0).build())
        .satisfies(
            e -> assertThat(e.violations()).containsExactly(Violation.atLeast("page_size", 1)));
  }

  @ParameterizedTest
  @ValueSource(doubles = {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY})
  void scoreBoundsMustBeFinite(double bound) {
    assertThatExceptionOfType(ValidationException.class)
        .isThrownBy(() -> IterationQuery.builder().scoreMin(bound).scoreMax(bound).build())
        .satisfies(
            e ->
                assertThat(e.violations())
                    .containsExactly(
                        Violation.notANumber("score_min"), Violation.notANumber("score_max")));
  }

  @Test
  void reportsEveryViolationAtOnce() {
    assertThatExceptionOfType(ValidationException.class)
        .isThrownBy(
            () -> IterationQuery.builder().scoreMin(Double.NaN).ordering("id").pageSize(-1).build())
        .satisfies(
            e ->
                assertThat(e.violations())
                    .containsExactly(
                        Violation.notANumber("score_min"),
                        Violation.invalidChoice("ordering", "id"),
                        Violation.atLeast("page_size", 1)));
  }

  @Test
  void withPageCopiesTheQuery() {
    IterationQuery first = IterationQuery.builder().ordering("-avg_score").pageSize(10).build();

    IterationQuery second = first.withPage(2);

    assertThat(second.page()).isEqualTo(2);
    assertThat(second.toBuilder().page(1).build()).isEqualTo(first);
  }
}
