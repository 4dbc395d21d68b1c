package io.github.jobstore.core;

import static io.github.jobstore.core.Fixtures.DIMENSIONS;
import static io.github.jobstore.core.Fixtures.fullIterationCreateParams;
import static io.github.jobstore.core.Fixtures.rejected;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Building and copying {@link IterationCreateParams}. */
class IterationCreateParamsTest {

  private static final JsonObject OTHER_JSON = JsonObject.of(Map.of("other", true));

  /** One field's copy method and the builder setter that should have the same effect. */
  record Change(
      String field,
      UnaryOperator<IterationCreateParams> with,
      UnaryOperator<IterationCreateParams.Builder> set) {
    @Override
    public String toString() {
      return field;
    }
  }

  static Stream<Change> changes() {
    return Stream.of(
        new Change(
            "iteration_name", p -> p.withIterationName("other"), b -> b.iterationName("other")),
        new Change("agent_code", p -> p.withAgentCode("other"), b -> b.agentCode("other")),
        new Change("avg_score", p -> p.withAvgScore(0.1), b -> b.avgScore(0.1)),
        new Change("description", p -> p.withDescription("other"), b -> b.description("other")),
        new Change(
            "dimension_scores",
            p -> p.withDimensionScores(OTHER_JSON),
            b -> b.dimensionScores(OTHER_JSON)),
        new Change("order", p -> p.withOrder(7L), b -> b.order(7L)),
        new Change(
            "status",
            p -> p.withStatus(IterationStatus.DISCARD),
            b -> b.status(IterationStatus.DISCARD)));
  }

  @Test
  void everyAccessorReturnsWhatTheBuilderSet() {
    IterationCreateParams params = fullIterationCreateParams();

    assertThat(params.iterationName()).isEqualTo("first");
    assertThat(params.agentCode()).contains("def agent(): return 1");
    assertThat(params.avgScore()).contains(0.625);
    assertThat(params.description()).contains("tries a shorter prompt");
    assertThat(params.dimensionScores()).contains(DIMENSIONS);
    assertThat(params.order()).contains(1L);
    assertThat(params.status()).contains(IterationStatus.KEEP);
  }

  @Test
  void toBuilderThenBuildEqualsTheOriginal() {
    IterationCreateParams original = fullIterationCreateParams();

    assertThat(original.toBuilder().build()).isEqualTo(original).hasSameHashCodeAs(original);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("changes")
  void withCopyChangesExactlyThatField(Change change) {
    IterationCreateParams original = fullIterationCreateParams();

    IterationCreateParams copy = change.with().apply(original);

    assertThat(copy)
        .isNotEqualTo(original)
        .isEqualTo(change.set().apply(original.toBuilder()).build());
    assertThat(original).isEqualTo(fullIterationCreateParams());
  }

  @Test
  void withEmptyOptionalClearsThatField() {
    IterationCreateParams copy = fullIterationCreateParams().withDescription(Optional.empty());

    assertThat(copy.description()).isEmpty();
    assertThat(copy)
        .isEqualTo(fullIterationCreateParams().toBuilder().description(Optional.empty()).build());
  }

  @Test
  void invalidWithCopyThrowsAndLeavesTheOriginalUnchanged() {
    IterationCreateParams original = fullIterationCreateParams();

    assertThat(rejected(() -> original.withAvgScore(Double.NaN)).violations())
        .containsExactly(new Violation("avg_score", "A valid number is required."));
    assertThat(original.avgScore()).contains(0.625);
    assertThat(original).isEqualTo(fullIterationCreateParams());
  }
}
