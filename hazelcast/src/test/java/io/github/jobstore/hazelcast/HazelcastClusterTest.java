package io.github.jobstore.hazelcast;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.jobstore.core.Iteration;
import io.github.jobstore.core.IterationCreateParams;
import io.github.jobstore.core.Job;
import io.github.jobstore.core.JobCreateParams;
import io.github.jobstore.core.JobStatus;
import io.github.jobstore.store.IterationQuery;
import io.github.jobstore.store.JobEvent;
import io.github.jobstore.store.JobQuery;
import io.github.jobstore.store.JobUpdated;
import io.github.jobstore.testkit.JobStoreRecorder;
import io.github.jobstore.testkit.Parallel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * What only a cluster shows: stores on different members and on a client share one set of jobs,
 * writes through several members at once lose nothing, events of every member's writes reach every
 * member's subscribers, and losing a member loses no job and no iteration. Each test starts its own
 * cluster.
 */
class HazelcastClusterTest {

  private static final Duration WAIT = Duration.ofSeconds(10);

  @Test
  @Tag("racing")
  void concurrentWritesThroughTwoMembersLoseNothing() throws InterruptedException {
    try (TestCluster cluster = TestCluster.start(2)) {
      String name = TestCluster.storeName();
      List<HazelcastJobStore> stores = List.of(store(cluster, 0, name), store(cluster, 1, name));
      Job shared = stores.get(0).create(JobCreateParams.builder().numIterations(0L).build());
      Set<UUID> created = ConcurrentHashMap.newKeySet();
      int perThread = 100;

      Parallel.inParallel(
          4,
          thread ->
              () -> {
                HazelcastJobStore store = stores.get(thread % 2);
                for (int i = 0; i < perThread; i++) {
                  store.update(
                      shared.id(),
                      job -> job.withNumIterations(job.numIterations().orElseThrow() + 1));
                  store.appendIteration(
                      shared.id(),
                      IterationCreateParams.builder().iterationName("t" + thread).build());
                  created.add(store.create(JobCreateParams.builder().build()).id());
                }
                return null;
              });

      for (HazelcastJobStore store : stores) {
        Job job = store.get(shared.id());
        assertThat(job.numIterations()).contains(4L * perThread);
        assertThat(job.iterations())
            .extracting(iteration -> iteration.order().orElseThrow())
            .containsExactlyElementsOf(orders(4 * perThread));
        assertThat(created).hasSize(4 * perThread).allMatch(id -> store.find(id).isPresent());
        assertThat(store.list(JobQuery.builder().pageSize(1).build()).count())
            .isEqualTo(4 * perThread + 1);
      }
    }
  }

  @Test
  void terminatingAMemberLosesNoJobAndNoIteration() {
    try (TestCluster cluster = TestCluster.start(2)) {
      String name = TestCluster.storeName();
      HazelcastJobStore survivor = store(cluster, 0, name);
      HazelcastJobStore doomed = store(cluster, 1, name);
      List<Job> jobs = new ArrayList<>();
      List<Iteration> iterations = new ArrayList<>();
      for (int i = 0; i < 1_000; i++) {
        HazelcastJobStore store = i % 2 == 0 ? survivor : doomed;
        Job job =
            store.create(
                JobCreateParams.builder()
                    .status(JobStatus.values()[i % 5])
                    .promptSlug("p" + i)
                    .build());
        jobs.add(job);
        if (i % 4 == 0) {
          iterations.add(
              store.appendIteration(
                  job.id(), IterationCreateParams.builder().iterationName("i" + i).build()));
        }
      }

      cluster.member(1).getLifecycleService().terminate();

      for (Job job : jobs) {
        assertThat(survivor.get(job.id()).promptSlug()).isEqualTo(job.promptSlug());
      }
      for (Iteration iteration : iterations) {
        assertThat(survivor.getIteration(iteration.id())).isEqualTo(iteration);
        assertThat(survivor.get(iteration.job()).iterations()).containsExactly(iteration);
      }
      assertThat(survivor.list(JobQuery.builder().build()).count()).isEqualTo(jobs.size());
      assertThat(survivor.findByStatus(JobStatus.RUNNING)).hasSize(jobs.size() / 5);
      assertThat(survivor.listIterations(IterationQuery.builder().build()).count())
          .isEqualTo(iterations.size());
      Job later = survivor.create(JobCreateParams.builder().build());
      assertThat(survivor.list(JobQuery.builder().pageSize(1).build()).results())
          .containsExactly(later);
    }
  }

