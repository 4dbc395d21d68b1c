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
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.atomic.AtomicLong;
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
 * so appending is O(1) amortized and no version ever changes.
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
    if (query.page() < 1) {
      throw new InvalidPageException();
    }
    long offset = (long) (query.page() - 1) * query.pageSize();
    Iterable<Slot> source = source(query);
    MutableList<Job> results = Lists.mutable.empty();
    int count;
    if (source != null && JobOrdering.isDefault(query.ordering())) {
      count = 0;
      for (Slot slot : source) {
        Job job = slot.live();
        if (job != null && query.matches(job)) {
          if (count >= offset && results.size() < query.pageSize()) {
            results.add(job);
          }
          count++;
        }
      }
    } else {
      List<Hit> hits = new ArrayList<>();
      for (Slot slot : source == null ? jobs.values() : source) {
        Job job = slot.live();
        if (job != null && query.matches(job)) {
          hits.add(slot.hit(job));
        }
      }
      hits.sort(JobOrdering.comparator(query.ordering()));
      count = hits.size();
      for (long i = offset; i < count && results.size() < query.pageSize(); i++) {
        results.add(hits.get((int) i).job());
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
      return true;
    }
  }

  @Override
  public Iteration appendIteration(UUID jobId, IterationCreateParams params) {
    requireNonNull(params, "params");
    rejectWritesFromChanges();
    Slot slot = slot(jobId);
    synchronized (slot) {
      Job current = live(slot, jobId);
      IterationLog log = slot.iterations();
      long order = params.order().isPresent() ? params.order().get() : nextOrder(log);
      Iteration iteration =
          Iteration.builder()
              .from(params)
              .id(newId())
              .createdAt(now())
              .job(jobId)
              .order(order)
              .build();
      slot.publish(current.withIterations(log.insert(iteration)));
      return iteration;
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
