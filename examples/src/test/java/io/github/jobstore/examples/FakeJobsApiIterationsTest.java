package io.github.jobstore.examples;

import static io.github.jobstore.examples.ApiAnswers.START;
import static io.github.jobstore.examples.ApiAnswers.START_TEXT;
import static io.github.jobstore.examples.ApiAnswers.body;
import static io.github.jobstore.examples.ApiAnswers.id;
import static io.github.jobstore.examples.ApiAnswers.resultIds;
import static io.github.jobstore.examples.ApiAnswers.tree;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.jobstore.examples.FakeJobsApi.Response;
import io.github.jobstore.json.JobJson;
import io.github.jobstore.testkit.JobGenerators;
import io.github.jobstore.testkit.MutableClock;
import io.github.jobstore.testkit.Property;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The iterations resource through the fake, driven with the bodies the API's Python SDK sends
 * (compact JSON, only the parameters given, {@code null} for {@code None}): a prompt-tuning run
 * records its iterations, then reads, corrects, moves and deletes them.
 */
class FakeJobsApiIterationsTest {

  private static final String ITERATIONS = "/api/job-iterations/";
  private static final String JOB_1 = "00000000-0000-4000-8000-000000000001";
  private static final Response NOT_FOUND = new Response(404, "{\"detail\":\"Not found.\"}");

  private final FakeJobsApi api = ApiAnswers.fake(new MutableClock(START));

  /**
   * Job 1 runs three rounds, iterations 2, 3 and 4, each created with its {@code order} and then
   * scored: {@code iter_001} 0.61 kept, {@code iter_002} 0.55 discarded, {@code iter_003} 0.7 kept.
   */
  @BeforeEach
  void recordATuningRun() {
    send(
        "POST",
        "/api/jobs/",
        "{\"job_type\":\"prompt_tuning\",\"num_iterations\":3,"
            + "\"prompt_slug\":\"query-rewrite\",\"status\":\"running\"}",
        201);
    send("PATCH", job(1), "{\"baseline_score\":0.5}", 200);
    for (int round = 1; round <= 3; round++) {
      send(
          "POST",
          ITERATIONS,
          "{\"iteration_name\":\"iter_00%d\",\"job\":\"%s\",\"order\":%d}"
              .formatted(round, id(1), round),
          201);
    }
    send("PATCH", iteration(2), "{\"avg_score\":0.61,\"status\":\"keep\"}", 200);
    send("PATCH", iteration(3), "{\"avg_score\":0.55,\"status\":\"discard\"}", 200);
    send(
        "PATCH",
        iteration(4),
        "{\"avg_score\":0.7,\"description\":\"shorter system prompt\",\"status\":\"keep\"}",
        200);
  }

  @Test
  void aRetrievedIterationHoldsWhatTheRunRecorded() {
    assertThat(send("GET", iteration(4), "", 200))
        .isEqualTo(
            tree(
                """
                {"id":"%s","created_at":"%s","iteration_name":"iter_003","job":"%s",
                 "avg_score":0.7,"description":"shorter system prompt","dimension_scores":null,
                 "order":3,"status":"keep"}
                """
                    .formatted(id(4), START_TEXT, id(1))));
  }

  @Test
  void theJobShowsItsIterationsInOrderAndItsBaseline() {
    JsonNode job = send("GET", job(1), "", 200);

    assertThat(job.get("baseline_score").asDouble()).isEqualTo(0.5);
    assertThat(job.get("status").asText()).isEqualTo("running");
    assertThat(iterationIds(job)).containsExactly(id(2), id(3), id(4));
    assertThat(job.get("iterations").get(2)).isEqualTo(send("GET", iteration(4), "", 200));
  }

  @Test
  void anExplicitOrderPlacesAnIterationAmongTheOthers() {
    send(
        "POST",
        ITERATIONS,
        "{\"iteration_name\":\"warm_up\",\"job\":\"" + id(1) + "\",\"order\":0}",
        201);

    assertThat(iterationIds(send("GET", job(1), "", 200)))
        .containsExactly(id(5), id(2), id(3), id(4));
  }

