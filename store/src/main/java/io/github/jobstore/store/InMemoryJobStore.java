package io.github.jobstore.store;

import static java.util.Objects.requireNonNull;

import io.github.jobstore.core.Iteration;
import io.github.jobstore.core.IterationCreateParams;
import io.github.jobstore.core.Job;
import io.github.jobstore.core.JobCreateParams;
import io.github.jobstore.core.JobStatus;
import io.github.jobstore.core.ValidationException;
import io.github.jobstore.core.Violation;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.eclipse.collections.api.list.ImmutableList;

/**
 * A thread-safe {@link JobStore} in memory: the jobs API's server-side behaviour inside your JVM.
 *
 * <h2>Concurrency</h2>
 *
 * <p>Each job lives in a slot in a {@link ConcurrentHashMap} keyed by id. Every write to a job
 * (create, update, append, delete) holds that slot's monitor, and no other job's: writers of
 * different jobs never wait for each other's jobs. A write builds the new immutable version,
 * updates the secondary indexes, and publishes the version through the slot's volatile field; that
 * write is its linearization point, so a failed write (bad input, an exception from the update
 * function) publishes nothing and changes nothing. {@code create} publishes only once the slot is
 * in the map and every index; {@code delete} withdraws the version first and unindexes after.
 * {@link #find} never locks; queries see only published, not yet withdrawn, versions.
 *
 * <p>An update function runs under its job's monitor, so it must not write to the store: a write
 * from inside one throws {@link IllegalStateException} instead of corrupting or deadlocking.
 *
 * <p>Secondary indexes hold the jobs in the default order ({@code -created_at}, ties newest first),
 * counted: every job, the jobs of each status, and each project's jobs of each status. So a list
 * filtered by nothing but those keys finds its count and its page without walking its matches. An
 * index is a chunked sorted array with its own lock ({@code SlotIndex}), taken briefly by writers
 * (after their job's monitor, never before); queries copy out at most 64 slots at a time, without
 * locking unless a writer intervenes, and read the jobs after. A write that moves a job between
 * keys adds it to the new key's indexes before publishing and removes it from the old ones after,
 * so a job that keeps its key through a query is found by it. Queries read each job's current
 * version once and keep it only if that version matches every filter.
 *
 * <p>Iterations are kept in a buffer shared by a job's successive versions, so appending is O(1)
 * amortized and no version ever changes; removing, replacing or re-sorting one copies the buffer,
 * O(iterations of the job). Every write to an iteration holds its job's monitor and publishes a new
 * job version, exactly as a write to the job does, so each job's list is linearizable. An index by
 * iteration id, written right after the job version is published, makes {@link #findIteration}
 * lock-free and O(1); it may trail a job's list by that one step but never goes back.
 *
 * <p>Moving an iteration ({@link #updateIteration} with a new {@code job}) holds both jobs'
 * monitors and publishes the source job without it, then the target job with it: a reader of either
 * job sees it there until the move, or from then on, never both ways. So that two moves cannot wait
 * for each other's monitors, every {@code updateIteration} first takes one store-wide lock: {@code
 * updateIteration} calls wait for each other, not for other writes. A reader of job A then job B
 * may see a moving iteration in both or in neither, as per-job linearizability allows; a scan of
 * every job ({@link #listIterations} without {@code job}) returns each id once.
 *
 * <h2>Events</h2>
 *
 * <p>A write that takes effect hands its event to each subscriber's backlog while it still holds
 * its job's monitor, so one job's events are queued in the order its writes took effect; the
 * subscribers are read from a copy-on-write array, so a subscription that returned before the write
 * gets its event. Listeners never run on a writer's thread: each subscriber with events to deliver
 * has one delivery thread at a time (daemon threads named {@code jobstore-events-N}, shared by
 * every store, ended after five idle seconds), which calls its listener in backlog order, one event
 * at a time. So:
 *
 * <ul>
 *   <li>A write costs each subscriber one queue insertion (a node of about 24 bytes; the event
 *       itself is made once for all); with no subscriber it costs one read of the empty array. A
 *       delivery thread that has emptied its backlog stays with its subscriber for a millisecond,
 *       waking every 50 µs to look for more, so writers that write steadily only queue; the first
 *       event after a millisecond of quiet costs its writer the hand-off that wakes a thread (about
 *       a microsecond). So an event may wait some 50 µs (plus the system's timer slack) before its
 *       listener is called, and a subscriber that just went quiet costs about twenty wake-ups.
 *   <li>No writer ever waits for a listener, and the backlog has no bound: a slow or blocked
 *       listener costs the memory of the events it has not taken yet and one thread, and no other
 *       subscriber waits for it. It loses no event; closing its subscription drops its backlog.
 *   <li>What a listener throws is reported to its delivery thread's uncaught-exception handler
 *       (printed to standard error by default) and delivery goes on with the next event.
 *   <li>A listener may read and write the store; its own writes' events are queued behind the one
 *       it is handling.
 * </ul>
 *
 * <p>A {@link #when} condition is tested under its job's monitor: once when {@code when} is called,
 * then by each write of that job against the version it stores, until it matches or the job is
 * deleted. The future completes on a delivery thread, and the store forgets it as soon as it
 * completes, however it completes. A job with no pending {@code when} costs its writes one field
 * read.
 */