  @Test
  void aStoreOnAClientSeesWhatTheMembersSeeAndTheirsSeeItsWrites() throws Exception {
    try (TestCluster cluster = TestCluster.start(2)) {
      String name = TestCluster.storeName();
      HazelcastJobStore member = store(cluster, 0, name);
      HazelcastJobStore client = HazelcastJobStore.builder(cluster.newClient()).name(name).build();
      Job byMember = member.create(JobCreateParams.builder().promptSlug("member").build());
      Job byClient = client.create(JobCreateParams.builder().promptSlug("client").build());
      Iteration iteration =
          client.appendIteration(
              byMember.id(), IterationCreateParams.builder().iterationName("from client").build());

      assertThat(client.get(byMember.id())).isEqualTo(member.get(byMember.id()));
      assertThat(member.get(byClient.id())).isEqualTo(byClient);
      assertThat(member.getIteration(iteration.id())).isEqualTo(iteration);
      assertThat(client.list(JobQuery.builder().build()).results())
          .containsExactly(byClient, member.get(byMember.id()));
      assertThat(member.get(byMember.id()).iterations()).containsExactly(iteration);

      Job withIteration = member.get(byMember.id());
      try (JobStoreRecorder recorder = JobStoreRecorder.attach(client)) {
        CompletableFuture<Job> running =
            client.when(byMember.id(), job -> job.status() == JobStatus.RUNNING);
        Job updated = member.update(byMember.id(), job -> job.withStatus(JobStatus.RUNNING));

        assertThat(running.get(WAIT.toSeconds(), TimeUnit.SECONDS)).isEqualTo(updated);
        assertThat(recorder.awaitUntil(r -> r.events().size() >= 1, WAIT)).isTrue();
        assertThat(recorder.events()).containsExactly(new JobUpdated(withIteration, updated));
      }
    }
  }

  @Test
  void everyMembersSubscribersGetEveryMembersWritesEachJobsInOrder() {
    try (TestCluster cluster = TestCluster.start(2)) {
      String name = TestCluster.storeName();
      HazelcastJobStore first = store(cluster, 0, name);
      HazelcastJobStore second = store(cluster, 1, name);
      try (JobStoreRecorder onFirst = JobStoreRecorder.attach(first);
          JobStoreRecorder onSecond = JobStoreRecorder.attach(second)) {
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
          HazelcastJobStore writer = i % 2 == 0 ? first : second;
          UUID id = writer.create(JobCreateParams.builder().build()).id();
          ids.add(id);
          for (JobStatus status : List.of(JobStatus.RUNNING, JobStatus.COMPLETED)) {
            (i % 3 == 0 ? first : second).update(id, job -> job.withStatus(status));
          }
        }

        for (JobStoreRecorder recorder : List.of(onFirst, onSecond)) {
          assertThat(recorder.awaitUntil(r -> r.events().size() >= 60, WAIT)).isTrue();
          for (UUID id : ids) {
            assertThat(recorder.statuses(id))
                .containsExactly(JobStatus.PENDING, JobStatus.RUNNING, JobStatus.COMPLETED);
          }
        }
        List<JobEvent> firstEvents = new ArrayList<>(onFirst.events().castToList());
        assertThat(onSecond.events()).containsExactlyInAnyOrderElementsOf(firstEvents);
      }
    }
  }

  private static HazelcastJobStore store(TestCluster cluster, int member, String name) {
    return HazelcastJobStore.builder(cluster.member(member)).name(name).build();
  }

  private static List<Long> orders(int count) {
    List<Long> orders = new ArrayList<>(count);
    for (long order = 1; order <= count; order++) {
      orders.add(order);
    }
    return orders;
  }
}
