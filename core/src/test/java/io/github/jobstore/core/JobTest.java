package io.github.jobstore.core;

import static io.github.jobstore.core.Fixtures.AGENT;
import static io.github.jobstore.core.Fixtures.BACKTEST;
import static io.github.jobstore.core.Fixtures.CREATED;
import static io.github.jobstore.core.Fixtures.JOB_ID;
import static io.github.jobstore.core.Fixtures.PROJECT;
import static io.github.jobstore.core.Fixtures.RESULT;
import static io.github.jobstore.core.Fixtures.UPDATED;
import static io.github.jobstore.core.Fixtures.fullIteration;
import static io.github.jobstore.core.Fixtures.fullJob;
import static io.github.jobstore.core.Fixtures.minimalJob;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.eclipse.collections.api.factory.Lists;
import org.junit.jupiter.api.Test;

/** Building a {@link Job}: every accessor returns what the builder set. */
class JobTest {

  @Test
  void everyAccessorReturnsWhatTheBuilderSet() {
    Job job = fullJob();

    assertThat(job.id()).isEqualTo(JOB_ID);
    assertThat(job.createdAt()).isEqualTo(CREATED);
    assertThat(job.updatedAt()).isEqualTo(UPDATED);
    assertThat(job.iterations()).containsExactly(fullIteration());
    assertThat(job.agent()).contains(AGENT);
    assertThat(job.analyzerModel()).contains("gpt-4o");
    assertThat(job.backtestResults()).contains(BACKTEST);
    assertThat(job.baselineScore()).contains(0.5);
    assertThat(job.bestAgentCode()).contains("def agent(): pass");
    assertThat(job.bestScore()).contains(0.75);
    assertThat(job.candidatesPerIteration()).contains(4L);
    assertThat(job.celeryTaskId()).contains("celery-42");
    assertThat(job.dataSource()).contains("s3");
    assertThat(job.improvement()).contains(0.25);
    assertThat(job.jobType()).contains(JobType.PROMPT_TUNING);
    assertThat(job.numIterations()).contains(10L);
    assertThat(job.project()).contains(PROJECT);
    assertThat(job.promptSlug()).contains("summarize");
    assertThat(job.reportMarkdown()).contains("# Report");
    assertThat(job.result()).contains(RESULT);
    assertThat(job.status()).isEqualTo(JobStatus.RUNNING);
    assertThat(job.triggeredBy()).contains(7L);
  }

  @Test
  void everyOptionalFieldOfAMinimalJobIsEmpty() {
    Job job = minimalJob();

    List<Optional<?>> optionalFields =
        List.of(
            job.agent(),
            job.analyzerModel(),
            job.backtestResults(),
            job.baselineScore(),
            job.bestAgentCode(),
            job.bestScore(),
            job.candidatesPerIteration(),
            job.celeryTaskId(),
            job.dataSource(),
            job.improvement(),
            job.jobType(),
            job.numIterations(),
            job.project(),
            job.promptSlug(),
            job.reportMarkdown(),
            job.result(),
            job.triggeredBy());

    assertThat(optionalFields).hasSize(17).allSatisfy(field -> assertThat(field).isEmpty());
  }

  @Test
  void statusIsAPlainJobStatusNotAnOptional() throws NoSuchMethodException {
    assertThat(Job.class.getMethod("status").getReturnType()).isEqualTo(JobStatus.class);
    assertThat(JobCreateParams.class.getMethod("status").getReturnType()).isEqualTo(Optional.class);
  }

  @Test
  void int64FieldsKeepTheirExtremes() {
    Job job =
        minimalJob().toBuilder()
            .candidatesPerIteration(Long.MIN_VALUE)
            .numIterations(Long.MAX_VALUE)
            .triggeredBy(-1L)
            .build();

    assertThat(job.candidatesPerIteration()).contains(Long.MIN_VALUE);
    assertThat(job.numIterations()).contains(Long.MAX_VALUE);
    assertThat(job.triggeredBy()).contains(-1L);
  }

  @Test
  void iterationsKeepTheGivenOrder() {
    Iteration second = fullIteration().withOrder(2L).withIterationName("second");
    Iteration first = fullIteration();

    Job job = minimalJob().withIterations(Lists.immutable.of(first, second));

    assertThat(job.iterations()).containsExactly(first, second);
  }

  @Test
  void equalFieldsMakeEqualJobsWithEqualHashCodes() {
    assertThat(fullJob()).isEqualTo(fullJob()).hasSameHashCodeAs(fullJob());
  }

  @Test
  void jobsThatDifferInOneFieldAreNotEqual() {
    assertThat(fullJob()).isNotEqualTo(fullJob().withTriggeredBy(8L));
  }

  @Test
  void stringsAreStoredExactlyAsGiven() {
    String code = "  def agent():\r\n\treturn '\u00a0'  \n";

    assertThat(minimalJob().withBestAgentCode(code).bestAgentCode()).contains(code);
  }

  @Test
  void unlimitedStringFieldsAcceptLongValues() {
    String longText = "x".repeat(100_000);

    Job job = minimalJob().toBuilder().bestAgentCode(longText).reportMarkdown(longText).build();

    assertThat(job.bestAgentCode()).contains(longText);
    assertThat(job.reportMarkdown()).contains(longText);
  }
}
