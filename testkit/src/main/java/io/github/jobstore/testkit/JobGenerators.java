package io.github.jobstore.testkit;

import io.github.jobstore.core.Iteration;
import io.github.jobstore.core.IterationCreateParams;
import io.github.jobstore.core.IterationFieldsBuilder;
import io.github.jobstore.core.IterationStatus;
import io.github.jobstore.core.Job;
import io.github.jobstore.core.JobCreateParams;
import io.github.jobstore.core.JobFieldsBuilder;
import io.github.jobstore.core.JobStatus;
import io.github.jobstore.core.JobType;
import io.github.jobstore.core.Violation;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;
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

  private static final int ITERATION_NAME_MAX = 64;
  private static final int MAX_ITERATIONS = 4;

  private static final List<Breach<JobCreateParams.Builder>> CREATE_PARAMS_BREACHES =
      concat(
          jobFieldBreaches(), List.of(blank("data_source", JobCreateParams.Builder::dataSource)));

  private static final List<Breach<Job.Builder>> JOB_BREACHES =
      concat(
          List.of(
              missing("id", (Job.Builder job) -> job.id(null)),
              missing("created_at", (Job.Builder job) -> job.createdAt(null)),
              missing("updated_at", (Job.Builder job) -> job.updatedAt(null))),
          jobFieldBreaches());

  // iteration_name is unset through each concrete builder: the shared interface takes no null.
  private static final List<Breach<IterationCreateParams.Builder>> ITERATION_PARAMS_BREACHES =
      concat(
          iterationFieldBreaches(),
          List.of(
              missing(
                  "iteration_name",
                  (IterationCreateParams.Builder params) -> params.iterationName(null))));

  private static final List<Breach<Iteration.Builder>> ITERATION_BREACHES =
      concat(
          List.of(
              missing("id", (Iteration.Builder iteration) -> iteration.id(null)),
              missing("created_at", (Iteration.Builder iteration) -> iteration.createdAt(null)),
              missing("job", (Iteration.Builder iteration) -> iteration.job(null)),
              missing(
                  "iteration_name",
                  (Iteration.Builder iteration) -> iteration.iterationName(null))),
          iterationFieldBreaches());

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
    return invalid(
        JobGenerators::createParams,
        CREATE_PARAMS_BREACHES,
        JobCreateParams::toBuilder,
        JobCreateParams.Builder::build);
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
    return invalid(JobGenerators::job, JOB_BREACHES, Job::toBuilder, Job.Builder::build);
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
    return invalid(
        JobGenerators::iterationParams,
        ITERATION_PARAMS_BREACHES,
        IterationCreateParams::toBuilder,
        IterationCreateParams.Builder::build);
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
    return invalid(
        validIterations(), ITERATION_BREACHES, Iteration::toBuilder, Iteration.Builder::build);
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

  private static boolean present(RandomGenerator random) {
    return random.nextInt(4) != 0;
  }

  private static <T> T pick(RandomGenerator random, T[] choices) {
    return choices[random.nextInt(choices.length)];
  }

  private static <T> T pick(RandomGenerator random, List<T> choices) {
    return choices.get(random.nextInt(choices.size()));
  }

  /**
   * A generator of {@code valid} values with one field broken by one of {@code breaches}, through
   * the value's builder.
   */
  private static <T, B> Generator<Invalid<T>> invalid(
      Generator<T> valid,
      List<Breach<B>> breaches,
      Function<T, B> toBuilder,
      Function<B, T> build) {
    return random -> {
      T base = valid.next(random);
      Breach<B> breach = pick(random, breaches);
      Damage<B> damage = breach.damage().apply(random);
      return new Invalid<>(
          base,
          breach.expected(),
          damage.value(),
          () -> {
            B builder = toBuilder.apply(base);
            damage.apply().accept(builder);
            return build.apply(builder);
          });
    };
  }

  /** What can break in the fields a job and its create params share, in schema order. */
  private static <B extends JobFieldsBuilder<B>> List<Breach<B>> jobFieldBreaches() {
    return List.of(
        tooLong("analyzer_model", 128, JobFieldsBuilder::analyzerModel),
        notANumber("baseline_score", JobFieldsBuilder::baselineScore),
        notANumber("best_score", JobFieldsBuilder::bestScore),
        tooLong("celery_task_id", 255, JobFieldsBuilder::celeryTaskId),
        tooLong("data_source", 20, JobFieldsBuilder::dataSource),
        notANumber("improvement", JobFieldsBuilder::improvement),
        tooLong("prompt_slug", 255, JobFieldsBuilder::promptSlug));
  }

  /** What can break in the fields an iteration and its create params share, in schema order. */
  private static <B extends IterationFieldsBuilder<B>> List<Breach<B>> iterationFieldBreaches() {
    return List.of(
        tooLong("iteration_name", ITERATION_NAME_MAX, IterationFieldsBuilder::iterationName),
        blank("iteration_name", IterationFieldsBuilder::iterationName),
        notANumber("avg_score", IterationFieldsBuilder::avgScore));
  }

  private static <B> Breach<B> tooLong(String field, int max, BiConsumer<B, String> set) {
    return breach(Violation.tooLong(field, max), random -> Texts.tooLong(random, max), set);
  }

  private static <B> Breach<B> blank(String field, BiConsumer<B, String> set) {
    return breach(Violation.blank(field), Texts::blank, set);
  }

  private static <B> Breach<B> notANumber(String field, BiConsumer<B, Double> set) {
    return breach(Violation.notANumber(field), Numbers::nonFiniteDouble, set);
  }

  private static <B, V> Breach<B> breach(
      Violation expected, Function<RandomGenerator, V> values, BiConsumer<B, V> set) {
    return new Breach<>(
        expected,
        random -> {
          V value = values.apply(random);
          return new Damage<>(value, builder -> set.accept(builder, value));
        });
  }

  private static <B> Breach<B> missing(String field, Consumer<B> unset) {
    return new Breach<>(Violation.required(field), random -> new Damage<>(null, unset));
  }

  private static <E> List<E> concat(List<? extends E> first, List<? extends E> second) {
    MutableList<E> all = Lists.mutable.withAll(first);
    all.addAll(second);
    return all.toImmutable().castToList();
  }

  /** One way to break one field of a value built by {@code B}, and the API's violation for it. */
  private record Breach<B>(Violation expected, Function<RandomGenerator, Damage<B>> damage) {}

  /** One drawn breach: the offending value (null for a field left unset) and how to set it. */
  private record Damage<B>(@Nullable Object value, Consumer<B> apply) {}
}
