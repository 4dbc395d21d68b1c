package io.github.jobstore.examples;

import static io.github.jobstore.examples.ApiAnswers.START;
import static io.github.jobstore.examples.ApiAnswers.body;
import static io.github.jobstore.examples.ApiAnswers.id;
import static io.github.jobstore.examples.ApiAnswers.resultIds;
import static io.github.jobstore.examples.ApiAnswers.tree;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.jobstore.examples.FakeJobsApi.Response;
import io.github.jobstore.testkit.MutableClock;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code GET /api/jobs/} through the fake, with the query strings the API's Python SDK sends: its
 * parameters in the order of the method's, each encoded as Python's {@code urlencode} encodes it
 * ({@code :} as {@code %3A}, {@code +} as {@code %2B}, {@code ,} as {@code %2C}, a space as {@code
 * +}), times as Python's {@code datetime.isoformat()} writes them.
 */
class FakeJobsApiJobListTest {

  private static final String P1 = "0b5e7a52-3c1d-4f7e-9a8b-2f6d1c4e5a90";
  private static final String P2 = "7d1f4c2e-8a3b-4c5d-9e6f-1a2b3c4d5e6f";
  private static final String A1 = "5a6b7c8d-9e0f-4a1b-8c2d-3e4f5a6b7c8d";

  private final MutableClock clock = new MutableClock(START);
  private final FakeJobsApi api = ApiAnswers.fake(clock);

