package io.github.jobstore.hazelcast;

import static java.util.Objects.requireNonNull;

import com.hazelcast.config.IndexType;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import com.hazelcast.nio.serialization.genericrecord.GenericRecord;
import io.github.jobstore.core.Iteration;
import io.github.jobstore.core.IterationCreateParams;
import io.github.jobstore.core.Job;
import io.github.jobstore.core.JobCreateParams;
import io.github.jobstore.core.JobStatus;
import io.github.jobstore.core.ValidationException;
import io.github.jobstore.core.Violation;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.eclipse.collections.api.factory.Lists;
import org.eclipse.collections.api.list.ImmutableList;
import org.eclipse.collections.api.list.MutableList;

/**
 * A {@link JobStore} on a Hazelcast cluster: every store of the same {@linkplain Builder#name name}
 * on the cluster's members and clients sees one set of jobs, which outlives any one member (with
 * the default one backup, losing a member loses nothing).
 *
 * <h2>Layout</h2>
 *
 * <p>Three {@code IMap}s, named after the store: {@code <name>.jobs} maps each job's id to one
 * compact record of type {@code jobstore.Job} that holds the whole job, its iterations embedded in
 * its own order, plus a creation sequence, a version and what the last write was ({@link
 * JobRecords}). {@code <name>.iterations} maps each iteration's id to its job's id: it finds an
 * iteration without a scan and claims iteration ids, so no two iterations share one. {@code
 * <name>.meta} holds the creation sequence counter and the lock that iteration updates share. The
 * records are built as {@code GenericRecord}s, so no member needs our classes or a serializer
 * registered in advance; the store adds its indexes ({@code status} and {@code project} hashed,
 * {@code createdMicros} sorted) when it is built. A job in one record makes every read of a job one
 * {@code get} that sees one whole version, and every write one {@code set}; the price is that a
 * write to a job with many iterations rewrites them all.
 *
 * <h2>Concurrency</h2>
 *
 * <p>Every write to a job holds the cluster-wide lock of its key ({@link IMap#lock}) from reading
 * the current record to storing the next, so an update function runs exactly once, on the current
 * version, and writes to one job are linearizable across members; the {@code set} is the
 * linearization point. Reads never lock. An update function must not write to this store: a write
 * from inside one throws {@link IllegalStateException} (the map's locks are reentrant, so a nested
 * write would otherwise slip through the lock its caller holds).
 *
 * <p>Creation order breaks ties of {@code created_at} in queries: a sequence taken from a counter
 * in {@code <name>.meta} by compare-and-set, so it follows real time across members. An iteration
 * id is claimed in {@code <name>.iterations} before its job's record is written and released after
 * it is removed; {@link #findIteration} reads the claim, then the job, and tries again when the
 * iteration moved meanwhile. Every {@link #updateIteration} takes one store-wide lock first, then
 * its job's, then, for a move, the target's, so two moves cannot wait for each other; a move writes
 * the target with the iteration, then the claim, then the source without it. As in {@code
 * InMemoryJobStore}, a reader of both jobs may see a moving iteration in both or neither.
 *
 * <p>Queries run on the members: {@link #list} asks for a projection of the few fields that filters
 * and orderings read, of the jobs that the exact filters ({@code project}, {@code status}, the
 * other equalities and the {@code created_at} bounds) keep, then applies {@link JobQuery#matches},
 * sorts by {@link JobQuery#comparator}, counts, and reads the page's jobs in one {@code getAll},
 * keeping each only if its version still matches. So a list costs one pass over its filters'
 * matches on the members, their light fields over the network, and the page.
 *
 * <h2>Events</h2>
 *
 * <p>Each {@link #subscribe} registers an entry listener on the jobs map ({@code includeValue}),
 * cluster-wide: it receives the writes of every member and client, one job's in the order they took
 * effect. Members publish a write's event just after answering the writer, so before registering,
 * {@code subscribe} runs an operation on every partition, which waits for the events of writes that
 * have returned: none of those reaches the new listener. The listener turns each entry event into
 * its {@link JobEvent} (a move is the target's write) and queues it; a delivery thread calls the
 * subscriber's listener, so a slow listener never holds up Hazelcast's event threads or another
 * subscriber. {@link #when} is a subscription to one key: its condition is tested on the caller's
 * thread against the current version, then on a delivery thread against each later one.
 *
 * <p>Instances are thread-safe; several may share one name, on one member or many.
 */
public final class HazelcastJobStore implements JobStore {

  private static final String UPDATE_ITERATION_LOCK = "updateIteration";

  private final Clock clock;
  private final Supplier<UUID> idGenerator;
  private final IMap<UUID, GenericRecord> jobs;
  private final IMap<UUID, UUID> iterations;
  private final Sequence sequence;
  private final IMap<String, Long> meta;
  private final WriteGuard guard = new WriteGuard();
  private final JobQueries queries;
  private final Events events;

