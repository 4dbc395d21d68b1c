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
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.eclipse.collections.api.factory.Lists;
import org.eclipse.collections.api.list.ImmutableList;
import org.eclipse.collections.api.list.MutableList;
import org.jspecify.annotations.Nullable;

/**
 * A thread-safe {@link JobStore} in memory: the jobs API's server-side behaviour inside your JVM.
 *
 * <h2>Concurrency</h2>
 *
 * <p>Each job lives in a {@link Slot} in a {@link ConcurrentHashMap} keyed by id. Every write to a
 * job (create, update, append, delete) holds that slot's monitor, and nothing else: writers of
 * different jobs never wait for each other. A write builds the new immutable version, updates the
 * secondary indexes, and publishes the version through the slot's volatile field; that write is its
 * linearization point, so a failed write (bad input, an exception from the update function)
 * publishes nothing and changes nothing. {@code create} publishes only once the slot is in the map
 * and every index; {@code delete} withdraws the version first and unindexes after. Readers never
 * lock: {@link #find} and the queries see only published, not yet withdrawn, versions.
 *
 * <p>An update function runs under its job's monitor, so it must not write to the store: a write
 * from inside one throws {@link IllegalStateException} instead of corrupting or deadlocking.
 *
 * <p>Two secondary indexes, by status and by project, map each key to a {@link
 * ConcurrentSkipListSet} of slots in the default order ({@code -created_at}, ties newest first;
 * both keys are fixed for a job's life). A write that moves a job between keys adds it to the new
 * key's set before publishing and removes it from the old one after, so a job that keeps its key
 * through a query is in that key's set for the whole query. Queries iterate a set once (weakly
 * consistent: each slot at most once), read each slot's current version once, and keep it only if
 * that version matches every filter.
 *
 * <p>Iterations are kept in a buffer shared by a job's successive versions ({@link IterationLog}),
 * so appending is O(1) amortized and no version ever changes; removing, replacing or re-sorting one
 * copies the buffer, O(iterations of the job). Every write to an iteration holds its job's monitor
 * and publishes a new job version, exactly as a write to the job does, so each job's list is
 * linearizable. A third index maps each iteration id to its job's slot, its current version and its
 * creation sequence (which breaks ties of {@code order}); it is written under the job's monitor
 * right after the job version is published, so {@link #findIteration} (lock-free, O(1)) may trail a
 * job's list by that one step but never goes back. Deleting a job unindexes its iterations under
 * its monitor, after withdrawing it.
 *
 * <p>Moving an iteration ({@link #updateIteration} with a new {@code job}) holds both jobs'
 * monitors and publishes the source job without it, then the target job with it: a reader of either
 * job sees it there until the move, or from then on, never both ways. Since the function that names
 * the target runs under the source's monitor, the monitors cannot be taken in a fixed order;
 * instead every {@code updateIteration} first takes one store-wide lock, so at most one thread ever
 * holds two monitors and no cycle of waits can form (every other writer holds one monitor and waits
 * for nothing while holding it). Update functions may therefore run once, but {@code
 * updateIteration} calls wait for each other (not for other writes). A reader of job A then job B
 * may see a moving iteration in both or in neither, as per-job linearizability allows; a scan of
 * every job ({@link #listIterations} without {@code job}) returns each id once.
 */
public final class InMemoryJobStore implements JobStore {

  private final Clock clock;
  private final Supplier<UUID> idGenerator;
  private final AtomicLong sequence = new AtomicLong();

  /** Set on a thread while it runs an update function, which must not write to the store. */
  private final ThreadLocal<Boolean> changing = new ThreadLocal<>();

  private final ConcurrentHashMap<UUID, Slot> jobs = new ConcurrentHashMap<>();
  private final List<ConcurrentSkipListSet<Slot>> byStatus;
  private final ConcurrentHashMap<UUID, ConcurrentSkipListSet<Slot>> byProject =
      new ConcurrentHashMap<>();