  /**
   * Five jobs, one a minute from {@link ApiAnswers#START}, ids 1 to 5:
   *
   * <pre>
   * id project agent status    job_type          analyzer_model data_source prompt_slug      best_score
   * 1  P1      A1    completed prompt_tuning     gpt-4o         s3          query-rewrite    0.82
   * 2  P1            running   prompt_tuning     gpt-4o-mini    upload      summarize        0.64
   * 3  P2      A1    failed    judge_scoring     claude         s3          query-expand
   * 4  P2            completed model_backtesting gpt-4o         warehouse   Query-Rewrite-v2 0.91
   * 5                pending   inference
   * </pre>
   */
  @BeforeEach
  void createFiveJobs() {
    create(
        "{\"agent\":\"%s\",\"analyzer_model\":\"gpt-4o\",\"best_score\":0.82,\"data_source\":\"s3\","
                .formatted(A1)
            + "\"job_type\":\"prompt_tuning\",\"project\":\"%s\",".formatted(P1)
            + "\"prompt_slug\":\"query-rewrite\",\"status\":\"completed\"}");
    create(
        "{\"analyzer_model\":\"gpt-4o-mini\",\"best_score\":0.64,\"data_source\":\"upload\","
            + "\"job_type\":\"prompt_tuning\",\"project\":\"%s\",".formatted(P1)
            + "\"prompt_slug\":\"summarize\",\"status\":\"running\"}");
    create(
        "{\"agent\":\"%s\",\"analyzer_model\":\"claude\",\"data_source\":\"s3\",".formatted(A1)
            + "\"job_type\":\"judge_scoring\",\"project\":\"%s\",".formatted(P2)
            + "\"prompt_slug\":\"query-expand\",\"status\":\"failed\"}");
    create(
        "{\"analyzer_model\":\"gpt-4o\",\"best_score\":0.91,\"data_source\":\"warehouse\","
            + "\"job_type\":\"model_backtesting\",\"project\":\"%s\",".formatted(P2)
            + "\"prompt_slug\":\"Query-Rewrite-v2\",\"status\":\"completed\"}");
    create("{\"job_type\":\"inference\"}");
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "''                                                    | 5 4 3 2 1",
        "project=" + P1 + "                                    | 2 1",
        "agent=" + A1 + "                                      | 3 1",
        "status=completed                                      | 4 1",
        "job_type=prompt_tuning                                | 2 1",
        "analyzer_model=gpt-4o                                 | 4 1",
        "data_source=s3                                        | 3 1",
        "prompt_slug=summarize                                 | 2",
        "created_after=2026-01-02T03%3A06%3A05.123456%2B00%3A00 | 5 4 3",
        "created_after=2026-01-02T03%3A06%3A05.123457%2B00%3A00 | 5 4",
        "created_before=2026-01-02T03%3A05%3A05.123456%2B00%3A00 | 2 1",
        "created_before=2026-01-02T04%3A05%3A05.123455%2B01%3A00 | 1",
        "score_min=0.82                                        | 4 1",
        "score_max=0.82                                        | 2 1",
        "score_max=0.819                                       | 2",
        "score_max=0.9&score_min=0.6                           | 2 1",
        "search=query                                          | 4 3 1",
        "search=GPT+rewrite                                    | 4 1",
        "project=" + P2 + "&status=completed                   | 4",
        "ordering=status%2C-best_score                         | 4 1 3 5 2",
        "ordering=best_score                                   | 2 1 4 5 3",
        "ordering=-best_score                                  | 5 3 4 1 2",
        "ordering=prompt_slug%2Cnope                           | 4 3 1 2 5",
        "ordering=nope                                         | 5 4 3 2 1",
        "job_type=inference&ordering=-created_at&status=       | 5",
      })
  void eachFilterAndOrderingSelectsAndSortsTheJobs(String query, String numbers) {
    JsonNode list = list("/api/jobs/?" + query);

    String[] expected = ApiAnswers.ids(numbers);
    assertThat(resultIds(list)).containsExactly(expected);
    assertThat(list.get("count").asInt()).isEqualTo(expected.length);
  }

  @Test
  void aRowIsTheJobsSummary() {
    assertThat(list("/api/jobs/?job_type=inference"))
        .isEqualTo(
            tree(
                """
                {"count":1,"next":null,"previous":null,"results":[
                  {"id":"%s","created_at":"2026-01-02T03:08:05.123456Z",
                   "updated_at":"2026-01-02T03:08:05.123456Z","agent":null,"baseline_score":null,
                   "best_score":null,"improvement":null,"job_type":"inference","project":null,
                   "status":"pending"}]}
                """
                    .formatted(id(5))));
  }

  @Test
  void pagesLinkToTheirNeighbours() {
    JsonNode first = list("/api/jobs/?page_size=2&status=");
    JsonNode second = list("/api/jobs/?page=2&page_size=2&status=");
    JsonNode last = list("/api/jobs/?page=3&page_size=2&status=");

    assertThat(resultIds(first)).containsExactly(id(5), id(4));
    assertThat(first.get("next").asText()).isEqualTo("/api/jobs/?page=2&page_size=2&status=");
    assertThat(first.get("previous").isNull()).isTrue();
    assertThat(resultIds(second)).containsExactly(id(3), id(2));
    assertThat(second.get("previous").asText()).isEqualTo("/api/jobs/?page_size=2&status=");
    assertThat(resultIds(last)).containsExactly(id(1));
    assertThat(last.get("next").isNull()).isTrue();
    assertThat(last.get("previous").asText()).isEqualTo("/api/jobs/?page=2&page_size=2&status=");
  }

  @Test
  void anAbsoluteTargetGivesAbsoluteLinks() {
    assertThat(list("http://testserver/api/jobs/?page_size=4").get("next").asText())
        .isEqualTo("http://testserver/api/jobs/?page=2&page_size=4");
  }

  @Test
  void aPagePastTheLastOrNotAPositiveIntegerAnswers404() {
    Response invalidPage = new Response(404, "{\"detail\":\"Invalid page.\"}");

    assertThat(api.handle("GET", "/api/jobs/?page=3&page_size=2", "").status()).isEqualTo(200);
    assertThat(api.handle("GET", "/api/jobs/?page=4&page_size=2", "")).isEqualTo(invalidPage);
    assertThat(api.handle("GET", "/api/jobs/?page=0", "")).isEqualTo(invalidPage);
    assertThat(api.handle("GET", "/api/jobs/?page=last", "")).isEqualTo(invalidPage);
  }

  @Test
  void page1OfNoJobsIsEmpty() {
    assertThat(list("/api/jobs/?status=cancelled"))
        .isEqualTo(tree("{\"count\":0,\"next\":null,\"previous\":null,\"results\":[]}"));
  }

  @Test
  void badFiltersAnswer400WithEveryMessage() {
    assertThat(
            api.handle(
                "GET",
                "/api/jobs/?created_after=yesterday&page=9&project=p1&score_min=high&status=done",
                ""))
        .isEqualTo(
            new Response(
                400,
                "{\"project\":[\"Enter a valid UUID.\"],"
                    + "\"status\":[\"Select a valid choice. done is not one of the available"
                    + " choices.\"],"
                    + "\"created_after\":[\"Enter a valid date/time.\"],"
                    + "\"score_min\":[\"Enter a number.\"]}"));
  }

  private void create(String body) {
    body(api.handle("POST", "/api/jobs/", body), 201);
    clock.advance(Duration.ofMinutes(1));
  }

  private JsonNode list(String target) {
    return body(api.handle("GET", target, ""), 200);
  }
}
