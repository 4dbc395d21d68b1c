package io.github.jobstore.examples;

import static io.github.jobstore.examples.ApiAnswers.START;
import static io.github.jobstore.examples.ApiAnswers.id;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.jobstore.examples.FakeJobsApi.Response;
import io.github.jobstore.testkit.MutableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The fake's error answers, each with the API's status and exact body: 400 for a bad body, 404 for
 * an unknown item or path, 405 for a method a path does not serve.
 */
class FakeJobsApiTest {

  private static final Response NOT_FOUND = new Response(404, "{\"detail\":\"Not found.\"}");
  private static final String JOB = "/api/jobs/00000000-0000-4000-8000-000000000001/";
  private static final String ITERATION =
      "/api/job-iterations/00000000-0000-4000-8000-000000000002/";
  private static final String UNKNOWN_ID = id(9);

  private final FakeJobsApi api = ApiAnswers.fake(new MutableClock(START));

  @BeforeEach
  void createAJobWithAnIteration() {
    assertThat(api.handle("POST", "/api/jobs/", "{\"status\":\"running\"}").status())
        .isEqualTo(201);
    assertThat(
            api.handle(
                    "POST",
                    "/api/job-iterations/",
                    "{\"iteration_name\":\"iter_001\",\"job\":\"" + id(1) + "\"}")
                .status())
        .isEqualTo(201);
  }

