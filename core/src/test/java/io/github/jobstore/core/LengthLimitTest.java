package io.github.jobstore.core;

import static io.github.jobstore.core.Fixtures.EMOJI;
import static io.github.jobstore.core.Fixtures.minimalIteration;
import static io.github.jobstore.core.Fixtures.minimalIterationBuilder;
import static io.github.jobstore.core.Fixtures.minimalIterationCreateParams;
import static io.github.jobstore.core.Fixtures.minimalJob;
import static io.github.jobstore.core.Fixtures.minimalJobBuilder;
import static io.github.jobstore.core.Fixtures.rejected;
import static io.github.jobstore.core.Fixtures.tooLongMessage;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every length limit at its edge. Lengths count Unicode code points, as the API's Python server
 * does, so an astral-plane character (two Java chars) counts as one.
 */
class LengthLimitTest {

  /**
   * A length-limited string field of one value type.
   *
   * @param build builds a fresh value with the string set and reads the field back
   * @param copy sets the string on a valid value with a {@code withX} copy and reads it back
   */
  record LimitedField(
      String type,
      String field,
      int max,
      Function<String, String> build,
      Function<String, String> copy) {
    @Override
    public String toString() {
      return type + "." + field + " (" + max + ")";
    }
  }

  static Stream<LimitedField> limitedFields() {
    JobCreateParams params = JobCreateParams.builder().build();
    return Stream.of(
        new LimitedField(
            "Job",
            "analyzer_model",
            128,
            s -> minimalJobBuilder().analyzerModel(s).build().analyzerModel().orElseThrow(),
            s -> minimalJob().withAnalyzerModel(s).analyzerModel().orElseThrow()),
        new LimitedField(
            "Job",
            "celery_task_id",
            255,
            s -> minimalJobBuilder().celeryTaskId(s).build().celeryTaskId().orElseThrow(),
            s -> minimalJob().withCeleryTaskId(s).celeryTaskId().orElseThrow()),
        new LimitedField(
            "Job",
            "data_source",
            20,
            s -> minimalJobBuilder().dataSource(s).build().dataSource().orElseThrow(),
            s -> minimalJob().withDataSource(s).dataSource().orElseThrow()),
        new LimitedField(
            "Job",
            "prompt_slug",
            255,
            s -> minimalJobBuilder().promptSlug(s).build().promptSlug().orElseThrow(),
            s -> minimalJob().withPromptSlug(s).promptSlug().orElseThrow()),
        new LimitedField(
            "JobCreateParams",
            "analyzer_model",
            128,
            s -> JobCreateParams.builder().analyzerModel(s).build().analyzerModel().orElseThrow(),
            s -> params.withAnalyzerModel(s).analyzerModel().orElseThrow()),
        new LimitedField(
            "JobCreateParams",
            "celery_task_id",
            255,
            s -> JobCreateParams.builder().celeryTaskId(s).build().celeryTaskId().orElseThrow(),
            s -> params.withCeleryTaskId(s).celeryTaskId().orElseThrow()),
        new LimitedField(
            "JobCreateParams",
            "data_source",
            20,
            s -> JobCreateParams.builder().dataSource(s).build().dataSource().orElseThrow(),
            s -> params.withDataSource(s).dataSource().orElseThrow()),
        new LimitedField(
            "JobCreateParams",
            "prompt_slug",
            255,
            s -> JobCreateParams.builder().promptSlug(s).build().promptSlug().orElseThrow(),
            s -> params.withPromptSlug(s).promptSlug().orElseThrow()),
        new LimitedField(
            "Iteration",
            "iteration_name",
            64,
            s -> minimalIterationBuilder().iterationName(s).build().iterationName(),
            s -> minimalIteration().withIterationName(s).iterationName()),
        new LimitedField(
            "IterationCreateParams",
            "iteration_name",
            64,
            s -> IterationCreateParams.builder().iterationName(s).build().iterationName(),
            s -> minimalIterationCreateParams().withIterationName(s).iterationName()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("limitedFields")
  void asciiValueAtTheLimitIsStoredAsGiven(LimitedField limited) {
    String value = "a".repeat(limited.max());

    assertThat(limited.build().apply(value)).isEqualTo(value);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("limitedFields")
  void asciiValueOneOverTheLimitIsRejected(LimitedField limited) {
    String value = "a".repeat(limited.max() + 1);

    assertThat(rejected(() -> limited.build().apply(value)).violations())
        .containsExactly(new Violation(limited.field(), tooLongMessage(limited.max())));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("limitedFields")
  void astralValueAtTheLimitIsStoredAsGiven(LimitedField limited) {
    String value = EMOJI.repeat(limited.max());

    assertThat(limited.build().apply(value)).isEqualTo(value);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("limitedFields")
  void astralValueOneOverTheLimitIsRejected(LimitedField limited) {
    String value = EMOJI.repeat(limited.max() + 1);

    assertThat(rejected(() -> limited.build().apply(value)).violations())
        .containsExactly(new Violation(limited.field(), tooLongMessage(limited.max())));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("limitedFields")
  void astralCharacterThatEndsAValueAtTheLimitCountsAsOne(LimitedField limited) {
    String value = "a".repeat(limited.max() - 1) + EMOJI;

    assertThat(value).hasSize(limited.max() + 1);
    assertThat(limited.build().apply(value)).isEqualTo(value);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("limitedFields")
  void copyAtTheLimitIsStoredAsGiven(LimitedField limited) {
    String value = EMOJI.repeat(limited.max());

    assertThat(limited.copy().apply(value)).isEqualTo(value);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("limitedFields")
  void copyOneOverTheLimitIsRejected(LimitedField limited) {
    String value = EMOJI.repeat(limited.max() + 1);

    assertThat(rejected(() -> limited.copy().apply(value)).violations())
        .containsExactly(new Violation(limited.field(), tooLongMessage(limited.max())));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("limitedFields")
  void rejectionNeverEchoesTheRejectedValue(LimitedField limited) {
    String secret = "TOP-SECRET-" + "k".repeat(limited.max());

    ValidationException e = rejected(() -> limited.build().apply(secret));

    assertThat(e.getMessage())
        .contains(limited.field())
        .doesNotContain("TOP-SECRET")
        .doesNotContain("kkkkkkkk");
    assertThat(e.violations())
        .allSatisfy(v -> assertThat(v.toString()).doesNotContain("TOP-SECRET"));
  }

  @Test
  void analyzerModelOf128EmojiIs256CharsAndValid() {
    String value = EMOJI.repeat(128);

    assertThat(value).hasSize(256);
    assertThat(minimalJobBuilder().analyzerModel(value).build().analyzerModel()).contains(value);
    assertThat(JobCreateParams.builder().analyzerModel(value).build().analyzerModel())
        .contains(value);
  }
}
