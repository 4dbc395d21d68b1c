package io.github.jobstore.hazelcast;

import io.github.jobstore.store.JobStore;
import io.github.jobstore.testkit.contract.JobStoreModelContract;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;

/**
 * Random sequences of every operation against {@link HazelcastJobStore} on a two-member cluster,
 * checked step by step against the reference model. Each sequence makes a store (some 20 ms) and
 * each step is one or more round trips, so fewer sequences run than against the in-memory store:
 * the coverage of searches and ties is measured there, on the same draws.
 */
class HazelcastJobStoreModelTest extends JobStoreModelContract {

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
    synchronized (made) {
      made.forEach(HazelcastJobStore::destroy);
      made.clear();
      HazelcastJobStore store =
          HazelcastJobStore.builder(cluster.member(stores++ % 2))
              .name(TestCluster.storeName())
              .clock(clock)
              .idGenerator(idGenerator)
              .build();
      made.add(store);
      return store;
    }
  }

  @Override
  protected int shortSequences() {
    return 100;
  }

  @Override
  protected int longSequences() {
    return 1;
  }

  @AfterEach
  void destroyStores() {
    synchronized (made) {
      made.forEach(HazelcastJobStore::destroy);
      made.clear();
    }
  }
}
