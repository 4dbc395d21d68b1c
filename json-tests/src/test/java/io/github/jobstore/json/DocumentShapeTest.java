package io.github.jobstore.json;

import static io.github.jobstore.json.JsonTestSupport.ID;
import static io.github.jobstore.json.JsonTestSupport.JSON;
import static io.github.jobstore.json.JsonTestSupport.MINIMAL_ITERATION;
import static io.github.jobstore.json.JsonTestSupport.MINIMAL_JOB;
import static io.github.jobstore.json.JsonTestSupport.assertRejected;
import static io.github.jobstore.json.JsonTestSupport.rejected;
import static io.github.jobstore.json.JsonTestSupport.with;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.jobstore.core.IterationCreateParams;
import io.github.jobstore.core.JobCreateParams;
import io.github.jobstore.core.JobStatus;
import io.github.jobstore.core.ValidationException;
import io.github.jobstore.core.Violation;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The document as a whole: unknown and read-only fields are ignored as the API ignores them; a body
 * that is not an object is a {@code non_field_errors} violation; every violation of a document is
 * reported at once, in schema order; no message echoes a rejected string.
 */
class DocumentShapeTest {

  /** Every reader, as the tests below call it. */
  enum Reader {
    JOB_CREATE_PARAMS,
    ITERATION_CREATE_PARAMS,
    JOB,
    ITERATION,
    JOB_PATCH,
    JOB_REPLACEMENT,
    ITERATION_PATCH,
    ITERATION_REPLACEMENT;

    Object read(String json) {
      return switch (this) {
        case JOB_CREATE_PARAMS -> JSON.readJobCreateParams(json);
        case ITERATION_CREATE_PARAMS -> JSON.readIterationCreateParams(json);
        case JOB -> JSON.readJob(json);
        case ITERATION -> JSON.readIteration(json);
        case JOB_PATCH -> JSON.readJobPatch(json);
        case JOB_REPLACEMENT -> JSON.readJobReplacement(json);
        case ITERATION_PATCH -> JSON.readIterationPatch(json);
        case ITERATION_REPLACEMENT -> JSON.readIterationReplacement(json);
      };
    }
  }

  @Test
  void unknownFieldsOfCreateParamsAreIgnored() {
    JobCreateParams params =
        JSON.readJobCreateParams(
            "{\"analyzer_model\": \"m\", \"unknown\": [1, {\"x\": null}], \"Status\": \"x\"}");

    assertThat(params).isEqualTo(JobCreateParams.builder().analyzerModel("m").build());
  }

  @Test
  void unknownFieldsOfAJobAndAnIterationAreIgnored() {
    assertThat(JSON.readJob(with(MINIMAL_JOB, "extra", "{\"deep\": [1]}")))
        .isEqualTo(JSON.readJob(MINIMAL_JOB));
    assertThat(JSON.readIteration(with(MINIMAL_ITERATION, "extra", "NaN")))
        .isEqualTo(JSON.readIteration(MINIMAL_ITERATION));
  }

  @Test
  void readOnlyFieldsOfCreateParamsAreIgnoredWhateverTheyHold() {
    String document =
        "{\"id\": \"not a uuid\", \"created_at\": 5, \"updated_at\": null,"
            + " \"iterations\": \"none\", \"status\": \"failed\"}";

    assertThat(JSON.readJobCreateParams(document))
        .isEqualTo(JobCreateParams.builder().status(JobStatus.FAILED).build());
  }

  @Test
  void iterationCreateParamsReadTheJobAndIgnoreTheIdAndCreationTime() {
    String document =
        "{\"id\": \""
            + ID
            + "\", \"created_at\": \"never\", \"job\": \""
            + ID
            + "\", \"iteration_name\": \"iter_001\"}";

    assertThat(JSON.readIterationCreateParams(document))
        .isEqualTo(
            IterationCreateParams.builder()
                .iterationName("iter_001")
                .job(UUID.fromString(ID))
                .build());
  }

  @Test
  void iterationCreateParamsRejectAMalformedJob() {
    assertRejected(
            () ->
                JSON.readIterationCreateParams(
                    "{\"job\": \"1-1-1-1-1\", \"iteration_name\": \"iter_001\"}"))
        .hasOnlyViolation("job", "Must be a valid UUID.");
  }

  @Test
  void iterationCreateParamsRequireTheJob() {
    assertRejected(() -> JSON.readIterationCreateParams("{\"iteration_name\": \"iter_001\"}"))
        .hasOnlyViolation("job", "This field is required.");
  }

  @Test
  void iterationCreateParamsRejectANullJob() {
    assertRejected(
            () ->
                JSON.readIterationCreateParams("{\"iteration_name\": \"iter_001\", \"job\": null}"))
        .hasOnlyViolation("job", "This field may not be null.");
  }

