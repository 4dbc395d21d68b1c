package io.github.jobstore.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.jobstore.core.Iteration;
import io.github.jobstore.core.IterationCreateParams;
import io.github.jobstore.core.Job;
import io.github.jobstore.core.JobCreateParams;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

class ValidGeneratorsTest {

  private static final int CASES = 1_000;

  /** Copies every field of a job onto itself, one {@code withX} at a time. */
  private static final List<UnaryOperator<Job>> JOB_SELF_COPIES =
      List.of(
          j -> j.withId(j.id()),
          j -> j.withCreatedAt(j.createdAt()),
          j -> j.withUpdatedAt(j.updatedAt()),
          j -> j.withIterations(j.iterations()),
          j -> j.withAgent(j.agent()),
          j -> j.withAnalyzerModel(j.analyzerModel()),
          j -> j.withBacktestResults(j.backtestResults()),
          j -> j.withBaselineScore(j.baselineScore()),
          j -> j.withBestAgentCode(j.bestAgentCode()),
          j -> j.withBestScore(j.bestScore()),
          j -> j.withCandidatesPerIteration(j.candidatesPerIteration()),
          j -> j.withCeleryTaskId(j.celeryTaskId()),
          j -> j.withDataSource(j.dataSource()),
          j -> j.withImprovement(j.improvement()),
          j -> j.withJobType(j.jobType()),
          j -> j.withNumIterations(j.numIterations()),
          j -> j.withProject(j.project()),
          j -> j.withPromptSlug(j.promptSlug()),
          j -> j.withReportMarkdown(j.reportMarkdown()),
          j -> j.withResult(j.result()),
          j -> j.withStatus(j.status()),
          j -> j.withTriggeredBy(j.triggeredBy()));

  @Test
  void everyValidCreateParamsRoundTripsThroughBuilderAndCopies() {
    Property.forAll(
        CASES,
        JobGenerators.validCreateParams(),
        params -> {
          assertThat(params.toBuilder().build()).isEqualTo(params);
          assertThat(JobCreateParams.builder().from(params).build()).isEqualTo(params);
          assertThat(params.withAnalyzerModel(params.analyzerModel())).isEqualTo(params);
          assertThat(params.withDataSource(params.dataSource())).isEqualTo(params);
          assertThat(params.withBestScore(params.bestScore())).isEqualTo(params);
          assertThat(params.withStatus(params.status())).isEqualTo(params);
          assertThat(params.withResult(params.result())).isEqualTo(params);
          assertThat(params.hashCode()).isEqualTo(params.toBuilder().build().hashCode());
        });
  }

  @Test
  void everyValidJobRoundTripsThroughBuilderAndEveryCopy() {
    Property.forAll(
        CASES,
        JobGenerators.validJobs(),
        job -> {
          assertThat(job.toBuilder().build()).isEqualTo(job);
          for (UnaryOperator<Job> copy : JOB_SELF_COPIES) {
            assertThat(copy.apply(job)).isEqualTo(job);
          }
        });
  }

  @Test
  void validJobsKeepTheirIterationsOrderedAndOwned() {
    Property.forAll(
        CASES,
        JobGenerators.validJobs(),
        job -> {
          assertThat(job.iterations()).allSatisfy(i -> assertThat(i.job()).isEqualTo(job.id()));
          assertThat(job.iterations().collect(i -> i.order().orElseThrow()).castToList())
              .isSorted()
              .doesNotHaveDuplicates();
          assertThat(job.updatedAt()).isAfterOrEqualTo(job.createdAt());
        });
  }

  @Test
  void everyValidIterationCreateParamsRoundTrips() {
    Property.forAll(
        CASES,
        JobGenerators.validIterationCreateParams(),
        params -> {
          assertThat(params.toBuilder().build()).isEqualTo(params);
          assertThat(IterationCreateParams.builder().from(params).build()).isEqualTo(params);
          assertThat(params.withIterationName(params.iterationName())).isEqualTo(params);
          assertThat(params.withAvgScore(params.avgScore())).isEqualTo(params);
          assertThat(params.withOrder(params.order())).isEqualTo(params);
        });
  }

  @Test
  void everyValidIterationRoundTripsThroughBuilderAndCopies() {
    Property.forAll(
        CASES,
        JobGenerators.validIterations(),
        iteration -> {
          assertThat(iteration.toBuilder().build()).isEqualTo(iteration);
          assertThat(Iteration.builder().from(iteration).build()).isEqualTo(iteration);
          assertThat(iteration.withId(iteration.id())).isEqualTo(iteration);
          assertThat(iteration.withJob(iteration.job())).isEqualTo(iteration);
          assertThat(iteration.withCreatedAt(iteration.createdAt())).isEqualTo(iteration);
          assertThat(iteration.withDimensionScores(iteration.dimensionScores()))
              .isEqualTo(iteration);
          assertThat(iteration.withStatus(iteration.status())).isEqualTo(iteration);
        });
  }

  @Test
  void theSameSeedDrawsTheSameValues() {
    Generator<Job> jobs = JobGenerators.validJobs();
    for (long seed = 0; seed < 100; seed++) {
      assertThat(jobs.next(new SplittableRandom(seed)))
          .isEqualTo(jobs.next(new SplittableRandom(seed)));
    }
  }

  @Test
  void optionalFieldsAreSometimesPresentAndSometimesAbsent() {
    SplittableRandom random = new SplittableRandom(7);
    List<JobCreateParams> drawn =
        java.util.stream.Stream.generate(() -> JobGenerators.validCreateParams().next(random))
            .limit(200)
            .toList();
    assertThat(drawn).anyMatch(p -> p.analyzerModel().isPresent());
    assertThat(drawn).anyMatch(p -> p.analyzerModel().isEmpty());
    assertThat(drawn)
        .anyMatch(
            p -> p.analyzerModel().map(s -> s.codePointCount(0, s.length()) == 128).orElse(false));
    assertThat(drawn).anyMatch(p -> p.analyzerModel().map(s -> s.length() > 128).orElse(false));
    assertThat(drawn).anyMatch(p -> p.result().isPresent());
    assertThat(drawn).anyMatch(p -> p.status().isEmpty());
  }
}
