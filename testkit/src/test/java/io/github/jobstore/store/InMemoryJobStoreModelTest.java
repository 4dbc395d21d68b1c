package io.github.jobstore.store;

import static java.util.Objects.requireNonNull;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.github.jobstore.core.Iteration;
import io.github.jobstore.core.IterationCreateParams;
import io.github.jobstore.core.Job;
import io.github.jobstore.core.JobCreateParams;
import io.github.jobstore.core.JobStatus;
import io.github.jobstore.core.JobType;
import io.github.jobstore.core.ValidationException;
import io.github.jobstore.core.Violation;
import io.github.jobstore.testkit.JobGenerators;
import io.github.jobstore.testkit.MutableClock;
import io.github.jobstore.testkit.Property;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.eclipse.collections.api.factory.Lists;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * Applies random sequences of operations both to an {@link InMemoryJobStore} and to a deliberately
 * naive reference model (a {@link LinkedHashMap} of jobs, filtered and sorted by brute force), and
 * compares them after every step. A failure names the seed ({@link Property}) and lists the steps
 * of the failing sequence.
 */
class InMemoryJobStoreModelTest {

  private static final Instant START = Instant.parse("2026-03-01T12:00:00.123456789Z");
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
  private static final List<String> MODELS = List.of("gpt", "claude");
  private static final List<String> SOURCES = List.of("s3", "gcs", " ");
  private static final List<String> SLUGS = List.of("", "alpha", "Beta", "\uFF21", "\uD83D\uDE00");

  @Test
  void shortRandomSequencesMatchTheModel() {
    Property.forAll(2_000, random -> random.nextLong(), seed -> new Run(seed, 40).execute());
  }

  @Test
  void longRandomSequencesMatchTheModel() {
    Property.forAll(40, random -> random.nextLong(), seed -> new Run(seed, 600).execute());
  }

  /** One random sequence of operations against a fresh store and a fresh model. */
  private static final class Run {

    private final long seed;
    private final int steps;
    private final SplittableRandom random;
    private final MutableClock clock = new MutableClock(START);
    private final List<UUID> issued = new ArrayList<>();
    private final JobStore store;
    private final Model model = new Model();
    private final List<String> log = new ArrayList<>();
    private final List<Snapshot> snapshots = new ArrayList<>();
    private final Set<UUID> deleted = new LinkedHashSet<>();
    private final List<UUID> projects;
    private final List<UUID> agents;

    Run(long seed, int steps) {
      this.seed = seed;
      this.steps = steps;
      this.random = new SplittableRandom(seed);
      SplittableRandom ids = random.split();
      this.store =
          InMemoryJobStore.builder()
              .clock(clock)
              .idGenerator(
                  () -> {
                    UUID id = new UUID(ids.nextLong(), ids.nextLong());
                    issued.add(id);
                    return id;
                  })
              .build();
      this.projects = List.of(uuid(), uuid(), uuid());
      this.agents = List.of(uuid(), uuid());
    }

    void execute() {
      try {
        for (int step = 1; step <= steps; step++) {
          moveClock();
          step();
          compareEverything();
        }
        for (Snapshot snapshot : snapshots) {
          assertThat(snapshot.returned())
              .as("a job the store returned earlier must never change")
              .isEqualTo(snapshot.expected());
        }
      } catch (AssertionError | RuntimeException e) {
        throw new AssertionError(
            "Sequence " + seed + " failed after these steps:\n" + String.join("\n", log), e);
      }
    }

    private void moveClock() {
      int kind = random.nextInt(20);
      if (kind == 0) {
        clock.advance(Duration.ofNanos(-random.nextLong(1, 5_000_000)));
      } else if (kind > 5) {
        clock.advance(Duration.ofNanos(random.nextLong(1, 5_000_000)));
      }
    }

    private void step() {
      int kind = random.nextInt(100);
      if (kind < 20) {
        create();
      } else if (kind < 40) {
        update();
      } else if (kind < 55) {
        append();
      } else if (kind < 62) {
        delete();
      } else if (kind < 70) {
        findAndGet();
      } else if (kind < 77) {
        findByProject();
      } else if (kind < 84) {
        findByStatus();
      } else {
        list();
      }
    }

