package io.github.jobstore.testkit.contract;

import static java.util.Objects.requireNonNull;

import io.github.jobstore.core.Iteration;
import io.github.jobstore.core.IterationCreateParams;
import io.github.jobstore.core.Job;
import io.github.jobstore.core.JobCreateParams;
import io.github.jobstore.core.JobStatus;
import io.github.jobstore.core.ValidationException;
import io.github.jobstore.core.Violation;
import io.github.jobstore.store.InvalidPageException;
import io.github.jobstore.store.IterationNotFoundException;
import io.github.jobstore.store.JobNotFoundException;
import io.github.jobstore.store.Page;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import org.eclipse.collections.api.factory.Lists;
import org.jspecify.annotations.Nullable;

/**
 * The reference model: jobs in a {@link LinkedHashMap} in creation order, every query a full scan
 * and a sort. It follows the behaviour the store documents and shares nothing with the store but
 * the domain types.
 */
final class JobStoreModel {

  private final Map<UUID, Entry> jobs = new LinkedHashMap<>();
  private final Map<UUID, Long> iterationSequences = new HashMap<>();
  private long created;
  private long iterationsCreated;

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
      readOnly.add(Violation.readOnly("id"));
    }
    if (!changed.createdAt().equals(entry.job().createdAt())) {
      readOnly.add(Violation.readOnly("created_at"));
    }
    if (!changed.iterations().equals(entry.job().iterations())) {
      readOnly.add(Violation.readOnly("iterations"));
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
        return Outcome.failed(new ValidationException(Violation.atMost("order", Long.MAX_VALUE)));
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
    iterationSequences.put(id, ++iterationsCreated);
    iterations.add(iteration);
    store(jobId, iterations);
    return Outcome.of(iteration);
  }

  Outcome<Iteration> createIteration(IterationCreateParams params, UUID id, Instant now) {
    if (params.job().isEmpty()) {
      return Outcome.failed(new ValidationException(Violation.required("job")));
    }
    UUID jobId = params.job().get();
    if (!jobs.containsKey(jobId)) {
      return Outcome.failed(new ValidationException(Violation.doesNotExist("job", jobId)));
    }
    return append(jobId, params, id, now);
  }

  Optional<Iteration> findIteration(UUID id) {
    for (Iteration iteration : allIterations()) {
      if (iteration.id().equals(id)) {
        return Optional.of(iteration);
      }
    }
    return Optional.empty();
  }

  Outcome<Iteration> updateIteration(UUID id, UnaryOperator<Iteration> change) {
    Optional<Iteration> found = findIteration(id);
    if (found.isEmpty()) {
      return Outcome.failed(new IterationNotFoundException(id));
    }
    Iteration current = found.get();
    @Nullable Iteration changed;
    try {
      changed = change.apply(current);
    } catch (RuntimeException e) {
      return Outcome.failed(e);
    }
    if (changed == null) {
      return Outcome.failed(new NullPointerException("the change returned null"));
    }
    List<Violation> violations = new ArrayList<>();
    if (!changed.id().equals(current.id())) {
      violations.add(Violation.readOnly("id"));
    }
    if (!changed.createdAt().equals(current.createdAt())) {
      violations.add(Violation.readOnly("created_at"));
    }
    if (changed.order().isEmpty()) {
      violations.add(Violation.notNull("order"));
    }
    if (!jobs.containsKey(changed.job())) {
      violations.add(Violation.doesNotExist("job", changed.job()));
    }
    if (!violations.isEmpty()) {
      return Outcome.failed(new ValidationException(violations));
    }
    removeIteration(current);
    List<Iteration> target =
        new ArrayList<>(find(changed.job()).orElseThrow().iterations().castToList());
    target.add(changed);
    store(changed.job(), target);
    return Outcome.of(changed);
  }

  boolean deleteIteration(UUID id) {
    Optional<Iteration> found = findIteration(id);
    found.ifPresent(this::removeIteration);
    return found.isPresent();
  }

  Outcome<Page<Iteration>> listIterations(ModelIterationQuery query) {
    return page(iterationMatches(query), query.page(), query.pageSize());
  }

  /** Every iteration {@code query} matches, in the order of its ordering, before paging. */
  List<Iteration> iterationMatches(ModelIterationQuery query) {
    List<Iteration> matches = new ArrayList<>();
    for (Iteration iteration : allIterations()) {
      if (query.matches(iteration)) {
        matches.add(iteration);
      }
    }
    String ordering = query.ordering().orElse("order");
    matches.sort(
        (a, b) -> {
          int byFields = ModelOrdering.compare(ordering, a, b);
          return byFields != 0 ? byFields : byOrderThenCreation().compare(a, b);
        });
    return matches;
  }

  /** Every iteration of every job. */
  List<Iteration> allIterations() {
    List<Iteration> all = new ArrayList<>();
    jobs.values().forEach(entry -> all.addAll(entry.job().iterations().castToList()));
    return all;
  }

  private void removeIteration(Iteration iteration) {
    List<Iteration> rest =
        new ArrayList<>(find(iteration.job()).orElseThrow().iterations().castToList());
    rest.removeIf(it -> it.id().equals(iteration.id()));
    store(iteration.job(), rest);
  }

  /** Stores {@code iterations}, sorted by order then creation, as the job's. */
  private void store(UUID jobId, List<Iteration> iterations) {
    Entry entry = jobs.get(jobId);
    if (entry == null) {
      throw new AssertionError("no job " + jobId);
    }
    List<Iteration> sorted = new ArrayList<>(iterations);
    sorted.sort(byOrderThenCreation());
    jobs.put(
        jobId,
        new Entry(entry.sequence(), entry.job().withIterations(Lists.immutable.withAll(sorted))));
  }

  private Comparator<Iteration> byOrderThenCreation() {
    return Comparator.<Iteration>comparingLong(it -> it.order().orElseThrow())
        .thenComparingLong(it -> iterationSequences.get(it.id()));
  }

  boolean delete(UUID id) {
    return jobs.remove(id) != null;
  }

  /**
   * {@link io.github.jobstore.store.JobStore#restore}, for jobs whose iterations belong to them and
   * have orders (the only ones the model test restores): refused when an id is taken.
   */
  Outcome<Job> restore(Job job) {
    if (jobs.containsKey(job.id())) {
      return Outcome.failed(
          new IllegalStateException("A job with id " + job.id() + " is already stored."));
    }
    for (Iteration iteration : job.iterations()) {
      if (findIteration(iteration.id()).isPresent()) {
        return Outcome.failed(
            new IllegalStateException(
                "An iteration with id " + iteration.id() + " is already stored."));
      }
    }
    for (Iteration iteration : job.iterations()) {
      iterationSequences.put(iteration.id(), ++iterationsCreated);
    }
    jobs.put(job.id(), new Entry(++created, job));
    store(job.id(), job.iterations().castToList());
    return Outcome.of(find(job.id()).orElseThrow());
  }

  Optional<Job> find(UUID id) {
    Entry entry = jobs.get(id);
    return entry == null ? Optional.empty() : Optional.of(entry.job());
  }

  /** Every job that passes {@code filter}, newest created first ({@code -created_at}). */
  List<Job> select(Predicate<Job> filter) {
    return sorted(filter, "-created_at");
  }

  Outcome<Page<Job>> list(ModelQuery query) {
    return page(matches(query), query.page(), query.pageSize());
  }

  /** Every job {@code query} matches, in the order of its ordering, before paging. */
  List<Job> matches(ModelQuery query) {
    return sorted(query::matches, query.ordering().orElse("-created_at"));
  }

  private static <T> Outcome<Page<T>> page(
      List<T> matches, Optional<Integer> wantedPage, Optional<Integer> wantedSize) {
    int page = wantedPage.orElse(1);
    int size = wantedSize.orElse(100);
    long from = (long) (page - 1) * size;
    if (page < 1 || (page > 1 && from >= matches.size())) {
      return Outcome.failed(new InvalidPageException());
    }
    List<T> results = matches.subList((int) from, (int) Math.min(matches.size(), from + size));
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
    List<Entry> matches = new ArrayList<>();
    for (Entry entry : jobs.values()) {
      if (filter.test(entry.job())) {
        matches.add(entry);
      }
    }
    matches.sort(
        (a, b) -> {
          int byFields = ModelOrdering.compare(ordering, a.job(), b.job());
          return byFields != 0 ? byFields : Long.compare(b.sequence(), a.sequence());
        });
    List<Job> sorted = new ArrayList<>();
    matches.forEach(entry -> sorted.add(entry.job()));
    return sorted;
  }

  /** A job and its place in the creation sequence. */
  private record Entry(long sequence, Job job) {}

  /** What an operation should give: a value, or the exception it should throw. */
  record Outcome<T>(@Nullable T result, @Nullable RuntimeException failure) {

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
}
