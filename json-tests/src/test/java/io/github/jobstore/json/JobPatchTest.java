package io.github.jobstore.json;

import static io.github.jobstore.json.JsonTestSupport.JSON;
import static io.github.jobstore.json.JsonTestSupport.assertRejected;
import static io.github.jobstore.json.JsonTestSupport.resource;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.github.jobstore.core.IterationCreateParams;
import io.github.jobstore.core.Job;
import io.github.jobstore.core.JobStatus;
import io.github.jobstore.core.JobType;
import io.github.jobstore.core.JsonObject;
import io.github.jobstore.core.ValidationException;
import io.github.jobstore.core.Violation;
import io.github.jobstore.store.InMemoryJobStore;
import io.github.jobstore.testkit.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * {@code readJobPatch}: the body of {@code PATCH /api/jobs/{id}/} as a change for {@code
 * JobStore.update}: present fields set, {@code null} clears a nullable field, absent fields stay,
 * read-only fields are ignored; the body is validated by {@code readJobPatch} itself.
 */
class JobPatchTest {

  /** The reference job: every field set. */
  private static final Job FULL = JSON.readJob(resource("reference-job.json"));

  private static Job patch(String body) {
    return JSON.readJobPatch(body).apply(FULL);
  }

  @Test
  void presentFieldsAreSet() {
    Job patched =
        patch(
            "{\"analyzer_model\": \"m2\", \"best_score\": 0.9, \"job_type\": \"judge_scoring\","
                + " \"result\": {\"k\": [1, 2]}, \"triggered_by\": \"42\"}");

    assertThat(patched.analyzerModel()).contains("m2");
    assertThat(patched.bestScore()).contains(0.9);
    assertThat(patched.jobType()).contains(JobType.JUDGE_SCORING);
    assertThat(patched.result()).contains(JsonObject.of(Map.of("k", List.of(1, 2))));
    assertThat(patched.triggeredBy()).contains(42L);
  }

  @Test
  void absentFieldsStayAsTheyWere() {
    Job patched = patch("{\"status\": \"completed\"}");

    assertThat(patched).isEqualTo(FULL.withStatus(JobStatus.COMPLETED));
  }

  @Test
  void emptyPatchChangesNothing() {
    assertThat(patch("{}")).isEqualTo(FULL);
  }

  @Test
  void nullClearsEveryNullableField() {
    Job patched =
        patch(
            "{\"agent\": null, \"backtest_results\": null, \"baseline_score\": null,"
                + " \"best_score\": null, \"improvement\": null, \"project\": null,"
                + " \"result\": null, \"triggered_by\": null}");

    assertThat(patched.agent()).isEmpty();
    assertThat(patched.backtestResults()).isEmpty();
    assertThat(patched.baselineScore()).isEmpty();
    assertThat(patched.bestScore()).isEmpty();
    assertThat(patched.improvement()).isEmpty();
    assertThat(patched.project()).isEmpty();
    assertThat(patched.result()).isEmpty();
    assertThat(patched.triggeredBy()).isEmpty();
    assertThat(patched.analyzerModel()).isEqualTo(FULL.analyzerModel());
  }

  @Test
  void readOnlyFieldsAreIgnored() {
    Job patched =
        patch(
            "{\"id\": \"00000000-0000-0000-0000-000000000001\","
                + " \"created_at\": \"2030-01-01T00:00:00Z\", \"updated_at\": \"2030-01-01T00:00:00Z\","
                + " \"iterations\": [], \"prompt_slug\": \"p\"}");

    assertThat(patched).isEqualTo(FULL.withPromptSlug("p"));
  }

  @Test
  void readOnlyFieldsWithInvalidValuesAreIgnoredToo() {
    Job patched = patch("{\"id\": \"1-1-1-1-1\", \"created_at\": 5, \"iterations\": null}");

    assertThat(patched).isEqualTo(FULL);
  }

  @Test
  void everyViolationIsThrownAtOnceByReadJobPatchItself() {
    String body =
        "{\"analyzer_model\": \"" + "m".repeat(129) + "\", \"status\": \"x\", \"agent\": 5.5}";

    assertRejected(() -> JSON.readJobPatch(body))
        .hasViolations(
            new Violation("agent", "Must be a valid UUID."),
            new Violation("analyzer_model", "Ensure this field has no more than 128 characters."),
            new Violation("status", "\"x\" is not a valid choice."));
  }

  @Test
  void nullStatusIsRejected() {
    assertRejected(() -> JSON.readJobPatch("{\"status\": null}"))
        .hasOnlyViolation("status", "This field may not be null.");
  }

  @Test
  void nullForAnyNonNullableFieldIsRejected() {
    assertRejected(() -> JSON.readJobPatch("{\"analyzer_model\": null, \"num_iterations\": null}"))
        .hasViolations(
            new Violation("analyzer_model", "This field may not be null."),
            new Violation("num_iterations", "This field may not be null."));
  }

  @Test
  void blankDataSourceIsRejectedAsOnCreate() {
    assertRejected(() -> JSON.readJobPatch("{\"data_source\": \"\\u00a0\"}"))
        .hasOnlyViolation("data_source", "This field may not be blank.");
  }

  @Test
  void malformedPatchIsMalformedJson() {
    assertThat(catchThrowable(() -> JSON.readJobPatch("{\"status\": ")))
        .isExactlyInstanceOf(MalformedJsonException.class);
  }

  @Test
  void rejectedPatchNeverReachesTheStore() {
    MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    InMemoryJobStore store = InMemoryJobStore.builder().clock(clock).build();
    Job created = store.create(JSON.readJobCreateParams("{\"status\": \"running\"}"));
    clock.advance(Duration.ofMinutes(1));

    Throwable thrown =
        catchThrowable(() -> store.update(created.id(), JSON.readJobPatch("{\"status\": \"x\"}")));

    assertThat(thrown).isExactlyInstanceOf(ValidationException.class);
    assertThat(store.get(created.id())).isEqualTo(created);
  }

  @Test
  void patchAppliedThroughTheStoreUpdatesTheJobAndKeepsItsIterations() {
    MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    InMemoryJobStore store = InMemoryJobStore.builder().clock(clock).build();
    UUID id = store.create(JSON.readJobCreateParams("{\"status\": \"running\"}")).id();
    store.appendIteration(id, IterationCreateParams.builder().iterationName("iter_001").build());
    store.appendIteration(id, IterationCreateParams.builder().iterationName("iter_002").build());
    Job before = store.get(id);
    clock.advance(Duration.ofMinutes(1));

    Job after =
        store.update(
            id,
            JSON.readJobPatch(
                "{\"status\": \"completed\", \"best_score\": 0.8, \"iterations\": [],"
                    + " \"id\": \"00000000-0000-0000-0000-000000000009\"}"));

    assertThat(after.status()).isEqualTo(JobStatus.COMPLETED);
    assertThat(after.bestScore()).contains(0.8);
    assertThat(after.id()).isEqualTo(id);
    assertThat(after.iterations()).isEqualTo(before.iterations()).hasSize(2);
    assertThat(after.updatedAt()).isEqualTo(Instant.parse("2026-01-01T00:01:00Z"));
    assertThat(store.get(id)).isEqualTo(after);
  }

  @Test
  void oneParsedPatchCanBeAppliedToManyJobs() {
    UnaryOperator<Job> change = JSON.readJobPatch("{\"improvement\": 0.25}");

    assertThat(change.apply(FULL).improvement()).contains(0.25);
    assertThat(change.apply(JSON.readJob(JsonTestSupport.MINIMAL_JOB)).improvement())
        .contains(0.25);
  }
}
