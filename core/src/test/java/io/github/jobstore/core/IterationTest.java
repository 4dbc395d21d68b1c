package io.github.jobstore.core;

import static io.github.jobstore.core.Fixtures.CREATED;
import static io.github.jobstore.core.Fixtures.DIMENSIONS;
import static io.github.jobstore.core.Fixtures.ITERATION_ID;
import static io.github.jobstore.core.Fixtures.JOB_ID;
import static io.github.jobstore.core.Fixtures.LATER;
import static io.github.jobstore.core.Fixtures.OTHER_ID;
import static io.github.jobstore.core.Fixtures.fullIteration;
import static io.github.jobstore.core.Fixtures.minimalIteration;
import static io.github.jobstore.core.Fixtures.rejected;
import static io.github.jobstore.core.Fixtures.tooLongMessage;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Building and copying an {@link Iteration}. */
class IterationTest {

  private static final JsonObject OTHER_JSON = JsonObject.of(Map.of("other", true));

  /** One field's copy method and the builder setter that should have the same effect. */
  record Change(String field, UnaryOperator<Iteration> with, UnaryOperator<Iteration.Builder> set) {
    @Override
    public String toString() {
      return field;
    }
  }

  static Stream<Change> changes() {
    return Stream.of(
        new Change("id", i -> i.withId(OTHER_ID), b -> b.id(OTHER_ID)),
        new Change("created_at", i -> i.withCreatedAt(LATER), b -> b.createdAt(LATER)),
        new Change(
            "iteration_name", i -> i.withIterationName("other"), b -> b.iterationName("other")),
        new Change("job", i -> i.withJob(OTHER_ID), b -> b.job(OTHER_ID)),
        new Change("agent_code", i -> i.withAgentCode("other"), b -> b.agentCode("other")),
        new Change("avg_score", i -> i.withAvgScore(0.1), b -> b.avgScore(0.1)),
        new Change("description", i -> i.withDescription("other"), b -> b.description("other")),
        new Change(
            "dimension_scores",
            i -> i.withDimensionScores(OTHER_JSON),
            b -> b.dimensionScores(OTHER_JSON)),
        new Change("order", i -> i.withOrder(7L), b -> b.order(7L)),
        new Change(
            "status",
            i -> i.withStatus(IterationStatus.DISCARD),
            b -> b.status(IterationStatus.DISCARD)));
  }

  @Test
  void everyAccessorReturnsWhatTheBuilderSet() {
    Iteration iteration = fullIteration();

    assertThat(iteration.id()).isEqualTo(ITERATION_ID);
    assertThat(iteration.createdAt()).isEqualTo(CREATED);
    assertThat(iteration.iterationName()).isEqualTo("first");
    assertThat(iteration.job()).isEqualTo(JOB_ID);
    assertThat(iteration.agentCode()).contains("def agent(): return 1");
    assertThat(iteration.avgScore()).contains(0.625);
    assertThat(iteration.description()).contains("tries a shorter prompt");
    assertThat(iteration.dimensionScores()).contains(DIMENSIONS);
    assertThat(iteration.order()).contains(1L);
    assertThat(iteration.status()).contains(IterationStatus.KEEP);
  }

  @Test
  void everyOptionalFieldOfAMinimalIterationIsEmpty() {
    Iteration iteration = minimalIteration();

    assertThat(iteration.agentCode()).isEmpty();
    assertThat(iteration.avgScore()).isEmpty();
    assertThat(iteration.description()).isEmpty();
    assertThat(iteration.dimensionScores()).isEmpty();
    assertThat(iteration.order()).isEmpty();
    assertThat(iteration.status()).isEmpty();
  }

  /** The API's schema allows any int64 order (its own example is -9007199254740991). */
  @ParameterizedTest
  @ValueSource(longs = {Long.MIN_VALUE, -9007199254740991L, 0L, 1L, Long.MAX_VALUE})
  void orderAcceptsAnyInt64(long order) {
    assertThat(minimalIteration().withOrder(order).order()).contains(order);
  }

  @Test
  void toBuilderThenBuildEqualsTheOriginal() {
    Iteration original = fullIteration();

    assertThat(original.toBuilder().build()).isEqualTo(original).hasSameHashCodeAs(original);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("changes")
  void withCopyChangesExactlyThatField(Change change) {
    Iteration original = fullIteration();

    Iteration copy = change.with().apply(original);

    assertThat(copy)
        .isNotEqualTo(original)
        .isEqualTo(change.set().apply(original.toBuilder()).build());
    assertThat(original).isEqualTo(fullIteration());
  }

  @Test
  void withEmptyOptionalClearsThatField() {
    Iteration copy = fullIteration().withOrder(Optional.empty()).withStatus(Optional.empty());

    assertThat(copy.order()).isEmpty();
    assertThat(copy.status()).isEmpty();
    assertThat(copy.avgScore()).contains(0.625);
  }

  @Test
  void invalidWithCopyThrowsAndLeavesTheOriginalUnchanged() {
    Iteration original = fullIteration();

    assertThat(rejected(() -> original.withIterationName("n".repeat(65))).violations())
        .containsExactly(new Violation("iteration_name", tooLongMessage(64)));
    assertThat(original.iterationName()).isEqualTo("first");
    assertThat(original).isEqualTo(fullIteration());
  }
}
