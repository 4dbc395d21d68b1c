package io.github.jobstore.json;

import static io.github.jobstore.json.JsonTestSupport.JSON;
import static io.github.jobstore.json.JsonTestSupport.assertRejected;
import static io.github.jobstore.json.JsonTestSupport.resource;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.github.jobstore.core.Iteration;
import io.github.jobstore.core.IterationStatus;
import io.github.jobstore.core.JsonObject;
import io.github.jobstore.core.Violation;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * {@code readIterationPatch} and {@code readIterationReplacement}: the bodies of {@code PATCH} and
 * {@code PUT /api/job-iterations/{id}/} as changes for the store's {@code updateIteration}. Present
 * fields are set ({@code job} moves the iteration), {@code null} clears a nullable field, absent
 * fields stay, read-only fields are ignored; a {@code PUT} also requires {@code iteration_name} and
 * {@code job}. Both bodies are validated by the reader itself.
 */
class IterationChangeTest {

  /** The reference job's iteration: every field set. */
  private static final Iteration FULL =
      JSON.readJob(resource("reference-job.json")).iterations().get(0);

  private static final UUID OTHER_JOB = UUID.fromString("00000000-0000-0000-0000-00000000000b");

  private static Iteration patch(String body) {
    return JSON.readIterationPatch(body).apply(FULL);
  }

  private static Iteration replace(String body) {
    return JSON.readIterationReplacement(body).apply(FULL);
  }

  @Test
  void presentFieldsAreSet() {
    Iteration patched =
        patch(
            "{\"iteration_name\": \"iter_002\", \"avg_score\": 0.75, \"order\": 3,"
                + " \"status\": \"discard\", \"dimension_scores\": {\"tone\": 1}}");

    assertThat(patched.iterationName()).isEqualTo("iter_002");
    assertThat(patched.avgScore()).contains(0.75);
    assertThat(patched.order()).contains(3L);
    assertThat(patched.status()).contains(IterationStatus.DISCARD);
    assertThat(patched.dimensionScores()).contains(JsonObject.of(Map.of("tone", 1)));
  }

  @Test
  void absentFieldsStayAsTheyWere() {
    assertThat(patch("{\"description\": \"second try\"}"))
        .isEqualTo(FULL.withDescription("second try"));
  }

  @Test
  void emptyPatchChangesNothing() {
    assertThat(patch("{}")).isEqualTo(FULL);
  }

  @Test
  void jobInAPatchMovesTheIteration() {
    assertThat(patch("{\"job\": \"" + OTHER_JOB + "\"}")).isEqualTo(FULL.withJob(OTHER_JOB));
  }

  @Test
  void nullClearsDimensionScores() {
    assertThat(patch("{\"dimension_scores\": null}").dimensionScores()).isEmpty();
  }

  @Test
  void nullForANonNullableFieldIsRejected() {
    assertRejected(
            () ->
                JSON.readIterationPatch(
                    "{\"status\": null, \"job\": null, \"agent_code\": null,"
                        + " \"iteration_name\": null}"))
        .hasViolations(
            new Violation("iteration_name", "This field may not be null."),
            new Violation("job", "This field may not be null."),
            new Violation("agent_code", "This field may not be null."),
            new Violation("status", "This field may not be null."));
  }

  @Test
  void readOnlyFieldsAreIgnoredWhateverTheyHold() {
    assertThat(patch("{\"id\": \"1-1-1-1-1\", \"created_at\": 5, \"order\": 2}"))
        .isEqualTo(FULL.withOrder(2L));
  }

  @Test
  void everyViolationIsThrownAtOnceByReadIterationPatchItself() {
    String body =
        "{\"order\": 1.5, \"job\": \"x\", \"iteration_name\": \""
            + "n".repeat(65)
            + "\", \"status\": \"kept\", \"avg_score\": NaN}";

    assertRejected(() -> JSON.readIterationPatch(body))
        .hasViolations(
            new Violation("iteration_name", "Ensure this field has no more than 64 characters."),
            new Violation("job", "Must be a valid UUID."),
            new Violation("avg_score", "A valid number is required."),
            new Violation("order", "A valid integer is required."),
            new Violation("status", "\"kept\" is not a valid choice."));
  }

