package io.github.jobstore.hazelcast;

import io.github.jobstore.store.JobStore;
import io.github.jobstore.testkit.contract.JobStoreContract;
import java.time.Clock;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The whole store contract against {@link HazelcastJobStore} on a two-member cluster: each test's
 * store is on one member and its jobs are spread over both (every other test on the other member).
 */
class HazelcastJobStoreTest extends JobStoreContract {

  @RegisterExtension static final TestCluster CLUSTER = TestCluster.forEachClass(2);

  @Override
  protected JobStore newStore(Clock clock, Supplier<UUID> idGenerator) {
    return CLUSTER.newStore(store -> store.clock(clock).idGenerator(idGenerator));
  }
}
