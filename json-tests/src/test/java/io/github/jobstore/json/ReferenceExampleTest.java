package io.github.jobstore.json;

import static io.github.jobstore.json.JsonTestSupport.JSON;
import static io.github.jobstore.json.JsonTestSupport.assertSameTreeByValue;
import static io.github.jobstore.json.JsonTestSupport.resource;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.jobstore.core.Iteration;
import io.github.jobstore.core.IterationStatus;
import io.github.jobstore.core.Job;
import io.github.jobstore.core.JobStatus;
import io.github.jobstore.core.JobType;
import io.github.jobstore.core.JsonObject;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The example response of {@code jobs.create} in the API's own reference documentation, saved as
 * {@code reference-job.json}: it reads into a job with every field set, and writes back as the same
 * JSON.
 */
class ReferenceExampleTest {

  private static final String REFERENCE = resource("reference-job.json");
  private static final UUID ID = UUID.fromString("182bd5e5-6e1a-4fe4-a799-aa6d9a6ab26e");
  private static final Instant AT = Instant.parse("2019-12-27T18:11:19.117Z");
  private static final long MIN_SAFE_INTEGER = -9007199254740991L;

  @Test
  void referenceBodyReadsIntoAJobWithEveryReadOnlyFieldSet() {
    Job job = JSON.readJob(REFERENCE);

    assertThat(job.id()).isEqualTo(ID);
    assertThat(job.createdAt()).isEqualTo(AT);
    assertThat(job.updatedAt()).isEqualTo(AT);
    assertThat(job.iterations()).hasSize(1);
  }

  @Test
  void referenceBodyReadsIntoAJobWithEveryWritableFieldSet() {
    Job job = JSON.readJob(REFERENCE);

    assertThat(job.agent()).contains(ID);
    assertThat(job.analyzerModel()).contains("analyzer_model");
    assertThat(job.backtestResults()).contains(JsonObject.empty());
    assertThat(job.baselineScore()).contains(0.0);
    assertThat(job.bestAgentCode()).contains("best_agent_code");
    assertThat(job.bestScore()).contains(0.0);
    assertThat(job.candidatesPerIteration()).contains(MIN_SAFE_INTEGER);
    assertThat(job.celeryTaskId()).contains("celery_task_id");
    assertThat(job.dataSource()).contains("data_source");
    assertThat(job.improvement()).contains(0.0);
    assertThat(job.jobType()).contains(JobType.INFERENCE);
    assertThat(job.numIterations()).contains(MIN_SAFE_INTEGER);
    assertThat(job.project()).contains(ID);
    assertThat(job.promptSlug()).contains("prompt_slug");
    assertThat(job.reportMarkdown()).contains("report_markdown");
    assertThat(job.result()).contains(JsonObject.empty());
    assertThat(job.status()).isEqualTo(JobStatus.PENDING);
    assertThat(job.triggeredBy()).contains(0L);
  }

  @Test
  void referenceIterationReadsWithEveryFieldSet() {
    Iteration iteration = JSON.readJob(REFERENCE).iterations().getFirst();

    assertThat(iteration.id()).isEqualTo(ID);
    assertThat(iteration.createdAt()).isEqualTo(AT);
    assertThat(iteration.iterationName()).isEqualTo("iteration_name");
    assertThat(iteration.job()).isEqualTo(ID);
    assertThat(iteration.agentCode()).contains("agent_code");
    assertThat(iteration.avgScore()).contains(0.0);
    assertThat(iteration.description()).contains("description");
    assertThat(iteration.dimensionScores()).contains(JsonObject.empty());
    assertThat(iteration.order()).contains(MIN_SAFE_INTEGER);
    assertThat(iteration.status()).contains(IterationStatus.KEEP);
  }

  @Test
  void writingTheReferenceJobBackGivesTheSameTreeWithNumbersComparedByValue() {
    String written = JSON.write(JSON.readJob(REFERENCE));

    assertSameTreeByValue(written, REFERENCE);
  }

  @Test
  void writingTheReferenceJobKeepsTheMillisecondTimesAsTheyWere() {
    String written = JSON.write(JSON.readJob(REFERENCE));

    assertThat(written).contains("\"created_at\":\"2019-12-27T18:11:19.117Z\"");
    assertThat(written).contains("\"updated_at\":\"2019-12-27T18:11:19.117Z\"");
  }

  @Test
  void referenceJobReadBackFromItsWrittenFormIsEqual() {
    Job job = JSON.readJob(REFERENCE);

    assertThat(JSON.readJob(JSON.write(job))).isEqualTo(job);
  }

  @Test
  void referenceIterationWrittenAloneGivesTheSameTreeAsInTheReference() {
    Iteration iteration = JSON.readJob(REFERENCE).iterations().getFirst();

    assertSameTreeByValue(
        JSON.write(iteration),
        JsonTestSupport.text(JsonTestSupport.tree(REFERENCE).get("iterations").get(0)));
  }
}
