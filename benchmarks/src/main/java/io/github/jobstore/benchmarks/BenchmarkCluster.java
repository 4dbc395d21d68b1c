package io.github.jobstore.benchmarks;

import com.hazelcast.config.Config;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.config.NetworkConfig;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A Hazelcast cluster of members in this JVM, for {@link HazelcastBenchmark}: loopback TCP only
 * (multicast and auto-detection off), no phone-home, no logging, no shutdown hook, and a cluster
 * name of its own, so that no other cluster on the machine (a build's test clusters use ports from
 * 5701) joins it. {@link #close()} terminates every member.
 */
final class BenchmarkCluster implements AutoCloseable {

  /** Above the test clusters' ports, so that joining does not knock on their members first. */
  private static final int FIRST_PORT = 5801;

  private static final int PORTS = 20;

  private final String name = "jobstore-bench-" + UUID.randomUUID();
  private final List<HazelcastInstance> members = new ArrayList<>();

  private BenchmarkCluster() {}

  /** Starts {@code size} members; each returns once it has joined the ones before it. */
  static BenchmarkCluster start(int size) {
    BenchmarkCluster cluster = new BenchmarkCluster();
    try {
      for (int i = 0; i < size; i++) {
        cluster.addMember();
      }
    } catch (RuntimeException e) {
      cluster.close();
      throw e;
    }
    return cluster;
  }

  private void addMember() {
    Config config = new Config().setClusterName(name);
    config.setProperty("hazelcast.phone.home.enabled", "false");
    config.setProperty("hazelcast.shutdownhook.enabled", "false");
    config.setProperty("hazelcast.logging.type", "none");
    config.setProperty("hazelcast.wait.seconds.before.join", "0");
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
    members.add(Hazelcast.newHazelcastInstance(config));
  }

  /** The {@code index}th member started (from 0). */
  HazelcastInstance member(int index) {
    return members.get(index);
  }

  /** Terminates every member at once (no graceful migration: the data is thrown away). */
  @Override
  public void close() {
    members.forEach(member -> member.getLifecycleService().terminate());
  }
}
