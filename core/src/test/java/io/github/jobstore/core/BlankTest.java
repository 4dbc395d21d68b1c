package io.github.jobstore.core;

import static io.github.jobstore.core.Fixtures.minimalIteration;
import static io.github.jobstore.core.Fixtures.minimalIterationBuilder;
import static io.github.jobstore.core.Fixtures.minimalIterationCreateParams;
import static io.github.jobstore.core.Fixtures.minimalJobBuilder;
import static io.github.jobstore.core.Fixtures.rejected;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Blank means empty after Python's {@code str.strip()}, which strips every Unicode white space
 * (more than Java's {@link String#isBlank()}).
 */
class BlankTest {

  private static final String BLANK = "This field may not be blank.";

  /** Empty, and white space only: ASCII, U+0085, U+00A0, U+2003, U+3000, U+2028 and a mix. */
  @ParameterizedTest(name = "[{index}] \"{0}\"")
  @ValueSource(
      strings = {
        "",
        " ",
        "\t",
        "\n",
        "\r\n",
        "\u000b\u000c",
        "\u001c\u001f",
        "\u0085",
        "\u00a0",
        "\u2003",
        "\u3000",
        "\u2028\u2029",
        " \t\u00a0\u2003\u3000\u202f\u205f\u1680"
      })
  void blankDataSourceOfCreateParamsIsRejected(String blank) {
    assertThat(rejected(() -> JobCreateParams.builder().dataSource(blank).build()).violations())
        .containsExactly(new Violation("data_source", BLANK));
  }

  @ParameterizedTest(name = "[{index}] \"{0}\"")
  @ValueSource(strings = {"", " ", "\u00a0", "\u2003", "\t\n"})
  void blankDataSourceCopyOfCreateParamsIsRejected(String blank) {
    JobCreateParams params = JobCreateParams.builder().dataSource("s3").build();

    assertThat(rejected(() -> params.withDataSource(blank)).violations())
        .containsExactly(new Violation("data_source", BLANK));
  }

  @Test
  void whitespaceOnlyDataSourceLongerThanTheLimitIsReportedOnlyAsBlank() {
    String blank = "\u00a0".repeat(21);

    assertThat(rejected(() -> JobCreateParams.builder().dataSource(blank).build()).violations())
        .containsExactly(new Violation("data_source", BLANK));
  }

  @ParameterizedTest(name = "[{index}] \"{0}\"")
  @ValueSource(strings = {"", " ", "\u00a0", "\u2003", "\u0085", "\u3000", "\t\n"})
  void blankDataSourceOfAJobIsStoredAsGiven(String blank) {
    assertThat(minimalJobBuilder().dataSource(blank).build().dataSource()).contains(blank);
  }

  @ParameterizedTest(name = "[{index}] \"{0}\"")
  @ValueSource(strings = {"", " ", "\u00a0", "\u2003", "\u0085", "\u3000", "\t\n"})
  void blankIterationNameOfAnIterationIsRejected(String blank) {
    assertThat(rejected(() -> minimalIterationBuilder().iterationName(blank).build()).violations())
        .containsExactly(new Violation("iteration_name", BLANK));
  }

  @ParameterizedTest(name = "[{index}] \"{0}\"")
  @ValueSource(strings = {"", " ", "\u00a0", "\u2003", "\u0085", "\u3000", "\t\n"})
  void blankIterationNameOfIterationCreateParamsIsRejected(String blank) {
    assertThat(
            rejected(() -> IterationCreateParams.builder().iterationName(blank).build())
                .violations())
        .containsExactly(new Violation("iteration_name", BLANK));
  }

  @Test
  void blankIterationNameCopyIsRejected() {
    assertThat(rejected(() -> minimalIteration().withIterationName("\u2003")).violations())
        .containsExactly(new Violation("iteration_name", BLANK));
    assertThat(rejected(() -> minimalIterationCreateParams().withIterationName(" ")).violations())
        .containsExactly(new Violation("iteration_name", BLANK));
  }

  @Test
  void whitespaceOnlyIterationNameLongerThanTheLimitIsReportedOnlyAsBlank() {
    String blank = " ".repeat(65);

    assertThat(rejected(() -> minimalIterationBuilder().iterationName(blank).build()).violations())
        .containsExactly(new Violation("iteration_name", BLANK));
  }

  /** Python's {@code str.strip()} keeps U+200B ZERO WIDTH SPACE: it is not white space. */
  @Test
  void zeroWidthSpaceAloneIsNotBlank() {
    assertThat(JobCreateParams.builder().dataSource("\u200b").build().dataSource())
        .contains("\u200b");
    assertThat(minimalIterationBuilder().iterationName("\u200b").build().iterationName())
        .isEqualTo("\u200b");
  }

  /** U+FEFF (byte order mark) and U+180E are format characters, not white space, in Python. */
  @ParameterizedTest(name = "[{index}] U+{0}")
  @ValueSource(strings = {"\ufeff", "\u180e", "\u2060", "\u200d"})
  void formatCharacterAloneIsNotBlank(String format) {
    assertThat(JobCreateParams.builder().dataSource(format).build().dataSource()).contains(format);
  }

  @Test
  void valueWithSurroundingWhitespaceIsNotBlankAndIsStoredUnstripped() {
    String padded = "\u00a0 s3 \u2003";

    assertThat(JobCreateParams.builder().dataSource(padded).build().dataSource()).contains(padded);
    assertThat(IterationCreateParams.builder().iterationName(padded).build().iterationName())
        .isEqualTo(padded);
  }

  @Test
  void astralCharacterAloneIsNotBlank() {
    assertThat(JobCreateParams.builder().dataSource(Fixtures.EMOJI).build().dataSource())
        .contains(Fixtures.EMOJI);
  }
}
