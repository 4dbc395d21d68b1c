package io.github.jobstore.hazelcast;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.jobstore.core.Job;
import io.github.jobstore.json.JobStoreSnapshot;
import io.github.jobstore.store.InMemoryJobStore;
import io.github.jobstore.store.IterationQuery;
import io.github.jobstore.store.JobQuery;
import io.github.jobstore.store.JobStore;
import io.github.jobstore.testkit.JobGenerators;
import java.io.IOException;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.eclipse.collections.api.list.ImmutableList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Snapshots move jobs between memory and a cluster exactly: ids, timestamps, statuses, every field
 * and every iteration, in the same order for every query.
 */
class HazelcastSnapshotTest {

  @RegisterExtension static final TestCluster CLUSTER = TestCluster.forEachClass(2);

  @TempDir Path directory;

  @Test
  void jobsMoveFromMemoryToTheClusterAndBackExactly() throws IOException {
    InMemoryJobStore memory = InMemoryJobStore.create();
    SplittableRandom random = new SplittableRandom(2026);
    for (int i = 0; i < 300; i++) {
      memory.restore(JobGenerators.validJobs().next(random));
    }
    String name = TestCluster.storeName();
    HazelcastJobStore clustered = HazelcastJobStore.builder(CLUSTER.member(0)).name(name).build();
    HazelcastJobStore onOtherMember =
        HazelcastJobStore.builder(CLUSTER.member(1)).name(name).build();
    Path out = directory.resolve("memory.jsonl");
    Path back = directory.resolve("cluster.jsonl");

    assertThat(JobStoreSnapshot.write(memory, out)).isEqualTo(300);
    assertThat(JobStoreSnapshot.read(out, clustered)).isEqualTo(300);
    assertThat(JobStoreSnapshot.write(clustered, back)).isEqualTo(300);
    InMemoryJobStore returned = InMemoryJobStore.create();
    assertThat(JobStoreSnapshot.read(back, returned)).isEqualTo(300);

    assertThat(everyJob(clustered)).isEqualTo(everyJob(memory));
    assertThat(everyJob(returned)).isEqualTo(everyJob(memory));
    assertThat(everyIteration(clustered)).isEqualTo(everyIteration(memory));
    for (Job job : everyJob(memory)) {
      assertThat(onOtherMember.get(job.id())).isEqualTo(job);
    }
    clustered.destroy();
  }

  private static ImmutableList<Job> everyJob(JobStore store) {
    return store.list(JobQuery.builder().pageSize(1_000).build()).results();
  }

  private static ImmutableList<?> everyIteration(JobStore store) {
    return store
        .listIterations(IterationQuery.builder().ordering("created_at").pageSize(10_000).build())
        .results();
  }
}
