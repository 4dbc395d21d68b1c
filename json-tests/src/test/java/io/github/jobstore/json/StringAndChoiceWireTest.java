package io.github.jobstore.json;

import static io.github.jobstore.json.JsonTestSupport.JSON;
import static io.github.jobstore.json.JsonTestSupport.MINIMAL_ITERATION_PARAMS;
import static io.github.jobstore.json.JsonTestSupport.MINIMAL_JOB;
import static io.github.jobstore.json.JsonTestSupport.assertRejected;
import static io.github.jobstore.json.JsonTestSupport.tree;
import static io.github.jobstore.json.JsonTestSupport.with;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.TextNode;
import io.github.jobstore.core.IterationCreateParams;
import io.github.jobstore.core.IterationStatus;
import io.github.jobstore.core.JobCreateParams;
import io.github.jobstore.core.JobStatus;
import io.github.jobstore.core.JobType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * String fields take a string, or a number as its text; enums are their wire values, and any other
 * value is {@code "x" is not a valid choice.}, quoting it as Python prints it.
 */
class StringAndChoiceWireTest {

  private static JobCreateParams analyzerModel(String value) {
    return JSON.readJobCreateParams(with("{}", "analyzer_model", value));
  }

  private static String quoted(String text) {
    return JsonTestSupport.text(TextNode.valueOf(text));
  }

  @ParameterizedTest(name = "[{index}] {0} is \"{1}\"")
  @CsvSource(
      delimiter = '|',
      value = {"42 | 42", "-7 | -7", "0.5 | 0.5", "12345678901234567890 | 12345678901234567890"})
  void numbersAreAcceptedAsTheirText(String wire, String expected) {
    assertThat(analyzerModel(wire).analyzerModel()).contains(expected);
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @ValueSource(strings = {"true", "false", "{}", "[]", "[\"a\"]", "{\"a\": \"b\"}"})
  void nonStringValuesAreRejected(String wire) {
    assertRejected(() -> analyzerModel(wire))
        .hasOnlyViolation("analyzer_model", "Not a valid string.");
  }

  @Test
  void requestStringsAreStrippedOfWhiteSpaceAtBothEnds() {
    assertThat(analyzerModel(quoted("  gpt-4o \t\n\u00a0")).analyzerModel()).contains("gpt-4o");
  }

  @Test
  void responseStringsAreKeptExactlyWithTheirWhiteSpace() {
    String text = "  gpt-4o \t\n\u00a0";

    assertThat(JSON.readJob(with(MINIMAL_JOB, "analyzer_model", quoted(text))).analyzerModel())
        .contains(text);
  }

  @Test
  void controlCharactersAndAstralCharactersRoundTrip() {
    String text = "line\nbreak\u0000nul \u2028 \"quoted\" \\ 😀 \ud842\udfb7";
    JobCreateParams params = JobCreateParams.builder().reportMarkdown(text).build();

    assertThat(JSON.readJobCreateParams(JSON.write(params)).reportMarkdown()).contains(text);
  }

  @Test
  void lengthIsCountedInCodePoints() {
    String emoji = "😀".repeat(128);

    assertThat(analyzerModel(quoted(emoji)).analyzerModel()).contains(emoji);
    assertRejected(() -> analyzerModel(quoted(emoji + "😀")))
        .hasOnlyViolation("analyzer_model", "Ensure this field has no more than 128 characters.");
  }

  @Test
  void iterationNameThatIsNotAStringIsReportedOnlyAsNotAString() {
    assertRejected(
            () ->
                JSON.readIterationCreateParams(
                    with(MINIMAL_ITERATION_PARAMS, "iteration_name", "true")))
        .hasOnlyViolation("iteration_name", "Not a valid string.");
  }

  @Test
  void numericIterationNameIsAcceptedAsItsText() {
    IterationCreateParams params =
        JSON.readIterationCreateParams(with(MINIMAL_ITERATION_PARAMS, "iteration_name", "7"));

    assertThat(params.iterationName()).isEqualTo("7");
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @EnumSource(JobStatus.class)
  void everyJobStatusIsReadAndWrittenByItsWireValue(JobStatus status) {
    JobCreateParams params =
        JSON.readJobCreateParams(with("{}", "status", quoted(status.wireValue())));

    assertThat(params.status()).contains(status);
    assertThat(tree(JSON.write(params)).get("status").textValue()).isEqualTo(status.wireValue());
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @EnumSource(JobType.class)
  void everyJobTypeIsReadAndWrittenByItsWireValue(JobType type) {
    JobCreateParams params =
        JSON.readJobCreateParams(with("{}", "job_type", quoted(type.wireValue())));

    assertThat(params.jobType()).contains(type);
    assertThat(tree(JSON.write(params)).get("job_type").textValue()).isEqualTo(type.wireValue());
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @EnumSource(IterationStatus.class)
  void everyIterationStatusIsReadAndWrittenByItsWireValue(IterationStatus status) {
    IterationCreateParams params =
        JSON.readIterationCreateParams(
            with(MINIMAL_ITERATION_PARAMS, "status", quoted(status.wireValue())));

    assertThat(params.status()).contains(status);
    assertThat(tree(JSON.write(params)).get("status").textValue()).isEqualTo(status.wireValue());
  }

  @ParameterizedTest(name = "[{index}] {0} quoted as {1}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      value = {
        "\"x\" | x",
        "\"PENDING\" | PENDING",
        "\"Pending\" | Pending",
        "\" pending\" | ' pending'",
        "\"\" | ''",
        "5 | 5",
        "true | True",
        "false | False"
      })
  void unknownJobStatusIsRejectedQuotingItAsPythonPrintsIt(String wire, String shown) {
    String expected = '"' + shown.replace("'", "") + "\" is not a valid choice.";

    assertRejected(() -> JSON.readJobCreateParams(with("{}", "status", wire)))
        .hasOnlyViolation("status", expected);
  }

  @Test
  void unknownJobTypeIsRejected() {
    assertRejected(() -> JSON.readJobCreateParams("{\"job_type\": \"x\"}"))
        .hasOnlyViolation("job_type", "\"x\" is not a valid choice.");
  }

  @Test
  void unknownIterationStatusIsRejected() {
    assertRejected(
            () ->
                JSON.readIterationCreateParams(
                    with(MINIMAL_ITERATION_PARAMS, "status", "\"kept\"")))
        .hasOnlyViolation("status", "\"kept\" is not a valid choice.");
  }
}
