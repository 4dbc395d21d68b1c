package io.github.jobstore.hazelcast;

import io.github.jobstore.store.JobStore;
import io.github.jobstore.testkit.contract.JobStoreModelContract;
import java.time.Clock;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Random sequences of every operation against {@link HazelcastJobStore} on a two-member cluster,
 * checked step by step against the reference model. Each sequence makes a store (some 20 ms) and
 * each step is one or more round trips, so fewer sequences run than against the in-memory store:
 * the coverage of searches and ties is measured there, on the same draws.
 */
class HazelcastJobStoreModelTest extends JobStoreModelContract {

  @RegisterExtension static final TestCluster CLUSTER = TestCluster.forEachClass(2);

  /** A store for each sequence; the one before it is done with, so it goes. */
  @Override
  protected JobStore newStore(Clock clock, Supplier<UUID> idGenerator) {
    CLUSTER.destroyStores();
    return CLUSTER.newStore(store -> store.clock(clock).idGenerator(idGenerator));
  }

  @Override
  protected int shortSequences() {
    return 100;
  }

  @Override
  protected int longSequences() {
    return 1;
  }
}
