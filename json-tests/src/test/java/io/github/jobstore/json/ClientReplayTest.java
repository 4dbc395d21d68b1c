package io.github.jobstore.json;

import static io.github.jobstore.json.JsonTestSupport.JSON;
import static io.github.jobstore.json.JsonTestSupport.numbersByValue;
import static io.github.jobstore.json.JsonTestSupport.tree;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.jobstore.core.Iteration;
import io.github.jobstore.core.Job;
import io.github.jobstore.store.InMemoryJobStore;
import io.github.jobstore.testkit.MutableClock;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Replays what the real {@code overmind_lab} client sends in one optimisation run, as JSON bodies
 * through the codec and the store (as a test fake of the API would): create, patch the baseline,
 * append the iterations, finish. The job written at the end holds every value the client sent.
 */
class ClientReplayTest {

  private static final Instant START = Instant.parse("2026-03-01T12:00:00.123456Z");
  private static final String AGENT = "0b6a6f4e-3c1d-4f3e-9f7a-2d1e5c4b3a21";
  private static final int ITERATIONS = 5;

  private static final String CREATE =
      """
      {"agent": "%s", "status": "running", "analyzer_model": "gpt-4o-2024-08-06",
       "num_iterations": 5, "candidates_per_iteration": 3, "data_source": "dataset"}
      """
          .formatted(AGENT);

  private static final String BASELINE = "{\"baseline_score\": 0.42, \"status\": \"running\"}";

  private static final String HOLDOUT =
      """
      {"holdout": {"n": 200, "score": 0.61, "baseline": 0.42,
                   "per_dimension": {"accuracy": 0.7, "tone": 0.55},
                   "seed": 12345678901234567890123, "ratio": 1.50, "notes": null,
                   "samples": [{"id": 1, "ok": true}, {"id": 2, "ok": false}]}}
      """;

  private static final String FINISH =
      """
      {"status": "completed", "best_score": 0.61, "improvement": 0.19,
       "report_markdown": "# Report\\n\\n| iter | score |\\n|---|---|\\n| iter_004 | 0.61 |\\n",
       "best_agent_code": "def agent(q):\\n    return \\"42\\"  # ünïcödé ✓\\n",
       "backtest_results": %s}
      """
          .formatted(HOLDOUT);

  private final MutableClock clock = new MutableClock(START);
  private final AtomicLong ids = new AtomicLong();
  private final InMemoryJobStore store =
      InMemoryJobStore.builder()
          .clock(clock)
          .idGenerator(() -> new UUID(0x1234L, ids.incrementAndGet()))
          .build();

  private final List<String> iterationBodies = new ArrayList<>();
  private UUID jobId = new UUID(0, 0);

  @BeforeEach
  void replayTheClient() {
    Job created = store.create(JSON.readJobCreateParams(CREATE));
    jobId = UUID.fromString(tree(JSON.write(created)).get("id").textValue());

    clock.advance(Duration.ofSeconds(1));
    store.update(jobId, JSON.readJobPatch(BASELINE));

    for (int order = 1; order <= ITERATIONS; order++) {
      clock.advance(Duration.ofSeconds(30));
      String body = iterationBody(jobId, order);
      iterationBodies.add(body);
      store.appendIteration(jobId, JSON.readIterationCreateParams(body));
    }

    clock.advance(Duration.ofSeconds(1));
    store.update(jobId, JSON.readJobPatch(FINISH));
  }

  private static String iterationBody(UUID job, int order) {
    String dimensions = order % 2 == 0 ? "{\"accuracy\": 0.5, \"tone\": 0.75}" : "{}";
    return """
        {"job": "%s", "iteration_name": "iter_%03d", "order": %d, "avg_score": 0.%d,
         "status": "%s", "description": "candidate %d of run", "agent_code": "",
         "dimension_scores": %s}
        """
        .formatted(
            job, order, order, 4 + order, order == 4 ? "keep" : "discard", order, dimensions);
  }

  private JsonNode writtenJob() {
    return tree(JSON.write(store.get(jobId)));
  }

  @Test
  void writtenJobKeepsEveryValueOfTheCreateBody() {
    JsonNode job = writtenJob();

    assertThat(job.get("agent").textValue()).isEqualTo(AGENT);
    assertThat(job.get("analyzer_model").textValue()).isEqualTo("gpt-4o-2024-08-06");
    assertThat(job.get("num_iterations").longValue()).isEqualTo(5);
    assertThat(job.get("candidates_per_iteration").longValue()).isEqualTo(3);
    assertThat(job.get("data_source").textValue()).isEqualTo("dataset");
  }