public final class InMemoryJobStore implements JobStore {

  private final Clock clock;
  private final Supplier<UUID> idGenerator;
  private final AtomicLong sequence = new AtomicLong();
  private final ChangeGuard guard = new ChangeGuard();
  private final ConcurrentHashMap<UUID, Slot> jobs = new ConcurrentHashMap<>();
  private final JobIndexes indexes = new JobIndexes();
  private final Watchers watchers = new Watchers(guard, Delivery.THREADS);
  private final IterationIndex iterations = new IterationIndex(jobs, guard, watchers);

  private InMemoryJobStore(Clock clock, Supplier<UUID> idGenerator) {
    this.clock = clock;
    this.idGenerator = idGenerator;
  }

  /** Returns an empty store on the system clock (UTC) with random version 4 UUIDs. */
  public static InMemoryJobStore create() {
    return builder().build();
  }

  /** Returns a builder, to choose the clock and the id generator (for deterministic tests). */
  public static Builder builder() {
    return new Builder();
  }

  @Override
  public Job create(JobCreateParams params) {
    requireNonNull(params, "params");
    guard.rejectWritesFromChanges();
    UUID id = newId();
    Instant now = now();
    Job job = JobStoreRules.newJob(params, id, now);
    Slot slot = new Slot(sequence.incrementAndGet(), now);
    synchronized (slot) {
      if (jobs.putIfAbsent(id, slot) != null) {
        throw new IllegalStateException("The id generator returned " + id + " twice");
      }
      indexes.add(slot, job);
      slot.publish(job);
      watchers.jobCreated(job);
    }
    return job;
  }

  /**
   * {@inheritDoc}
   *
   * <p>O(k) for k iterations, plus what {@link #create} costs to index the job. Restores wait for
   * each other (they check iteration ids against the whole store), not for other writes.
   */
  @Override
  public Job restore(Job job) {
    requireNonNull(job, "job");
    guard.rejectWritesFromChanges();
    JobStoreRules.checkRestorable(job);
    Slot slot = new Slot(sequence.incrementAndGet(), job.createdAt());
    synchronized (slot) {
      if (jobs.putIfAbsent(job.id(), slot) != null) {
        throw new IllegalStateException("A job with id " + job.id() + " is already stored.");
      }
      try {
        return iterations.restore(
            slot, job, sequence::incrementAndGet, () -> indexes.add(slot, job));
      } catch (RuntimeException e) {
        jobs.remove(job.id(), slot);
        throw e;
      }
    }
  }

  @Override
  public Optional<Job> find(UUID id) {
    Slot slot = jobs.get(requireNonNull(id, "id"));
    return slot == null ? Optional.empty() : Optional.ofNullable(slot.live());
  }

  @Override
  public ImmutableList<Job> findByProject(UUID project) {
    return indexes.withProject(requireNonNull(project, "project"));
  }

  @Override
  public ImmutableList<Job> findByStatus(JobStatus status) {
    return indexes.withStatus(requireNonNull(status, "status"));
  }

  /**
   * {@inheritDoc}
   *
   * <p>What each query costs is in {@link JobQuery}'s description. The count of a list filtered by
   * nothing but {@code project} and {@code status} is its index's size, read apart from the walk
   * that fills the page: under concurrent writes the two may disagree by the jobs written
   * meanwhile, and at rest they agree exactly.
   */
  @Override
  public Page<Job> list(JobQuery query) {
    requireNonNull(query, "query");
    return JobPages.list(indexes.source(query), query);
  }

  @Override
  public Job update(UUID id, UnaryOperator<Job> change) {
    requireNonNull(change, "change");
    guard.rejectWritesFromChanges();
    Slot slot = slot(id);
    synchronized (slot) {
      Job current = slot.current(id);
      Job changed = guard.apply(change, current);
      Job next = keepReadOnlyFields(current, changed).withUpdatedAt(now());
      indexes.publish(slot, current, next);
      watchers.jobUpdated(slot, current, next);
      return next;
    }
  }

  @Override
  public boolean delete(UUID id) {
    guard.rejectWritesFromChanges();
    Slot slot = jobs.get(requireNonNull(id, "id"));
    if (slot == null) {
      return false;
    }
    synchronized (slot) {
      Job current = slot.live();
      if (current == null) {
        return false;
      }
      slot.withdraw();
      indexes.remove(slot, current);
      jobs.remove(id, slot);
      iterations.forget(slot);
      watchers.jobDeleted(slot, current);
      return true;
    }
  }

  @Override
  public Iteration appendIteration(UUID jobId, IterationCreateParams params) {
    requireNonNull(params, "params");
    guard.rejectWritesFromChanges();
    Slot slot = slot(jobId);
    synchronized (slot) {
      return insertIteration(slot, slot.current(jobId), params);
    }
  }

