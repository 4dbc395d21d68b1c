package io.github.jobstore.hazelcast;

import io.github.jobstore.store.JobStore;
import io.github.jobstore.testkit.contract.JobStoreConcurrencyContract;
import org.jetbrains.lincheck.datastructures.StressOptions;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The concurrency contract (Lincheck and the stress tests) against {@link HazelcastJobStore} on a
 * two-member cluster, stores alternating between the members. Lincheck makes a store per scenario
 * run: each new store destroys the one before, which no run uses any more. Its operations cost some
 * 100 µs each (a cluster lock, a read and a write over loopback TCP), so Lincheck runs a tenth of
 * the in-memory store's scenario runs.
 */
public class HazelcastJobStoreConcurrencyTest extends JobStoreConcurrencyContract {

  @RegisterExtension static final TestCluster CLUSTER = TestCluster.forEachClass(2);

  @Override
  protected StressOptions linearizabilityOptions() {
    return super.linearizabilityOptions().iterations(20).invocationsPerIteration(50);
  }

  @Override
  protected JobStore newStore() {
    CLUSTER.destroyStores();
    return CLUSTER.newStore(store -> store);
  }
}