  @Test
  void writtenJobKeepsTheBaselineOfTheFirstPatch() {
    assertThat(writtenJob().get("baseline_score").decimalValue())
        .isEqualByComparingTo(new BigDecimal("0.42"));
  }

  @Test
  void writtenJobKeepsEveryValueOfTheFinishPatch() {
    JsonNode job = writtenJob();
    JsonNode finish = tree(FINISH);

    assertThat(job.get("status").textValue()).isEqualTo("completed");
    assertThat(job.get("best_score").decimalValue()).isEqualByComparingTo(new BigDecimal("0.61"));
    assertThat(job.get("improvement").decimalValue()).isEqualByComparingTo(new BigDecimal("0.19"));
    // The API strips request strings: the final line breaks the client sent are not kept.
    assertThat(job.get("report_markdown").textValue())
        .isEqualTo("# Report\n\n| iter | score |\n|---|---|\n| iter_004 | 0.61 |")
        .isEqualTo(finish.get("report_markdown").textValue().stripTrailing());
    assertThat(job.get("best_agent_code").textValue())
        .isEqualTo("def agent(q):\n    return \"42\"  # ünïcödé ✓")
        .isEqualTo(finish.get("best_agent_code").textValue().stripTrailing());
  }

  @Test
  void writtenJobKeepsTheBacktestResultsExactlyAsSent() {
    JsonNode backtest = writtenJob().get("backtest_results");

    assertThat(backtest).isEqualTo(tree(HOLDOUT));
    assertThat(backtest.at("/holdout/seed").bigIntegerValue())
        .hasToString("12345678901234567890123");
    assertThat(backtest.at("/holdout/ratio").decimalValue()).isEqualTo(new BigDecimal("1.50"));
  }

  @Test
  void writtenJobHasEveryIterationTheClientAppendedInOrder() {
    JsonNode iterations = writtenJob().get("iterations");

    assertThat(iterations).hasSize(ITERATIONS);
    for (int i = 0; i < ITERATIONS; i++) {
      JsonNode written = iterations.get(i);
      JsonNode sent = tree(iterationBodies.get(i));
      for (String field :
          List.of("iteration_name", "order", "status", "description", "agent_code")) {
        assertThat(written.get(field)).as("iterations[%d].%s", i, field).isEqualTo(sent.get(field));
      }
      assertThat(numbersByValue(written.get("avg_score")))
          .as("iterations[%d].avg_score", i)
          .isEqualTo(numbersByValue(sent.get("avg_score")));
      assertThat(numbersByValue(written.get("dimension_scores")))
          .as("iterations[%d].dimension_scores", i)
          .isEqualTo(numbersByValue(sent.get("dimension_scores")));
    }
  }

  @Test
  void everyWrittenIterationBelongsToTheJobTheAppendNamed() {
    for (JsonNode iteration : writtenJob().get("iterations")) {
      assertThat(iteration.get("job").textValue()).isEqualTo(jobId.toString());
    }
  }

  @Test
  void emptyAgentCodeIsKeptAsAnEmptyString() {
    for (Iteration iteration : store.get(jobId).iterations()) {
      assertThat(iteration.agentCode()).contains("");
    }
  }

  @Test
  void writtenTimesAreTheStoreClockInUtcWithMicroseconds() {
    JsonNode job = writtenJob();

    assertThat(job.get("created_at").textValue()).isEqualTo("2026-03-01T12:00:00.123456Z");
    assertThat(job.get("updated_at").textValue()).isEqualTo("2026-03-01T12:02:32.123456Z");
    assertThat(job.at("/iterations/0/created_at").textValue())
        .isEqualTo("2026-03-01T12:00:31.123456Z");
  }

  @Test
  void writtenIdsAreTheStoreIdsInCanonicalForm() {
    JsonNode job = writtenJob();

    assertThat(job.get("id").textValue()).isEqualTo("00000000-0000-1234-0000-000000000001");
    assertThat(job.at("/iterations/4/id").textValue())
        .isEqualTo("00000000-0000-1234-0000-000000000006");
  }

  @Test
  void writtenJobReadsBackAsTheStoredJob() {
    Job stored = store.get(jobId);

    assertThat(JSON.readJob(JSON.write(stored))).isEqualTo(stored);
  }
}
