package io.github.jobstore.benchmarks;

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
import io.github.jobstore.store.IterationQuery;
import io.github.jobstore.store.JobEvent;
import io.github.jobstore.store.JobNotFoundException;
import io.github.jobstore.store.JobQuery;
import io.github.jobstore.store.JobStore;
import io.github.jobstore.store.JobStoreRules;
import io.github.jobstore.store.Page;
import io.github.jobstore.store.Subscription;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import org.eclipse.collections.api.factory.Lists;
import org.eclipse.collections.api.list.ImmutableList;
import org.eclipse.collections.api.list.MutableList;

/**
 * The baseline: the job store most in-memory implementations are, a plain {@code
 * ConcurrentHashMap<UUID, Job>} and nothing else. Every query scans every job and sorts the
 * matches; appending an iteration copies the job's whole iteration list. Writes to one job are
 * atomic through {@link ConcurrentHashMap#compute}; readers never lock.
 *
 * <p>Same operations and server-side behaviour as {@code InMemoryJobStore} (ids, microsecond
 * timestamps, default status, iteration orders, read-only fields, pagination; filters and search
 * through {@link JobQuery#matches}, as that store), with one simplification: jobs created in the
 * same microsecond are ordered by id rather than newest first, since the map keeps no creation
 * sequence. Iterations are found by scanning every job; a changed or moved iteration goes after the
 * others of its order, and iteration queries break ties by {@code created_at}, then id. Iteration
 * writes other than appends take one store-wide lock; a move adds the iteration to its new job
 * before it removes it from the old one.
 */
public final class ScanningMapStore implements JobStore {

  /** {@code -created_at}, ties broken by id (deterministic, not by creation). */
  private static final Comparator<Job> NEWEST_FIRST =
      Comparator.comparing(Job::createdAt).reversed().thenComparing(Job::id);

  private final Clock clock = Clock.systemUTC();
  private final ConcurrentHashMap<UUID, Job> jobs = new ConcurrentHashMap<>();

  /** The map itself, for the raw-lookup baseline of {@link GetBenchmark}. */
  ConcurrentHashMap<UUID, Job> map() {
    return jobs;
  }

  @Override
  public Job create(JobCreateParams params) {
    requireNonNull(params, "params");
    UUID id = UUID.randomUUID();
    Job job = JobStoreRules.newJob(params, id, now());
    if (jobs.putIfAbsent(id, job) != null) {
      throw new IllegalStateException("Duplicate id " + id);
    }
    return job;
  }

  /** Stores {@code job} as given; checks only that its id is free (a baseline, not a contract). */
  @Override
  public Job restore(Job job) {
    if (jobs.putIfAbsent(job.id(), job) != null) {
      throw new IllegalStateException("Duplicate id " + job.id());
    }
    return job;
  }

  @Override
  public Optional<Job> find(UUID id) {
    return Optional.ofNullable(jobs.get(requireNonNull(id, "id")));
  }

  @Override
  public ImmutableList<Job> findByProject(UUID project) {
    requireNonNull(project, "project");
    return scan(job -> job.project().filter(project::equals).isPresent(), NEWEST_FIRST)
        .toImmutable();
  }

  @Override
  public ImmutableList<Job> findByStatus(JobStatus status) {
    requireNonNull(status, "status");
    return scan(job -> job.status() == status, NEWEST_FIRST).toImmutable();
  }

  @Override
  public Page<Job> list(JobQuery query) {
    requireNonNull(query, "query");
    if (query.page() < 1) {
      throw new InvalidPageException();
    }
    MutableList<Job> matches = scan(query::matches, ordering(query.ordering()));
    long offset = (long) (query.page() - 1) * query.pageSize();
    int count = matches.size();
    if (query.page() > 1 && offset >= count) {
      throw new InvalidPageException();
    }
    int from = (int) Math.min(offset, count);
    int to = (int) Math.min(offset + query.pageSize(), count);
    return new Page<>(
        Lists.immutable.withAll(matches.subList(from, to)), count, query.page(), query.pageSize());
  }

  @Override
  public Job update(UUID id, UnaryOperator<Job> change) {
    requireNonNull(change, "change");
    Job updated =
        jobs.computeIfPresent(
            requireNonNull(id, "id"),
            (key, current) -> {
              Job changed = requireNonNull(change.apply(current), "the change returned null");
              JobStoreRules.checkJobChange(current, changed);
              return changed.withUpdatedAt(now());
            });
    if (updated == null) {
      throw new JobNotFoundException(id);
    }
    return updated;
  }

