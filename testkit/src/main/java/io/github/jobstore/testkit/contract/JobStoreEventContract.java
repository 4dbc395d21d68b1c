package io.github.jobstore.testkit.contract;

import static io.github.jobstore.testkit.contract.JobStoreContract.id;
import static io.github.jobstore.testkit.contract.JobStoreContractFixture.iteration;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import io.github.jobstore.core.Iteration;
import io.github.jobstore.core.Job;
import io.github.jobstore.core.JobStatus;
import io.github.jobstore.store.IterationCreated;
import io.github.jobstore.store.IterationDeleted;
import io.github.jobstore.store.IterationUpdated;
import io.github.jobstore.store.JobCreated;
import io.github.jobstore.store.JobDeleted;
import io.github.jobstore.store.JobEvent;
import io.github.jobstore.store.JobStore;
import io.github.jobstore.store.JobUpdated;
import io.github.jobstore.store.Subscription;
import io.github.jobstore.testkit.JobStoreRecorder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.eclipse.collections.api.list.ImmutableList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The contract's tests of {@link JobStore#subscribe}: one event of the right kind for each write
 * that takes effect, with the versions before and after it; none for a write that fails or that
 * took effect before the subscription; none after it is closed; and listeners that throw, block or
 * write, which must cost other subscribers nothing.
 *
 * <p>A store may deliver events after the write returns, so each test waits (at most {@link
 * #EVENT_WAIT}) for the events it expects. To show that an event does not come, a test makes a
 * later write of the same job and waits for its event instead.
 */
interface JobStoreEventContract extends JobStoreContractFixture {

  /**
   * How long a test waits for an event it expects; only a failing store makes it wait that long.
   */
  Duration EVENT_WAIT = Duration.ofSeconds(10);

  /** Waits for {@code recorder} to hold at least {@code count} events and returns them all. */
  static ImmutableList<JobEvent> awaitEvents(JobStoreRecorder recorder, int count) {
    assertThat(recorder.awaitUntil(r -> r.events().size() >= count, EVENT_WAIT))
        .as("%d events expected within %s, recorded: %s", count, EVENT_WAIT, recorder.events())
        .isTrue();
    return recorder.events();
  }

  @Test
  default void createIsOneJobCreatedWithTheNewJob() {
    try (JobStoreRecorder recorder = JobStoreRecorder.attach(store())) {
      Job job = create(params -> params.promptSlug("first"));

      assertThat(awaitEvents(recorder, 1)).containsExactly(new JobCreated(job));
      assertThat(recorder.events().getOnly().jobId()).isEqualTo(job.id());
    }
  }

  @Test
  default void updateIsOneJobUpdatedWithBothVersions() {
    Job job = create();
    try (JobStoreRecorder recorder = JobStoreRecorder.attach(store())) {
      Job updated = store().update(job.id(), current -> current.withStatus(JobStatus.RUNNING));

      assertThat(awaitEvents(recorder, 1)).containsExactly(new JobUpdated(job, updated));
    }
  }

  @Test
  default void deleteIsOneJobDeletedWithTheLastVersionAndItsIterations() {
    Job job = create();
    Iteration first = store().appendIteration(job.id(), iteration("first"));
    Job last = store().get(job.id());
    try (JobStoreRecorder recorder = JobStoreRecorder.attach(store())) {
      store().delete(job.id());

      assertThat(awaitEvents(recorder, 1)).containsExactly(new JobDeleted(last));
      assertThat(last.iterations()).containsExactly(first);
    }
  }

  @Test
  default void appendAndCreateIterationAreEachOneIterationCreated() {
    Job job = create();
    try (JobStoreRecorder recorder = JobStoreRecorder.attach(store())) {
      Iteration appended = store().appendIteration(job.id(), iteration("first"));
      Iteration created = createIteration(job.id(), iteration("second"));

      assertThat(awaitEvents(recorder, 2))
          .containsExactly(new IterationCreated(appended), new IterationCreated(created));
      assertThat(recorder.events()).allSatisfy(e -> assertThat(e.jobId()).isEqualTo(job.id()));
    }
  }

  @Test
  default void updateIterationIsOneIterationUpdatedWithBothVersions() {
    Job job = create();
    Iteration iteration = store().appendIteration(job.id(), iteration("first"));
    try (JobStoreRecorder recorder = JobStoreRecorder.attach(store())) {
      Iteration updated = store().updateIteration(iteration.id(), i -> i.withAvgScore(0.5));

      assertThat(awaitEvents(recorder, 1))
          .containsExactly(new IterationUpdated(iteration, updated));
      assertThat(((IterationUpdated) recorder.events().getOnly()).isMove()).isFalse();
    }
  }

  @Test
  default void movingAnIterationIsOneIterationUpdatedOfTheJobItJoins() {
    Job from = create();
    Job to = create();
    Iteration iteration = store().appendIteration(from.id(), iteration("first"));
    try (JobStoreRecorder recorder = JobStoreRecorder.attach(store())) {
      Iteration moved = store().updateIteration(iteration.id(), i -> i.withJob(to.id()));

      assertThat(awaitEvents(recorder, 1)).containsExactly(new IterationUpdated(iteration, moved));
      IterationUpdated event = (IterationUpdated) recorder.events().getOnly();
      assertThat(event.isMove()).isTrue();
      assertThat(event.jobId()).isEqualTo(to.id());
    }
  }

  @Test
  default void deleteIterationIsOneIterationDeletedWithItsLastVersion() {
    Job job = create();
    Iteration iteration = store().appendIteration(job.id(), iteration("first"));
    try (JobStoreRecorder recorder = JobStoreRecorder.attach(store())) {
      store().deleteIteration(iteration.id());

      assertThat(awaitEvents(recorder, 1)).containsExactly(new IterationDeleted(iteration));
    }
  }

  @Test
  default void writesBeforeTheSubscriptionAreNotDelivered() {
    Job job = create();
    Job running = store().update(job.id(), current -> current.withStatus(JobStatus.RUNNING));
    try (JobStoreRecorder recorder = JobStoreRecorder.attach(store())) {
      Job completed = store().update(job.id(), current -> current.withStatus(JobStatus.COMPLETED));

      assertThat(awaitEvents(recorder, 1)).containsExactly(new JobUpdated(running, completed));
    }
  }

  @Test
  default void failedWritesAreNoEvents() {
    Job job = create();
    Iteration iteration = store().appendIteration(job.id(), iteration("first"));
    Job before = store().get(job.id());
    try (JobStoreRecorder recorder = JobStoreRecorder.attach(store())) {
      assertThatThrownBy(() -> store().update(job.id(), current -> fail("thrown on purpose")));
      assertThatThrownBy(() -> store().update(job.id(), current -> current.withId(id(99))));
      assertThatThrownBy(() -> store().update(id(99), current -> current));
      assertThatThrownBy(() -> store().appendIteration(id(99), iteration("lost")));
      assertThatThrownBy(() -> createIteration(id(99), iteration("lost")));
      assertThatThrownBy(() -> store().updateIteration(iteration.id(), i -> i.withJob(id(98))));
      assertThat(store().delete(id(99))).isFalse();
      assertThat(store().deleteIteration(id(99))).isFalse();
      Job marker = store().update(job.id(), current -> current.withStatus(JobStatus.FAILED));

      assertThat(awaitEvents(recorder, 1)).containsExactly(new JobUpdated(before, marker));
    }
  }

  @Test
  default void aClosedSubscriptionGetsNoMoreEvents() throws InterruptedException {
    Job job = create();
    List<JobEvent> received = new CopyOnWriteArrayList<>();
    CountDownLatch first = new CountDownLatch(1);
    Subscription subscription =
        store()
            .subscribe(
                event -> {
                  received.add(event);
                  first.countDown();
                });
    try (JobStoreRecorder recorder = JobStoreRecorder.attach(store())) {
      Job running = store().update(job.id(), current -> current.withStatus(JobStatus.RUNNING));
      // Closing drops what is not delivered yet, so the first event must have arrived.
      assertThat(first.await(EVENT_WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
      subscription.close();
      subscription.close();
      store().update(job.id(), current -> current.withStatus(JobStatus.COMPLETED));
      store().delete(job.id());

      awaitEvents(recorder, 3);
      assertThat(received).containsExactly(new JobUpdated(job, running));
    }
  }

  @Test
  default void aListenerThatThrowsGetsEveryEventAndCostsOthersNone() throws InterruptedException {
    List<JobEvent> thrownAt = new CopyOnWriteArrayList<>();
    CountDownLatch thrown = new CountDownLatch(3);
    try (Subscription throwing =
            store()
                .subscribe(
                    event -> {
                      thrownAt.add(event);
                      thrown.countDown();
                      throw new IllegalStateException("A listener's failure, thrown on purpose");
                    });
        JobStoreRecorder recorder = JobStoreRecorder.attach(store())) {
      Job job = create();
      store().update(job.id(), current -> current.withStatus(JobStatus.RUNNING));
      store().delete(job.id());

      ImmutableList<JobEvent> events = awaitEvents(recorder, 3);
      assertThat(thrown.await(EVENT_WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
      assertThat(thrownAt).containsExactlyElementsOf(events);
      assertThat(store().find(job.id())).isEmpty();
    }
  }

  @Test
  @Timeout(value = 30, unit = TimeUnit.SECONDS)
  default void aBlockedListenerBlocksNeitherWritersOfOtherJobsNorOtherSubscribers()
      throws InterruptedException {
    Job blocking = create();
    CountDownLatch blocked = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    List<JobEvent> late = new CopyOnWriteArrayList<>();
    CountDownLatch caughtUp = new CountDownLatch(201);
    try (Subscription slow =
            store()
                .subscribe(
                    event -> {
                      blocked.countDown();
                      awaitQuietly(release);
                      late.add(event);
                      caughtUp.countDown();
                    });
        JobStoreRecorder recorder = JobStoreRecorder.attach(store())) {
      store().update(blocking.id(), current -> current.withStatus(JobStatus.RUNNING));
      assertThat(blocked.await(EVENT_WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
      for (int i = 0; i < 100; i++) {
        Job other = create();
        store().update(other.id(), current -> current.withStatus(JobStatus.COMPLETED));
      }

      ImmutableList<JobEvent> events = awaitEvents(recorder, 201);
      assertThat(late).isEmpty();
      release.countDown();
      assertThat(caughtUp.await(EVENT_WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
      // The interface orders one job's events, not different jobs' (a cluster delivers those on
      // different threads): both subscribers get every event, and each job's in the same order.
      assertThat(late).containsExactlyInAnyOrderElementsOf(events);
      assertThat(byJob(late)).isEqualTo(byJob(events));
    } finally {
      release.countDown();
    }
  }

  /** Each job's events, in the order given. */
  private static Map<UUID, List<JobEvent>> byJob(Iterable<JobEvent> events) {
    Map<UUID, List<JobEvent>> byJob = new HashMap<>();
    events.forEach(
        event -> byJob.computeIfAbsent(event.jobId(), id -> new ArrayList<>()).add(event));
    return byJob;
  }

  @Test
  default void aListenerMayWriteToTheStore() {
    try (Subscription starter =
            store()
                .subscribe(
                    event -> {
                      if (event instanceof JobCreated created) {
                        store().update(created.jobId(), job -> job.withStatus(JobStatus.RUNNING));
                      }
                    });
        JobStoreRecorder recorder = JobStoreRecorder.attach(store())) {
      Job job = create();

      ImmutableList<JobEvent> events = awaitEvents(recorder, 2);
      assertThat(events.get(0)).isEqualTo(new JobCreated(job));
      assertThat(events.get(1)).isInstanceOf(JobUpdated.class);
      assertThat(recorder.statuses(job.id())).containsExactly(JobStatus.PENDING, JobStatus.RUNNING);
      assertThat(store().get(job.id()).status()).isEqualTo(JobStatus.RUNNING);
    }
  }

  @Test
  default void oneJobsEventsArriveInTheOrderItsWritesTookEffect() {
    try (JobStoreRecorder recorder = JobStoreRecorder.attach(store())) {
      Job job = create();
      JobStatus[] path = {
        JobStatus.RUNNING,
        JobStatus.FAILED,
        JobStatus.PENDING,
        JobStatus.RUNNING,
        JobStatus.COMPLETED,
        JobStatus.CANCELLED
      };
      for (JobStatus status : path) {
        store().update(job.id(), current -> current.withStatus(status));
      }
      store().delete(job.id());

      ImmutableList<JobEvent> events = awaitEvents(recorder, path.length + 2);
      assertThat(recorder.statuses(job.id()))
          .containsExactly(
              JobStatus.PENDING,
              JobStatus.RUNNING,
              JobStatus.FAILED,
              JobStatus.PENDING,
              JobStatus.RUNNING,
              JobStatus.COMPLETED,
              JobStatus.CANCELLED);
      assertThat(events.getLast()).isInstanceOf(JobDeleted.class);
    }
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
