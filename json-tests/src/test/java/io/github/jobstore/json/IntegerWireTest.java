package io.github.jobstore.json;

import static io.github.jobstore.json.JsonTestSupport.JSON;
import static io.github.jobstore.json.JsonTestSupport.MINIMAL_ITERATION_PARAMS;
import static io.github.jobstore.json.JsonTestSupport.assertRejected;
import static io.github.jobstore.json.JsonTestSupport.with;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.jobstore.core.JobCreateParams;
import io.github.jobstore.core.Violation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * int64 fields ({@code num_iterations}, {@code candidates_per_iteration}, {@code triggered_by}, an
 * iteration's {@code order}) read as Django REST framework's {@code IntegerField}: integers in
 * range, floats without a fraction, numeric strings; anything else in the API's words.
 */
class IntegerWireTest {

  private static final String INVALID = "A valid integer is required.";
  private static final String TOO_BIG =
      "Ensure this value is less than or equal to 9223372036854775807.";
  private static final String TOO_SMALL =
      "Ensure this value is greater than or equal to -9223372036854775808.";
  private static final String TOO_LONG = "String value too large.";

  private static JobCreateParams numIterations(String value) {
    return JSON.readJobCreateParams(with("{}", "num_iterations", value));
  }

  @ParameterizedTest(name = "[{index}] {0} is {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "9223372036854775807 | 9223372036854775807",
        "-9223372036854775808 | -9223372036854775808",
        "0 | 0",
        "-0 | 0",
        "5.0 | 5",
        "5.000 | 5",
        "-5.0 | -5",
        "1e3 | 1000",
        "1E+15 | 1000000000000000",
        "\"5\" | 5",
        "\"5.00\" | 5",
        "\" 7 \" | 7",
        "\"\\u00a07\\u3000\" | 7",
        "\"\\u20075.0\\u0085\" | 5",
        "\"-12\" | -12",
        "\"+12\" | 12",
        "\"9223372036854775807\" | 9223372036854775807"
      })
  void integerFormsThePythonApiAcceptsAreRead(String wire, long expected) {
    assertThat(numIterations(wire).numIterations()).contains(expected);
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @ValueSource(
      strings = {"9223372036854775808", "\"9223372036854775808\"", "99999999999999999999999999"})
  void integersAboveTheInt64RangeAreRejected(String wire) {
    assertRejected(() -> numIterations(wire)).hasOnlyViolation("num_iterations", TOO_BIG);
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @ValueSource(
      strings = {"-9223372036854775809", "\"-9223372036854775809\"", "-99999999999999999999999"})
  void integersBelowTheInt64RangeAreRejected(String wire) {
    assertRejected(() -> numIterations(wire)).hasOnlyViolation("num_iterations", TOO_SMALL);
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @ValueSource(
      strings = {
        "5.5",
        "0.1",
        "-0.5",
        "1e16",
        "9223372036854775807.0",
        "1e-3",
        "\"5.5\"",
        "\"abc\"",
        "\"\"",
        "\"1e3\"",
        "\"0x10\"",
        "true",
        "false",
        "[]",
        "[5]",
        "{}"
      })
  void nonIntegersAreRejectedAsInvalidIntegers(String wire) {
    assertRejected(() -> numIterations(wire)).hasOnlyViolation("num_iterations", INVALID);
  }

  @Test
  void numericStringOverAThousandCharactersIsRejectedAsTooLarge() {
    String digits = "1".repeat(1_001);

    assertRejected(() -> numIterations('"' + digits + '"'))
        .hasOnlyViolation("num_iterations", TOO_LONG);
  }

  @Test
  void numericStringOfAThousandCharactersIsReadByValue() {
    String padded = "0".repeat(999) + "7";

    assertThat(numIterations('"' + padded + '"').numIterations()).contains(7L);
  }

  @Test
  void stringOverAThousandCharactersIsTooLargeEvenWhenItsPaddingWouldStripAway() {
    // Django REST framework measures the string as sent (len(data) > 1000), before it removes
    // the ".000" of "5.000..." or any white space, so this is "String value too large.".
    String zeros = "5." + "0".repeat(1_000);

    assertRejected(() -> numIterations('"' + zeros + '"'))
        .hasOnlyViolation("num_iterations", TOO_LONG);
  }

  @Test
  void everyInt64FieldOfAJobFollowsTheSameRules() {
    String document =
        "{\"candidates_per_iteration\": 5.5, \"num_iterations\": 9223372036854775808,"
            + " \"triggered_by\": -9223372036854775809}";

    assertRejected(() -> JSON.readJobCreateParams(document))
        .hasViolations(
            new Violation("candidates_per_iteration", INVALID),
            new Violation("num_iterations", TOO_BIG),
            new Violation("triggered_by", TOO_SMALL));
  }

  @Test
  void iterationOrderFollowsTheSameRules() {
    assertRejected(
            () ->
                JSON.readIterationCreateParams(
                    with(MINIMAL_ITERATION_PARAMS, "order", "9223372036854775808")))
        .hasOnlyViolation("order", TOO_BIG);
    assertThat(
            JSON.readIterationCreateParams(with(MINIMAL_ITERATION_PARAMS, "order", "\"3\""))
                .order())
        .contains(3L);
  }

  @Test
  void int64ExtremesAreWrittenExactly() {
    String written =
        JSON.write(
            JobCreateParams.builder()
                .numIterations(Long.MAX_VALUE)
                .candidatesPerIteration(Long.MIN_VALUE)
                .build());

    assertThat(written)
        .contains("\"num_iterations\":9223372036854775807")
        .contains("\"candidates_per_iteration\":-9223372036854775808");
  }
}