  @Test
  void missingJobIsReportedWithEveryOtherViolationAtOnceInSchemaOrder() {
    assertRejected(
            () ->
                JSON.readIterationCreateParams(
                    "{\"status\": \"kept\", \"avg_score\": \"x\", \"id\": \"x\"}"))
        .hasViolations(
            new Violation("iteration_name", "This field is required."),
            new Violation("job", "This field is required."),
            new Violation("avg_score", "A valid number is required."),
            new Violation("status", "\"kept\" is not a valid choice."));
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @EnumSource(Reader.class)
  void topLevelNullIsRejectedAsNoDataProvidedByEveryReader(Reader reader) {
    assertRejected(() -> reader.read("null"))
        .hasOnlyViolation("non_field_errors", "No data provided");
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @EnumSource(Reader.class)
  void topLevelArrayIsRejectedAsANonFieldError(Reader reader) {
    assertRejected(() -> reader.read("[{\"iteration_name\": \"a\"}]"))
        .hasOnlyViolation("non_field_errors", "Invalid data. Expected a dictionary, but got list.");
  }

  @ParameterizedTest(name = "[{index}] {0} is {1}")
  @CsvSource(
      delimiter = '|',
      value = {"\"{}\" | str", "5 | int", "-5 | int", "5.5 | float", "true | bool", "false | bool"})
  void topLevelScalarIsRejectedNamingItsPythonType(String document, String type) {
    assertRejected(() -> JSON.readJobCreateParams(document))
        .hasOnlyViolation(
            "non_field_errors", "Invalid data. Expected a dictionary, but got " + type + ".");
  }

  @Test
  void topLevelNullIsRejectedAsNoDataProvided() {
    // Django REST framework's Serializer.errors turns the lone "null" error of a null body into
    // {"non_field_errors": ["No data provided"]}.
    assertRejected(() -> JSON.readJobCreateParams("null"))
        .hasOnlyViolation("non_field_errors", "No data provided");
  }

  @Test
  void everyViolationOfACreateBodyIsReportedAtOnceInSchemaOrder() {
    String document =
        "{\"status\": \"x\", \"result\": [], \"num_iterations\": 5.5, \"job_type\": null,"
            + " \"data_source\": \" \", \"baseline_score\": \"abc\","
            + " \"analyzer_model\": \""
            + "m".repeat(129)
            + "\", \"agent\": \"bad\", \"triggered_by\": null}";

    assertRejected(() -> JSON.readJobCreateParams(document))
        .hasViolations(
            new Violation("agent", "Must be a valid UUID."),
            new Violation("analyzer_model", "Ensure this field has no more than 128 characters."),
            new Violation("baseline_score", "A valid number is required."),
            new Violation("data_source", "This field may not be blank."),
            new Violation("job_type", "This field may not be null."),
            new Violation("num_iterations", "A valid integer is required."),
            new Violation("result", "Expected a dictionary of items but got type \"list\"."),
            new Violation("status", "\"x\" is not a valid choice."));
  }

  @Test
  void everyViolationOfAJobIsReportedAtOnceWithNestedIterationPaths() {
    String document =
        "{\"id\": \"x\", \"updated_at\": \"2026-01-02T03:04:05Z\", \"status\": \"y\","
            + " \"iterations\": [{\"id\": \""
            + ID
            + "\", \"created_at\": \"2026-01-02T03:04:05Z\", \"job\": \""
            + ID
            + "\", \"avg_score\": NaN}, 5]}";

    assertRejected(() -> JSON.readJob(document))
        .hasViolations(
            new Violation("id", "Must be a valid UUID."),
            new Violation("created_at", "This field is required."),
            new Violation("iterations[0].iteration_name", "This field is required."),
            new Violation("iterations[0].avg_score", "A valid number is required."),
            new Violation(
                "iterations[1].non_field_errors",
                "Invalid data. Expected a dictionary, but got int."),
            new Violation("status", "\"y\" is not a valid choice."));
  }

  @Test
  void everyMissingRequiredFieldOfAnIterationIsReportedAtOnce() {
    assertRejected(() -> JSON.readIteration("{}"))
        .hasViolations(
            new Violation("id", "This field is required."),
            new Violation("created_at", "This field is required."),
            new Violation("iteration_name", "This field is required."),
            new Violation("job", "This field is required."));
  }

  @Test
  void iterationsThatAreNotAListAreRejected() {
    assertRejected(() -> JSON.readJob(with(MINIMAL_JOB, "iterations", "{}")))
        .hasOnlyViolation("iterations", "Expected a list of items but got type \"dict\".");
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @ValueSource(strings = {"analyzer_model", "agent", "num_iterations", "baseline_score", "result"})
  void messageNeverEchoesARejectedLongString(String field) {
    String secret = "sk-live-" + "0123456789abcdef".repeat(20);

    ValidationException e =
        rejected(() -> JSON.readJobCreateParams(with("{}", field, '"' + secret + '"')));

    assertThat(e.violations()).extracting(Violation::field).containsExactly(field);
    assertThat(e.getMessage()).doesNotContain(secret).doesNotContain("sk-live-");
    assertThat(e.violations()).allSatisfy(v -> assertThat(v.message()).doesNotContain("sk-live"));
  }

  @Test
  void duplicateKeysKeepTheLastValueAsPythonsJsonDoes() {
    JobCreateParams params =
        JSON.readJobCreateParams("{\"status\": \"x\", \"status\": \"running\"}");

    assertThat(params.status()).contains(JobStatus.RUNNING);
  }

  @Test
  void readersAreIndependentOfMemberOrder() {
    String reordered =
        "{\"updated_at\": \"2026-01-02T03:04:05Z\", \"iterations\": [], \"id\": \""
            + ID
            + "\", \"created_at\": \"2026-01-02T03:04:05Z\"}";

    assertThat(JSON.readJob(reordered).id()).isEqualTo(UUID.fromString(ID));
  }
}