    private void create() {
      JobCreateParams params = createParams();
      log.add(shorten("create " + params));
      Job created = store.create(params);
      UUID id = lastIssued();
      Job expected = model.create(params, id, now());
      assertThat(created).isEqualTo(expected);
      remember(created, expected);
    }

    private void update() {
      UUID id = target();
      Change change = change();
      log.add("update " + id + " with " + change.description());
      Instant now = now();
      Outcome<Job> expected = model.update(id, change.operator(), now);
      Throwable thrown = catchThrowable(() -> remember(store.update(id, change.operator()), id));
      RuntimeException failure = change.failure();
      expectOutcome(expected, thrown, failure != null && failure == expected.failure());
    }

    private void append() {
      UUID id = target();
      IterationCreateParams params = iterationParams();
      log.add(shorten("append to " + id + ": " + params));
      Instant now = now();
      Iteration[] appended = new Iteration[1];
      Throwable thrown = catchThrowable(() -> appended[0] = store.appendIteration(id, params));
      Outcome<Iteration> expected =
          model.append(id, params, thrown == null ? lastIssued() : new UUID(0, 0), now);
      expectOutcome(expected, thrown, false);
      if (appended[0] != null) {
        assertThat(appended[0]).isEqualTo(expected.value());
      }
    }

    private void delete() {
      UUID id = target();
      log.add("delete " + id);
      boolean expected = model.delete(id);
      assertThat(store.delete(id)).isEqualTo(expected);
      if (expected) {
        deleted.add(id);
      }
    }

    private void findAndGet() {
      UUID id = target();
      log.add("find and get " + id);
      Optional<Job> expected = model.find(id);
      Optional<Job> found = store.find(id);
      assertThat(found).isEqualTo(expected);
      found.ifPresent(job -> remember(job, expected.orElseThrow()));
      if (expected.isPresent()) {
        assertThat(store.get(id)).isEqualTo(expected.get());
      } else {
        assertThatExceptionOfType(JobNotFoundException.class)
            .isThrownBy(() -> store.get(id))
            .withMessage("No job with id " + id + ".");
      }
    }

    private void findByProject() {
      UUID project = random.nextInt(10) == 0 ? uuid() : pick(projects);
      log.add("findByProject " + project);
      assertThat(store.findByProject(project))
          .containsExactlyElementsOf(
              model.select(job -> job.project().equals(Optional.of(project))));
    }

    private void findByStatus() {
      JobStatus status = pick(JobStatus.values());
      log.add("findByStatus " + status);
      assertThat(store.findByStatus(status))
          .containsExactlyElementsOf(model.select(job -> job.status() == status));
    }

    private void list() {
      Query query = query();
      log.add("list " + query);
      Outcome<Page<Job>> expected = model.list(query);
      Throwable thrown = catchThrowable(() -> compareList(expected, query));
      if (expected.failure() != null) {
        assertThat(thrown)
            .isInstanceOf(InvalidPageException.class)
            .hasMessage(expected.failure().getMessage());
      } else if (thrown != null) {
        throw new AssertionError("list threw unexpectedly", thrown);
      }
    }

    private void compareList(Outcome<Page<Job>> expected, Query query) {
      Page<Job> page = store.list(query.toJobQuery());
      Page<Job> want = expected.value();
      assertThat(page.results()).containsExactlyElementsOf(want.results());
      assertThat(page.count()).isEqualTo(want.count());
      assertThat(page.page()).isEqualTo(want.page());
      assertThat(page.pageSize()).isEqualTo(want.pageSize());
      assertThat(page.hasNext()).isEqualTo(want.hasNext());
      assertThat(page.hasPrevious()).isEqualTo(want.hasPrevious());
    }