  @Override
  public boolean delete(UUID id) {
    return jobs.remove(requireNonNull(id, "id")) != null;
  }

  @Override
  public Iteration appendIteration(UUID jobId, IterationCreateParams params) {
    requireNonNull(params, "params");
    Iteration[] appended = new Iteration[1];
    Job updated =
        jobs.computeIfPresent(
            requireNonNull(jobId, "jobId"),
            (key, current) -> {
              ImmutableList<Iteration> iterations = current.iterations();
              long order =
                  params
                      .order()
                      .orElseGet(
                          () ->
                              JobStoreRules.nextOrder(
                                  iterations.isEmpty() ? 0 : orderOf(iterations.getLast())));
              Iteration iteration =
                  JobStoreRules.newIteration(params, UUID.randomUUID(), now(), jobId, order);
              int at = iterations.size();
              while (at > 0 && orderOf(iterations.get(at - 1)) > order) {
                at--;
              }
              // The naive way: copy the whole list on every append.
              MutableList<Iteration> copy = Lists.mutable.withAll(iterations);
              copy.add(at, iteration);
              appended[0] = iteration;
              return current.withIterations(copy.toImmutable());
            });
    if (updated == null) {
      throw new JobNotFoundException(jobId);
    }
    return requireNonNull(appended[0]);
  }

  @Override
  public Iteration createIteration(IterationCreateParams params) {
    requireNonNull(params, "params");
    UUID jobId = params.job().orElseThrow(() -> new ValidationException(Violation.required("job")));
    try {
      return appendIteration(jobId, params);
    } catch (JobNotFoundException e) {
      throw new ValidationException(Violation.doesNotExist("job", jobId));
    }
  }

  @Override
  public Optional<Iteration> findIteration(UUID id) {
    requireNonNull(id, "id");
    for (Job job : jobs.values()) {
      for (Iteration iteration : job.iterations()) {
        if (iteration.id().equals(id)) {
          return Optional.of(iteration);
        }
      }
    }
    return Optional.empty();
  }

  @Override
  public synchronized Iteration updateIteration(UUID id, UnaryOperator<Iteration> change) {
    requireNonNull(change, "change");
    Iteration current = findIteration(id).orElseThrow(() -> new IterationNotFoundException(id));
    Iteration changed = requireNonNull(change.apply(current), "the change returned null");
    JobStoreRules.checkIterationChange(current, changed, jobs::containsKey);
    if (changed.job().equals(current.job())) {
      jobs.computeIfPresent(current.job(), (key, job) -> place(without(job, id), changed));
    } else {
      Job target = jobs.computeIfPresent(changed.job(), (key, job) -> place(job, changed));
      if (target == null) {
        throw new ValidationException(Violation.doesNotExist("job", changed.job()));
      }
      jobs.computeIfPresent(current.job(), (key, job) -> without(job, id));
    }
    return changed;
  }

  @Override
  public synchronized boolean deleteIteration(UUID id) {
    Optional<Iteration> found = findIteration(id);
    found.ifPresent(
        iteration -> jobs.computeIfPresent(iteration.job(), (key, job) -> without(job, id)));
    return found.isPresent();
  }

  @Override
  public Page<Iteration> listIterations(IterationQuery query) {
    requireNonNull(query, "query");
    if (query.page() < 1) {
      throw new InvalidPageException();
    }
    MutableList<Iteration> matches = Lists.mutable.empty();
    for (Job job : jobs.values()) {
      for (Iteration iteration : job.iterations()) {
        if (query.matches(iteration)) {
          matches.add(iteration);
        }
      }
    }
    matches.sortThis(iterationOrdering(query.ordering()));
    long offset = (long) (query.page() - 1) * query.pageSize();
    int count = matches.size();
    if (query.page() > 1 && offset >= count) {
      throw new InvalidPageException();
    }
    int from = (int) Math.min(offset, count);
    int to = (int) Math.min(offset + query.pageSize(), count);
    return new Page<>(
        Lists.immutable.withAll(matches.subList(from, to)), count, query.page(), query.pageSize());
  }

  private static Job without(Job job, UUID iteration) {
    return job.withIterations(job.iterations().reject(it -> it.id().equals(iteration)));
  }