  private HazelcastJobStore(Builder builder) {
    this.clock = builder.clock;
    this.idGenerator = builder.idGenerator;
    this.jobs = builder.hazelcast.getMap(builder.name + ".jobs");
    this.iterations = builder.hazelcast.getMap(builder.name + ".iterations");
    this.meta = builder.hazelcast.getMap(builder.name + ".meta");
    this.sequence = new Sequence(meta);
    jobs.addIndex(IndexType.HASH, JobRecords.STATUS);
    jobs.addIndex(IndexType.HASH, JobRecords.PROJECT);
    jobs.addIndex(IndexType.SORTED, JobRecords.CREATED_MICROS);
    this.queries = new JobQueries(jobs);
    this.events = new Events(jobs, guard);
  }

  /**
   * Returns a store named {@code jobstore} on the cluster of {@code hazelcast} (a member or a
   * client), on the system clock (UTC), with random version 4 UUIDs.
   */
  public static HazelcastJobStore create(HazelcastInstance hazelcast) {
    return builder(hazelcast).build();
  }

  /** Returns a builder of a store on the cluster of {@code hazelcast}, a member or a client. */
  public static Builder builder(HazelcastInstance hazelcast) {
    return new Builder(requireNonNull(hazelcast, "hazelcast"));
  }

  @Override
  public Job create(JobCreateParams params) {
    requireNonNull(params, "params");
    guard.rejectWrites();
    UUID id = newId();
    Job job = JobStoreRules.newJob(params, id, now());
    StoredJob stored =
        StoredJob.created(job, sequence.next(1), Lists.immutable.empty(), Write.CREATE);
    if (jobs.putIfAbsent(id, JobRecords.write(stored)) != null) {
      throw new IllegalStateException("The id generator returned " + id + " twice");
    }
    return job;
  }

  /**
   * {@inheritDoc}
   *
   * <p>Claims each iteration id, then stores the job; on a clash, releases what it claimed.
   */
  @Override
  public Job restore(Job job) {
    requireNonNull(job, "job");
    guard.rejectWrites();
    JobStoreRules.checkRestorable(job);
    if (jobs.containsKey(job.id())) {
      throw jobTaken(job.id());
    }
    List<UUID> claimed = new ArrayList<>(job.iterations().size());
    try {
      for (Iteration iteration : job.iterations()) {
        if (iterations.putIfAbsent(iteration.id(), job.id()) != null) {
          throw new IllegalStateException(
              "An iteration with id " + iteration.id() + " is already stored.");
        }
        claimed.add(iteration.id());
      }
      long first = sequence.next(1 + job.iterations().size());
      MutableList<StoredIteration> stored = Lists.mutable.empty();
      for (Iteration iteration : job.iterations()) {
        stored.add(new StoredIteration(iteration, first + 1 + stored.size()));
      }
      // Sequences follow the given order, so iterations of equal order keep their places.
      stored.sortThis(StoredIteration.BY_ORDER);
      StoredJob restored = StoredJob.created(job, first, stored.toImmutable(), Write.RESTORE);
      if (jobs.putIfAbsent(job.id(), JobRecords.write(restored)) != null) {
        throw jobTaken(job.id());
      }
      return restored.job();
    } catch (RuntimeException e) {
      claimed.forEach(id -> iterations.remove(id, job.id()));
      throw e;
    }
  }

  private static IllegalStateException jobTaken(UUID id) {
    return new IllegalStateException("A job with id " + id + " is already stored.");
  }

  @Override
  public Optional<Job> find(UUID id) {
    return stored(requireNonNull(id, "id")).map(StoredJob::job);
  }

  @Override
  public ImmutableList<Job> findByProject(UUID project) {
    return queries.newestFirst(JobRecords.PROJECT, requireNonNull(project, "project").toString());
  }

  @Override
  public ImmutableList<Job> findByStatus(JobStatus status) {
    return queries.newestFirst(JobRecords.STATUS, requireNonNull(status, "status").wireValue());
  }

  @Override
  public Page<Job> list(JobQuery query) {
    return queries.list(requireNonNull(query, "query"));
  }

  @Override
  public Job update(UUID id, UnaryOperator<Job> change) {
    requireNonNull(id, "id");
    requireNonNull(change, "change");
    guard.rejectWrites();
    jobs.lock(id);
    try {
      StoredJob current = stored(id).orElseThrow(() -> new JobNotFoundException(id));
      Job changed = guard.apply(change, current.job());
      JobStoreRules.checkJobChange(current.job(), changed);
      StoredJob next = current.updated(changed.withUpdatedAt(now()));
      jobs.set(id, JobRecords.write(next));
      return next.job();
    } finally {
      jobs.unlock(id);
    }
  }

