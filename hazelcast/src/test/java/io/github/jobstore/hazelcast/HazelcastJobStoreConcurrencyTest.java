package io.github.jobstore.hazelcast;

import io.github.jobstore.store.JobStore;
import io.github.jobstore.testkit.contract.JobStoreConcurrencyContract;
import java.util.Objects;
import org.jetbrains.lincheck.datastructures.StressOptions;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;

/**
 * The concurrency contract (Lincheck and the stress tests) against {@link HazelcastJobStore} on a
 * two-member cluster, stores alternating between the members. Lincheck makes a store per scenario
 * run: each new store destroys the one before, which no run uses any more.
 */
public class HazelcastJobStoreConcurrencyTest extends JobStoreConcurrencyContract {

  private static @Nullable TestCluster cluster;
  private static @Nullable HazelcastJobStore previous;
  private static int stores;

  @BeforeAll
  static void startCluster() {
    cluster = TestCluster.start(2);
  }

  @AfterAll
  static void stopCluster() {
    if (cluster != null) {
      cluster.close();
    }
  }

  @Override
  protected StressOptions linearizabilityOptions() {
    return super.linearizabilityOptions().iterations(20).invocationsPerIteration(50);
  }

  @Override
  protected JobStore newStore() {
    synchronized (HazelcastJobStoreConcurrencyTest.class) {
      if (previous != null) {
        previous.destroy();
      }
      previous =
          HazelcastJobStore.builder(Objects.requireNonNull(cluster).member(stores++ % 2))
              .name(TestCluster.storeName())
              .build();
      return previous;
    }
  }

  @AfterEach
  void destroyLastStore() {
    synchronized (HazelcastJobStoreConcurrencyTest.class) {
      if (previous != null) {
        previous.destroy();
        previous = null;
      }
    }
  }
}
