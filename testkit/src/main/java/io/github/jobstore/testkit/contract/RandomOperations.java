package io.github.jobstore.testkit.contract;

import io.github.jobstore.core.Iteration;
import io.github.jobstore.core.IterationCreateParams;
import io.github.jobstore.core.Job;
import io.github.jobstore.core.JobCreateParams;
import io.github.jobstore.core.JobStatus;
import io.github.jobstore.core.JobType;
import io.github.jobstore.testkit.JobGenerators;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;

/**
 * Draws the random inputs of the operations of {@link JobStoreModelContract}: the job an operation
 * is on, create and iteration params, changes for {@code update}, and list queries. The values come
 * from small shared pools (a few projects, agents, scores, slugs, …) so that filters, orderings and
 * their ties meet often, with edge values among them.
 */
final class RandomOperations {

  private static final List<String> ORDERING_FIELDS =
      List.of(
          "created_at",
          "updated_at",
          "best_score",
          "baseline_score",
          "improvement",
          "num_iterations",
          "status",
          "job_type",
          "prompt_slug");
  private static final List<Double> SCORES = List.of(-1.5, -0.0, 0.0, 0.5, 2.0);
  private static final List<Long> COUNTS = List.of(-1L, 0L, 3L, 7L, Long.MAX_VALUE);
  private static final List<String> MODELS = List.of("gpt", "claude", "\u0130nci-\u03C3");

  /** The last is blank, valid only in an update. */
  private static final List<String> SOURCES = List.of("s3", "gcs", "\u017Ftra\u00DFe", " ");

  private static final List<String> SLUGS =
      List.of(
          "",
          "alpha",
          "Beta",
          "\uFF21",
          "\uD83D\uDE00",
          "Stra\u00DFe",
          "\u0131ota-\u03A3\u03AF\u03C3\u03C5\u03C6\u03BF\u03C2");

  private final SplittableRandom random;
  private final JobStoreModel model;
  private final RandomSearchAndOrdering searchAndOrdering;
  private final List<UUID> projects;
  private final List<UUID> agents;

  /**
   * Draws from {@code random}, which the caller goes on drawing from too, and picks among the jobs
   * of {@code model}. Draws the projects and agents the jobs share first.
   */
  RandomOperations(SplittableRandom random, JobStoreModel model) {
    this.random = random;
    this.model = model;
    this.searchAndOrdering = new RandomSearchAndOrdering(random);
    this.projects = List.of(uuid(), uuid(), uuid());
    this.agents = List.of(uuid(), uuid());
  }

  /**
   * The job an operation is on: usually one of the model's, sometimes a deleted one (from {@code
   * deleted}), sometimes one that never existed.
   */
  UUID target(Collection<UUID> deleted) {
    int kind = random.nextInt(10);
    if (kind == 0 || model.size() == 0) {
      return uuid();
    } else if (kind == 1 && !deleted.isEmpty()) {
      return pick(new ArrayList<>(deleted));
    }
    return pick(model.ids());
  }

  /** A project for {@code findByProject}: one jobs may have or, one time in ten, an unknown one. */
  UUID project() {
    return random.nextInt(10) == 0 ? uuid() : pick(projects);
  }

  /** A status for {@code findByStatus}. */
  JobStatus status() {
    return pick(JobStatus.values());
  }

  /** Params for {@code create}: mostly from a few shared values, so queries find several. */
  JobCreateParams createParams() {
    if (random.nextInt(4) == 0) {
      JobCreateParams generated = JobGenerators.validCreateParams().next(random);
      return random.nextBoolean() ? generated : generated.withProject(pick(projects));
    }
    JobCreateParams.Builder params = JobCreateParams.builder();
    if (random.nextBoolean()) params.project(pick(projects));
    if (random.nextInt(3) == 0) params.agent(pick(agents));
    if (random.nextBoolean()) params.status(pick(JobStatus.values()));
    if (random.nextInt(3) == 0) params.jobType(pick(JobType.values()));
    if (random.nextInt(3) == 0) params.analyzerModel(pick(MODELS));
    if (random.nextInt(3) == 0) params.dataSource(pick(SOURCES.subList(0, 3)));
    if (random.nextInt(3) == 0) params.promptSlug(pick(SLUGS));
    if (random.nextBoolean()) params.bestScore(pick(SCORES));
    if (random.nextInt(3) == 0) params.baselineScore(pick(SCORES));
    if (random.nextInt(3) == 0) params.improvement(pick(SCORES));
    if (random.nextInt(3) == 0) params.numIterations(pick(COUNTS));
    return params.build();
  }

