package io.github.jobstore.core;

import static io.github.jobstore.core.Fixtures.fullIteration;
import static io.github.jobstore.core.Fixtures.fullIterationCreateParams;
import static io.github.jobstore.core.Fixtures.fullJob;
import static io.github.jobstore.core.Fixtures.fullJobCreateParams;
import static io.github.jobstore.core.Fixtures.minimalIterationBuilder;
import static io.github.jobstore.core.Fixtures.minimalJobBuilder;
import static io.github.jobstore.core.Fixtures.rejected;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.function.DoubleFunction;
import java.util.stream.DoubleStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Scores must be finite: NaN and the infinities are "A valid number is required.". */
class NonFiniteNumberTest {

  private static final String NOT_A_NUMBER = "A valid number is required.";

  /**
   * A double field of one value type.
   *
   * @param build builds a fresh value with the number set and reads the field back
   * @param copy sets the number on a valid value with a {@code withX} copy and reads it back
   */
  record ScoreField(
      String type,
      String field,
      DoubleFunction<Optional<Double>> build,
      DoubleFunction<Optional<Double>> copy) {
    @Override
    public String toString() {
      return type + "." + field;
    }
  }

  static Stream<ScoreField> scoreFields() {
    return Stream.of(
        new ScoreField(
            "Job",
            "baseline_score",
            d -> minimalJobBuilder().baselineScore(d).build().baselineScore(),
            d -> fullJob().withBaselineScore(d).baselineScore()),
        new ScoreField(
            "Job",
            "best_score",
            d -> minimalJobBuilder().bestScore(d).build().bestScore(),
            d -> fullJob().withBestScore(d).bestScore()),
        new ScoreField(
            "Job",
            "improvement",
            d -> minimalJobBuilder().improvement(d).build().improvement(),
            d -> fullJob().withImprovement(d).improvement()),
        new ScoreField(
            "JobCreateParams",
            "baseline_score",
            d -> JobCreateParams.builder().baselineScore(d).build().baselineScore(),
            d -> fullJobCreateParams().withBaselineScore(d).baselineScore()),
        new ScoreField(
            "JobCreateParams",
            "best_score",
            d -> JobCreateParams.builder().bestScore(d).build().bestScore(),
            d -> fullJobCreateParams().withBestScore(d).bestScore()),
        new ScoreField(
            "JobCreateParams",
            "improvement",
            d -> JobCreateParams.builder().improvement(d).build().improvement(),
            d -> fullJobCreateParams().withImprovement(d).improvement()),
        new ScoreField(
            "Iteration",
            "avg_score",
            d -> minimalIterationBuilder().avgScore(d).build().avgScore(),
            d -> fullIteration().withAvgScore(d).avgScore()),
        new ScoreField(
            "IterationCreateParams",
            "avg_score",
            d -> IterationCreateParams.builder().iterationName("n").avgScore(d).build().avgScore(),
            d -> fullIterationCreateParams().withAvgScore(d).avgScore()));
  }

  static Stream<Arguments> nonFinite() {
    return scoreFields()
        .flatMap(
            f ->
                DoubleStream.of(Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY)
                    .mapToObj(d -> Arguments.of(f, d)));
  }

  static Stream<Arguments> extremeButFinite() {
    return scoreFields()
        .flatMap(
            f ->
                DoubleStream.of(
                        Double.MAX_VALUE,
                        -Double.MAX_VALUE,
                        Double.MIN_VALUE,
                        -Double.MIN_VALUE,
                        Double.MIN_NORMAL,
                        -0.0,
                        0.0)
                    .mapToObj(d -> Arguments.of(f, d)));
  }

  @ParameterizedTest(name = "{0} = {1}")
  @MethodSource("nonFinite")
  void nonFiniteNumberIsRejected(ScoreField score, double value) {
    assertThat(rejected(() -> score.build().apply(value)).violations())
        .containsExactly(new Violation(score.field(), NOT_A_NUMBER));
  }

  @ParameterizedTest(name = "{0} = {1}")
  @MethodSource("nonFinite")
  void nonFiniteNumberCopyIsRejected(ScoreField score, double value) {
    assertThat(rejected(() -> score.copy().apply(value)).violations())
        .containsExactly(new Violation(score.field(), NOT_A_NUMBER));
  }

  /** Stored exactly: {@code -0.0} stays negative zero ({@link Double#equals} tells them apart). */
  @ParameterizedTest(name = "{0} = {1}")
  @MethodSource("extremeButFinite")
  void extremeFiniteNumberIsStoredExactly(ScoreField score, double value) {
    assertThat(score.build().apply(value)).contains(value);
  }

  @ParameterizedTest(name = "{0} = {1}")
  @MethodSource("extremeButFinite")
  void extremeFiniteNumberCopyIsStoredExactly(ScoreField score, double value) {
    assertThat(score.copy().apply(value)).contains(value);
  }

  @Test
  void nanBestScoreCopyLeavesTheOriginalUnchanged() {
    Job original = fullJob();

    rejected(() -> original.withBestScore(Double.NaN));

    assertThat(original.bestScore()).contains(0.75);
    assertThat(original).isEqualTo(fullJob());
  }

  @Test
  void nanThroughTheOptionalCopyIsRejected() {
    assertThat(rejected(() -> fullJob().withBestScore(Optional.of(Double.NaN))).violations())
        .containsExactly(new Violation("best_score", NOT_A_NUMBER));
  }

  @Test
  void nanThroughTheOptionalBuilderSetterIsRejected() {
    assertThat(
            rejected(
                    () ->
                        JobCreateParams.builder()
                            .improvement(Optional.of(Double.NEGATIVE_INFINITY))
                            .build())
                .violations())
        .containsExactly(new Violation("improvement", NOT_A_NUMBER));
  }
}