  @Test
  void blankIterationNameIsRejectedAsOnCreate() {
    assertRejected(() -> JSON.readIterationPatch("{\"iteration_name\": \"\"}"))
        .hasOnlyViolation("iteration_name", "This field may not be blank.");
  }

  @Test
  void malformedPatchIsMalformedJson() {
    assertThat(catchThrowable(() -> JSON.readIterationPatch("{\"order\": ")))
        .isExactlyInstanceOf(MalformedJsonException.class);
  }

  @Test
  void patchThatIsNotAnObjectIsANonFieldError() {
    assertRejected(() -> JSON.readIterationPatch("[]"))
        .hasOnlyViolation("non_field_errors", "Invalid data. Expected a dictionary, but got list.");
  }

  @Test
  void oneParsedPatchCanBeAppliedToManyIterations() {
    UnaryOperator<Iteration> change = JSON.readIterationPatch("{\"order\": 9}");
    Iteration other = JSON.readIteration(JsonTestSupport.MINIMAL_ITERATION);

    assertThat(change.apply(FULL).order()).contains(9L);
    assertThat(change.apply(other)).isEqualTo(other.withOrder(9L));
  }

  @Test
  void replacementRequiresTheNameAndTheJobReportingEachMissingOne() {
    assertRejected(() -> JSON.readIterationReplacement("{\"order\": 2}"))
        .hasViolations(
            new Violation("iteration_name", "This field is required."),
            new Violation("job", "This field is required."));
  }

  @Test
  void replacementWithoutTheJobListsOnlyTheJob() {
    assertRejected(() -> JSON.readIterationReplacement("{\"iteration_name\": \"n\"}"))
        .hasOnlyViolation("job", "This field is required.");
  }

  @Test
  void replacementWithoutTheNameListsOnlyTheName() {
    assertRejected(() -> JSON.readIterationReplacement("{\"job\": \"" + OTHER_JOB + "\"}"))
        .hasOnlyViolation("iteration_name", "This field is required.");
  }

  @Test
  void replacementReportsMissingFieldsWithEveryOtherViolationInSchemaOrder() {
    assertRejected(() -> JSON.readIterationReplacement("{\"status\": \"x\", \"order\": \"y\"}"))
        .hasViolations(
            new Violation("iteration_name", "This field is required."),
            new Violation("job", "This field is required."),
            new Violation("order", "A valid integer is required."),
            new Violation("status", "\"x\" is not a valid choice."));
  }

  @Test
  void replacementSetsItsFieldsAndKeepsAbsentOptionalFieldsAsDrfDoes() {
    Iteration replaced =
        replace("{\"iteration_name\": \"renamed\", \"job\": \"" + OTHER_JOB + "\", \"order\": 4}");

    assertThat(replaced)
        .isEqualTo(FULL.withIterationName("renamed").withJob(OTHER_JOB).withOrder(4L));
    assertThat(replaced.agentCode()).isEqualTo(FULL.agentCode()).isPresent();
    assertThat(replaced.dimensionScores()).isEqualTo(FULL.dimensionScores()).isPresent();
  }

  @Test
  void replacementNullClearsANullableField() {
    Iteration replaced =
        replace(
            "{\"iteration_name\": \"n\", \"job\": \""
                + FULL.job()
                + "\", \"dimension_scores\": null}");

    assertThat(replaced)
        .isEqualTo(FULL.withIterationName("n").withDimensionScores(Optional.empty()));
  }

  @Test
  void replacementIgnoresReadOnlyFields() {
    String body =
        "{\"id\": \""
            + OTHER_JOB
            + "\", \"created_at\": \"never\", \"iteration_name\": \"n\","
            + " \"job\": \""
            + FULL.job()
            + "\"}";

    assertThat(replace(body)).isEqualTo(FULL.withIterationName("n"));
  }

  @Test
  void responseBodyReplacesAnIterationWithItself() {
    assertThat(replace(JSON.write(FULL))).isEqualTo(FULL);
  }
}
