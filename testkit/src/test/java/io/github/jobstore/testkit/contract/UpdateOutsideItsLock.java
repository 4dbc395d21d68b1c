package io.github.jobstore.testkit.contract;

import io.github.jobstore.core.Job;
import io.github.jobstore.store.InMemoryJobStore;
import java.util.UUID;
import java.util.function.UnaryOperator;

/**
 * A broken store: an {@link InMemoryJobStore} whose {@code update} computes the new version from a
 * version it read before taking the job's lock, then stores it. Two concurrent updates of one job
 * can then both start from the same version, and one is lost. Sequentially it behaves exactly as
 * the store it wraps.
 */
final class UpdateOutsideItsLock extends ForwardingJobStore {

  private final InMemoryJobStore store;

  UpdateOutsideItsLock() {
    this(InMemoryJobStore.create());
  }

  private UpdateOutsideItsLock(InMemoryJobStore store) {
    super(store);
    this.store = store;
  }

  @Override
  public Job update(UUID id, UnaryOperator<Job> change) {
    Job changed = change.apply(get(id));
    return store.update(id, current -> changed.withIterations(current.iterations()));
  }
}