  @Test
  void aCorrectedScoreChangesOnlyThatField() {
    ObjectNode expected = (ObjectNode) send("GET", iteration(3), "", 200);
    expected.put("avg_score", 0.57);

    assertThat(send("PATCH", iteration(3), "{\"avg_score\":0.57}", 200)).isEqualTo(expected);
    assertThat(send("GET", iteration(3), "", 200)).isEqualTo(expected);
  }

  @Test
  void aNullClearsANullableField() {
    send("PATCH", iteration(3), "{\"dimension_scores\":{\"relevance\":0.5}}", 200);

    assertThat(send("PATCH", iteration(3), "{\"dimension_scores\":null}", 200))
        .isEqualTo(send("GET", iteration(3), "", 200));
    assertThat(send("GET", iteration(3), "", 200).get("dimension_scores").isNull()).isTrue();
  }

  @Test
  void putSetsTheFieldsItNamesAndKeepsTheOthers() {
    JsonNode replaced =
        send(
            "PUT",
            iteration(3),
            "{\"iteration_name\":\"iter_002_rerun\",\"job\":\"%s\",\"agent_code\":\"v2\"}"
                .formatted(id(1)),
            200);

    assertThat(replaced)
        .isEqualTo(
            tree(
                """
                {"id":"%s","created_at":"%s","iteration_name":"iter_002_rerun","job":"%s",
                 "agent_code":"v2","avg_score":0.55,"dimension_scores":null,"order":2,
                 "status":"discard"}
                """
                    .formatted(id(3), START_TEXT, id(1))));
  }

  @Test
  void aMovedIterationIsListedUnderItsNewJobOnly() {
    send("POST", "/api/jobs/", "{\"job_type\":\"prompt_tuning\",\"status\":\"running\"}", 201);

    JsonNode moved = send("PATCH", iteration(3), "{\"job\":\"" + id(5) + "\"}", 200);

    assertThat(moved.get("job").asText()).isEqualTo(id(5));
    assertThat(iterationIds(send("GET", job(1), "", 200))).containsExactly(id(2), id(4));
    assertThat(iterationIds(send("GET", job(5), "", 200))).containsExactly(id(3));
  }

  @Test
  void aDeletedIterationIsGone() {
    assertThat(api.handle("DELETE", iteration(3), "")).isEqualTo(new Response(204, ""));

    assertThat(api.handle("GET", iteration(3), "")).isEqualTo(NOT_FOUND);
    assertThat(api.handle("DELETE", iteration(3), "")).isEqualTo(NOT_FOUND);
    assertThat(iterationIds(send("GET", job(1), "", 200))).containsExactly(id(2), id(4));
  }

