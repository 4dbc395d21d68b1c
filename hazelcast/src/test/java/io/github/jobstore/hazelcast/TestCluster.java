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

/**
 * A cluster of members in this JVM, for one test class: loopback TCP only (multicast and
 * auto-detection off), no phone-home, no logging, no shutdown hook, and a cluster name of its own,
 * so that no other cluster on the machine can join it. {@link #close()} terminates every member and
 * client it started.
 */
final class TestCluster implements AutoCloseable {

  private static final int FIRST_PORT = 5701;
  private static final int PORTS = 20;
  private static final int PARTITIONS = 23;
  private static final AtomicInteger STORES = new AtomicInteger();

  private final String name = "jobstore-test-" + UUID.randomUUID();
  private final List<HazelcastInstance> members = new ArrayList<>();
  private final List<HazelcastInstance> clients = new ArrayList<>();

  private TestCluster() {}

  /** Starts a cluster of {@code size} members and waits until they have all joined. */
  static TestCluster start(int size) {
    TestCluster cluster = new TestCluster();
    for (int i = 0; i < size; i++) {
      cluster.addMember();
    }
    return cluster;
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
