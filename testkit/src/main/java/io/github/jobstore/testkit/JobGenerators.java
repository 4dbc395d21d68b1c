package io.github.jobstore.testkit;

import static java.util.Objects.requireNonNull;

import io.github.jobstore.core.Iteration;
import io.github.jobstore.core.IterationCreateParams;
import io.github.jobstore.core.IterationStatus;
import io.github.jobstore.core.Job;
import io.github.jobstore.core.JobCreateParams;
import io.github.jobstore.core.JobStatus;
import io.github.jobstore.core.JobType;
import io.github.jobstore.core.Violation;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;
import org.eclipse.collections.api.factory.Lists;
import org.eclipse.collections.api.list.MutableList;
import org.jspecify.annotations.Nullable;

/**
 * Generators of jobs, iterations and their create params: valid ones with every optional field
 * sometimes present and sometimes absent, strings at the edges of their limits, and invalid inputs
 * that each break exactly one named constraint.
 *
 * <pre>{@code
 * RandomGenerator random = new SplittableRandom(42);
 * JobCreateParams params = JobGenerators.validCreateParams().next(random);
 * Invalid<JobCreateParams> bad = JobGenerators.invalidCreateParams().next(random);
 * }</pre>
 */
public final class JobGenerators {

  private static final String REQUIRED = "This field is required.";
  private static final String BLANK = "This field may not be blank.";
  private static final String NOT_A_NUMBER = "A valid number is required.";

  private static final int ITERATION_NAME_MAX = 64;
  private static final int MAX_ITERATIONS = 4;

  /** What can break in the fields a job and its create params share. */
  private static final List<Breach> JOB_FIELD_BREACHES =
      List.of(
          tooLong("analyzer_model", 128),
          notANumber("baseline_score"),
          notANumber("best_score"),
          tooLong("celery_task_id", 255),
          tooLong("data_source", 20),
          notANumber("improvement"),
          tooLong("prompt_slug", 255));

  private static final List<Breach> CREATE_PARAMS_BREACHES =
      Lists.mutable
          .withAll(JOB_FIELD_BREACHES)
          .with(blank("data_source"))
          .toImmutable()
          .castToList();

  private static final List<Breach> JOB_BREACHES =
      Lists.mutable
          .withAll(JOB_FIELD_BREACHES)
          .with(missing("id"))
          .with(missing("created_at"))
          .with(missing("updated_at"))
          .toImmutable()
          .castToList();

  private static final List<Breach> ITERATION_PARAMS_BREACHES =
      List.of(
          tooLong("iteration_name", ITERATION_NAME_MAX),
          blank("iteration_name"),
          missing("iteration_name"),
          notANumber("avg_score"));

  private static final List<Breach> ITERATION_BREACHES =
      Lists.mutable
          .withAll(ITERATION_PARAMS_BREACHES)
          .with(missing("id"))
          .with(missing("created_at"))
          .with(missing("job"))
          .toImmutable()
          .castToList();

  private JobGenerators() {}

  /**
   * Returns a generator of valid {@link JobCreateParams}; each field is absent one time in four.
   */
  public static Generator<JobCreateParams> validCreateParams() {
    return JobGenerators::createParams;
  }

  /**
   * Returns a generator of create params that break exactly one constraint: a string too long, a
   * blank {@code data_source}, or a non-finite score.
   */
  public static Generator<Invalid<JobCreateParams>> invalidCreateParams() {
    return random -> {
      JobCreateParams base = createParams(random);
      Breach breach = pick(random, CREATE_PARAMS_BREACHES);
      Object value = breach.value(random);
      return breach.invalid(
          base, value, () -> breakJobFields(base.toBuilder(), breach, value).build());
    };
  }

  /**
   * Returns a generator of valid jobs: create params' fields, any status, sometimes a blank {@code
   * data_source} (which a stored job may have), {@code updated_at} not before {@code created_at},
   * and up to four iterations of the job, ordered by {@code order}.
   */
  public static Generator<Job> validJobs() {
    return JobGenerators::job;
  }

  /**
   * Returns a generator of jobs that break exactly one constraint: a required field unset, a string
   * too long, or a non-finite score.
   */
  public static Generator<Invalid<Job>> invalidJobs() {
    return random -> {
      Job base = job(random);
      Breach breach = pick(random, JOB_BREACHES);
      Object value = breach.value(random);
      return breach.invalid(base, value, () -> breakJob(base.toBuilder(), breach, value).build());
    };
  }