  @Test
  void aDeletedJobTakesItsIterationsWithIt() {
    assertThat(api.handle("DELETE", job(1), "")).isEqualTo(new Response(204, ""));

    assertThat(api.handle("GET", job(1), "")).isEqualTo(NOT_FOUND);
    for (int n = 2; n <= 4; n++) {
      assertThat(api.handle("GET", iteration(n), "")).isEqualTo(NOT_FOUND);
    }
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "''                                                       | 2 6 3 4",
        "job=" + JOB_1 + "                                        | 2 3 4",
        "job=" + JOB_1 + "&status=keep                            | 2 4",
        "iteration_name=iter_001                                  | 2 6",
        "job=" + JOB_1 + "&score_min=0.61                         | 2 4",
        "job=" + JOB_1 + "&score_min=0.611                        | 4",
        "score_max=0.61                                           | 2 6 3",
        "search=SHORTER+prompt                                    | 4",
        "job=" + JOB_1 + "&ordering=-avg_score                    | 4 2 3",
        "job=" + JOB_1 + "&ordering=status%2C-avg_score           | 3 4 2",
        "job=" + JOB_1 + "&ordering=nope                          | 2 3 4",
      })
  void eachFilterAndOrderingSelectsAndSortsTheIterations(String query, String numbers) {
    anotherJobWithAnIteration();

    JsonNode list = send("GET", ITERATIONS + "?" + query, "", 200);

    String[] expected = ApiAnswers.ids(numbers);
    assertThat(resultIds(list)).containsExactly(expected);
    assertThat(list.get("count").asInt()).isEqualTo(expected.length);
  }

  @Test
  void aListHoldsWholeIterations() {
    assertThat(send("GET", ITERATIONS + "?search=shorter", "", 200))
        .isEqualTo(
            tree(
                "{\"count\":1,\"next\":null,\"previous\":null,\"results\":[%s]}"
                    .formatted(api.handle("GET", iteration(4), "").body())));
  }

  @Test
  void pagesOfAJobsIterationsLinkToTheirNeighbours() {
    JsonNode first = send("GET", ITERATIONS + "?job=" + JOB_1 + "&page_size=2", "", 200);
    JsonNode last = send("GET", ITERATIONS + "?job=" + JOB_1 + "&page=2&page_size=2", "", 200);

    assertThat(resultIds(first)).containsExactly(id(2), id(3));
    assertThat(first.get("next").asText())
        .isEqualTo(ITERATIONS + "?job=" + JOB_1 + "&page=2&page_size=2");
    assertThat(resultIds(last)).containsExactly(id(4));
    assertThat(last.get("previous").asText())
        .isEqualTo(ITERATIONS + "?job=" + JOB_1 + "&page_size=2");
    assertThat(api.handle("GET", ITERATIONS + "?job=" + JOB_1 + "&page=3&page_size=2", ""))
        .isEqualTo(new Response(404, "{\"detail\":\"Invalid page.\"}"));
  }

  @Test
  void badFiltersAnswer400WithEveryMessage() {
    assertThat(api.handle("GET", ITERATIONS + "?job=nope&score_max=x&status=completed", ""))
        .isEqualTo(
            new Response(
                400,
                "{\"job\":[\"Enter a valid UUID.\"],"
                    + "\"status\":[\"Select a valid choice. completed is not one of the"
                    + " available choices.\"],"
                    + "\"score_max\":[\"Enter a number.\"]}"));
  }

  @Test
  void everyValidCreateBodyIsStoredAndServedBack() {
    JobJson json = JobJson.create();
    Property.forAll(
        200,
        JobGenerators.validIterationCreateParams(),
        params -> {
          // A job of its own: an iteration of order Long.MAX_VALUE leaves no order for the next.
          UUID job = UUID.fromString(send("POST", "/api/jobs/", "{}", 201).get("id").asText());
          JsonNode created = send("POST", ITERATIONS, json.write(params.withJob(job)), 201);

          assertThat(send("GET", ITERATIONS + created.get("id").asText() + "/", "", 200))
              .isEqualTo(created);
        });
  }

  /** Job 5 and its iteration 6, {@code iter_001} of order 1, scored 0.4 and discarded. */
  private void anotherJobWithAnIteration() {
    send("POST", "/api/jobs/", "{\"status\":\"running\"}", 201);
    send(
        "POST",
        ITERATIONS,
        "{\"iteration_name\":\"iter_001\",\"job\":\"%s\",\"order\":1}".formatted(id(5)),
        201);
    send("PATCH", iteration(6), "{\"avg_score\":0.4,\"status\":\"discard\"}", 200);
  }

  /** Sends a request, asserts the answer's status, and returns its body. */
  private JsonNode send(String method, String target, String body, int status) {
    return body(api.handle(method, target, body), status);
  }

  private static String job(long n) {
    return "/api/jobs/" + id(n) + "/";
  }

  private static String iteration(long n) {
    return ITERATIONS + id(n) + "/";
  }

  private static List<String> iterationIds(JsonNode job) {
    List<String> ids = new ArrayList<>();
    job.get("iterations").forEach(iteration -> ids.add(iteration.get("id").asText()));
    return ids;
  }
}