  @Override
  public boolean delete(UUID id) {
    requireNonNull(id, "id");
    guard.rejectWrites();
    jobs.lock(id);
    try {
      GenericRecord removed = jobs.remove(id);
      if (removed == null) {
        return false;
      }
      for (StoredIteration each : JobRecords.read(removed).iterations()) {
        iterations.remove(each.iteration().id(), id);
      }
      return true;
    } finally {
      jobs.unlock(id);
    }
  }

  @Override
  public Iteration appendIteration(UUID jobId, IterationCreateParams params) {
    requireNonNull(jobId, "jobId");
    requireNonNull(params, "params");
    guard.rejectWrites();
    return insertIteration(jobId, params, () -> new JobNotFoundException(jobId));
  }

  @Override
  public Iteration createIteration(IterationCreateParams params) {
    requireNonNull(params, "params");
    guard.rejectWrites();
    UUID jobId = params.job().orElseThrow(() -> new ValidationException(Violation.required("job")));
    return insertIteration(
        jobId, params, () -> new ValidationException(Violation.doesNotExist("job", jobId)));
  }

  private Iteration insertIteration(
      UUID jobId, IterationCreateParams params, Supplier<RuntimeException> notFound) {
    jobs.lock(jobId);
    try {
      StoredJob current = stored(jobId).orElseThrow(notFound);
      long order =
          params.order().isPresent()
              ? params.order().get()
              : JobStoreRules.nextOrder(current.highestOrder());
      Iteration iteration = JobStoreRules.newIteration(params, newId(), now(), jobId, order);
      if (iterations.putIfAbsent(iteration.id(), jobId) != null) {
        throw new IllegalStateException("The id generator returned " + iteration.id() + " twice");
      }
      try {
        StoredIteration stored = new StoredIteration(iteration, sequence.next(1));
        jobs.set(jobId, JobRecords.write(current.with(stored, Write.APPEND, null)));
      } catch (RuntimeException e) {
        iterations.remove(iteration.id(), jobId);
        throw e;
      }
      return iteration;
    } finally {
      jobs.unlock(jobId);
    }
  }

  /**
   * {@inheritDoc}
   *
   * <p>Reads the iteration's claim, then its job; when the job no longer holds it and the claim
   * names another job, it moved meanwhile: reads again there.
   */
  @Override
  public Optional<Iteration> findIteration(UUID id) {
    requireNonNull(id, "id");
    UUID jobId = iterations.get(id);
    while (jobId != null) {
      Optional<StoredIteration> found = stored(jobId).flatMap(job -> job.iteration(id));
      if (found.isPresent()) {
        return Optional.of(found.get().iteration());
      }
      UUID now = iterations.get(id);
      if (jobId.equals(now)) {
        return Optional.empty();
      }
      jobId = now;
    }
    return Optional.empty();
  }

  /**
   * {@inheritDoc}
   *
   * <p>Calls of this method take one store-wide lock (see the class comment): they wait for each
   * other, cluster-wide, not for other writes.
   */
  @Override
  public Iteration updateIteration(UUID id, UnaryOperator<Iteration> change) {
    requireNonNull(id, "id");
    requireNonNull(change, "change");
    guard.rejectWrites();
    meta.lock(UPDATE_ITERATION_LOCK);
    try {
      UUID jobId = iterations.get(id);
      if (jobId == null) {
        throw new IterationNotFoundException(id);
      }
      jobs.lock(jobId);
      try {
        // Moves hold the store-wide lock, so the claim still names the iteration's job.
        StoredJob source = stored(jobId).orElseThrow(() -> new IterationNotFoundException(id));
        Iteration current =
            source.iteration(id).orElseThrow(() -> new IterationNotFoundException(id)).iteration();
        Iteration changed = guard.apply(change, current);
        JobStoreRules.checkIterationChange(current, changed, jobs::containsKey);
        if (changed.job().equals(jobId)) {
          jobs.set(jobId, JobRecords.write(source.replaced(changed)));
          return changed;
        }
        move(source, current, changed);
        return changed;
      } finally {
        jobs.unlock(jobId);
      }
    } finally {
      meta.unlock(UPDATE_ITERATION_LOCK);
    }
  }

  /** Moves {@code current} out of {@code source}, whose lock is held, as {@code changed}. */
  private void move(StoredJob source, Iteration current, Iteration changed) {
    UUID targetId = changed.job();
    jobs.lock(targetId);
    try {
      StoredJob target =
          stored(targetId)
              .orElseThrow(() -> new ValidationException(Violation.doesNotExist("job", targetId)));
      long sequence = source.iteration(current.id()).orElseThrow().sequence();
      jobs.set(
          targetId,
          JobRecords.write(
              target.with(new StoredIteration(changed, sequence), Write.MOVE_IN, current)));
      iterations.set(current.id(), targetId);
      jobs.set(source.job().id(), JobRecords.write(source.without(current.id(), Write.MOVE_OUT)));
    } finally {
      jobs.unlock(targetId);
    }
  }

