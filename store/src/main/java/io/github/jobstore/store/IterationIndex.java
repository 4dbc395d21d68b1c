package io.github.jobstore.store;

import io.github.jobstore.core.Iteration;
import io.github.jobstore.core.Job;
import io.github.jobstore.core.ValidationException;
import io.github.jobstore.core.Violation;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongSupplier;
import java.util.function.UnaryOperator;
import org.eclipse.collections.api.factory.Lists;
import org.eclipse.collections.api.list.ImmutableList;
import org.jspecify.annotations.Nullable;

/**
 * The iterations of an {@link InMemoryJobStore}: an index from each iteration id to its job's slot,
 * its current version and its creation sequence (which breaks ties of {@code order}), and the
 * writes and queries that go through it.
 *
 * <h2>Concurrency</h2>
 *
 * <p>A job's iterations live in its {@link Slot}'s {@link IterationLog}, and every write to an
 * iteration holds its job's monitor and publishes a new job version, exactly as a write to the job
 * does, so each job's list is linearizable. The index is written under the job's monitor right
 * after the job version is published, so {@link #find} (lock-free, O(1)) may trail a job's list by
 * that one step but never goes back. Deleting a job unindexes its iterations ({@link #forget})
 * under its monitor, after withdrawing it.
 *
 * <p>Moving an iteration ({@link #update} with a new {@code job}) holds both jobs' monitors and
 * publishes the source job without it, then the target job with it: a reader of either job sees it
 * there until the move, or from then on, never both ways. Since the function that names the target
 * runs under the source's monitor, the monitors cannot be taken in a fixed order; instead every
 * {@code update} first takes one store-wide lock, so at most one thread ever holds two monitors and
 * no cycle of waits can form (every other writer holds one monitor and waits for nothing while
 * holding it). Updates of iterations therefore wait for each other, not for other writes. A reader
 * of job A then job B may see a moving iteration in both or in neither, as per-job linearizability
 * allows; a scan of every job ({@link #list} without {@code job}) returns each id once.
 */
final class IterationIndex {

  private final ConcurrentHashMap<UUID, Slot> jobs;
  private final ChangeGuard guard;
  private final Watchers watchers;

  /** Every iteration by id. */
  private final ConcurrentHashMap<UUID, Located> byId = new ConcurrentHashMap<>();

  /** Held by {@link #update} around its job's monitor, so a move may lock a second job. */
  private final ReentrantLock updates = new ReentrantLock();

  /** An index of the iterations of {@code jobs}, the store's own map, which it only reads. */
  IterationIndex(ConcurrentHashMap<UUID, Slot> jobs, ChangeGuard guard, Watchers watchers) {
    this.jobs = jobs;
    this.guard = guard;
    this.watchers = watchers;
  }

  /**
   * The slot of the job a create or a move names.
   *
   * @throws ValidationException on {@code job} when there is no such job
   */
  Slot jobNamed(UUID jobId) {
    Slot slot = jobs.get(jobId);
    if (slot == null) {
      throw new ValidationException(Violation.doesNotExist("job", jobId));
    }
    return slot;
  }

  /**
   * The live version of the job a create or a move names, {@code slot}'s; the caller holds its
   * monitor.
   *
   * @throws ValidationException on {@code job} when the job was deleted meanwhile
   */
  static Job liveJobNamed(Slot slot, UUID jobId) {
    Job job = slot.live();
    if (job == null) {
      throw new ValidationException(Violation.doesNotExist("job", jobId));
    }
    return job;
  }

  /**
   * Stores {@code iteration}, created {@code sequence}-th, in {@code current}, the live job of
   * {@code slot}, whose monitor the caller holds.
   *
   * @throws IllegalStateException when the id is taken (the id generator repeated itself)
   */
  Iteration insert(Slot slot, Job current, Iteration iteration, long sequence) {
    if (byId.containsKey(iteration.id())) {
      throw new IllegalStateException("The id generator returned " + iteration.id() + " twice");
    }
    slot.publish(current.withIterations(slot.iterations().insert(iteration, sequence)));
    byId.put(iteration.id(), new Located(slot, iteration, sequence));
    watchers.iterationCreated(slot, iteration);
    return iteration;
  }