    /** Every job is found as the model has it, and the default listing agrees. */
    private void compareEverything() {
      for (Job job : model.all()) {
        assertThat(store.find(job.id())).contains(job);
      }
      for (UUID id : deleted) {
        assertThat(store.find(id)).isEmpty();
      }
      Page<Job> all = store.list(JobQuery.builder().pageSize(Integer.MAX_VALUE).build());
      assertThat(all.results()).containsExactlyElementsOf(model.select(job -> true));
      assertThat(all.count()).isEqualTo(model.size());
    }

    private <T> void expectOutcome(
        Outcome<T> expected, @Nullable Throwable thrown, boolean sameInstance) {
      RuntimeException failure = expected.failure();
      if (failure == null) {
        if (thrown != null) {
          throw new AssertionError("the store threw unexpectedly", thrown);
        }
        return;
      }
      if (sameInstance) {
        assertThat(thrown).as("the exception of the change, unchanged").isSameAs(failure);
        return;
      }
      assertThat(thrown).isInstanceOf(failure.getClass()).hasMessage(failure.getMessage());
      if (failure instanceof ValidationException validation) {
        assertThat(((ValidationException) requireNonNull(thrown)).violations())
            .containsExactlyElementsOf(validation.violations());
      }
    }

    private void remember(Job returned, UUID id) {
      remember(returned, model.find(id).orElseThrow());
    }

    private void remember(Job returned, Job expected) {
      if (random.nextInt(4) == 0) {
        snapshots.add(new Snapshot(returned, expected));
      }
    }

    private UUID lastIssued() {
      assertThat(issued).as("the store must take ids from the generator").isNotEmpty();
      return issued.get(issued.size() - 1);
    }

