package io.github.jobstore.store;

import io.github.jobstore.testkit.contract.JobStoreModelContract;
import java.time.Clock;
import java.util.UUID;
import java.util.function.Supplier;

/** {@link InMemoryJobStore} against the model-based contract, with its default sequence counts. */
class InMemoryJobStoreModelTest extends JobStoreModelContract {

  @Override
  protected JobStore newStore(Clock clock, Supplier<UUID> idGenerator) {
    return InMemoryJobStore.builder().clock(clock).idGenerator(idGenerator).build();
  }
}
