package io.github.jobstore.json;

import static io.github.jobstore.json.JsonTestSupport.ID;
import static io.github.jobstore.json.JsonTestSupport.JSON;
import static io.github.jobstore.json.JsonTestSupport.MINIMAL_ITERATION;
import static io.github.jobstore.json.JsonTestSupport.MINIMAL_ITERATION_PARAMS;
import static io.github.jobstore.json.JsonTestSupport.PYTHON_WHITESPACE;
import static io.github.jobstore.json.JsonTestSupport.assertRejected;
import static io.github.jobstore.json.JsonTestSupport.resource;
import static io.github.jobstore.json.JsonTestSupport.with;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.TextNode;
import io.github.jobstore.core.Iteration;
import io.github.jobstore.core.Job;
import io.github.jobstore.core.JobCreateParams;
import io.github.jobstore.core.PythonText;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Request strings are stripped as Django REST framework's {@code CharField(trim_whitespace=True)}
 * strips them, with Python's {@code str.strip()}, before they are validated and kept: in create
 * bodies, patches and replacements, not in responses. UUIDs and choices are not stripped: DRF's
 * {@code UUIDField} and {@code ChoiceField} take the string as it is, and {@code uuid.UUID(" " +
 * id)} is a badly formed UUID.
 */
class RequestStringsTest {

  private static final Job FULL = JSON.readJob(resource("reference-job.json"));

  private static String quoted(String text) {
    return JsonTestSupport.text(TextNode.valueOf(text));
  }

  private static JobCreateParams create(String field, String text) {
    return JSON.readJobCreateParams(with("{}", field, quoted(text)));
  }

  static Stream<String> pythonWhitespace() {
    return PYTHON_WHITESPACE.chars().mapToObj(c -> String.valueOf((char) c));
  }

  @ParameterizedTest(name = "[{index}] U+{0}")
  @MethodSource("pythonWhitespace")
  void everyPythonWhiteSpaceCharacterIsStrippedAtEitherEnd(String space) {
    assertThat(create("analyzer_model", space + space + "gpt-4o" + space).analyzerModel())
        .contains("gpt-4o");
  }

