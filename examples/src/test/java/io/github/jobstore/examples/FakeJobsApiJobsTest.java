package io.github.jobstore.examples;

import static io.github.jobstore.examples.ApiAnswers.START;
import static io.github.jobstore.examples.ApiAnswers.START_TEXT;
import static io.github.jobstore.examples.ApiAnswers.body;
import static io.github.jobstore.examples.ApiAnswers.id;
import static io.github.jobstore.examples.ApiAnswers.tree;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.jobstore.examples.FakeJobsApi.Response;
import io.github.jobstore.json.JobJson;
import io.github.jobstore.testkit.JobGenerators;
import io.github.jobstore.testkit.MutableClock;
import io.github.jobstore.testkit.Property;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The jobs resource through the fake, driven with the bodies the API's Python SDK sends (compact
 * JSON, only the parameters given, {@code null} for {@code None}).
 */
class FakeJobsApiJobsTest {

  private static final String JOBS = "/api/jobs/";
  private static final String PROJECT = "0b5e7a52-3c1d-4f7e-9a8b-2f6d1c4e5a90";

  private final MutableClock clock = new MutableClock(START);
  private final FakeJobsApi api = ApiAnswers.fake(clock);

  @Test
  void createAnswers201WithTheWholeJob() {
    JsonNode created =
        send(
            "POST",
            JOBS,
            "{\"job_type\":\"prompt_tuning\",\"num_iterations\":3,\"project\":\"%s\","
                    .formatted(PROJECT)
                + "\"prompt_slug\":\"query-rewrite\",\"status\":\"running\"}",
            201);

    assertThat(created)
        .isEqualTo(
            tree(
                """
                {"id":"%s","created_at":"%s","updated_at":"%s","iterations":[],
                 "agent":null,"backtest_results":null,"baseline_score":null,"best_score":null,
                 "improvement":null,"job_type":"prompt_tuning","num_iterations":3,
                 "project":"%s","prompt_slug":"query-rewrite","result":null,"status":"running",
                 "triggered_by":null}
                """
                    .formatted(id(1), START_TEXT, START_TEXT, PROJECT)));
    assertThat(send("GET", job(1), "", 200)).isEqualTo(created);
  }

  @Test
  void anEmptyCreateIsAPendingJob() {
    assertThat(send("POST", JOBS, "{}", 201).get("status").asText()).isEqualTo("pending");
  }

  @Test
  void patchSetsTheFieldsItNamesAndMovesUpdatedAt() {
    ObjectNode expected = (ObjectNode) send("POST", JOBS, "{\"status\":\"running\"}", 201);
    clock.advance(Duration.ofSeconds(1));
    expected.put("baseline_score", 0.5).put("updated_at", "2026-01-02T03:04:06.123456Z");

    assertThat(send("PATCH", job(1), "{\"baseline_score\":0.5}", 200)).isEqualTo(expected);
    assertThat(send("GET", job(1), "", 200)).isEqualTo(expected);
  }

  @Test
  void aNullClearsANullableField() {
    send("POST", JOBS, "{\"best_score\":0.8,\"status\":\"completed\"}", 201);

    JsonNode patched = send("PATCH", job(1), "{\"best_score\":null}", 200);

    assertThat(patched.get("best_score").isNull()).isTrue();
    assertThat(patched.get("status").asText()).isEqualTo("completed");
  }

  @Test
  void putSetsTheFieldsItNamesAndKeepsTheOthers() {
    ObjectNode expected =
        (ObjectNode) send("POST", JOBS, "{\"baseline_score\":0.5,\"status\":\"running\"}", 201);
    expected.put("best_score", 0.72).put("improvement", 0.22).put("status", "completed");

    assertThat(
            send(
                "PUT",
                job(1),
                "{\"best_score\":0.72,\"improvement\":0.22,\"status\":\"completed\"}",
                200))
        .isEqualTo(expected);
  }

  @Test
  void aDeletedJobIsGone() {
    send("POST", JOBS, "{\"status\":\"running\"}", 201);

    assertThat(api.handle("DELETE", job(1), "")).isEqualTo(new Response(204, ""));
    assertThat(api.handle("GET", job(1), ""))
        .isEqualTo(new Response(404, "{\"detail\":\"Not found.\"}"));
  }

  @Test
  void everyValidCreateBodyIsStoredAndServedBack() {
    JobJson json = JobJson.create();
    Property.forAll(
        200,
        JobGenerators.validCreateParams(),
        params -> {
          JsonNode created = send("POST", JOBS, json.write(params), 201);

          assertThat(send("GET", JOBS + created.get("id").asText() + "/", "", 200))
              .isEqualTo(created);
        });
  }

  /** Sends a request, asserts the answer's status, and returns its body. */
  private JsonNode send(String method, String target, String body, int status) {
    return body(api.handle(method, target, body), status);
  }

  private static String job(long n) {
    return JOBS + id(n) + "/";
  }
}