  /** Every iteration by id: its job's slot, its current version and its creation sequence. */
  private final ConcurrentHashMap<UUID, Located> iterations = new ConcurrentHashMap<>();

  /** Held by {@link #updateIteration} around its job's monitor, so a move may lock a second job. */
  private final ReentrantLock iterationUpdates = new ReentrantLock();

  private InMemoryJobStore(Clock clock, Supplier<UUID> idGenerator) {
    this.clock = clock;
    this.idGenerator = idGenerator;
    this.byStatus =
        Stream.of(JobStatus.values())
            .map(status -> new ConcurrentSkipListSet<>(Slot.NEWEST_FIRST))
            .toList();
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
    rejectWritesFromChanges();
    UUID id = newId();
    Instant now = now();
    Job job =
        Job.builder()
            .from(params)
            .id(id)
            .createdAt(now)
            .updatedAt(now)
            .status(params.status().orElse(JobStatus.PENDING))
            .build();
    Slot slot = new Slot(sequence.incrementAndGet(), now);
    synchronized (slot) {
      if (jobs.putIfAbsent(id, slot) != null) {
        throw new IllegalStateException("The id generator returned " + id + " twice");
      }
      addToIndexes(slot, job);
      slot.publish(job);
    }
    return job;
  }

  @Override
  public Optional<Job> find(UUID id) {
    Slot slot = jobs.get(requireNonNull(id, "id"));
    return slot == null ? Optional.empty() : Optional.ofNullable(slot.live());
  }

  @Override
  public ImmutableList<Job> findByProject(UUID project) {
    requireNonNull(project, "project");
    ConcurrentSkipListSet<Slot> slots = byProject.get(project);
    return slots == null
        ? Lists.immutable.empty()
        : select(slots, job -> job.project().filter(project::equals).isPresent());
  }

  @Override
  public ImmutableList<Job> findByStatus(JobStatus status) {
    requireNonNull(status, "status");
    return select(statusSlots(status), job -> job.status() == status);
  }

  @Override
  public Page<Job> list(JobQuery query) {
    requireNonNull(query, "query");
    long offset = offset(query.page(), query.pageSize());
    Iterable<Slot> source = source(query);
    if (source == null || !JobOrdering.isDefault(query.ordering())) {
      List<Hit> hits = new ArrayList<>();
      for (Slot slot : source == null ? jobs.values() : source) {
        Job job = slot.live();
        if (job != null && query.matches(job)) {
          hits.add(slot.hit(job));
        }
      }
      hits.sort(JobOrdering.comparator(query.ordering()));
      return page(hits, Hit::job, query.page(), query.pageSize());
    }
    // The default order with an index: the index is in that order, so walk it without sorting.
    MutableList<Job> results = Lists.mutable.empty();
    int count = 0;
    for (Slot slot : source) {
      Job job = slot.live();
      if (job != null && query.matches(job)) {
        if (count >= offset && results.size() < query.pageSize()) {
          results.add(job);
        }
        count++;
      }
    }
    if (query.page() > 1 && offset >= count) {
      throw new InvalidPageException();
    }
    return new Page<>(results.toImmutable(), count, query.page(), query.pageSize());
  }

  @Override
  public Job update(UUID id, UnaryOperator<Job> change) {
    requireNonNull(change, "change");
    rejectWritesFromChanges();
    Slot slot = slot(id);
    synchronized (slot) {
      Job current = live(slot, id);
      Job changed;
      changing.set(Boolean.TRUE);
      try {
        changed = requireNonNull(change.apply(current), "the change returned null");
      } finally {
        changing.remove();
      }
      Job next = keepReadOnlyFields(current, changed).withUpdatedAt(now());
      publish(slot, current, next);
      return next;
    }
  }

