package io.github.jobstore.json;

import static io.github.jobstore.json.JsonTestSupport.JSON;
import static io.github.jobstore.json.JsonTestSupport.MINIMAL_ITERATION_PARAMS;
import static io.github.jobstore.json.JsonTestSupport.assertRejected;
import static io.github.jobstore.json.JsonTestSupport.tree;
import static io.github.jobstore.json.JsonTestSupport.with;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.jobstore.core.JobCreateParams;
import io.github.jobstore.core.Violation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Double fields (the scores, an iteration's {@code avg_score}): numbers and numeric strings, read
 * as the nearest double; anything else, and anything not finite, is {@code A valid number is
 * required.}
 */
class NumberWireTest {

  private static final String INVALID = "A valid number is required.";

  private static JobCreateParams baselineScore(String value) {
    return JSON.readJobCreateParams(with("{}", "baseline_score", value));
  }

  @ParameterizedTest(name = "[{index}] {0} is {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "0.5 | 0.5",
        "0 | 0.0",
        "5 | 5.0",
        "-1.25 | -1.25",
        "1e-400 | 0.0",
        "1.7976931348623157E308 | 1.7976931348623157E308",
        "4.9E-324 | 4.9E-324",
        "9007199254740993 | 9007199254740992",
        "\"0.5\" | 0.5",
        "\" 0.5 \" | 0.5",
        "\"\\u00a00.5\\u202f\" | 0.5",
        "\"-3\" | -3.0",
        "\"1e2\" | 100.0"
      })
  void numbersAndNumericStringsAreReadAsTheNearestDouble(String wire, double expected) {
    assertThat(baselineScore(wire).baselineScore()).contains(expected);
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @ValueSource(
      strings = {
        "\"abc\"",
        "\"\"",
        "\"0.5.1\"",
        "true",
        "false",
        "[]",
        "[0.5]",
        "{}",
        "1e400",
        "-1e400",
        "\"1e400\"",
        "NaN",
        "Infinity",
        "-Infinity",
        "\"NaN\"",
        "\"Infinity\""
      })
  void nonNumbersAndNonFiniteNumbersAreRejected(String wire) {
    assertRejected(() -> baselineScore(wire)).hasOnlyViolation("baseline_score", INVALID);
  }

  @Test
  void numericStringOverAThousandCharactersIsRejectedAsTooLarge() {
    String digits = "1".repeat(1_001);

    assertRejected(() -> baselineScore('"' + digits + '"'))
        .hasOnlyViolation("baseline_score", "String value too large.");
  }

  @Test
  void numericStringOfExactlyAThousandCharactersIsRead() {
    String digits = "1." + "0".repeat(998);

    assertThat(digits).hasSize(1_000);
    assertThat(baselineScore('"' + digits + '"').baselineScore()).contains(1.0);
  }

  @Test
  void negativeZeroKeepsItsSignBothWays() {
    JobCreateParams params = baselineScore("-0.0");

    assertThat(params.baselineScore())
        .hasValueSatisfying(
            score ->
                assertThat(Double.doubleToRawLongBits(score))
                    .isEqualTo(Double.doubleToRawLongBits(-0.0)));
    assertThat(JSON.write(params)).contains("\"baseline_score\":-0.0");
  }

  @Test
  void doublesAreWrittenAsTheirShortestExactForm() {
    String written =
        JSON.write(
            JobCreateParams.builder().baselineScore(0.1).bestScore(0.42).improvement(1e-7).build());

    assertThat(tree(written).get("baseline_score").decimalValue()).hasToString("0.1");
    assertThat(tree(written).get("best_score").decimalValue()).hasToString("0.42");
    assertThat(tree(written).get("improvement").doubleValue()).isEqualTo(1e-7);
  }

  @Test
  void everyDoubleFieldOfAJobFollowsTheSameRules() {
    String document = "{\"baseline_score\": \"x\", \"best_score\": NaN, \"improvement\": true}";

    assertRejected(() -> JSON.readJobCreateParams(document))
        .hasViolations(
            new Violation("baseline_score", INVALID),
            new Violation("best_score", INVALID),
            new Violation("improvement", INVALID));
  }

  @Test
  void iterationAverageScoreFollowsTheSameRules() {
    assertRejected(
            () ->
                JSON.readIterationCreateParams(
                    with(MINIMAL_ITERATION_PARAMS, "avg_score", "-Infinity")))
        .hasOnlyViolation("avg_score", INVALID);
    assertThat(
            JSON.readIterationCreateParams(with(MINIMAL_ITERATION_PARAMS, "avg_score", "\"0.25\""))
                .avgScore())
        .contains(0.25);
  }
}