  @Test
  void theHelperAgreesWithPythonOnEveryCharacter() {
    IntStream.rangeClosed(Character.MIN_VALUE, Character.MAX_VALUE)
        .forEach(
            c ->
                assertThat(PythonText.isWhitespace((char) c))
                    .as("U+%04X", c)
                    .isEqualTo(PYTHON_WHITESPACE.indexOf(c) >= 0));
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @ValueSource(strings = {"\u00a0gpt-4o\u00a0", "\u2003gpt-4o\u2003", "\u3000gpt-4o\u3000"})
  void unicodeSpacesAreStripped(String text) {
    assertThat(create("analyzer_model", text).analyzerModel()).contains("gpt-4o");
  }

  @Test
  void asciiSpacesTabsAndLineBreaksAreStripped() {
    assertThat(create("prompt_slug", " \t\r\n slug \n").promptSlug()).contains("slug");
  }

  @Test
  void whiteSpaceInsideAStringIsKept() {
    assertThat(create("report_markdown", "  # Title\n\n\u00a0body\u3000end \n").reportMarkdown())
        .contains("# Title\n\n\u00a0body\u3000end");
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @ValueSource(strings = {"\u200bgpt\u200b", "\ufeffgpt\ufeff", "\u180egpt"})
  void charactersPythonDoesNotCallWhiteSpaceAreKept(String text) {
    assertThat(create("analyzer_model", text).analyzerModel()).contains(text);
  }

  @Test
  void dataSourceOfTwentyCharactersWithSurroundingSpacesFits() {
    String twenty = "d".repeat(20);

    assertThat(create("data_source", "  " + twenty + "\u3000").dataSource()).contains(twenty);
  }

  @Test
  void dataSourceOfTwentyOneCharactersWithSurroundingSpacesIsTooLong() {
    assertRejected(() -> create("data_source", " " + "d".repeat(21) + " "))
        .hasOnlyViolation("data_source", "Ensure this field has no more than 20 characters.");
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @ValueSource(strings = {"   ", "\u00a0", "\t\n", "\u2003\u3000"})
  void whiteSpaceOnlyDataSourceIsBlank(String text) {
    assertRejected(() -> create("data_source", text))
        .hasOnlyViolation("data_source", "This field may not be blank.");
  }

  @Test
  void whiteSpaceOnlyIsTheEmptyStringWhereBlankIsAllowed() {
    assertThat(create("analyzer_model", " \u00a0 ").analyzerModel()).contains("");
  }

  @Test
  void iterationNameThatFitsOnlyOnceStrippedIsAccepted() {
    String name = "n".repeat(64);

    assertThat(
            JSON.readIterationCreateParams(
                    with(MINIMAL_ITERATION_PARAMS, "iteration_name", quoted(" " + name + "\n")))
                .iterationName())
        .isEqualTo(name);
  }

  @Test
  void whiteSpaceOnlyIterationNameIsBlank() {
    assertRejected(
            () ->
                JSON.readIterationCreateParams(
                    with(MINIMAL_ITERATION_PARAMS, "iteration_name", quoted("\u3000 "))))
        .hasOnlyViolation("iteration_name", "This field may not be blank.");
  }

  @Test
  void iterationPatchAndReplacementStripTheirStrings() {
    Iteration iteration = JSON.readIteration(MINIMAL_ITERATION);
    String body =
        "{\"iteration_name\": \" iter_9 \", \"job\": \""
            + ID
            + "\", \"description\": \"\\u00a0why\\n\", \"agent_code\": \" \"}";
    Iteration expected =
        iteration.withIterationName("iter_9").withDescription("why").withAgentCode("");

    assertThat(JSON.readIterationPatch(body).apply(iteration)).isEqualTo(expected);
    assertThat(JSON.readIterationReplacement(body).apply(iteration)).isEqualTo(expected);
  }

  @Test
  void whiteSpaceOnlyIterationNameInAPatchIsBlank() {
    assertRejected(() -> JSON.readIterationPatch("{\"iteration_name\": \" \\t \"}"))
        .hasOnlyViolation("iteration_name", "This field may not be blank.");
  }

  @Test
  void jobPatchAndReplacementStripTheirStrings() {
    String body = "{\"analyzer_model\": \" gpt-4o \", \"celery_task_id\": \"\\u2003abc\"}";
    Job expected = FULL.withAnalyzerModel("gpt-4o").withCeleryTaskId("abc");

    assertThat(JSON.readJobPatch(body).apply(FULL)).isEqualTo(expected);
    assertThat(JSON.readJobReplacement(body).apply(FULL)).isEqualTo(expected);
  }

  @Test
  void whiteSpaceOnlyDataSourceInAPatchIsBlank() {
    assertRejected(() -> JSON.readJobPatch("{\"data_source\": \"\\u3000\"}"))
        .hasOnlyViolation("data_source", "This field may not be blank.");
  }

  @Test
  void responsesAreReadWithTheirWhiteSpace() {
    Iteration read =
        JSON.readIteration(with(MINIMAL_ITERATION, "iteration_name", quoted(" iter_001 ")));

    assertThat(read.iterationName()).isEqualTo(" iter_001 ");
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @ValueSource(strings = {" ", "\n", "\u00a0"})
  void uuidsWithSurroundingWhiteSpaceAreNotStrippedButRejected(String space) {
    assertRejected(() -> create("agent", space + ID + space))
        .hasOnlyViolation("agent", "Must be a valid UUID.");
    assertRejected(
            () ->
                JSON.readIterationCreateParams(
                    with(MINIMAL_ITERATION_PARAMS, "job", quoted(ID + space))))
        .hasOnlyViolation("job", "Must be a valid UUID.");
  }

  @Test
  void choicesWithSurroundingWhiteSpaceAreNotStrippedButRejected() {
    assertRejected(() -> create("job_type", " inference"))
        .hasOnlyViolation("job_type", "\" inference\" is not a valid choice.");
    assertRejected(() -> JSON.readIterationPatch("{\"status\": \"keep \"}"))
        .hasOnlyViolation("status", "\"keep \" is not a valid choice.");
  }
}