  @Override
  public boolean delete(UUID id) {
    rejectWritesFromChanges();
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
      removeFromIndexes(slot, current);
      jobs.remove(id, slot);
      slot.iterations().ids().forEach(iterations::remove);
      return true;
    }
  }

  @Override
  public Iteration appendIteration(UUID jobId, IterationCreateParams params) {
    requireNonNull(params, "params");
    rejectWritesFromChanges();
    Slot slot = slot(jobId);
    synchronized (slot) {
      return insertIteration(slot, live(slot, jobId), params);
    }
  }

  /** {@inheritDoc} O(1) amortized, as {@link #appendIteration}. */
  @Override
  public Iteration createIteration(IterationCreateParams params) {
    requireNonNull(params, "params");
    rejectWritesFromChanges();
    UUID jobId = params.job().orElseThrow(() -> new ValidationException(Violation.required("job")));
    Slot slot = existingJob(jobId);
    synchronized (slot) {
      Job current = slot.live();
      if (current == null) {
        throw new ValidationException(Violation.doesNotExist("job", jobId));
      }
      return insertIteration(slot, current, params);
    }
  }

  /** {@inheritDoc} O(1): one lookup in the index by iteration id, without locking. */
  @Override
  public Optional<Iteration> findIteration(UUID id) {
    Located located = iterations.get(requireNonNull(id, "id"));
    return located == null ? Optional.empty() : Optional.of(located.iteration());
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
    rejectWritesFromChanges();
    iterationUpdates.lock();
    try {
      Located found = iterations.get(id);
      if (found == null) {
        throw new IterationNotFoundException(id);
      }
      Slot from = found.slot();
      synchronized (from) {
        // Only this method moves iterations, and it holds iterationUpdates: the slot is still its.
        Located current = iterations.get(id);
        if (current == null) {
          throw new IterationNotFoundException(id);
        }
        Iteration changed;
        changing.set(Boolean.TRUE);
        try {
          changed = requireNonNull(change.apply(current.iteration()), "the change returned null");
        } finally {
          changing.remove();
        }
        checkIterationChange(current.iteration(), changed);
        Job source = live(from, current.iteration().job());
        if (changed.job().equals(current.iteration().job())) {
          from.publish(source.withIterations(from.iterations().replace(changed)));
          iterations.put(id, new Located(from, changed, current.sequence()));
          return changed;
        }
        Slot to = existingJob(changed.job());
        synchronized (to) {
          Job target = to.live();
          if (target == null) {
            throw new ValidationException(Violation.doesNotExist("job", changed.job()));
          }
          from.publish(source.withIterations(from.iterations().remove(id)));
          to.publish(target.withIterations(to.iterations().insert(changed, current.sequence())));
          iterations.put(id, new Located(to, changed, current.sequence()));
          return changed;
        }
      }
    } finally {
      iterationUpdates.unlock();
    }
  }

  /**
   * {@inheritDoc} O(1) amortized to find the iteration; removing it copies the job's iteration
   * buffer, O(iterations of the job).
   */
  @Override
  public boolean deleteIteration(UUID id) {
    requireNonNull(id, "id");
    rejectWritesFromChanges();
    while (true) {
      Located found = iterations.get(id);
      if (found == null) {
        return false;
      }
      Slot slot = found.slot();
      synchronized (slot) {
        Located current = iterations.get(id);
        if (current == null) {
          return false;
        }
        if (current.slot() == slot) {
          Job job = live(slot, current.iteration().job());
          slot.publish(job.withIterations(slot.iterations().remove(id)));
          iterations.remove(id);
          return true;
        }
      }
      // The iteration moved to another job before this thread locked the first: try there.
    }
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
    requireNonNull(query, "query");
    List<IterationHit> hits = new ArrayList<>();
    if (query.job().isPresent()) {
      Slot slot = jobs.get(query.job().get());
      Job job = slot == null ? null : slot.live();
      if (job != null) {
        collect(job, query, hits, null);
      }
      if (!IterationOrdering.isDefault(query.ordering())) {
        hits.sort(IterationOrdering.comparator(query.ordering()));
      }
    } else {
      Set<UUID> seen = new HashSet<>();
      for (Slot slot : jobs.values()) {
        Job job = slot.live();
        if (job != null) {
          collect(job, query, hits, seen);
        }
      }
      hits.sort(IterationOrdering.comparator(query.ordering()));
    }
    return page(hits, IterationHit::iteration, query.page(), query.pageSize());
  }

  /**
   * The offset of {@code page}, the first element it shows.
   *
   * @throws InvalidPageException for a page before the first
   */
  private static long offset(int page, int pageSize) {
    if (page < 1) {
      throw new InvalidPageException();
    }
    return (long) (page - 1) * pageSize;
  }

  /**
   * One page of {@code sorted}, counted in full.
   *
   * @throws InvalidPageException for a page before the first or past the last (page 1 is always
   *     valid)
   */
  private static <H, T> Page<T> page(List<H> sorted, Function<H, T> value, int page, int pageSize) {
    long offset = offset(page, pageSize);
    int count = sorted.size();
    if (page > 1 && offset >= count) {
      throw new InvalidPageException();
    }
    MutableList<T> results = Lists.mutable.empty();
    for (long i = offset; i < count && results.size() < pageSize; i++) {
      results.add(value.apply(sorted.get((int) i)));
    }
    return new Page<>(results.toImmutable(), count, page, pageSize);
  }

  /**
   * Adds the matches among {@code job}'s iterations to {@code hits}, in the job's order, skipping
   * an iteration {@code seen} already holds (it moved during the scan) or no longer indexed (it was
   * deleted, or is being created, during the query).
   */
  private void collect(
      Job job, IterationQuery query, List<IterationHit> hits, @Nullable Set<UUID> seen) {
    for (Iteration iteration : job.iterations()) {
      if (query.matches(iteration)) {
        Located located = iterations.get(iteration.id());
        if (located != null && (seen == null || seen.add(iteration.id()))) {
          hits.add(new IterationHit(iteration, located.sequence()));
        }
      }
    }
  }

  /**
   * Stores a new iteration of {@code current}, the live job of {@code slot}, whose lock is held.
   */
  private Iteration insertIteration(Slot slot, Job current, IterationCreateParams params) {
    IterationLog log = slot.iterations();
    long order = params.order().isPresent() ? params.order().get() : nextOrder(log);
    Iteration iteration =
        Iteration.builder()
            .from(params)
            .id(newId())
            .createdAt(now())
            .job(current.id())
            .order(order)
            .build();
    if (iterations.containsKey(iteration.id())) {
      throw new IllegalStateException("The id generator returned " + iteration.id() + " twice");
    }
    long created = sequence.incrementAndGet();
    slot.publish(current.withIterations(log.insert(iteration, created)));
    iterations.put(iteration.id(), new Located(slot, iteration, created));
    return iteration;
  }

  /** Rejects a change to {@code id} or {@code created_at} and a cleared order, all at once. */
  private void checkIterationChange(Iteration current, Iteration changed) {
    List<Violation> violations = new ArrayList<>(0);
    if (!changed.id().equals(current.id())) {
      violations.add(Violation.readOnly("id"));
    }
    if (!changed.createdAt().equals(current.createdAt())) {
      violations.add(Violation.readOnly("created_at"));
    }
    if (changed.order().isEmpty()) {
      violations.add(Violation.notNull("order"));
    }
    if (!changed.job().equals(current.job()) && !jobs.containsKey(changed.job())) {
      violations.add(Violation.doesNotExist("job", changed.job()));
    }
    if (!violations.isEmpty()) {
      throw new ValidationException(violations);
    }
  }

  private static long nextOrder(IterationLog log) {
    long highest = log.highestOrder();
    if (highest == Long.MAX_VALUE) {
      throw new ValidationException(Violation.atMost("order", Long.MAX_VALUE));
    }
    return highest + 1;
  }

  /** Rejects a change to {@code id}, {@code created_at} or {@code iterations}, all at once. */
  private static Job keepReadOnlyFields(Job current, Job changed) {
    List<Violation> violations = new ArrayList<>(0);
    if (!changed.id().equals(current.id())) {
      violations.add(Violation.readOnly("id"));
    }
    if (!changed.createdAt().equals(current.createdAt())) {
      violations.add(Violation.readOnly("created_at"));
    }
    if (changed.iterations() != current.iterations()
        && !changed.iterations().equals(current.iterations())) {
      violations.add(Violation.readOnly("iterations"));
    }
    if (!violations.isEmpty()) {
      throw new ValidationException(violations);
    }
    // An equal list is no change; keep the store's own, which shares the iteration buffer.
    return changed.withIterations(current.iterations());
  }

  /**
   * The slot of the job a create or a move names.
   *
   * @throws ValidationException on {@code job} when there is no such job
   */
  private Slot existingJob(UUID jobId) {
    Slot slot = jobs.get(jobId);
    if (slot == null) {
      throw new ValidationException(Violation.doesNotExist("job", jobId));
    }
    return slot;
  }

  private Slot slot(UUID id) {
    Slot slot = jobs.get(requireNonNull(id, "id"));
    if (slot == null) {
      throw new JobNotFoundException(id);
    }
    return slot;
  }

  /** The slot's current version; the caller holds the slot's monitor. */
  private static Job live(Slot slot, UUID id) {
    Job current = slot.live();
    if (current == null) {
      throw new JobNotFoundException(id);
    }
    return current;
  }

  private void rejectWritesFromChanges() {
    if (changing.get() != null) {
      throw new IllegalStateException("An update function must not write to the store");
    }
  }

  /** The index set to scan for {@code query}, or null when no index narrows it. */
  private @Nullable Iterable<Slot> source(JobQuery query) {
    if (query.project().isPresent()) {
      ConcurrentSkipListSet<Slot> slots = byProject.get(query.project().get());
      return slots == null ? List.of() : slots;
    }
    return query.status().map(this::statusSlots).orElse(null);
  }

  private static ImmutableList<Job> select(Iterable<Slot> slots, Predicate<Job> filter) {
    MutableList<Job> selected = Lists.mutable.empty();
    for (Slot slot : slots) {
      Job job = slot.live();
      if (job != null && filter.test(job)) {
        selected.add(job);
      }
    }
    return selected.toImmutable();
  }

  /** Publishes {@code next}; the caller holds the slot's monitor. */
  private void publish(Slot slot, Job current, Job next) {
    boolean statusMoved = current.status() != next.status();
    boolean projectMoved = !current.project().equals(next.project());
    if (statusMoved) {
      statusSlots(next.status()).add(slot);
    }
    if (projectMoved) {
      next.project().ifPresent(project -> projectSlots(project).add(slot));
    }
    slot.publish(next);
    if (statusMoved) {
      statusSlots(current.status()).remove(slot);
    }
    if (projectMoved) {
      current.project().ifPresent(project -> projectSlots(project).remove(slot));
    }
  }

  private void addToIndexes(Slot slot, Job job) {
    statusSlots(job.status()).add(slot);
    job.project().ifPresent(project -> projectSlots(project).add(slot));
  }

  private void removeFromIndexes(Slot slot, Job job) {
    statusSlots(job.status()).remove(slot);
    job.project().ifPresent(project -> projectSlots(project).remove(slot));
  }

  private ConcurrentSkipListSet<Slot> statusSlots(JobStatus status) {
    return byStatus.get(status.ordinal());
  }

  private ConcurrentSkipListSet<Slot> projectSlots(UUID project) {
    return byProject.computeIfAbsent(
        project, key -> new ConcurrentSkipListSet<>(Slot.NEWEST_FIRST));
  }

  private UUID newId() {
    return requireNonNull(idGenerator.get(), "the id generator returned null");
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MICROS);
  }

  /**
   * Where an iteration is: its job's slot, its current version, and its creation sequence, which
   * breaks ties of {@code order} and never changes. Replaced under the job's monitor.
   */
  private record Located(Slot slot, Iteration iteration, long sequence) {}

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
