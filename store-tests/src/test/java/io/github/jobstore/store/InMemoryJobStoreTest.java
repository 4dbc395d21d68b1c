package io.github.jobstore.store;

import io.github.jobstore.testkit.contract.JobStoreContract;
import java.time.Clock;
import java.util.UUID;
import java.util.function.Supplier;

/** Runs the {@link JobStore} contract suite against {@link InMemoryJobStore}. */
class InMemoryJobStoreTest extends JobStoreContract {

  @Override
  protected JobStore newStore(Clock clock, Supplier<UUID> ids) {
    return InMemoryJobStore.builder().clock(clock).idGenerator(ids).build();
  }
}