  /**
   * {@link JobStore#restore}: the caller has put {@code slot} in the store's map, not yet live, and
   * holds its monitor. Checks that no iteration id of {@code job} is taken, under the lock that
   * moves hold too, so two restores cannot both take one id; then fills the slot's log, runs {@code
   * index} (which adds the job to the store's indexes), publishes the job and indexes its
   * iterations.
   *
   * @throws IllegalStateException when an iteration id is taken; nothing has changed
   */
  Job restore(Slot slot, Job job, LongSupplier sequence, Runnable index) {
    updates.lock();
    try {
      for (Iteration iteration : job.iterations()) {
        if (byId.containsKey(iteration.id())) {
          throw new IllegalStateException(
              "An iteration with id " + iteration.id() + " is already stored.");
        }
      }
      List<Located> located = new ArrayList<>(job.iterations().size());
      ImmutableList<Iteration> stored = Lists.immutable.empty();
      for (Iteration iteration : job.iterations()) {
        long created = sequence.getAsLong();
        stored = slot.iterations().insert(iteration, created);
        located.add(new Located(slot, iteration, created));
      }
      Job restored = job.withIterations(stored);
      index.run();
      slot.publish(restored);
      located.forEach(each -> byId.put(each.iteration().id(), each));
      watchers.jobCreated(restored);
      return restored;
    } finally {
      updates.unlock();
    }
  }

  Optional<Iteration> find(UUID id) {
    Located located = byId.get(id);
    return located == null ? Optional.empty() : Optional.of(located.iteration());
  }

  /** {@link JobStore#updateIteration}: see the class comment for how a move locks. */
  Iteration update(UUID id, UnaryOperator<Iteration> change) {
    updates.lock();
    try {
      Located found = byId.get(id);
      if (found == null) {
        throw new IterationNotFoundException(id);
      }
      Slot from = found.slot();
      synchronized (from) {
        // Only this method moves iterations, and it holds the lock: the slot is still its.
        Located current = byId.get(id);
        if (current == null) {
          throw new IterationNotFoundException(id);
        }
        Iteration changed = guard.apply(change, current.iteration());
        JobStoreRules.checkIterationChange(current.iteration(), changed, jobs::containsKey);
        Job source = from.current(current.iteration().job());
        if (changed.job().equals(current.iteration().job())) {
          from.publish(source.withIterations(from.iterations().replace(changed)));
          byId.put(id, new Located(from, changed, current.sequence()));
          watchers.iterationUpdated(from, current.iteration(), changed);
          return changed;
        }
        Slot to = jobNamed(changed.job());
        synchronized (to) {
          Job target = liveJobNamed(to, changed.job());
          from.publish(source.withIterations(from.iterations().remove(id)));
          to.publish(target.withIterations(to.iterations().insert(changed, current.sequence())));
          byId.put(id, new Located(to, changed, current.sequence()));
          watchers.iterationMoved(from, to, current.iteration(), changed);
          return changed;
        }
      }
    } finally {
      updates.unlock();
    }
  }

  /** {@link JobStore#deleteIteration}. */
  boolean delete(UUID id) {
    while (true) {
      Located found = byId.get(id);
      if (found == null) {
        return false;
      }
      Slot slot = found.slot();
      synchronized (slot) {
        Located current = byId.get(id);
        if (current == null) {
          return false;
        }
        if (current.slot() == slot) {
          Job job = slot.current(current.iteration().job());
          slot.publish(job.withIterations(slot.iterations().remove(id)));
          byId.remove(id);
          watchers.iterationDeleted(slot, current.iteration());
          return true;
        }
      }
      // The iteration moved to another job before this thread locked the first: try there.
    }
  }

  /** Unindexes every iteration of a deleted job; the caller holds its slot's monitor. */
  void forget(Slot slot) {
    slot.iterations().ids().forEach(byId::remove);
  }

  /** {@link JobStore#listIterations}. */
  Page<Iteration> list(IterationQuery query) {
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
    return Pages.slice(hits, IterationHit::iteration, query.page(), query.pageSize());
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
        Located located = byId.get(iteration.id());
        if (located != null && (seen == null || seen.add(iteration.id()))) {
          hits.add(new IterationHit(iteration, located.sequence()));
        }
      }
    }
  }

  /**
   * Where an iteration is: its job's slot, its current version, and its creation sequence, which
   * breaks ties of {@code order} and never changes. Replaced under the job's monitor.
   */
  private record Located(Slot slot, Iteration iteration, long sequence) {}
}
