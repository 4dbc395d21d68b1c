package io.github.jobstore.json;

import static io.github.jobstore.json.JsonTestSupport.JSON;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.github.jobstore.core.JobCreateParams;
import io.github.jobstore.core.JsonValue;
import io.github.jobstore.core.ValidationException;
import io.github.jobstore.core.Violation;
import java.time.Duration;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What is not JSON, or breaks a read limit, is a {@link MalformedJsonException} ({@code JSON parse
 * error - ...}) that never quotes the document; nothing else escapes a reader (no Jackson
 * exception, no {@link StackOverflowError}), and no document makes a reader hang or exhaust the
 * heap.
 */
class ReadLimitsTest {

  private static final Duration LIMIT = Duration.ofSeconds(5);
  private static final String PREFIX = "JSON parse error - ";

  /** What {@code read} throws for {@code document}, within {@link #LIMIT}. */
  private static Throwable thrownBy(Function<String, ?> read, String document) {
    Throwable thrown =
        assertTimeoutPreemptively(LIMIT, () -> catchThrowable(() -> read.apply(document)));
    assertThat(thrown).as("what the reader threw").isNotNull();
    return thrown;
  }

  /** Asserts that {@code read} rejects {@code document} as malformed, and returns the message. */
  private static String malformed(Function<String, ?> read, String document) {
    Throwable thrown = thrownBy(read, document);
    assertThat(thrown).isExactlyInstanceOf(MalformedJsonException.class);
    String message = String.valueOf(thrown.getMessage());
    assertThat(message).startsWith(PREFIX);
    return message;
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @ValueSource(
      strings = {
        "{\"analyzer_model\": \"s3cr3t-token\" oops}",
        "{\"analyzer_model\": 's3cr3t-token'}",
        "{\"analyzer_model\": \"s3cr3t-token\",}",
        "{\"analyzer_model\": \"s3cr3t-token\"",
        "{\"analyzer_model\": \"s3cr3t-token",
        "{\"analyzer_model\": s3cr3t-token}",
        "{analyzer_model: \"s3cr3t-token\"}",
        "{\"analyzer_model\": \"s3cr3t-token\" /* comment */}",
        "{\"analyzer_model\": \"s3cr3t-token\u0001\"}",
        "{\"analyzer_model\": \"s3cr3t-token\\x\"}",
        "{\"analyzer_model\" \"s3cr3t-token\"}",
        "{\"num_iterations\": 01, \"s3cr3t-token\": 1}",
        "{\"num_iterations\": +1, \"s3cr3t-token\": 1}"
      })
  void syntaxErrorIsMalformedWithoutQuotingTheDocument(String document) {
    String message = malformed(JSON::readJobCreateParams, document);

    assertThat(message).doesNotContain("s3cr3t");
  }

  @Test
  void malformedJsonExceptionIsAnUncheckedIllegalArgument() {
    assertThat(thrownBy(JSON::readJob, "{")).isInstanceOf(IllegalArgumentException.class);
  }

  @ParameterizedTest(name = "[{index}] \"{0}\"")
  @ValueSource(strings = {"", " ", "\n\t "})
  void emptyDocumentIsMalformed(String document) {
    malformed(JSON::readJobCreateParams, document);
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @ValueSource(strings = {"{} {}", "{}x", "{}]", "{} null", "{}, {}", "[] []"})
  void trailingDataAfterTheValueIsMalformed(String document) {
    malformed(JSON::readJobCreateParams, document);
  }

  @Test
  void aHundredThousandNestedArraysAreMalformedWithoutAStackOverflow() {
    String deep = "[".repeat(100_000) + "]".repeat(100_000);

    malformed(JSON::readJobCreateParams, deep);
    malformed(JSON::readJob, deep);
  }

  @Test
  void aHundredThousandNestedObjectsInsideAFieldAreMalformed() {
    String deep = "{\"result\":" + "{\"a\":".repeat(100_000) + "1" + "}".repeat(100_001);

    malformed(JSON::readJobCreateParams, deep);
  }

  @Test
  void unclosedDeepNestingIsMalformed() {
    malformed(JSON::readIteration, "[".repeat(100_000));
  }

  @Test
  void aValueNestedAsDeepAsAJsonValueMayBeIsReadAndWrittenBack() {
    // result is an object holding arrays: 1 + 499 = JsonValue.MAX_DEPTH levels.
    String deepest = "{\"result\":{\"a\":" + "[".repeat(499) + "]".repeat(499) + "}}";

    JobCreateParams params = JSON.readJobCreateParams(deepest);

    assertThat(params.result().orElseThrow().depth()).isEqualTo(JsonValue.MAX_DEPTH);
    assertThat(JSON.readJobCreateParams(JSON.write(params))).isEqualTo(params);
  }

  @Test
  void aValueNestedDeeperThanAJsonValueMayBeIsAViolation() {
    String tooDeep = "{\"result\":{\"a\":" + "[".repeat(500) + "]".repeat(500) + "}}";

    Throwable thrown = thrownBy(JSON::readJobCreateParams, tooDeep);

    assertThat(thrown).isExactlyInstanceOf(ValidationException.class);
    assertThat(((ValidationException) thrown).violations())
        .containsExactly(
            new Violation("result", "Ensure this value has no more than 500 levels of nesting."));
  }

  @Test
  void aDocumentNestedDeeperThanItsFieldsCanHoldIsMalformed() {
    malformed(
        JSON::readJobCreateParams,
        "{\"result\":{\"a\":" + "[".repeat(503) + "]".repeat(503) + "}}");
  }

  @Test
  void aFiftyMegabyteStringIsMalformed() {
    String huge = "{\"report_markdown\":\"" + "a".repeat(50_000_000) + "\"}";

    malformed(JSON::readJobCreateParams, huge);
  }

  @Test
  void aTenMillionCharacterStringIsRead() {
    String text = "a".repeat(10_000_000);

    assertThat(
            assertTimeoutPreemptively(
                LIMIT,
                () ->
                    JSON.readJobCreateParams("{\"report_markdown\":\"" + text + "\"}")
                        .reportMarkdown()))
        .contains(text);
  }

  @Test
  void aThousandDigitNumberIsReadAndWrittenBackAndOneDigitMoreIsMalformed() {
    String digits = "9".repeat(1_000);

    JobCreateParams params =
        assertTimeoutPreemptively(
            LIMIT, () -> JSON.readJobCreateParams("{\"result\":{\"n\":" + digits + "}}"));

    assertThat(JSON.write(params)).contains("\"n\":" + digits + "}");
    malformed(JSON::readJobCreateParams, "{\"result\":{\"n\":9" + digits + "}}");
  }

  @Test
  void aDecimalOfAThousandDigitsIsReadAndOneDigitMoreIsMalformed() {
    // Jackson counts the digits of the integer part and of the fraction together, a lone 0 before
    // the point not included.
    String fraction = "0." + "5".repeat(1_000);
    String halves = "5".repeat(500) + "." + "5".repeat(500);

    JobCreateParams params =
        assertTimeoutPreemptively(
            LIMIT,
            () ->
                JSON.readJobCreateParams(
                    "{\"baseline_score\":" + fraction + ",\"result\":{\"n\":" + halves + "}}"));

    assertThat(params.baselineScore()).contains(0.5555555555555556);
    assertThat(JSON.write(params)).contains("\"n\":" + halves + "}");
    malformed(JSON::readJobCreateParams, "{\"baseline_score\":" + fraction + "5}");
    malformed(JSON::readJobCreateParams, "{\"result\":{\"n\":5" + halves + "}}");
  }

  @Test
  void aThousandCharacterNumericStringIsReadAndOneCharacterMoreIsTooLarge() {
    String digits = "0".repeat(999) + "7";

    JobCreateParams params =
        JSON.readJobCreateParams(
            "{\"num_iterations\":\"" + digits + "\",\"baseline_score\":\"" + digits + "\"}");
    Throwable thrown =
        thrownBy(
            JSON::readJobCreateParams,
            "{\"num_iterations\":\"0" + digits + "\",\"baseline_score\":\"0" + digits + "\"}");

    assertThat(params.numIterations()).contains(7L);
    assertThat(params.baselineScore()).contains(7.0);
    assertThat(thrown).isExactlyInstanceOf(ValidationException.class);
    assertThat(((ValidationException) thrown).violations())
        .containsExactly(
            new Violation("baseline_score", "String value too large."),
            new Violation("num_iterations", "String value too large."));
  }

  @Test
  void aMillionDigitNumberIsMalformed() {
    String digits = "9".repeat(1_000_000);

    malformed(JSON::readJobCreateParams, "{\"num_iterations\":" + digits + "}");
    malformed(JSON::readJobCreateParams, "{\"result\":{\"n\":" + digits + "}}");
    malformed(JSON::readJobCreateParams, "{\"baseline_score\":0." + digits + "}");
  }

  @Test
  void aMillionDigitNumericStringIsRejectedAsTooLargeWithoutParsingIt() {
    String digits = "9".repeat(1_000_000);

    Throwable thrown =
        thrownBy(JSON::readJobCreateParams, "{\"num_iterations\":\"" + digits + "\"}");

    assertThat(thrown).isExactlyInstanceOf(ValidationException.class);
    assertThat(((ValidationException) thrown).violations())
        .containsExactly(new Violation("num_iterations", "String value too large."));
  }

  @Test
  void aDocumentOverSixtyFourMebibytesIsMalformed() {
    String padded = " ".repeat(64 * 1024 * 1024) + "{}";

    malformed(JSON::readJobCreateParams, padded);
  }

  @Test
  void anExponentBeyondBigDecimalOverflowsToInfinityAndIsRejectedAsPythonWould() {
    Throwable thrown =
        thrownBy(
            JSON::readJobCreateParams,
            "{\"num_iterations\": 1e2147483648, \"baseline_score\": 1e2147483648,"
                + " \"result\": {\"a\": 1e2147483648}}");

    assertThat(thrown).isExactlyInstanceOf(ValidationException.class);
    assertThat(((ValidationException) thrown).violations())
        .containsExactly(
            new Violation("baseline_score", "A valid number is required."),
            new Violation("num_iterations", "A valid integer is required."),
            new Violation("result", "Value must be valid JSON."));
  }

  @Test
  void aNegativeExponentBeyondBigDecimalUnderflowsToZeroAsPythonWould() {
    JobCreateParams params =
        assertTimeoutPreemptively(
            LIMIT,
            () ->
                JSON.readJobCreateParams(
                    "{\"num_iterations\": 1e-2147483649, \"baseline_score\": 1.5e-2147483648,"
                        + " \"unknown\": 0e2147483648}"));

    assertThat(params.numIterations()).contains(0L);
    assertThat(params.baselineScore()).contains(0.0);
  }

  @Test
  void hugeButRepresentableExponentsAreReadQuickly() {
    Throwable thrown = thrownBy(JSON::readJobCreateParams, "{\"num_iterations\": 1e2147483647}");

    assertThat(((ValidationException) thrown).violations())
        .containsExactly(new Violation("num_iterations", "A valid integer is required."));
    assertThat(
            assertTimeoutPreemptively(
                LIMIT,
                () -> JSON.write(JSON.readJobCreateParams("{\"result\": {\"a\": 1e999999999}}"))))
        .contains("\"a\":1E+999999999");
  }
}