  /** Returns a generator of valid {@link IterationCreateParams}. */
  public static Generator<IterationCreateParams> validIterationCreateParams() {
    return JobGenerators::iterationParams;
  }

  /**
   * Returns a generator of iteration params that break exactly one constraint: {@code
   * iteration_name} missing, blank or too long, or a non-finite {@code avg_score}.
   */
  public static Generator<Invalid<IterationCreateParams>> invalidIterationCreateParams() {
    return random -> {
      IterationCreateParams base = iterationParams(random);
      Breach breach = pick(random, ITERATION_PARAMS_BREACHES);
      Object value = breach.value(random);
      return breach.invalid(
          base, value, () -> breakIterationFields(base.toBuilder(), breach, value).build());
    };
  }

  /** Returns a generator of valid iterations, each of a random job. */
  public static Generator<Iteration> validIterations() {
    return random -> iteration(random, Numbers.uuid(random), Numbers.int64(random));
  }

  /**
   * Returns a generator of iterations that break exactly one constraint: a required field unset, a
   * blank or too long {@code iteration_name}, or a non-finite {@code avg_score}.
   */
  public static Generator<Invalid<Iteration>> invalidIterations() {
    return random -> {
      Iteration base = iteration(random, Numbers.uuid(random), Numbers.int64(random));
      Breach breach = pick(random, ITERATION_BREACHES);
      Object value = breach.value(random);
      return breach.invalid(
          base, value, () -> breakIteration(base.toBuilder(), breach, value).build());
    };
  }

  private static JobCreateParams createParams(RandomGenerator random) {
    JobCreateParams.Builder params = JobCreateParams.builder();
    if (present(random)) params.agent(Numbers.uuid(random));
    if (present(random)) params.analyzerModel(Texts.upTo(random, 128));
    if (present(random)) params.backtestResults(JsonGenerators.objects().next(random));
    if (present(random)) params.baselineScore(Numbers.finiteDouble(random));
    if (present(random)) params.bestAgentCode(Texts.upTo(random, 300));
    if (present(random)) params.bestScore(Numbers.finiteDouble(random));
    if (present(random)) params.candidatesPerIteration(Numbers.int64(random));
    if (present(random)) params.celeryTaskId(Texts.upTo(random, 255));
    if (present(random)) params.dataSource(Texts.notBlank(random, 1, 20));
    if (present(random)) params.improvement(Numbers.finiteDouble(random));
    if (present(random)) params.jobType(pick(random, JobType.values()));
    if (present(random)) params.numIterations(Numbers.int64(random));
    if (present(random)) params.project(Numbers.uuid(random));
    if (present(random)) params.promptSlug(Texts.upTo(random, 255));
    if (present(random)) params.reportMarkdown(Texts.upTo(random, 300));
    if (present(random)) params.result(JsonGenerators.objects().next(random));
    if (present(random)) params.status(pick(random, JobStatus.values()));
    if (present(random)) params.triggeredBy(Numbers.int64(random));
    return params.build();
  }

  private static Job job(RandomGenerator random) {
    UUID id = Numbers.uuid(random);
    Instant createdAt = Numbers.instant(random);
    Job.Builder job =
        Job.builder()
            .from(createParams(random))
            .id(id)
            .createdAt(createdAt)
            .updatedAt(createdAt.plus(Duration.ofMillis(random.nextLong(0, 1_000_000_000))))
            .status(pick(random, JobStatus.values()));
    if (random.nextInt(8) == 0) {
      job.dataSource(Texts.blank(random));
    }
    int count = random.nextInt(MAX_ITERATIONS + 1);
    MutableList<Iteration> iterations = Lists.mutable.withInitialCapacity(count);
    for (int order = 1; order <= count; order++) {
      iterations.add(iteration(random, id, order));
    }
    return job.iterations(iterations.toImmutable()).build();
  }

  private static IterationCreateParams iterationParams(RandomGenerator random) {
    IterationCreateParams.Builder params =
        IterationCreateParams.builder()
            .iterationName(Texts.notBlank(random, 1, ITERATION_NAME_MAX));
    if (present(random)) params.agentCode(Texts.upTo(random, 300));
    if (present(random)) params.avgScore(Numbers.finiteDouble(random));
    if (present(random)) params.description(Texts.upTo(random, 100));
    if (present(random)) params.dimensionScores(JsonGenerators.objects().next(random));
    if (present(random)) params.order(Numbers.int64(random));
    if (present(random)) params.status(pick(random, IterationStatus.values()));
    return params.build();
  }

