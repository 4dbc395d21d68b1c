package io.github.jobstore.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.jobstore.core.Iteration;
import io.github.jobstore.core.IterationCreateParams;
import io.github.jobstore.core.Job;
import io.github.jobstore.core.JobCreateParams;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class ValidGeneratorsTest {

  private static final int CASES = 1_000;

  /**
   * A field of {@code T}: how to read it and how to copy a value into it. Copying another value's
   * field in must give a copy holding it, and copying the original's back must give the original: a
   * {@code withX} that ignored its argument or set another field fails.
   */
  private record Field<T, V>(Function<T, V> get, BiFunction<T, V, T> with) {

    void checkCopies(T value, T other) {
      T copied = with.apply(value, get.apply(other));
      assertThat(get.apply(copied)).isEqualTo(get.apply(other));
      assertThat(with.apply(copied, get.apply(value))).isEqualTo(value);
    }
  }

  private static <T, V> Field<T, V> field(Function<T, V> get, BiFunction<T, V, T> with) {
    return new Field<>(get, with);
  }

  /** Every field of a job that has a {@code withX} copy. */
  private static final List<Field<Job, ?>> JOB_FIELDS =
      List.of(
          field(Job::id, Job::withId),
          field(Job::createdAt, Job::withCreatedAt),
          field(Job::updatedAt, Job::withUpdatedAt),
          field(Job::iterations, Job::withIterations),
          field(Job::agent, Job::withAgent),
          field(Job::analyzerModel, Job::withAnalyzerModel),
          field(Job::backtestResults, Job::withBacktestResults),
          field(Job::baselineScore, Job::withBaselineScore),
          field(Job::bestAgentCode, Job::withBestAgentCode),
          field(Job::bestScore, Job::withBestScore),
          field(Job::candidatesPerIteration, Job::withCandidatesPerIteration),
          field(Job::celeryTaskId, Job::withCeleryTaskId),
          field(Job::dataSource, Job::withDataSource),
          field(Job::improvement, Job::withImprovement),
          field(Job::jobType, Job::withJobType),
          field(Job::numIterations, Job::withNumIterations),
          field(Job::project, Job::withProject),
          field(Job::promptSlug, Job::withPromptSlug),
          field(Job::reportMarkdown, Job::withReportMarkdown),
          field(Job::result, Job::withResult),
          field(Job::status, Job::withStatus),
          field(Job::triggeredBy, Job::withTriggeredBy));

  /** Two values drawn one after the other from {@code generator}. */
  private static <T> Generator<List<T>> pairs(Generator<T> generator) {
    return random -> List.of(generator.next(random), generator.next(random));
  }

  @Test
  void everyValidCreateParamsRoundTripsThroughBuilderAndCopies() {
    Property.forAll(
        CASES,
        pairs(JobGenerators.validCreateParams()),
        pair -> {
          JobCreateParams params = pair.get(0);
          assertThat(params.toBuilder().build()).isEqualTo(params);
          assertThat(JobCreateParams.builder().from(params).build()).isEqualTo(params);
          assertThat(params.hashCode()).isEqualTo(params.toBuilder().build().hashCode());
          for (Field<JobCreateParams, ?> field :
              List.<Field<JobCreateParams, ?>>of(
                  field(JobCreateParams::analyzerModel, JobCreateParams::withAnalyzerModel),
                  field(JobCreateParams::dataSource, JobCreateParams::withDataSource),
                  field(JobCreateParams::bestScore, JobCreateParams::withBestScore),
                  field(JobCreateParams::status, JobCreateParams::withStatus),
                  field(JobCreateParams::result, JobCreateParams::withResult))) {
            field.checkCopies(params, pair.get(1));
          }
        });
  }

  @Test
  void everyValidJobRoundTripsThroughBuilderAndEveryCopy() {
    Property.forAll(
        CASES,
        pairs(JobGenerators.validJobs()),
        pair -> {
          Job job = pair.get(0);
          assertThat(job.toBuilder().build()).isEqualTo(job);
          for (Field<Job, ?> field : JOB_FIELDS) {
            field.checkCopies(job, pair.get(1));
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
        pairs(JobGenerators.validIterationCreateParams()),
        pair -> {
          IterationCreateParams params = pair.get(0);
          assertThat(params.toBuilder().build()).isEqualTo(params);
          assertThat(IterationCreateParams.builder().from(params).build()).isEqualTo(params);
          for (Field<IterationCreateParams, ?> field :
              List.<Field<IterationCreateParams, ?>>of(
                  field(
                      IterationCreateParams::iterationName,
                      IterationCreateParams::withIterationName),
                  field(IterationCreateParams::avgScore, IterationCreateParams::withAvgScore),
                  field(IterationCreateParams::order, IterationCreateParams::withOrder))) {
            field.checkCopies(params, pair.get(1));
          }
        });
  }

  @Test
  void everyValidIterationRoundTripsThroughBuilderAndCopies() {
    Property.forAll(
        CASES,
        pairs(JobGenerators.validIterations()),
        pair -> {
          Iteration iteration = pair.get(0);
          assertThat(iteration.toBuilder().build()).isEqualTo(iteration);
          assertThat(Iteration.builder().from(iteration).build()).isEqualTo(iteration);
          for (Field<Iteration, ?> field :
              List.<Field<Iteration, ?>>of(
                  field(Iteration::id, Iteration::withId),
                  field(Iteration::job, Iteration::withJob),
                  field(Iteration::createdAt, Iteration::withCreatedAt),
                  field(Iteration::dimensionScores, Iteration::withDimensionScores),
                  field(Iteration::status, Iteration::withStatus))) {
            field.checkCopies(iteration, pair.get(1));
          }
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