  @Override
  public boolean deleteIteration(UUID id) {
    requireNonNull(id, "id");
    guard.rejectWrites();
    UUID jobId = iterations.get(id);
    while (jobId != null) {
      UUID locked = jobId;
      jobs.lock(locked);
      try {
        Optional<StoredJob> job = stored(locked);
        if (job.isPresent() && job.get().iteration(id).isPresent()) {
          jobs.set(locked, JobRecords.write(job.get().without(id, Write.DELETE_ITERATION)));
          iterations.remove(id, locked);
          return true;
        }
        // Not there: deleted (the entry names this job or none) or moved (it names another).
        jobId = iterations.get(id);
        if (locked.equals(jobId)) {
          return false;
        }
      } finally {
        jobs.unlock(locked);
      }
    }
    return false;
  }

  @Override
  public Page<Iteration> listIterations(IterationQuery query) {
    requireNonNull(query, "query");
    if (query.job().isPresent()) {
      return queries.iterations(
          stored(query.job().get()).map(Lists.immutable::of).orElse(Lists.immutable.empty()),
          query);
    }
    return queries.iterations(queries.all(), query);
  }

  /**
   * {@inheritDoc}
   *
   * <p>Registers an entry listener on the cluster for the subscription (a round trip to every
   * member), and removes it on close. The listener is called on a delivery thread of this JVM
   * (daemon threads named {@code jobstore-hazelcast-events-N}), one event at a time.
   */
  @Override
  public Subscription subscribe(Consumer<? super JobEvent> listener) {
    return events.subscribe(requireNonNull(listener, "listener"));
  }

  /**
   * {@inheritDoc}
   *
   * <p>{@code condition} runs on the calling thread against the current version, then on a delivery
   * thread against each later one, and the future completes on the thread that tested the matching
   * version; a write from inside the condition fails the future with {@link IllegalStateException}.
   * Each pending future holds an entry listener on the job's key, removed when the future completes
   * however it completes.
   *
   * @throws IllegalStateException when called from inside an update function or a condition
   */
  @Override
  public CompletableFuture<Job> when(UUID id, Predicate<? super Job> condition) {
    requireNonNull(id, "id");
    requireNonNull(condition, "condition");
    guard.rejectWrites();
    return events.when(id, condition);
  }

  /**
   * Removes this store's maps, and with them every job and iteration of this name, from the
   * cluster: for tests and for tearing a store down. Other stores of the same name find their maps
   * empty afterwards.
   */
  public void destroy() {
    jobs.destroy();
    iterations.destroy();
    meta.destroy();
  }

  private Optional<StoredJob> stored(UUID id) {
    GenericRecord record = jobs.get(id);
    return record == null ? Optional.empty() : Optional.of(JobRecords.read(record));
  }

  private UUID newId() {
    return requireNonNull(idGenerator.get(), "the id generator returned null");
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MICROS);
  }

  /** Configures a {@link HazelcastJobStore}. Not thread-safe. */
  public static final class Builder {

    private final HazelcastInstance hazelcast;
    private String name = "jobstore";
    private Clock clock = Clock.systemUTC();
    private Supplier<UUID> idGenerator = UUID::randomUUID;

    private Builder(HazelcastInstance hazelcast) {
      this.hazelcast = hazelcast;
    }

    /**
     * Sets the name the store's maps start with ({@code <name>.jobs}, {@code <name>.iterations},
     * {@code <name>.meta}); {@code jobstore} by default. Stores of one name on one cluster share
     * their jobs; stores of different names share nothing.
     *
     * @throws IllegalArgumentException when {@code name} is blank
     */
    public Builder name(String name) {
      if (requireNonNull(name, "name").isBlank()) {
        throw new IllegalArgumentException("A store's name must not be blank");
      }
      this.name = name;
      return this;
    }

    /** Sets the clock that timestamps jobs and iterations; the system UTC clock by default. */
    public Builder clock(Clock clock) {
      this.clock = requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Sets where job and iteration ids come from; by default {@link UUID#randomUUID()}. It must
     * never return the same id twice, on any member: a duplicate is rejected with {@link
     * IllegalStateException}.
     */
    public Builder idGenerator(Supplier<UUID> idGenerator) {
      this.idGenerator = requireNonNull(idGenerator, "idGenerator");
      return this;
    }

    /**
     * Returns a store on the cluster, adding its indexes to the jobs map if they are not there yet.
     * The store holds no resources of its own beyond the maps' proxies.
     */
    public HazelcastJobStore build() {
      return new HazelcastJobStore(this);
    }
  }
}
