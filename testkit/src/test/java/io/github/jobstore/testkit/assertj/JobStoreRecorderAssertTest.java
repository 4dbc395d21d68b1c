package io.github.jobstore.testkit.assertj;

import static io.github.jobstore.core.JobStatus.COMPLETED;
import static io.github.jobstore.core.JobStatus.PENDING;
import static io.github.jobstore.core.JobStatus.RUNNING;
import static io.github.jobstore.testkit.assertj.JobStoreAssertions.assertThat;
import static io.github.jobstore.testkit.assertj.Waiting.LONG;
import static io.github.jobstore.testkit.assertj.Waiting.SHORT;
import static io.github.jobstore.testkit.assertj.Waiting.failsAfter;
import static io.github.jobstore.testkit.assertj.Waiting.failsAtOnce;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.jobstore.core.IterationCreateParams;
import io.github.jobstore.core.JobCreateParams;
import io.github.jobstore.core.JobStatus;
import io.github.jobstore.store.InMemoryJobStore;
import io.github.jobstore.store.JobCreated;
import io.github.jobstore.store.JobDeleted;
import io.github.jobstore.store.JobStore;
import io.github.jobstore.store.JobUpdated;
import io.github.jobstore.testkit.JobStoreRecorder;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class JobStoreRecorderAssertTest {

  private final JobStore store = InMemoryJobStore.create();
  private final JobStoreRecorder recorder = JobStoreRecorder.attach(store);

  @AfterEach
  void close() {
    recorder.close();
  }

  @Test
  void hasWritesWaitsForEveryWrite() {
    UUID first = create(PENDING);
    create(RUNNING);
    store.update(first, job -> job.withStatus(RUNNING));

    assertThat(recorder).hasWrites(3);
  }

  @Test
  void hasWritesFailsAtOnceWhenMoreWereRecordedAndShowsEveryKindOfEvent() {
    UUID first = create(PENDING);
    UUID second = create(RUNNING);
    UUID iteration = store.appendIteration(first, iteration()).id();
    store.updateIteration(iteration, it -> it.withAvgScore(0.5));
    store.updateIteration(iteration, it -> it.withJob(second));
    store.deleteIteration(iteration);
    store.update(first, job -> job.withStatus(RUNNING));
    store.delete(first);
    assertThat(recorder).hasWrites(8);

    failsAtOnce(() -> assertThat(recorder).within(LONG).hasWrites(7))
        .hasMessage(
            "Expected the number of writes to be 7 but it was 8"
                + "\nRecorded events:"
                + ("\n  JobCreated job " + first + " PENDING")
                + ("\n  JobCreated job " + second + " RUNNING")
                + ("\n  IterationCreated iteration " + iteration + " of job " + first)
                + ("\n  IterationUpdated iteration " + iteration + " of job " + first)
                + ("\n  IterationUpdated iteration " + iteration)
                + (" moved from job " + first + " to job " + second)
                + ("\n  IterationDeleted iteration " + iteration + " of job " + second)
                + ("\n  JobUpdated job " + first + " PENDING -> RUNNING")
                + ("\n  JobDeleted job " + first));
  }

  @Test
  void hasWritesFailsAfterTheTimeoutOnAQuietStore() {
    failsAfter(SHORT, () -> assertThat(recorder).within(SHORT).hasWrites(1))
        .hasMessage(
            "Expected the number of writes to be 1 within PT0.2S but it was 0"
                + "\nRecorded events: none");
  }

  @Test
  void aZeroTimeoutChecksOnceWithoutWaiting() {
    assertThat(recorder).within(Duration.ZERO).hasWrites(0);

    failsAtOnce(() -> assertThat(recorder).within(Duration.ZERO).hasWrites(1))
        .hasMessage(
            "Expected the number of writes to be 1 within PT0S but it was 0"
                + "\nRecorded events: none");
  }

  @Test
  void hasEventsOfAKindWaitsForThatMany() {
    UUID id = create(PENDING);
    store.update(id, job -> job.withStatus(RUNNING));
    store.update(id, job -> job.withStatus(COMPLETED));

    assertThat(recorder)
        .hasEvents(JobUpdated.class, 2)
        .hasEvents(JobCreated.class, 1)
        .hasEvents(JobDeleted.class, 0);
  }

  @Test
  void hasEventsOfAKindFailsAtOnceWhenMoreWereRecorded() {
    UUID id = create(PENDING);
    store.update(id, job -> job.withStatus(RUNNING));
    store.update(id, job -> job.withStatus(COMPLETED));
    assertThat(recorder).hasWrites(3);

    failsAtOnce(() -> assertThat(recorder).within(LONG).hasEvents(JobUpdated.class, 1))
        .hasMessage(
            "Expected the number of JobUpdated events to be 1 but it was 2"
                + "\nRecorded events:"
                + ("\n  JobCreated job " + id + " PENDING")
                + ("\n  JobUpdated job " + id + " PENDING -> RUNNING")
                + ("\n  JobUpdated job " + id + " RUNNING -> COMPLETED"));
  }

  @Test
  void hasEventsOfAKindFailsAfterTheTimeoutWhenNoneComes() {
    UUID id = create(PENDING);
    assertThat(recorder).hasWrites(1);

    failsAfter(SHORT, () -> assertThat(recorder).within(SHORT).hasEvents(JobDeleted.class, 1))
        .hasMessage(
            "Expected the number of JobDeleted events to be 1 within PT0.2S but it was 0"
                + "\nRecorded events:"
                + ("\n  JobCreated job " + id + " PENDING"));
  }

  @Test
  void eventsOfStartsListAssertionsOnTheEventsOfAKindRecordedSoFar() {
    UUID id = create(PENDING);
    store.update(id, job -> job.withStatus(RUNNING));
    store.update(id, job -> job.withStatus(COMPLETED));
    assertThat(recorder).hasWrites(3);

    assertThat(recorder)
        .eventsOf(JobUpdated.class)
        .extracting(update -> update.current().status())
        .containsExactly(RUNNING, COMPLETED);
    assertThat(recorder).eventsOf(JobDeleted.class).isEmpty();
    assertThatThrownBy(() -> assertThat(recorder).eventsOf(JobDeleted.class).hasSize(1))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("Expected size: 1 but was: 0");
  }

  @Test
  void anInterruptEndsTheWaitAndFailsAtOnce() {
    Thread.currentThread().interrupt();
    try {
      failsAtOnce(() -> assertThat(recorder).within(LONG).hasWrites(1))
          .hasMessage(
              "Expected the number of writes to be 1 within PT30S but it was 0"
                  + " when the wait was interrupted"
                  + "\nRecorded events: none");
      assertThat(Thread.currentThread().isInterrupted()).isTrue();
    } finally {
      Thread.interrupted();
    }
  }

  @Test
  void theRecorderTimeoutAndDescriptionCarryToJobAssertions() {
    UUID id = create(PENDING);
    assertThat(recorder).hasWrites(1);

    failsAfter(
            SHORT, () -> assertThat(recorder).within(SHORT).as("after create").job(id).wasDeleted())
        .hasMessageStartingWith(
            "[after create] Expected job " + id + " to be deleted within PT0.2S");
    assertThatThrownBy(
            () -> assertThat(recorder).as("after create").eventsOf(JobCreated.class).isEmpty())
        .hasMessageStartingWith("[after create] ");
  }

  @Test
  void negativeCountsAndTimeoutsAreRejected() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> assertThat(recorder).hasWrites(-1))
        .withMessage("count must not be negative: -1");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> assertThat(recorder).hasEvents(JobCreated.class, -1))
        .withMessage("count must not be negative: -1");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> assertThat(recorder).job(UUID.randomUUID()).hasEvents(-1))
        .withMessage("count must not be negative: -1");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> assertThat(recorder).within(Duration.ofMillis(-1)))
        .withMessage("timeout must not be negative: PT-0.001S");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> assertThat(recorder).job(UUID.randomUUID()).within(Duration.ofMillis(-1)))
        .withMessage("timeout must not be negative: PT-0.001S");
  }

  @Test
  @SuppressWarnings("NullAway") // passing null on purpose
  void nullArgumentsAreRejectedByName() {
    UUID id = UUID.randomUUID();
    assertThatNullPointerException()
        .isThrownBy(() -> assertThat(recorder).within(null))
        .withMessage("timeout");
    assertThatNullPointerException()
        .isThrownBy(() -> assertThat(recorder).job(id).within(null))
        .withMessage("timeout");
    assertThatNullPointerException()
        .isThrownBy(() -> assertThat(recorder).job(null))
        .withMessage("id");
    assertThatNullPointerException()
        .isThrownBy(() -> assertThat(recorder).hasEvents(null, 1))
        .withMessage("kind");
    assertThatNullPointerException()
        .isThrownBy(() -> assertThat(recorder).eventsOf(null))
        .withMessage("kind");
    assertThatNullPointerException()
        .isThrownBy(() -> assertThat(recorder).job(id).wentThrough((JobStatus[]) null))
        .withMessage("statuses");
    assertThatNullPointerException()
        .isThrownBy(() -> assertThat(recorder).job(id).wentThrough(PENDING, null))
        .withMessage("statuses[1]");
  }

  @Test
  @SuppressWarnings("NullAway") // passing null on purpose
  void assertionsOnANullRecorderFail() {
    assertThatThrownBy(() -> assertThat((JobStoreRecorder) null).hasWrites(0))
        .isInstanceOf(AssertionError.class)
        .hasMessage("\nExpecting actual not to be null");
    assertThatThrownBy(
            () -> assertThat((JobStoreRecorder) null).job(UUID.randomUUID()).hasEvents(0))
        .isInstanceOf(AssertionError.class)
        .hasMessage("Expected a JobStoreRecorder but it was null");
    assertThatThrownBy(
            () -> assertThat((JobStoreRecorder) null).eventsOf(JobCreated.class).isEmpty())
        .isInstanceOf(AssertionError.class)
        .hasMessage("\nExpecting actual not to be null");
  }

  @Test
  void softAssertionsCollectTheFailuresOfRecorderJobAndEventsOfAssertions() {
    UUID id = create(PENDING);
    assertThat(recorder).hasWrites(1);
    String events = "\n  JobCreated job " + id + " PENDING";
    JobStoreSoftAssertions softly = new JobStoreSoftAssertions();

    softly.assertThat(recorder).within(LONG).hasWrites(0).hasEvents(JobCreated.class, 0);
    softly.assertThat(recorder).within(LONG).job(id).hasEvents(0).wentThrough(PENDING);
    softly.assertThat(recorder).eventsOf(JobCreated.class).isEmpty();

    // Soft assertions add the line of each failure to its message: "\nat <test>(<file>:<line>)".
    assertThat(softly.errorsCollected())
        .extracting(Throwable::getMessage)
        .satisfiesExactly(
            message ->
                assertThat(message)
                    .startsWith(
                        "Expected the number of writes to be 0 but it was 1"
                            + ("\nRecorded events:" + events + "\nat ")),
            message ->
                assertThat(message)
                    .startsWith(
                        "Expected the number of JobCreated events to be 0 but it was 1"
                            + ("\nRecorded events:" + events + "\nat ")),
            message ->
                assertThat(message)
                    .startsWith(
                        ("Expected the number of events of job " + id + " to be 0 but it was 1")
                            + ("\nRecorded events of the job:" + events + "\nat ")),
            message ->
                assertThat(message).startsWith("\nExpecting empty but was: [JobCreated[job="));
  }

  @Test
  void softAssertionsThatPassCollectNothing() {
    UUID id = create(PENDING);
    JobStoreSoftAssertions softly = new JobStoreSoftAssertions();

    softly.assertThat(recorder).hasWrites(1).job(id).wentThrough(PENDING).hasEvents(1);
    softly.assertThat(recorder).eventsOf(JobCreated.class).hasSize(1);

    softly.assertAll();
  }

  private UUID create(JobStatus status) {
    return store.create(JobCreateParams.builder().status(status).build()).id();
  }

  private static IterationCreateParams iteration() {
    return IterationCreateParams.builder().iterationName("iter_001").build();
  }
}