  @ParameterizedTest(name = "[{index}] {0} {1}")
  @CsvSource({
    "GET, /api/jobs/",
    "PATCH, /api/jobs/",
    "PUT, /api/job-iterations/",
    "GET, /api/job-iterations/",
  })
  void anUnknownItemIdAnswers404(String method, String resource) {
    assertThat(api.handle(method, resource + UNKNOWN_ID + "/", "{}")).isEqualTo(NOT_FOUND);
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @ValueSource(strings = {"/api/jobs/", "/api/job-iterations/"})
  void deletingAnUnknownItemAnswers404(String resource) {
    assertThat(api.handle("DELETE", resource + UNKNOWN_ID + "/", "")).isEqualTo(NOT_FOUND);
  }

  @ParameterizedTest(name = "[{index}] {0} {1}")
  @CsvSource({
    "GET, /api/jobs/not-a-uuid/",
    "PATCH, /api/jobs/1234/",
    "DELETE, /api/jobs/00000000-0000-4000-8000-00000000000g/",
    "GET, /api/job-iterations/not-a-uuid/",
    "PUT, /api/job-iterations/00000000-0000-4000-8000/",
  })
  void anIdThatIsNotAUuidAnswers404(String method, String target) {
    assertThat(api.handle(method, target, "{}")).isEqualTo(NOT_FOUND);
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @ValueSource(
      strings = {
        "/",
        "/api/",
        "/api/jobs",
        "/api/projects/",
        "/jobs/",
        JOB + "iterations/",
        "/api/jobs/00000000-0000-4000-8000-000000000001",
      })
  void aPathTheApiDoesNotHaveAnswers404(String target) {
    assertThat(api.handle("GET", target, "")).isEqualTo(NOT_FOUND);
  }

  @Test
  void anUpdateOfAnUnknownItemAnswers404EvenWithABadBody() {
    assertThat(api.handle("PATCH", "/api/jobs/" + UNKNOWN_ID + "/", "{\"status\":"))
        .isEqualTo(NOT_FOUND);
    assertThat(
            api.handle("PUT", "/api/job-iterations/" + UNKNOWN_ID + "/", "{\"avg_score\":\"x\"}"))
        .isEqualTo(NOT_FOUND);
  }

  @ParameterizedTest(name = "[{index}] {0} {1}")
  @CsvSource({
    "DELETE, /api/jobs/",
    "PATCH, /api/jobs/",
    "PUT, /api/job-iterations/",
    "POST, " + JOB,
    "POST, " + ITERATION,
    "HEAD, " + JOB,
    "OPTIONS, /api/jobs/",
  })
  void aMethodAPathDoesNotServeAnswers405(String method, String target) {
    assertThat(api.handle(method, target, "{}"))
        .isEqualTo(
            new Response(405, "{\"detail\":\"Method \\\"" + method + "\\\" not allowed.\"}"));
  }

  @Test
  void theMethodIsCheckedBeforeTheId() {
    assertThat(api.handle("POST", "/api/jobs/not-a-uuid/", "{}"))
        .isEqualTo(new Response(405, "{\"detail\":\"Method \\\"POST\\\" not allowed.\"}"));
  }

  @Test
  void anInvalidJobBodyAnswers400WithEveryViolation() {
    assertThat(api.handle("POST", "/api/jobs/", "{\"data_source\":\"  \",\"agent\":\"1-1-1-1-1\"}"))
        .isEqualTo(
            new Response(
                400,
                "{\"agent\":[\"Must be a valid UUID.\"],"
                    + "\"data_source\":[\"This field may not be blank.\"]}"));
  }

  @Test
  void aJobPatchIsValidatedAsACreateIs() {
    assertThat(api.handle("PATCH", JOB, "{\"status\":\"done\",\"analyzer_model\":null}"))
        .isEqualTo(
            new Response(
                400,
                "{\"analyzer_model\":[\"This field may not be null.\"],"
                    + "\"status\":[\"\\\"done\\\" is not a valid choice.\"]}"));
  }

  @Test
  void anIterationWithoutItsRequiredFieldsAnswers400() {
    assertThat(api.handle("POST", "/api/job-iterations/", "{\"order\":1}"))
        .isEqualTo(
            new Response(
                400,
                "{\"iteration_name\":[\"This field is required.\"],"
                    + "\"job\":[\"This field is required.\"]}"));
    assertThat(api.handle("PUT", ITERATION, "{\"avg_score\":0.5}"))
        .isEqualTo(
            new Response(
                400,
                "{\"iteration_name\":[\"This field is required.\"],"
                    + "\"job\":[\"This field is required.\"]}"));
  }

  @Test
  void anIterationOfAnUnknownJobAnswers400() {
    Response expected =
        new Response(
            400, "{\"job\":[\"Invalid pk \\\"" + UNKNOWN_ID + "\\\" - object does not exist.\"]}");

    assertThat(
            api.handle(
                "POST",
                "/api/job-iterations/",
                "{\"iteration_name\":\"iter_002\",\"job\":\"" + UNKNOWN_ID + "\"}"))
        .isEqualTo(expected);
    assertThat(api.handle("PATCH", ITERATION, "{\"job\":\"" + UNKNOWN_ID + "\"}"))
        .isEqualTo(expected);
  }

  @Test
  void anIterationStatusIsKeepOrDiscard() {
    assertThat(api.handle("PATCH", ITERATION, "{\"avg_score\":0.7,\"status\":\"completed\"}"))
        .isEqualTo(
            new Response(400, "{\"status\":[\"\\\"completed\\\" is not a valid choice.\"]}"));
  }

  @Test
  void aBodyThatIsNotJsonAnswers400() {
    assertThat(api.handle("POST", "/api/jobs/", "{\"status\":"))
        .isEqualTo(
            new Response(
                400, "{\"detail\":\"JSON parse error - Invalid JSON at line 1 column 11.\"}"));
  }

  @Test
  void anEmptyBodyHasNoFields() {
    String before = api.handle("GET", ITERATION, "").body();

    assertThat(api.handle("PATCH", ITERATION, "")).isEqualTo(new Response(200, before));
    assertThat(api.handle("POST", "/api/job-iterations/", ""))
        .isEqualTo(
            new Response(
                400,
                "{\"iteration_name\":[\"This field is required.\"],"
                    + "\"job\":[\"This field is required.\"]}"));
  }

  @Test
  void aRejectedRequestChangesNothing() {
    String before = api.handle("GET", JOB, "").body();

    api.handle("PATCH", JOB, "{\"status\":\"completed\",\"best_score\":\"high\"}");

    assertThat(api.handle("GET", JOB, "")).isEqualTo(new Response(200, before));
  }
}