    private Instant now() {
      return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private UUID target() {
      int kind = random.nextInt(10);
      if (kind == 0 || model.size() == 0) {
        return uuid();
      } else if (kind == 1 && !deleted.isEmpty()) {
        return pick(new ArrayList<>(deleted));
      }
      return pick(model.ids());
    }

    private JobCreateParams createParams() {
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
      if (random.nextInt(3) == 0) params.dataSource(pick(SOURCES.subList(0, 2)));
      if (random.nextInt(3) == 0) params.promptSlug(pick(SLUGS));
      if (random.nextBoolean()) params.bestScore(pick(SCORES));
      if (random.nextInt(3) == 0) params.baselineScore(pick(SCORES));
      if (random.nextInt(3) == 0) params.improvement(pick(SCORES));
      if (random.nextInt(3) == 0) params.numIterations(pick(COUNTS));
      return params.build();
    }

    private IterationCreateParams iterationParams() {
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

    private Change change() {
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
        default ->
            set("report_markdown", "report " + random.nextInt(1000), Job::withReportMarkdown);
      };
    }

    private <T> Change set(String field, T value, BiFunction<Job, T, Job> with) {
      return change(field + " '" + value + "'", job -> with.apply(job, value));
    }

    /** Sets the field to {@code value} or, one time in five, clears it. */
    private <T> Change setOrClear(String field, T value, BiFunction<Job, Optional<T>, Job> with) {
      Optional<T> next = random.nextInt(5) == 0 ? Optional.empty() : Optional.of(value);
      return change(
          field + " " + next.map(v -> "'" + v + "'").orElse("cleared"),
          job -> with.apply(job, next));
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
          .createdAt(START)
          .iterationName("foreign")
          .job(uuid())
          .order(1)
          .build();
    }

    private Query query() {
      Query query =
          new Query(
              maybe(() -> random.nextInt(8) == 0 ? uuid() : pick(projects)),
              maybe(() -> pick(agents)),
              maybe(() -> pick(JobStatus.values())),
              maybe(() -> pick(JobType.values())),
              maybe(() -> pick(MODELS)),
              maybe(() -> pick(SOURCES)),
              maybe(() -> pick(SLUGS)),
              maybe(this::someCreatedAt),
              maybe(this::someCreatedAt),
              maybe(() -> pick(SCORES)),
              maybe(() -> pick(SCORES)),
              random.nextInt(4) == 0
                  ? Optional.empty()
                  : Optional.of((random.nextBoolean() ? "-" : "") + pick(ORDERING_FIELDS)),
              Optional.empty(),
              random.nextBoolean() ? Optional.empty() : Optional.of(random.nextInt(1, 7)));
      int count = model.list(query).value().count();
      int size = query.pageSize().orElse(100);
      int pages = Math.max(1, (count + size - 1) / size);
      int page =
          random.nextInt(8) == 0 ? random.nextInt(-1, pages + 3) : random.nextInt(1, pages + 1);
      return query.withPage(
          page == 1 && random.nextBoolean() ? Optional.empty() : Optional.of(page));
    }

    private Instant someCreatedAt() {
      List<Job> all = model.all();
      if (all.isEmpty() || random.nextInt(4) == 0) {
        return now().plusNanos(random.nextLong(-20_000_000, 20_000_000));
      }
      return pick(all).createdAt();
    }

    private static String shorten(String step) {
      return step.length() <= 300 ? step : step.substring(0, 300) + "…";
    }

    private UUID uuid() {
      return new UUID(random.nextLong(), random.nextLong());
    }

    private <T> Optional<T> maybe(Supplier<T> value) {
      return random.nextInt(6) == 0 ? Optional.of(value.get()) : Optional.empty();
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
  }

  /**
   * The reference model: jobs in a {@link LinkedHashMap} in creation order, every query a full scan
   * and a sort. It follows SPEC.md and shares nothing with the store but the domain types.
   */
  private static final class Model {

    private final Map<UUID, Entry> jobs = new LinkedHashMap<>();
    private long created;

    Job create(JobCreateParams params, UUID id, Instant now) {
      Job job =
          Job.builder()
              .id(id)
              .createdAt(now)
              .updatedAt(now)
              .status(params.status().orElse(JobStatus.PENDING))
              .agent(params.agent())
              .analyzerModel(params.analyzerModel())
              .backtestResults(params.backtestResults())
              .baselineScore(params.baselineScore())
              .bestAgentCode(params.bestAgentCode())
              .bestScore(params.bestScore())
              .candidatesPerIteration(params.candidatesPerIteration())
              .celeryTaskId(params.celeryTaskId())
              .dataSource(params.dataSource())
              .improvement(params.improvement())
              .jobType(params.jobType())
              .numIterations(params.numIterations())
              .project(params.project())
              .promptSlug(params.promptSlug())
              .reportMarkdown(params.reportMarkdown())
              .result(params.result())
              .triggeredBy(params.triggeredBy())
              .build();
      jobs.put(id, new Entry(++created, job));
      return job;
    }

    Outcome<Job> update(UUID id, UnaryOperator<Job> change, Instant now) {
      Entry entry = jobs.get(id);
      if (entry == null) {
        return Outcome.failed(new JobNotFoundException(id));
      }
      Job changed;
      try {
        changed = change.apply(entry.job());
      } catch (RuntimeException e) {
        return Outcome.failed(e);
      }
      List<Violation> readOnly = new ArrayList<>();
      if (!changed.id().equals(entry.job().id())) {
        readOnly.add(new Violation("id", "This field is read-only."));
      }
      if (!changed.createdAt().equals(entry.job().createdAt())) {
        readOnly.add(new Violation("created_at", "This field is read-only."));
      }
      if (!changed.iterations().equals(entry.job().iterations())) {
        readOnly.add(new Violation("iterations", "This field is read-only."));
      }
      if (!readOnly.isEmpty()) {
        return Outcome.failed(new ValidationException(readOnly));
      }
      Job next = changed.withUpdatedAt(now);
      jobs.put(id, new Entry(entry.sequence(), next));
      return Outcome.of(next);
    }

    Outcome<Iteration> append(UUID jobId, IterationCreateParams params, UUID id, Instant now) {
      Entry entry = jobs.get(jobId);
      if (entry == null) {
        return Outcome.failed(new JobNotFoundException(jobId));
      }
      List<Iteration> iterations = new ArrayList<>(entry.job().iterations().castToList());
      long order;
      if (params.order().isPresent()) {
        order = params.order().get();
      } else if (iterations.isEmpty()) {
        order = 1;
      } else {
        long highest = Long.MIN_VALUE;
        for (Iteration iteration : iterations) {
          highest = Math.max(highest, iteration.order().orElseThrow());
        }
        if (highest == Long.MAX_VALUE) {
          return Outcome.failed(
              new ValidationException(
                  "order", "Ensure this value is less than or equal to 9223372036854775807."));
        }
        order = highest + 1;
      }
      Iteration iteration =
          Iteration.builder()
              .id(id)
              .createdAt(now)
              .job(jobId)
              .iterationName(params.iterationName())
              .agentCode(params.agentCode())
              .avgScore(params.avgScore())
              .description(params.description())
              .dimensionScores(params.dimensionScores())
              .order(order)
              .status(params.status())
              .build();
      iterations.add(iteration);
      iterations.sort(Comparator.comparingLong(it -> it.order().orElseThrow()));
      Job next = entry.job().withIterations(Lists.immutable.withAll(iterations));
      jobs.put(jobId, new Entry(entry.sequence(), next));
      return Outcome.of(iteration);
    }

    boolean delete(UUID id) {
      return jobs.remove(id) != null;
    }

    Optional<Job> find(UUID id) {
      Entry entry = jobs.get(id);
      return entry == null ? Optional.empty() : Optional.of(entry.job());
    }

    /** Every job that passes {@code filter}, newest created first ({@code -created_at}). */
    List<Job> select(Predicate<Job> filter) {
      return sorted(filter, "-created_at");
    }

    Outcome<Page<Job>> list(Query query) {
      List<Job> matches = sorted(query::matches, query.ordering().orElse("-created_at"));
      int page = query.page().orElse(1);
      int size = query.pageSize().orElse(100);
      long from = (long) (page - 1) * size;
      if (page < 1 || (page > 1 && from >= matches.size())) {
        return Outcome.failed(new InvalidPageException());
      }
      List<Job> results = matches.subList((int) from, (int) Math.min(matches.size(), from + size));
      return Outcome.of(new Page<>(Lists.immutable.withAll(results), matches.size(), page, size));
    }

    List<Job> all() {
      List<Job> all = new ArrayList<>();
      jobs.values().forEach(entry -> all.add(entry.job()));
      return all;
    }

    List<UUID> ids() {
      return new ArrayList<>(jobs.keySet());
    }

    int size() {
      return jobs.size();
    }

    private List<Job> sorted(Predicate<Job> filter, String ordering) {
      boolean descending = ordering.startsWith("-");
      String field = descending ? ordering.substring(1) : ordering;
      List<Entry> matches = new ArrayList<>();
      for (Entry entry : jobs.values()) {
        if (filter.test(entry.job())) {
          matches.add(entry);
        }
      }
      matches.sort(
          (a, b) -> {
            int byField = compareField(field, a.job(), b.job(), descending);
            return byField != 0 ? byField : Long.compare(b.sequence(), a.sequence());
          });
      List<Job> sorted = new ArrayList<>();
      matches.forEach(entry -> sorted.add(entry.job()));
      return sorted;
    }

    /** PostgreSQL's rule: an empty value is larger than any other, so last ascending. */
    private static int compareField(String field, Job a, Job b, boolean descending) {
      Object x = key(field, a);
      Object y = key(field, b);
      int ascending;
      if (x == null || y == null) {
        ascending = x == null ? (y == null ? 0 : 1) : -1;
      } else {
        ascending = compareValues(x, y);
      }
      return descending ? -ascending : ascending;
    }

    private static @Nullable Object key(String field, Job job) {
      return switch (field) {
        case "created_at" -> job.createdAt();
        case "updated_at" -> job.updatedAt();
        case "best_score" -> job.bestScore().orElse(null);
        case "baseline_score" -> job.baselineScore().orElse(null);
        case "improvement" -> job.improvement().orElse(null);
        case "num_iterations" -> job.numIterations().orElse(null);
        case "status" -> job.status().wireValue();
        case "job_type" -> job.jobType().map(JobType::wireValue).orElse(null);
        case "prompt_slug" -> job.promptSlug().orElse(null);
        default -> throw new AssertionError(field);
      };
    }

    /** Numbers numerically ({@code -0.0 = 0.0}), text by code point, times chronologically. */
    private static int compareValues(Object x, Object y) {
      if (x instanceof Double a && y instanceof Double b) {
        return a < b ? -1 : (a > b ? 1 : 0);
      } else if (x instanceof Long a && y instanceof Long b) {
        return Long.compare(a, b);
      } else if (x instanceof String a && y instanceof String b) {
        return Arrays.compare(a.codePoints().toArray(), b.codePoints().toArray());
      } else if (x instanceof Instant a && y instanceof Instant b) {
        return a.compareTo(b);
      }
      throw new AssertionError(x + " and " + y);
    }

    /** A job and its place in the creation sequence. */
    private record Entry(long sequence, Job job) {}
  }

  /** A list query, kept apart from {@link JobQuery} so the model never relies on it. */
  private record Query(
      Optional<UUID> project,
      Optional<UUID> agent,
      Optional<JobStatus> status,
      Optional<JobType> jobType,
      Optional<String> analyzerModel,
      Optional<String> dataSource,
      Optional<String> promptSlug,
      Optional<Instant> createdAfter,
      Optional<Instant> createdBefore,
      Optional<Double> scoreMin,
      Optional<Double> scoreMax,
      Optional<String> ordering,
      Optional<Integer> page,
      Optional<Integer> pageSize) {

    Query withPage(Optional<Integer> page) {
      return new Query(
          project,
          agent,
          status,
          jobType,
          analyzerModel,
          dataSource,
          promptSlug,
          createdAfter,
          createdBefore,
          scoreMin,
          scoreMax,
          ordering,
          page,
          pageSize);
    }

    boolean matches(Job job) {
      double score = job.bestScore().orElse(Double.NaN);
      return equalIfSet(project, job.project())
          && equalIfSet(agent, job.agent())
          && equalIfSet(status, Optional.of(job.status()))
          && equalIfSet(jobType, job.jobType())
          && equalIfSet(analyzerModel, job.analyzerModel())
          && equalIfSet(dataSource, job.dataSource())
          && equalIfSet(promptSlug, job.promptSlug())
          && (createdAfter.isEmpty() || job.createdAt().compareTo(createdAfter.get()) >= 0)
          && (createdBefore.isEmpty() || job.createdAt().compareTo(createdBefore.get()) <= 0)
          && (scoreMin.isEmpty() || score >= scoreMin.get())
          && (scoreMax.isEmpty() || score <= scoreMax.get());
    }

    JobQuery toJobQuery() {
      JobQuery.Builder query =
          JobQuery.builder()
              .project(project)
              .agent(agent)
              .status(status)
              .jobType(jobType)
              .analyzerModel(analyzerModel)
              .dataSource(dataSource)
              .promptSlug(promptSlug)
              .createdAfter(createdAfter)
              .createdBefore(createdBefore)
              .scoreMin(scoreMin)
              .scoreMax(scoreMax);
      ordering.ifPresent(query::ordering);
      page.ifPresent(query::page);
      pageSize.ifPresent(query::pageSize);
      return query.build();
    }

    private static <T> boolean equalIfSet(Optional<T> wanted, Optional<?> actual) {
      return wanted.isEmpty() || wanted.equals(actual);
    }
  }

  /** What an operation should give: a value, or the exception it should throw. */
  private record Outcome<T>(@Nullable T result, @Nullable RuntimeException failure) {

    static <T> Outcome<T> of(T value) {
      return new Outcome<>(value, null);
    }

    static <T> Outcome<T> failed(RuntimeException failure) {
      return new Outcome<>(null, failure);
    }

    T value() {
      return requireNonNull(result, () -> "expected a failure: " + failure);
    }
  }

  /** A change for {@code update}, how to describe it, and the exception it throws, if any. */
  private record Change(
      String description, UnaryOperator<Job> operator, @Nullable RuntimeException failure) {}

  /** A job the store returned, and what it was equal to then. */
  private record Snapshot(Job returned, Job expected) {}
}