  /** The job with {@code iteration} after every iteration whose order is not greater. */
  private static Job place(Job job, Iteration iteration) {
    ImmutableList<Iteration> iterations = job.iterations();
    int at = iterations.size();
    while (at > 0 && orderOf(iterations.get(at - 1)) > orderOf(iteration)) {
      at--;
    }
    MutableList<Iteration> copy = Lists.mutable.withAll(iterations);
    copy.add(at, iteration);
    return job.withIterations(copy.toImmutable());
  }

  /** The query's ordering, empty values last ascending; ties by order, created_at, then id. */
  private static Comparator<Iteration> iterationOrdering(String ordering) {
    String[] fields = ordering.split(",", -1);
    Comparator<Iteration> byFields = iterationField(fields[0]);
    for (int i = 1; i < fields.length; i++) {
      byFields = byFields.thenComparing(iterationField(fields[i]));
    }
    return byFields
        .thenComparingLong(ScanningMapStore::orderOf)
        .thenComparing(Iteration::createdAt)
        .thenComparing(Iteration::id);
  }

  /** One field of an iteration ordering, {@code -} first for descending. */
  private static Comparator<Iteration> iterationField(String ordering) {
    boolean descending = ordering.startsWith("-");
    String field = descending ? ordering.substring(1) : ordering;
    Comparator<Iteration> byField =
        switch (field) {
          case "order" -> Comparator.comparingLong(ScanningMapStore::orderOf);
          case "created_at" -> Comparator.comparing(Iteration::createdAt);
          case "avg_score" ->
              Comparator.comparing(
                  (Iteration it) -> it.avgScore().orElse(null),
                  Comparator.nullsLast(Comparator.<Double>naturalOrder()));
          case "iteration_name" -> Comparator.comparing(Iteration::iterationName);
          case "status" ->
              Comparator.comparing(
                  (Iteration it) -> it.status().map(s -> s.wireValue()).orElse(null),
                  Comparator.nullsLast(Comparator.<String>naturalOrder()));
          default -> throw new IllegalArgumentException(ordering);
        };
    return descending ? byField.reversed() : byField;
  }

  private MutableList<Job> scan(Predicate<Job> filter, Comparator<Job> order) {
    MutableList<Job> matches = Lists.mutable.empty();
    for (Job job : jobs.values()) {
      if (filter.test(job)) {
        matches.add(job);
      }
    }
    matches.sortThis(order);
    return matches;
  }

  /**
   * The query's ordering: its comma-separated fields in turn, empty values last ascending and first
   * descending; ties by id.
   */
  private static Comparator<Job> ordering(String ordering) {
    String[] fields = ordering.split(",", -1);
    Comparator<Job> byFields = field(fields[0]);
    for (int i = 1; i < fields.length; i++) {
      byFields = byFields.thenComparing(field(fields[i]));
    }
    return byFields.thenComparing(NEWEST_FIRST);
  }

  /** One field of an ordering, {@code -} first for descending. */
  private static Comparator<Job> field(String ordering) {
    boolean descending = ordering.startsWith("-");
    String field = descending ? ordering.substring(1) : ordering;
    Comparator<Job> byField =
        switch (field) {
          case "created_at" -> Comparator.comparing(Job::createdAt);
          case "updated_at" -> Comparator.comparing(Job::updatedAt);
          case "best_score" -> optional(Job::bestScore);
          case "baseline_score" -> optional(Job::baselineScore);
          case "improvement" -> optional(Job::improvement);
          case "num_iterations" -> optional(Job::numIterations);
          case "status" -> Comparator.comparing((Job job) -> job.status().wireValue());
          case "job_type" -> optional(job -> job.jobType().map(type -> type.wireValue()));
          case "prompt_slug" -> optional(Job::promptSlug);
          default -> throw new IllegalArgumentException(ordering);
        };
    return descending ? byField.reversed() : byField;
  }

  private static <V extends Comparable<? super V>> Comparator<Job> optional(
      Function<Job, Optional<V>> field) {
    return Comparator.comparing(
        job -> field.apply(job).orElse(null), Comparator.nullsLast(Comparator.naturalOrder()));
  }

  private static long orderOf(Iteration iteration) {
    return iteration.order().orElseThrow();
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MICROS);
  }

  /** Not measured against: this peer stands for stores that offer no events. */
  @Override
  public Subscription subscribe(Consumer<? super JobEvent> listener) {
    throw new UnsupportedOperationException("The scanning peer keeps no subscribers");
  }

  /** Not measured against: this peer stands for stores that offer no events. */
  @Override
  public CompletableFuture<Job> when(UUID id, Predicate<? super Job> condition) {
    throw new UnsupportedOperationException("The scanning peer keeps no subscribers");
  }
}
