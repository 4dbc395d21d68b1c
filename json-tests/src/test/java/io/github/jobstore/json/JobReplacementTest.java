package io.github.jobstore.json;

import static io.github.jobstore.json.JsonTestSupport.JSON;
import static io.github.jobstore.json.JsonTestSupport.assertRejected;
import static io.github.jobstore.json.JsonTestSupport.resource;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.jobstore.core.Job;
import io.github.jobstore.core.JobStatus;
import io.github.jobstore.core.Violation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code readJobReplacement}: the body of {@code PUT /api/jobs/{id}/}. A job create requires none
 * of its writable fields, so a job's {@code PUT} is its {@code PATCH}: absent fields keep their
 * value, as Django REST framework's update keeps them.
 */
class JobReplacementTest {

  /** The reference job: every field set. */
  private static final Job FULL = JSON.readJob(resource("reference-job.json"));

  private static Job replace(String body) {
    return JSON.readJobReplacement(body).apply(FULL);
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @ValueSource(
      strings = {
        "{}",
        "{\"status\": \"completed\", \"best_score\": 0.9}",
        "{\"agent\": null, \"result\": null, \"triggered_by\": \"42\"}",
        "{\"id\": \"1-1-1-1-1\", \"iterations\": [], \"prompt_slug\": \" p \"}"
      })
  void replacementChangesAJobExactlyAsThePatchDoes(String body) {
    assertThat(replace(body)).isEqualTo(JSON.readJobPatch(body).apply(FULL));
  }

  @Test
  void emptyReplacementKeepsEveryField() {
    assertThat(replace("{}")).isEqualTo(FULL);
  }

  @Test
  void absentFieldsKeepTheirValue() {
    assertThat(replace("{\"status\": \"failed\"}")).isEqualTo(FULL.withStatus(JobStatus.FAILED));
  }

  @Test
  void nullClearsANullableField() {
    Job replaced = replace("{\"best_score\": null}");

    assertThat(replaced.bestScore()).isEmpty();
    assertThat(replaced.baselineScore()).isEqualTo(FULL.baselineScore()).isPresent();
  }

  @Test
  void everyViolationIsThrownAtOnceByTheReaderItself() {
    assertRejected(
            () ->
                JSON.readJobReplacement(
                    "{\"data_source\": \"  \", \"status\": null, \"project\": \"p\"}"))
        .hasViolations(
            new Violation("data_source", "This field may not be blank."),
            new Violation("project", "Must be a valid UUID."),
            new Violation("status", "This field may not be null."));
  }
}
