package io.github.jobstore.hazelcast;

import io.github.jobstore.store.JobStore;
import io.github.jobstore.testkit.contract.JobStoreContract;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;

/**
 * The whole store contract against {@link HazelcastJobStore} on a two-member cluster: each test's
 * store is on one member and its jobs are spread over both (every other test on the other member).
 */
class HazelcastJobStoreTest extends JobStoreContract {

  private static TestCluster cluster;
  private static int stores;

  private final List<HazelcastJobStore> made = new ArrayList<>();

  @BeforeAll
  static void startCluster() {
    cluster = TestCluster.start(2);
  }

  @AfterAll
  static void stopCluster() {
    cluster.close();
  }

  @Override
  protected JobStore newStore(Clock clock, Supplier<UUID> idGenerator) {
    HazelcastJobStore store =
        HazelcastJobStore.builder(cluster.member(stores++ % 2))
            .name(TestCluster.storeName())
            .clock(clock)
            .idGenerator(idGenerator)
            .build();
    made.add(store);
    return store;
  }

  @AfterEach
  void destroyStores() {
    made.forEach(HazelcastJobStore::destroy);
  }
}
