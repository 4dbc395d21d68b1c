package io.github.jobstore.examples;

import static org.assertj.core.api.Assertions.assertThat;

import com.hazelcast.core.Hazelcast;
import io.github.jobstore.store.InMemoryJobStore;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.eclipse.collections.api.factory.Lists;
import org.eclipse.collections.api.list.ImmutableList;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Runs {@link ClusterExample} once, in this JVM, and checks what it printed and returned against
 * {@link PromptTuningSimulation} on an {@code InMemoryJobStore} with the same seed.
 */
class ClusterExampleTest {

  private static final int JOBS = PromptTuningSimulation.JOBS;
  private static final Pattern PROGRESS =
      Pattern.compile(
          "\\[monitor] pending=0 running=\\d+ completed=(\\d+) failed=(\\d+) cancelled=0");
  private static final Pattern SEEN =
      Pattern.compile(
          "Through each member's store: member 1 \\(\\S+\\) (\\d+) jobs,"
              + " member 2 \\(\\S+\\) (\\d+) jobs, the same jobs");

  private static Set<Thread> threadsBefore = Set.of();
  private static ClusterExample.Result result =
      new ClusterExample.Result(Lists.immutable.empty(), List.of(), false);
  private static String output = "";

  @BeforeAll
  static void runTheExample() throws InterruptedException {
    threadsBefore = nonDaemonThreads();
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
      result = ClusterExample.run(out);
    }
    output = bytes.toString(StandardCharsets.UTF_8);
  }

  @Test
  void itPrintsTheSummaryThatTheInMemorySimulationPrintsForTheSameSeed()
      throws InterruptedException {
    InMemoryJobStore store = PromptTuningSimulation.newStore();
    ImmutableList<ProjectSummary> expected =
        PromptTuningSimulation.run(store, PromptTuningSimulation.SEED, JOBS, line -> {});

    assertThat(result.summaries()).isEqualTo(expected);
    assertThat(output).contains(PromptTuningSimulation.summary(store, expected));
    assertThat(output).contains("\nTop 3 jobs by improvement:\n");
  }

  @Test
  void itPrintsAHeaderThenTheMonitorsQuartersThenItsDoneLine() {
    List<String> lines = output.lines().collect(Collectors.toList());

    assertThat(lines.get(0))
        .isEqualTo(
            "Prompt tuning on a 2-member Hazelcast cluster: 24 jobs on 4 workers, seed 20240501");
    for (int i = 1; i <= 3; i++) {
      Matcher line = PROGRESS.matcher(lines.get(i));
      assertThat(line.matches()).as(lines.get(i)).isTrue();
      assertThat(Integer.parseInt(line.group(1)) + Integer.parseInt(line.group(2)))
          .as(lines.get(i))
          .isEqualTo(6 * i);
    }
    assertThat(lines.get(4))
        .isEqualTo(
            String.format(
                "[monitor] done: pending=0 running=0 completed=%d failed=%d cancelled=0",
                result.summaries().sumOfInt(ProjectSummary::completed),
                result.summaries().sumOfInt(ProjectSummary::failed)));
    assertThat(lines.get(5)).isEmpty();
    assertThat(lines.get(6)).startsWith("project    jobs  completed  failed");
  }

  @Test
  void bothMembersStoresSeeEveryJob() {
    assertThat(result.jobsPerMember()).containsExactly(JOBS, JOBS);
    assertThat(result.sameJobs()).isTrue();
    assertThat(result.summaries().sumOfInt(ProjectSummary::jobs)).isEqualTo(JOBS);

    List<String> lines = output.lines().collect(Collectors.toList());
    Matcher seen = SEEN.matcher(lines.get(lines.size() - 1));
    assertThat(seen.matches()).as(lines.get(lines.size() - 1)).isTrue();
    assertThat(seen.group(1)).isEqualTo(String.valueOf(JOBS));
    assertThat(seen.group(2)).isEqualTo(String.valueOf(JOBS));
  }

  @Test
  void itStopsBothMembersAndLeavesNoThreadThatWouldKeepTheJvmAlive() throws InterruptedException {
    assertThat(Hazelcast.getAllHazelcastInstances()).isEmpty();

    // The workers' pool and Hazelcast's threads end shortly after the run returns.
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    Set<Thread> left = newNonDaemonThreads();
    while (!left.isEmpty() && System.nanoTime() < deadline) {
      Thread.sleep(50);
      left = newNonDaemonThreads();
    }
    assertThat(left).extracting(Thread::getName).isEmpty();
  }

  private static Set<Thread> newNonDaemonThreads() {
    Set<Thread> threads = nonDaemonThreads();
    threads.removeAll(threadsBefore);
    return threads;
  }

  private static Set<Thread> nonDaemonThreads() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(thread -> thread.isAlive() && !thread.isDaemon())
        .collect(Collectors.toSet());
  }
}