  /** Params for {@code appendIteration}, with an order or without, at times an extreme one. */
  IterationCreateParams iterationParams() {
    if (random.nextInt(5) == 0) {
      return JobGenerators.validIterationCreateParams().next(random);
    }
    IterationCreateParams.Builder params =
        IterationCreateParams.builder().iterationName("round " + random.nextInt(100));
    int kind = random.nextInt(10);
    if (kind < 3) {
      params.order(random.nextLong(-2, 12));
    } else if (kind == 3) {
      params.order(random.nextBoolean() ? Long.MAX_VALUE : Long.MIN_VALUE);
    }
    return params.build();
  }

  /**
   * A change for {@code update}: mostly of fields, at times one that throws, changes a read-only
   * field or makes the job invalid.
   */
  Change change() {
    int kind = random.nextInt(20);
    if (kind == 0) {
      IllegalStateException failure = new IllegalStateException("change failed");
      return new Change(
          "a change that throws",
          job -> {
            throw failure;
          },
          failure);
    } else if (kind <= 2) {
      return readOnlyChange();
    } else if (kind == 3) {
      return invalidChange();
    }
    return fieldChange();
  }

  private Change fieldChange() {
    List<String> descriptions = new ArrayList<>();
    UnaryOperator<Job> operator = job -> job;
    int count = random.nextInt(1, 5);
    for (int i = 0; i < count; i++) {
      Change one = oneFieldChange();
      UnaryOperator<Job> before = operator;
      operator = job -> one.operator().apply(before.apply(job));
      descriptions.add(one.description());
    }
    return new Change(String.join(", ", descriptions), operator, null);
  }

  private Change oneFieldChange() {
    return switch (random.nextInt(13)) {
      case 0 -> set("status", pick(JobStatus.values()), Job::withStatus);
      case 1 -> setOrClear("project", pick(projects), Job::withProject);
      case 2 -> setOrClear("agent", pick(agents), Job::withAgent);
      case 3 -> setOrClear("best_score", pick(SCORES), Job::withBestScore);
      case 4 -> setOrClear("baseline_score", pick(SCORES), Job::withBaselineScore);
      case 5 -> setOrClear("improvement", pick(SCORES), Job::withImprovement);
      case 6 -> setOrClear("num_iterations", pick(COUNTS), Job::withNumIterations);
      case 7 ->
          change(
              "num_iterations + 1",
              job -> job.withNumIterations(job.numIterations().orElse(0L) + 1));
      case 8 -> setOrClear("job_type", pick(JobType.values()), Job::withJobType);
      case 9 -> setOrClear("prompt_slug", pick(SLUGS), Job::withPromptSlug);
      case 10 -> setOrClear("analyzer_model", pick(MODELS), Job::withAnalyzerModel);
      case 11 -> setOrClear("data_source", pick(SOURCES), Job::withDataSource);
      default -> set("report_markdown", "report " + random.nextInt(1000), Job::withReportMarkdown);
    };
  }

  private <T> Change set(String field, T value, BiFunction<Job, T, Job> with) {
    return change(field + " '" + value + "'", job -> with.apply(job, value));
  }

  /** Sets the field to {@code value} or, one time in five, clears it. */
  private <T> Change setOrClear(String field, T value, BiFunction<Job, Optional<T>, Job> with) {
    Optional<T> next = random.nextInt(5) == 0 ? Optional.empty() : Optional.of(value);
    return change(
        field + " " + next.map(v -> "'" + v + "'").orElse("cleared"), job -> with.apply(job, next));
  }

  private Change readOnlyChange() {
    List<String> descriptions = new ArrayList<>();
    UnaryOperator<Job> operator = job -> job.withStatus(JobStatus.CANCELLED);
    if (random.nextBoolean()) {
      UUID other = uuid();
      operator = then(operator, job -> job.withId(other));
      descriptions.add("id");
    }
    if (random.nextBoolean()) {
      operator = then(operator, job -> job.withCreatedAt(job.createdAt().plusNanos(1_000)));
      descriptions.add("created_at");
    }
    if (descriptions.isEmpty() || random.nextBoolean()) {
      Iteration foreign = foreignIteration();
      boolean add = random.nextBoolean();
      operator =
          then(
              operator,
              job ->
                  add || job.iterations().isEmpty()
                      ? job.withIterations(job.iterations().newWith(foreign))
                      : job.withIterations(job.iterations().take(job.iterations().size() - 1)));
      descriptions.add("iterations");
    }
    return new Change(
        "status cancelled and read-only " + String.join(", ", descriptions), operator, null);
  }