  private static Iteration iteration(RandomGenerator random, UUID job, long order) {
    return Iteration.builder()
        .from(iterationParams(random))
        .id(Numbers.uuid(random))
        .createdAt(Numbers.instant(random))
        .job(job)
        .order(order)
        .build();
  }

  private static JobCreateParams.Builder breakJobFields(
      JobCreateParams.Builder params, Breach breach, @Nullable Object value) {
    return switch (breach.field()) {
      case "analyzer_model" -> params.analyzerModel(string(value));
      case "baseline_score" -> params.baselineScore(number(value));
      case "best_score" -> params.bestScore(number(value));
      case "celery_task_id" -> params.celeryTaskId(string(value));
      case "data_source" -> params.dataSource(string(value));
      case "improvement" -> params.improvement(number(value));
      case "prompt_slug" -> params.promptSlug(string(value));
      default -> throw new AssertionError(breach.field());
    };
  }

  private static Job.Builder breakJob(Job.Builder job, Breach breach, @Nullable Object value) {
    return switch (breach.field()) {
      case "id" -> job.id(null);
      case "created_at" -> job.createdAt(null);
      case "updated_at" -> job.updatedAt(null);
      case "analyzer_model" -> job.analyzerModel(string(value));
      case "baseline_score" -> job.baselineScore(number(value));
      case "best_score" -> job.bestScore(number(value));
      case "celery_task_id" -> job.celeryTaskId(string(value));
      case "data_source" -> job.dataSource(string(value));
      case "improvement" -> job.improvement(number(value));
      case "prompt_slug" -> job.promptSlug(string(value));
      default -> throw new AssertionError(breach.field());
    };
  }

  private static IterationCreateParams.Builder breakIterationFields(
      IterationCreateParams.Builder params, Breach breach, @Nullable Object value) {
    return switch (breach.field()) {
      case "iteration_name" -> params.iterationName(value == null ? null : string(value));
      case "avg_score" -> params.avgScore(number(value));
      default -> throw new AssertionError(breach.field());
    };
  }

  private static Iteration.Builder breakIteration(
      Iteration.Builder iteration, Breach breach, @Nullable Object value) {
    return switch (breach.field()) {
      case "id" -> iteration.id(null);
      case "created_at" -> iteration.createdAt(null);
      case "job" -> iteration.job(null);
      case "iteration_name" -> iteration.iterationName(value == null ? null : string(value));
      case "avg_score" -> iteration.avgScore(number(value));
      default -> throw new AssertionError(breach.field());
    };
  }

  private static String string(@Nullable Object value) {
    return (String) requireNonNull(value);
  }

  private static double number(@Nullable Object value) {
    return (Double) requireNonNull(value);
  }

  private static boolean present(RandomGenerator random) {
    return random.nextInt(4) != 0;
  }

  private static <T> T pick(RandomGenerator random, T[] choices) {
    return choices[random.nextInt(choices.length)];
  }

  private static <T> T pick(RandomGenerator random, List<T> choices) {
    return choices.get(random.nextInt(choices.size()));
  }

  private static Breach tooLong(String field, int max) {
    return new Breach(
        field,
        "Ensure this field has no more than " + max + " characters.",
        random -> Texts.tooLong(random, max));
  }

  private static Breach blank(String field) {
    return new Breach(field, BLANK, Texts::blank);
  }

  private static Breach notANumber(String field) {
    return new Breach(field, NOT_A_NUMBER, Numbers::nonFiniteDouble);
  }

  private static Breach missing(String field) {
    return new Breach(field, REQUIRED, random -> null);
  }

  /** One way to break one field: the offending value it draws and the API's message for it. */
  private record Breach(
      String field, String message, Function<RandomGenerator, @Nullable Object> values) {

    @Nullable Object value(RandomGenerator random) {
      return values.apply(random);
    }

    <T> Invalid<T> invalid(T base, @Nullable Object value, Supplier<T> attempt) {
      return new Invalid<>(base, new Violation(field, message), value, attempt);
    }
  }
}
