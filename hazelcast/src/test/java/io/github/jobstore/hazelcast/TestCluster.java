package io.github.jobstore.hazelcast;

import com.hazelcast.client.HazelcastClient;
import com.hazelcast.client.config.ClientConfig;
import com.hazelcast.config.Config;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.config.NetworkConfig;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A cluster of members in this JVM: loopback TCP only (multicast and auto-detection off), no
 * phone-home, no logging, no shutdown hook, {@value #PARTITIONS} partitions, and a cluster name of
 * its own, so that no other cluster on the machine can join it. {@link #close()} terminates every
 * member and client it started.
 *
 * <p>A test class that shares one cluster registers it as an extension, {@code @RegisterExtension
 * static final TestCluster CLUSTER = TestCluster.forEachClass(2);}: the members start before the
 * class's first test and stop after its last, and every store {@link #newStore} made is destroyed
 * after each test. A test that needs a cluster of its own (to stop a member) uses {@link #start}.
 */
final class TestCluster
    implements BeforeAllCallback, AfterEachCallback, AfterAllCallback, AutoCloseable {

  private static final int FIRST_PORT = 5701;
  private static final int PORTS = 20;
  private static final int PARTITIONS = 23;
  private static final AtomicInteger STORES = new AtomicInteger();

  private final String name = "jobstore-test-" + UUID.randomUUID();
  private final int size;
  private final List<HazelcastInstance> members = new ArrayList<>();
  private final List<HazelcastInstance> clients = new ArrayList<>();
  private final List<HazelcastJobStore> stores = new ArrayList<>();
  private int made;

  private TestCluster(int size) {
    this.size = size;
  }

  /** Starts a cluster of {@code size} members and waits until they have all joined. */
  static TestCluster start(int size) {
    TestCluster cluster = new TestCluster(size);
    cluster.startMembers();
    return cluster;
  }

  /**
   * A cluster of {@code size} members for a test class, as an extension (see the class comment).
   */
  static TestCluster forEachClass(int size) {
    return new TestCluster(size);
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    startMembers();
  }

  @Override
  public void afterEach(ExtensionContext context) {
    destroyStores();
  }

  @Override
  public void afterAll(ExtensionContext context) {
    close();
  }

  private void startMembers() {
    for (int i = 0; i < size; i++) {
      addMember();
    }
  }

  /**
   * Returns a store of a name no other store has, on the members in turn, configured by {@code
   * configure}; destroyed by {@link #destroyStores()}.
   */
  synchronized HazelcastJobStore newStore(UnaryOperator<HazelcastJobStore.Builder> configure) {
    HazelcastJobStore store =
        configure
            .apply(HazelcastJobStore.builder(member(made++ % members.size())).name(storeName()))
            .build();
    stores.add(store);
    return store;
  }

  /** Destroys every store {@link #newStore} made so far, and its jobs. */
  synchronized void destroyStores() {
    stores.forEach(HazelcastJobStore::destroy);
    stores.clear();
  }

  /** A store name no other store of this JVM has, so tests never share jobs. */
  static String storeName() {
    return "test-store-" + STORES.incrementAndGet();
  }

  /** Starts one more member, which joins the others. */
  HazelcastInstance addMember() {
    Config config = new Config().setClusterName(name);
    config.setProperty("hazelcast.phone.home.enabled", "false");
    config.setProperty("hazelcast.shutdownhook.enabled", "false");
    config.setProperty("hazelcast.logging.type", "none");
    config.setProperty("hazelcast.wait.seconds.before.join", "0");
    // A query, an index and a map's destruction visit every partition: the default 271 cost the
    // tests' small maps milliseconds each, for nothing.
    config.setProperty("hazelcast.partition.count", String.valueOf(PARTITIONS));
    NetworkConfig network = config.getNetworkConfig();
    network.setPort(FIRST_PORT).setPortAutoIncrement(true).setPortCount(PORTS);
    network.getInterfaces().setEnabled(true).addInterface("127.0.0.1");
    JoinConfig join = network.getJoin();
    join.getMulticastConfig().setEnabled(false);
    join.getAutoDetectionConfig().setEnabled(false);
    join.getTcpIpConfig().setEnabled(true);
    // One address at a time: Hazelcast reads "host:first-last" as a port, not a range.
    for (int port = FIRST_PORT; port < FIRST_PORT + PORTS; port++) {
      join.getTcpIpConfig().addMember("127.0.0.1:" + port);
    }
    HazelcastInstance member = Hazelcast.newHazelcastInstance(config);
    members.add(member);
    return member;
  }

  /** The {@code index}th member started (from 0). */
  HazelcastInstance member(int index) {
    return members.get(index);
  }

  /** Starts a client of this cluster. */
  HazelcastInstance newClient() {
    ClientConfig config = new ClientConfig().setClusterName(name);
    config.setProperty("hazelcast.phone.home.enabled", "false");
    config.setProperty("hazelcast.logging.type", "none");
    config.setProperty("hazelcast.shutdownhook.enabled", "false");
    for (HazelcastInstance member : members) {
      if (member.getLifecycleService().isRunning()) {
        config
            .getNetworkConfig()
            .addAddress("127.0.0.1:" + member.getCluster().getLocalMember().getAddress().getPort());
      }
    }
    HazelcastInstance client = HazelcastClient.newHazelcastClient(config);
    clients.add(client);
    return client;
  }

  /** Terminates every client, then every member, at once (no graceful migration). */
  @Override
  public void close() {
    clients.forEach(client -> client.getLifecycleService().terminate());
    members.forEach(member -> member.getLifecycleService().terminate());
  }
}
