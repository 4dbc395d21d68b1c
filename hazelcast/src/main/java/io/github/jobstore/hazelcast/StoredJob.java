package io.github.jobstore.hazelcast;

import io.github.jobstore.core.Iteration;
import io.github.jobstore.core.Job;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.collections.api.factory.Lists;
import org.eclipse.collections.api.list.ImmutableList;
import org.jspecify.annotations.Nullable;

/**
 * A job as the jobs map holds it: the job (its iterations in its own order), its creation sequence,
 * how many writes it has seen, and what the last one was, so that an entry event names its {@link
 * io.github.jobstore.store.JobEvent}. Immutable.
 *
 * @param job the job, whose iterations are {@code iterations}' in the same order
 * @param sequence when the job was created (or restored), among everything this store created
 * @param version 1 when created, one more with each write
 * @param write what the last write was
 * @param written the iteration the last write created, changed, moved in or deleted, if any
 * @param movedFrom for {@link Write#MOVE_IN}: the moved iteration's version before the move
 */
record StoredJob(
    Job job,
    long sequence,
    long version,
    ImmutableList<StoredIteration> iterations,
    Write write,
    @Nullable UUID written,
    @Nullable Iteration movedFrom) {

  /** A new job, or a restored one whose iterations are {@code iterations}. */
  static StoredJob created(
      Job job, long sequence, ImmutableList<StoredIteration> iterations, Write write) {
    return new StoredJob(
        job.withIterations(iterations.collect(StoredIteration::iteration)),
        sequence,
        1,
        iterations,
        write,
        null,
        null);
  }

  /** The next version: {@code job}'s fields, this version's iterations. */
  StoredJob updated(Job job) {
    return new StoredJob(
        job.withIterations(this.job.iterations()),
        sequence,
        version + 1,
        iterations,
        Write.UPDATE,
        null,
        null);
  }

  /** The iteration with this id, if the job has it. */
  Optional<StoredIteration> iteration(UUID id) {
    return Optional.ofNullable(iterations.detect(stored -> stored.iteration().id().equals(id)));
  }

  /** The highest order of the job's iterations, 0 for none. */
  long highestOrder() {
    return iterations.isEmpty() ? 0 : iterations.getLast().iteration().order().orElseThrow();
  }

  /** The next version, with {@code added} in its place by order, then creation. */
  StoredJob with(StoredIteration added, Write write, @Nullable Iteration movedFrom) {
    return next(placed(iterations, added), write, added.iteration().id(), movedFrom);
  }

  /** The next version, without the iteration {@code id}. */
  StoredJob without(UUID id, Write write) {
    return next(others(id), write, id, null);
  }

  /** The next version, with {@code changed} in place of its old version, placed by its order. */
  StoredJob replaced(Iteration changed) {
    long sequence = iteration(changed.id()).orElseThrow().sequence();
    return next(
        placed(others(changed.id()), new StoredIteration(changed, sequence)),
        Write.UPDATE_ITERATION,
        changed.id(),
        null);
  }

  private ImmutableList<StoredIteration> others(UUID id) {
    return iterations.reject(stored -> stored.iteration().id().equals(id));
  }

  /** {@code iterations} in their order, with {@code added} after every one not after it. */
  private static ImmutableList<StoredIteration> placed(
      ImmutableList<StoredIteration> iterations, StoredIteration added) {
    List<StoredIteration> placed = new ArrayList<>(iterations.size() + 1);
    boolean done = false;
    for (StoredIteration stored : iterations) {
      if (!done && StoredIteration.BY_ORDER.compare(added, stored) < 0) {
        placed.add(added);
        done = true;
      }
      placed.add(stored);
    }
    if (!done) {
      placed.add(added);
    }
    return Lists.immutable.withAll(placed);
  }

  private StoredJob next(
      ImmutableList<StoredIteration> iterations,
      Write write,
      @Nullable UUID written,
      @Nullable Iteration movedFrom) {
    return new StoredJob(
        job.withIterations(iterations.collect(StoredIteration::iteration)),
        sequence,
        version + 1,
        iterations,
        write,
        written,
        movedFrom);
  }
}