  /** {@inheritDoc} O(1) amortized, as {@link #appendIteration}. */
  @Override
  public Iteration createIteration(IterationCreateParams params) {
    requireNonNull(params, "params");
    guard.rejectWritesFromChanges();
    UUID jobId = params.job().orElseThrow(() -> new ValidationException(Violation.required("job")));
    Slot slot = iterations.jobNamed(jobId);
    synchronized (slot) {
      return insertIteration(slot, IterationIndex.liveJobNamed(slot, jobId), params);
    }
  }

  /** {@inheritDoc} O(1): one lookup in the index by iteration id, without locking. */
  @Override
  public Optional<Iteration> findIteration(UUID id) {
    return iterations.find(requireNonNull(id, "id"));
  }

  /**
   * {@inheritDoc}
   *
   * <p>O(1) amortized in the number of jobs and iterations to find the iteration; storing the
   * result copies the job's iteration buffer, O(iterations of the job(s)). Calls of this method
   * wait for each other (see the class comment), not for other writes.
   */
  @Override
  public Iteration updateIteration(UUID id, UnaryOperator<Iteration> change) {
    requireNonNull(id, "id");
    requireNonNull(change, "change");
    guard.rejectWritesFromChanges();
    return iterations.update(id, change);
  }

  /**
   * {@inheritDoc} O(1) amortized to find the iteration; removing it copies the job's iteration
   * buffer, O(iterations of the job).
   */
  @Override
  public boolean deleteIteration(UUID id) {
    requireNonNull(id, "id");
    guard.rejectWritesFromChanges();
    return iterations.delete(id);
  }

  /**
   * {@inheritDoc}
   *
   * <p>With {@code job}: O(that job's iterations + page), plus a sort of the matches for any
   * ordering but the default; never O(store). Without {@code job}: a scan of every iteration of
   * every job and a sort of the matches. An iteration created, deleted or moved during a scan may
   * be left out.
   */
  @Override
  public Page<Iteration> listIterations(IterationQuery query) {
    return iterations.list(requireNonNull(query, "query"));
  }

  /**
   * {@inheritDoc}
   *
   * <p>The listener is called on a delivery thread (see the class comment), never on a writer's.
   */
  @Override
  public Subscription subscribe(Consumer<? super JobEvent> listener) {
    return watchers.subscribe(requireNonNull(listener, "listener"));
  }

  /**
   * {@inheritDoc}
   *
   * <p>{@code condition} runs under the job's monitor, on the thread that calls this method and
   * then on each thread that writes the job until it matches: keep it short. A write from inside it
   * throws {@link IllegalStateException}, which completes the future exceptionally. The future
   * completes on a delivery thread, never on a writer's.
   *
   * @throws IllegalStateException when called from inside an update function or a condition
   */
  @Override
  public CompletableFuture<Job> when(UUID id, Predicate<? super Job> condition) {
    requireNonNull(id, "id");
    requireNonNull(condition, "condition");
    guard.rejectWritesFromChanges();
    return watchers.when(jobs.get(id), id, condition);
  }

  /**
   * Stores a new iteration of {@code current}, the live job of {@code slot}, whose lock is held.
   */
  private Iteration insertIteration(Slot slot, Job current, IterationCreateParams params) {
    long order =
        params.order().isPresent()
            ? params.order().get()
            : JobStoreRules.nextOrder(slot.iterations().highestOrder());
    Iteration iteration = JobStoreRules.newIteration(params, newId(), now(), current.id(), order);
    return iterations.insert(slot, current, iteration, sequence.incrementAndGet());
  }

  /** Rejects a change to {@code id}, {@code created_at} or {@code iterations}, all at once. */
  private static Job keepReadOnlyFields(Job current, Job changed) {
    JobStoreRules.checkJobChange(current, changed);
    // An equal list is no change; keep the store's own, which shares the iteration buffer.
    return changed.withIterations(current.iterations());
  }

  private Slot slot(UUID id) {
    Slot slot = jobs.get(requireNonNull(id, "id"));
    if (slot == null) {
      throw new JobNotFoundException(id);
    }
    return slot;
  }

  private UUID newId() {
    return requireNonNull(idGenerator.get(), "the id generator returned null");
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MICROS);
  }

  /** Configures an {@link InMemoryJobStore}. Not thread-safe. */
  public static final class Builder {

    private Clock clock = Clock.systemUTC();
    private Supplier<UUID> idGenerator = UUID::randomUUID;

    private Builder() {}

    /** Sets the clock that timestamps jobs and iterations; the system UTC clock by default. */
    public Builder clock(Clock clock) {
      this.clock = requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Sets where job and iteration ids come from; by default {@link UUID#randomUUID()}, version 4
     * UUIDs from a cryptographically strong generator, so ids cannot be guessed. It must never
     * return the same id twice: {@link InMemoryJobStore#create} rejects a duplicate with {@link
     * IllegalStateException}.
     */
    public Builder idGenerator(Supplier<UUID> idGenerator) {
      this.idGenerator = requireNonNull(idGenerator, "idGenerator");
      return this;
    }

    /** Returns a new, empty store. */
    public InMemoryJobStore build() {
      return new InMemoryJobStore(clock, idGenerator);
    }
  }
}
