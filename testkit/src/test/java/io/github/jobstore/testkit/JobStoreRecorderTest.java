package io.github.jobstore.testkit;

import static io.github.jobstore.core.JobStatus.COMPLETED;
import static io.github.jobstore.core.JobStatus.PENDING;
import static io.github.jobstore.core.JobStatus.RUNNING;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import io.github.jobstore.core.IterationCreateParams;
import io.github.jobstore.core.Job;
import io.github.jobstore.core.JobCreateParams;
import io.github.jobstore.core.JobStatus;
import io.github.jobstore.store.InMemoryJobStore;
import io.github.jobstore.store.IterationCreated;
import io.github.jobstore.store.IterationDeleted;
import io.github.jobstore.store.IterationUpdated;
import io.github.jobstore.store.JobCreated;
import io.github.jobstore.store.JobDeleted;
import io.github.jobstore.store.JobEvent;
import io.github.jobstore.store.JobStore;
import io.github.jobstore.store.JobUpdated;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class JobStoreRecorderTest {

  private static final Duration LONG = Duration.ofSeconds(30);
  private static final Duration AT_ONCE = Duration.ofSeconds(5);

  private final JobStore store = InMemoryJobStore.create();
  private final JobStoreRecorder recorder = JobStoreRecorder.attach(store);

  @AfterEach
  void close() {
    recorder.close();
  }

  @Test
  void recordsEveryWriteInTheOrderItTookEffect() {
    UUID id = create(PENDING);
    store.update(id, job -> job.withStatus(RUNNING));
    UUID iteration = store.appendIteration(id, iteration("iter_001")).id();
    store.updateIteration(iteration, it -> it.withAvgScore(0.5));
    store.deleteIteration(iteration);
    store.delete(id);

    awaitEvents(6);

    assertThat(recorder.events())
        .extracting(JobEvent::getClass)
        .containsExactly(
            JobCreated.class,
            JobUpdated.class,
            IterationCreated.class,
            IterationUpdated.class,
            IterationDeleted.class,
            JobDeleted.class);
    assertThat(recorder.events()).allMatch(event -> event.jobId().equals(id));
  }

  @Test
  void eventsOfAJobAreThoseWhoseJobIdIsIt() {
    UUID first = create(PENDING);
    UUID second = create(RUNNING);
    store.appendIteration(second, iteration("iter_001"));
    store.update(first, job -> job.withStatus(COMPLETED));

    awaitEvents(4);

    assertThat(recorder.events(first))
        .extracting(JobEvent::getClass)
        .containsExactly(JobCreated.class, JobUpdated.class);
    assertThat(recorder.events(second))
        .extracting(JobEvent::getClass)
        .containsExactly(JobCreated.class, IterationCreated.class);
    assertThat(recorder.events(UUID.randomUUID())).isEmpty();
  }

  @Test
  void eventsOfAKindAreTypedAndInOrder() {
    UUID id = create(PENDING);
    store.update(id, job -> job.withStatus(RUNNING));
    store.update(id, job -> job.withStatus(COMPLETED));

    awaitEvents(3);

    List<JobUpdated> updates = recorder.events(JobUpdated.class).castToList();
    assertThat(updates)
        .extracting(update -> update.current().status())
        .containsExactly(RUNNING, COMPLETED);
    assertThat(recorder.events(JobDeleted.class)).isEmpty();
    assertThat(recorder.events(JobEvent.class)).isEqualTo(recorder.events());
  }

  @Test
  void statusesAreTheCreatedStatusThenEachChangeOfStatus() {
    Property.forAll(
        100,
        StatusWrites.upTo(8),
        writes -> {
          UUID id = create(writes.get(0));
          writes
              .subList(1, writes.size())
              .forEach(status -> store.update(id, job -> job.withStatus(status)));
          assertThat(recorder.awaitUntil(r -> r.events(id).size() >= writes.size(), LONG)).isTrue();

          assertThat(recorder.statuses(id)).containsExactlyElementsOf(StatusWrites.path(writes));
        });
  }

  @Test
  void anUpdateThatKeepsTheStatusAddsNoStatus() {
    UUID id = create(PENDING);
    store.update(id, job -> job.withBestScore(0.5));
    store.update(id, job -> job.withStatus(RUNNING));
    store.update(id, job -> job.withBestScore(0.75));

    awaitEvents(4);

    assertThat(recorder.statuses(id)).containsExactly(PENDING, RUNNING);
  }

  @Test
  void aJobCreatedBeforeAttachStartsAtTheStatusItsFirstRecordedUpdateReplaced() {
    UUID keeping = store.create(JobCreateParams.builder().status(RUNNING).build()).id();
    UUID changing = store.create(JobCreateParams.builder().status(RUNNING).build()).id();
    try (JobStoreRecorder late = JobStoreRecorder.attach(store)) {
      store.appendIteration(keeping, iteration("iter_001"));
      store.update(keeping, job -> job.withBestScore(0.5));
      store.update(changing, job -> job.withStatus(COMPLETED));

      assertThat(late.awaitUntil(r -> r.events().size() >= 3, LONG)).isTrue();

      assertThat(late.statuses(keeping)).containsExactly(RUNNING);
      assertThat(late.statuses(changing)).containsExactly(RUNNING, COMPLETED);
    }
  }

  @Test
  void aJobWithNoRecordedCreateOrUpdateHasNoStatuses() {
    UUID id = store.create(JobCreateParams.builder().build()).id();
    try (JobStoreRecorder late = JobStoreRecorder.attach(store)) {
      store.appendIteration(id, iteration("iter_001"));
      store.delete(id);

      assertThat(late.awaitUntil(r -> r.events().size() >= 2, LONG)).isTrue();

      assertThat(late.events(id)).hasSize(2);
      assertThat(late.statuses(id)).isEmpty();
    }
  }

  @Test
  void closeStopsRecordingAndKeepsWhatWasRecorded() {
    UUID before = create(PENDING);
    awaitEvents(1);
    recorder.close();
    recorder.close();

    try (JobStoreRecorder witness = JobStoreRecorder.attach(store)) {
      UUID after = create(RUNNING);
      assertThat(witness.awaitUntil(r -> r.events().size() >= 1, LONG)).isTrue();
      assertThat(witness.events(after)).hasSize(1);

      // Absence can only be watched for a while: a generous while after the witness had it.
      assertThat(recorder.awaitUntil(r -> r.events().size() > 1, Duration.ofMillis(200))).isFalse();
      assertThat(recorder.events()).extracting(JobEvent::jobId).containsExactly(before);
    }
  }

  @Test
  void awaitUntilReturnsTrueOnceTheConditionHolds() {
    create(PENDING);

    assertThat(recorder.awaitUntil(r -> r.events().size() >= 1, LONG)).isTrue();
    assertThat(recorder.events()).hasSize(1);
  }

  @Test
  void awaitUntilReturnsFalseWhenTheTimeoutPassesFirst() {
    Duration timeout = Duration.ofMillis(100);
    long start = System.nanoTime();

    assertThat(recorder.awaitUntil(r -> r.events().size() >= 1, timeout)).isFalse();

    assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(timeout);
  }

  @Test
  void aZeroTimeoutTestsTheConditionOnce() {
    AtomicInteger tests = new AtomicInteger();

    assertThat(recorder.awaitUntil(r -> tests.incrementAndGet() > 1, Duration.ZERO)).isFalse();
    assertThat(tests).hasValue(1);
    assertThat(recorder.awaitUntil(r -> true, Duration.ZERO)).isTrue();
    assertThat(recorder.awaitUntil(r -> true, Duration.ofMillis(-1))).isTrue();
  }

  @Test
  void aTimeoutTooLongForNanosecondsWaitsWithoutBound() {
    create(PENDING);

    assertThat(recorder.awaitUntil(r -> r.events().size() >= 1, ChronoUnit.FOREVER.getDuration()))
        .isTrue();
    assertThat(recorder.awaitUntil(r -> false, ChronoUnit.FOREVER.getDuration().negated()))
        .isFalse();
  }

  @Test
  void anInterruptEndsTheWaitAtOnceAndStaysSet() {
    long start = System.nanoTime();
    Thread.currentThread().interrupt();
    try {
      assertThat(recorder.awaitUntil(r -> false, LONG)).isFalse();
      assertThat(Thread.currentThread().isInterrupted()).isTrue();
    } finally {
      Thread.interrupted();
    }
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(AT_ONCE);
  }

  @Test
  @SuppressWarnings("NullAway") // passing null on purpose
  void nullArgumentsAreRejectedByName() {
    assertThatNullPointerException()
        .isThrownBy(() -> JobStoreRecorder.attach(null))
        .withMessage("store");
    assertThatNullPointerException()
        .isThrownBy(() -> recorder.events((UUID) null))
        .withMessage("jobId");
    assertThatNullPointerException().isThrownBy(() -> recorder.statuses(null)).withMessage("jobId");
    assertThatNullPointerException()
        .isThrownBy(() -> recorder.events((Class<JobEvent>) null))
        .withMessage("kind");
    assertThatNullPointerException()
        .isThrownBy(() -> recorder.awaitUntil(null, LONG))
        .withMessage("condition");
    assertThatNullPointerException()
        .isThrownBy(() -> recorder.awaitUntil(r -> true, null))
        .withMessage("timeout");
  }

  private UUID create(JobStatus status) {
    Job job = store.create(JobCreateParams.builder().status(status).build());
    return job.id();
  }

  private void awaitEvents(int count) {
    assertThat(recorder.awaitUntil(r -> r.events().size() >= count, LONG)).isTrue();
  }

  private static IterationCreateParams iteration(String name) {
    return IterationCreateParams.builder().iterationName(name).build();
  }
}
