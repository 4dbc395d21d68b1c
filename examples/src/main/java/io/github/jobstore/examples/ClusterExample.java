package io.github.jobstore.examples;

import com.hazelcast.config.Config;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.config.NetworkConfig;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import io.github.jobstore.core.Job;
import io.github.jobstore.hazelcast.HazelcastJobStore;
import io.github.jobstore.store.JobQuery;
import io.github.jobstore.store.JobStore;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.eclipse.collections.api.list.ImmutableList;

/**
 * {@link PromptTuningSimulation} on a Hazelcast cluster: two members started in this JVM, one
 * {@link HazelcastJobStore} of the same name on each, half of the jobs run through each member's
 * store, one monitor subscribed to the first store that hears the writes of both. The summary is
 * the one {@link PromptTuningSimulation} prints for the same seed; the last line lists the jobs
 * through each member's store, to show that both see the same ones.
 *
 * <p>In production each member would be its own JVM (or the application a client of an existing
 * cluster); the stores are built the same way.
 */
public final class ClusterExample {

  /**
   * The store's name: its maps are {@code prompt-tuning.jobs}, {@code .iterations}, {@code .meta}.
   */
  private static final String STORE = "prompt-tuning";

  private static final int FIRST_PORT = 5701;
  private static final int PORTS = 20;

  private ClusterExample() {}

  /** Starts the cluster, runs the simulation, prints what {@link #run} prints, then stops it. */
  public static void main(String[] args) throws InterruptedException {
    run(System.out);
  }

  /**
   * What {@link #run} found: the summaries, and how many jobs each member's store lists.
   *
   * @param summaries one per project of {@link PromptTuningSimulation#PROJECTS}, in that order
   * @param jobsPerMember the number of jobs each member's store lists, in the members' order
   * @param sameJobs whether every member's store lists the same job ids
   */
  public record Result(
      ImmutableList<ProjectSummary> summaries, List<Integer> jobsPerMember, boolean sameJobs) {

    /** Copies {@code jobsPerMember}. */
    public Result {
      jobsPerMember = List.copyOf(jobsPerMember);
    }
  }

  /**
   * Starts two members on loopback, runs {@link PromptTuningSimulation#JOBS} jobs with {@link
   * PromptTuningSimulation#SEED} through their stores, prints the header, the monitor's lines, the
   * summary and the jobs each member's store lists to {@code out}, and terminates both members,
   * even when the run fails.
   */
  public static Result run(PrintStream out) throws InterruptedException {
    // A cluster name of its own: members of other clusters on this machine (another run of this
    // example, a test) cannot join it, nor it them, even when they share ports.
    String clusterName = "jobstore-example-" + UUID.randomUUID();
    List<HazelcastInstance> members = new ArrayList<>();
    try {
      members.add(Hazelcast.newHazelcastInstance(memberConfig(clusterName)));
      members.add(Hazelcast.newHazelcastInstance(memberConfig(clusterName)));

      // The same name on every member: one set of jobs, whichever store writes or reads them.
      List<JobStore> stores = new ArrayList<>();
      for (HazelcastInstance member : members) {
        stores.add(HazelcastJobStore.builder(member).name(STORE).build());
      }

      out.printf(
          Locale.ROOT,
          "Prompt tuning on a %d-member Hazelcast cluster: %d jobs on %d workers, seed %d%n",
          members.get(0).getCluster().getMembers().size(), // 2 once the second has joined
          PromptTuningSimulation.JOBS,
          PromptTuningSimulation.WORKERS,
          PromptTuningSimulation.SEED);
      ImmutableList<ProjectSummary> summaries =
          PromptTuningSimulation.run(
              stores, PromptTuningSimulation.SEED, PromptTuningSimulation.JOBS, out::println);
      out.print(PromptTuningSimulation.summary(stores.get(0), summaries));

      // Every job, read through each member's store: the same ids, whichever store wrote them.
      JobQuery all = JobQuery.builder().pageSize(1_000).build();
      List<Set<UUID>> ids = new ArrayList<>();
      List<String> seen = new ArrayList<>();
      for (int i = 0; i < members.size(); i++) {
        Set<UUID> memberIds =
            stores.get(i).list(all).results().stream().map(Job::id).collect(Collectors.toSet());
        ids.add(memberIds);
        seen.add(
            String.format(
                Locale.ROOT,
                "member %d (%s) %d jobs",
                i + 1,
                members.get(i).getCluster().getLocalMember().getAddress(),
                memberIds.size()));
      }
      boolean same = ids.stream().distinct().count() == 1;
      out.println();
      out.printf(
          Locale.ROOT,
          "Through each member's store: %s, %s%n",
          String.join(", ", seen),
          same ? "the same jobs" : "NOT the same jobs");
      return new Result(summaries, ids.stream().map(Set::size).collect(Collectors.toList()), same);
    } finally {
      // Terminate, not shutdown: nothing to migrate, as the whole cluster goes. Without it the
      // members' threads would keep the JVM alive.
      members.forEach(member -> member.getLifecycleService().terminate());
    }
  }

  /** The configuration of one member, as a user would write it for a cluster on one machine. */
  static Config memberConfig(String clusterName) {
    Config config = new Config().setClusterName(clusterName);
    // No usage statistics sent to Hazelcast, no INFO logs mixed into the example's output.
    config.setProperty("hazelcast.phone.home.enabled", "false");
    config.setProperty("hazelcast.logging.type", "none");
    // The example terminates its members itself; no JVM shutdown hook needed.
    config.setProperty("hazelcast.shutdownhook.enabled", "false");
    // Join at once instead of waiting 5 seconds for more members to show up.
    config.setProperty("hazelcast.wait.seconds.before.join", "0");

    NetworkConfig network = config.getNetworkConfig();
    // Each member takes the first free port from 5701; bind to loopback only.
    network.setPort(FIRST_PORT).setPortAutoIncrement(true).setPortCount(PORTS);
    network.getInterfaces().setEnabled(true).addInterface("127.0.0.1");
    JoinConfig join = network.getJoin();
    // Find the other members over TCP at known addresses: no multicast, no cloud discovery.
    join.getMulticastConfig().setEnabled(false);
    join.getAutoDetectionConfig().setEnabled(false);
    join.getTcpIpConfig().setEnabled(true);
    // One address per port: Hazelcast does not read "127.0.0.1:5701-5720" as a range of ports.
    for (int port = FIRST_PORT; port < FIRST_PORT + PORTS; port++) {
      join.getTcpIpConfig().addMember("127.0.0.1:" + port);
    }
    return config;
  }
}
