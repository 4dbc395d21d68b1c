package io.github.jobstore.json;

import static io.github.jobstore.json.JsonTestSupport.JSON;
import static io.github.jobstore.json.JsonTestSupport.MINIMAL_ITERATION_PARAMS;
import static io.github.jobstore.json.JsonTestSupport.MINIMAL_JOB;
import static io.github.jobstore.json.JsonTestSupport.assertRejected;
import static io.github.jobstore.json.JsonTestSupport.names;
import static io.github.jobstore.json.JsonTestSupport.tree;
import static io.github.jobstore.json.JsonTestSupport.with;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.jobstore.core.JobCreateParams;
import io.github.jobstore.core.JsonNumber;
import io.github.jobstore.core.JsonObject;
import io.github.jobstore.core.JsonValue;
import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * JSON object fields ({@code result}, {@code backtest_results}, {@code dimension_scores}) are kept
 * exactly: every number with its digits and scale, key order, every kind of value.
 */
class JsonObjectWireTest {

  private static final String FORTY_DIGITS = "1234567890123456789012345678901234567890";

  private static final String EXACT =
      "{\"big\":"
          + FORTY_DIGITS
          + ",\"scale\":1.50,\"tiny\":1E-40,\"huge\":1E+400"
          + ",\"nested\":{\"list\":[1.50,-"
          + FORTY_DIGITS
          + ",\"1.50\",true,false,null,{}]},\"\":\"empty key\"}";

  private static JsonValue member(JsonObject object, String key) {
    return object.get(key).orElseThrow();
  }

  @Test
  void fortyDigitIntegerAndTrailingZerosSurviveARoundTripDigitForDigit() {
    JobCreateParams params = JSON.readJobCreateParams("{\"result\": " + EXACT + "}");

    assertThat(JSON.write(params)).contains("\"result\":" + EXACT);
  }

  @Test
  void readNumbersKeepTheirScale() {
    JsonObject result =
        JSON.readJobCreateParams("{\"result\": " + EXACT + "}").result().orElseThrow();

    assertThat(((JsonNumber) member(result, "scale")).value()).isEqualTo(new BigDecimal("1.50"));
    assertThat(((JsonNumber) member(result, "big")).value())
        .isEqualTo(new BigDecimal(FORTY_DIGITS));
    assertThat(((JsonNumber) member(result, "huge")).value()).isEqualTo(new BigDecimal("1E+400"));
  }

  @Test
  void backtestResultsAndDimensionScoresAreKeptExactlyToo() {
    String backtest = JSON.write(JSON.readJob(with(MINIMAL_JOB, "backtest_results", EXACT)));
    String dimensions =
        JSON.write(
            JSON.readIterationCreateParams(
                with(MINIMAL_ITERATION_PARAMS, "dimension_scores", EXACT)));

    assertThat(backtest).contains("\"backtest_results\":" + EXACT);
    assertThat(dimensions).contains("\"dimension_scores\":" + EXACT);
  }

  @Test
  void keyOrderIsKeptOnWrite() {
    String written =
        JSON.write(JSON.readJobCreateParams("{\"result\": {\"z\": 1, \"a\": 2, \"m\": 3}}"));

    assertThat(names(tree(written).get("result"))).containsExactly("z", "a", "m");
  }

  @Test
  void stringsInsideAreKeptExactly() {
    String text = "tab\t nul\u0000 quote\" backslash\\ line\u2028 😀";
    JobCreateParams params =
        JobCreateParams.builder().result(JsonObject.of(Map.of("s", text))).build();

    JsonObject read = JSON.readJobCreateParams(JSON.write(params)).result().orElseThrow();

    assertThat(read).isEqualTo(params.result().orElseThrow());
  }

  @Test
  void numbersBuiltFromJavaValuesAreWrittenByValue() {
    JobCreateParams params =
        JobCreateParams.builder()
            .result(JsonObject.of(Map.of("d", new BigDecimal("2.500"), "l", Long.MIN_VALUE)))
            .build();

    assertThat(JSON.write(params))
        .containsAnyOf(
            "\"result\":{\"d\":2.500,\"l\":-9223372036854775808}",
            "\"result\":{\"l\":-9223372036854775808,\"d\":2.500}");
  }

  @Test
  void negativeZeroInsideAnObjectKeepsItsScale() {
    // BigDecimal has no negative zero, so the sign may go; the scale of 0.000 must not.
    String written = JSON.write(JSON.readJobCreateParams("{\"result\": {\"z\": -0.000}}"));

    assertThat(tree(written).at("/result/z").decimalValue()).isEqualTo(new BigDecimal("0.000"));
  }

  @ParameterizedTest(name = "[{index}] {0} is {1}")
  @CsvSource(
      delimiter = '|',
      value = {"[] | list", "[{}] | list", "\"{}\" | str", "5 | int", "1.5 | float", "true | bool"})
  void nonObjectResultIsRejectedNamingItsPythonType(String wire, String type) {
    assertRejected(() -> JSON.readJobCreateParams(with("{}", "result", wire)))
        .hasOnlyViolation(
            "result", "Expected a dictionary of items but got type \"" + type + "\".");
  }

  @Test
  void nonObjectBacktestResultsIsRejected() {
    assertRejected(() -> JSON.readJobCreateParams("{\"backtest_results\": [1, 2]}"))
        .hasOnlyViolation(
            "backtest_results", "Expected a dictionary of items but got type \"list\".");
  }

  @Test
  void nonObjectDimensionScoresIsRejected() {
    assertRejected(
            () ->
                JSON.readIterationCreateParams(
                    with(MINIMAL_ITERATION_PARAMS, "dimension_scores", "\"x\"")))
        .hasOnlyViolation(
            "dimension_scores", "Expected a dictionary of items but got type \"str\".");
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @ValueSource(strings = {"{\"a\": NaN}", "{\"a\": [1, Infinity]}", "{\"a\": {\"b\": -Infinity}}"})
  void nonFiniteNumberInsideAnObjectIsRejectedAsInvalidJson(String wire) {
    assertRejected(() -> JSON.readJobCreateParams(with("{}", "result", wire)))
        .hasOnlyViolation("result", "Value must be valid JSON.");
  }
}