  private Change invalidChange() {
    return switch (random.nextInt(3)) {
      case 0 -> change("too long analyzer model", job -> job.withAnalyzerModel("m".repeat(129)));
      case 1 -> change("NaN best score", job -> job.withBestScore(Double.NaN));
      default -> change("too long prompt slug", job -> job.withPromptSlug("p".repeat(256)));
    };
  }

  private Iteration foreignIteration() {
    return Iteration.builder()
        .id(uuid())
        .createdAt(JobStoreModelContract.START)
        .iterationName("foreign")
        .job(uuid())
        .order(1)
        .build();
  }

  /**
   * A query for {@code list}, its page mostly one that exists; {@code now} is the truncated time of
   * the clock, near which the bounds on {@code created_at} fall.
   */
  ModelQuery query(Instant now) {
    Optional<String> search = searchAndOrdering.search(searchedTexts());
    // beside a search, other filters are rarer, so that the search decides most pages
    int odds = search.isPresent() ? 20 : 6;
    ModelQuery query =
        new ModelQuery(
            maybe(odds, () -> random.nextInt(8) == 0 ? uuid() : pick(projects)),
            maybe(odds, () -> pick(agents)),
            maybe(odds, () -> pick(JobStatus.values())),
            maybe(odds, () -> pick(JobType.values())),
            maybe(odds, () -> pick(MODELS)),
            maybe(odds, () -> pick(SOURCES)),
            maybe(odds, () -> pick(SLUGS)),
            maybe(odds, () -> someCreatedAt(now)),
            maybe(odds, () -> someCreatedAt(now)),
            maybe(odds, () -> pick(SCORES)),
            maybe(odds, () -> pick(SCORES)),
            search,
            searchAndOrdering.ordering(ORDERING_FIELDS),
            Optional.empty(),
            random.nextBoolean() ? Optional.empty() : Optional.of(random.nextInt(1, 7)));
    int count = model.list(query).value().count();
    int size = query.pageSize().orElse(100);
    int pages = Math.max(1, (count + size - 1) / size);
    int page =
        random.nextInt(8) == 0 ? random.nextInt(-1, pages + 3) : random.nextInt(1, pages + 1);
    return query.withPage(page == 1 && random.nextBoolean() ? Optional.empty() : Optional.of(page));
  }

  /** The present {@code search} fields of each job. */
  private List<List<String>> searchedTexts() {
    List<List<String>> texts = new ArrayList<>();
    for (Job job : model.all()) {
      List<String> present = new ArrayList<>();
      job.promptSlug().ifPresent(present::add);
      job.analyzerModel().ifPresent(present::add);
      job.dataSource().ifPresent(present::add);
      texts.add(present);
    }
    return texts;
  }

  private Instant someCreatedAt(Instant now) {
    List<Job> all = model.all();
    if (all.isEmpty() || random.nextInt(4) == 0) {
      return now.plusNanos(random.nextLong(-20_000_000, 20_000_000));
    }
    return pick(all).createdAt();
  }

  private UUID uuid() {
    return new UUID(random.nextLong(), random.nextLong());
  }

  /** A value one time in {@code odds}. */
  private <T> Optional<T> maybe(int odds, Supplier<T> value) {
    return random.nextInt(odds) == 0 ? Optional.of(value.get()) : Optional.empty();
  }

  private <T> T pick(List<T> choices) {
    return choices.get(random.nextInt(choices.size()));
  }

  private <T> T pick(T[] choices) {
    return choices[random.nextInt(choices.length)];
  }

  private static Change change(String description, UnaryOperator<Job> operator) {
    return new Change(description, operator, null);
  }

  private static UnaryOperator<Job> then(UnaryOperator<Job> first, UnaryOperator<Job> second) {
    return job -> second.apply(first.apply(job));
  }

  /** A change for {@code update}, how to describe it, and the exception it throws, if any. */
  record Change(
      String description, UnaryOperator<Job> operator, @Nullable RuntimeException failure) {}
}
