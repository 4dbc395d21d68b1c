package io.github.jobstore.testkit.assertj;

import static io.github.jobstore.core.JobStatus.COMPLETED;
import static io.github.jobstore.core.JobStatus.FAILED;
import static io.github.jobstore.core.JobStatus.PENDING;
import static io.github.jobstore.core.JobStatus.RUNNING;
import static io.github.jobstore.testkit.assertj.JobStoreAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.github.jobstore.core.IterationCreateParams;
import io.github.jobstore.core.JobCreateParams;
import io.github.jobstore.core.JobStatus;
import io.github.jobstore.store.InMemoryJobStore;
import io.github.jobstore.store.JobCreated;
import io.github.jobstore.store.JobDeleted;
import io.github.jobstore.store.JobStore;
import io.github.jobstore.store.JobUpdated;
import io.github.jobstore.testkit.JobStoreRecorder;
import io.github.jobstore.testkit.Property;
import io.github.jobstore.testkit.StatusWrites;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.assertj.core.api.AbstractThrowableAssert;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class JobStoreRecorderAssertTest {

  /** A timeout no passing or at-once failing assertion comes near. */
  private static final Duration LONG = Duration.ofSeconds(30);

  /** Liveness bound of a failure "at once": generous, and far below {@link #LONG}. */
  private static final Duration AT_ONCE = Duration.ofSeconds(5);

  /** The wait of an assertion whose expected event never comes. */
  private static final Duration SHORT = Duration.ofMillis(200);

  private final JobStore store = InMemoryJobStore.create();
  private final JobStoreRecorder recorder = JobStoreRecorder.attach(store);

  @AfterEach
  void close() {
    recorder.close();
  }

  @Test
  void wentThroughWaitsForTheStatusesToArrive() {
    UUID id = create(PENDING);
    store.update(id, job -> job.withStatus(RUNNING));
    store.update(id, job -> job.withStatus(COMPLETED));

    assertThat(recorder).job(id).wentThrough(PENDING, RUNNING, COMPLETED).hasEvents(3);
  }

  @Test
  void wentThroughFailsAtOnceWhenARecordedStatusLeavesTheExpectedPath() {
    UUID id = create(PENDING);
    store.update(id, job -> job.withStatus(FAILED));

    failsAtOnce(
            () ->
                assertThat(recorder).within(LONG).job(id).wentThrough(PENDING, RUNNING, COMPLETED))
        .hasMessage(
            "Expected job "
                + id
                + " to go through [PENDING, RUNNING, COMPLETED] but it went through [PENDING, FAILED]"
                + "\nRecorded events of the job:"
                + ("\n  JobCreated job " + id + " PENDING")
                + ("\n  JobUpdated job " + id + " PENDING -> FAILED"));
  }

  @Test
  void wentThroughFailsAtOnceWhenMoreStatusesWereRecorded() {
    UUID id = create(PENDING);
    store.update(id, job -> job.withStatus(RUNNING));
    store.update(id, job -> job.withStatus(COMPLETED));
    assertThat(recorder).job(id).hasEvents(3);

    failsAtOnce(() -> assertThat(recorder).job(id).within(LONG).wentThrough(PENDING, RUNNING))
        .hasMessage(
            "Expected job "
                + id
                + " to go through [PENDING, RUNNING] but it went through [PENDING, RUNNING, COMPLETED]"
                + "\nRecorded events of the job:"
                + ("\n  JobCreated job " + id + " PENDING")
                + ("\n  JobUpdated job " + id + " PENDING -> RUNNING")
                + ("\n  JobUpdated job " + id + " RUNNING -> COMPLETED"));
  }

  @Test
  void wentThroughFailsAfterTheTimeoutWhenTheNextStatusNeverComes() {
    UUID id = create(PENDING);
    assertThat(recorder).job(id).hasEvents(1);

    failsAfter(
            SHORT, () -> assertThat(recorder).job(id).within(SHORT).wentThrough(PENDING, RUNNING))
        .hasMessage(
            "Expected job "
                + id
                + " to go through [PENDING, RUNNING] within PT0.2S but it went through [PENDING]"
                + "\nRecorded events of the job:"
                + ("\n  JobCreated job " + id + " PENDING"));
  }

  @Test
  void wentThroughNoStatusesMatchesOnlyAJobWithNothingRecorded() {
    assertThat(recorder).job(UUID.randomUUID()).within(LONG).wentThrough();
    UUID id = create(RUNNING);
    assertThat(recorder).job(id).hasEvents(1);

    failsAtOnce(() -> assertThat(recorder).job(id).within(LONG).wentThrough())
        .hasMessage(
            "Expected job "
                + id
                + " to go through [] but it went through [RUNNING]"
                + "\nRecorded events of the job:"
                + ("\n  JobCreated job " + id + " RUNNING"));
  }

  @Test
  void wentThroughPassesOnTheRecordedPathOnlyAndWaitsOnlyWhileItCanStillMatch() {
    Property.forAll(
        100,
        random -> {
          List<JobStatus> writes = StatusWrites.upTo(6).next(random);
          List<JobStatus> path = StatusWrites.path(writes);
          List<JobStatus> expected =
              switch (random.nextInt(4)) {
                case 0 -> path;
                case 1 -> concat(path, StatusWrites.upTo(2).next(random));
                case 2 -> path.subList(0, random.nextInt(path.size()));
                default -> StatusWrites.upTo(4).next(random);
              };
          return new PathCase(writes, path, expected);
        },
        c -> {
          UUID id = create(c.writes().get(0));
          c.writes().stream().skip(1).forEach(s -> store.update(id, job -> job.withStatus(s)));
          assertThat(recorder).job(id).hasEvents(c.writes().size());

          Throwable failure =
              catchThrowable(
                  () ->
                      assertThat(recorder)
                          .within(Duration.ZERO)
                          .job(id)
                          .wentThrough(c.expected().toArray(JobStatus[]::new)));

          boolean canStillMatch =
              c.path().size() < c.expected().size()
                  && c.expected().subList(0, c.path().size()).equals(c.path());
          if (c.expected().equals(c.path())) {
            assertThat(failure).isNull();
          } else {
            assertThat(failure)
                .hasMessageStartingWith(
                    "Expected job "
                        + id
                        + " to go through "
                        + c.expected()
                        + (canStillMatch ? " within PT0S" : "")
                        + " but it went through "
                        + c.path()
                        + "\n");
          }
        });
  }

  private record PathCase(List<JobStatus> writes, List<JobStatus> path, List<JobStatus> expected) {}

  private static List<JobStatus> concat(List<JobStatus> first, List<JobStatus> second) {
    return Stream.concat(first.stream(), second.stream()).toList();
  }

  @Test
  void wasDeletedWaitsForTheDeletion() {
    UUID id = create(PENDING);
    store.delete(id);

    assertThat(recorder).job(id).wasDeleted().hasEvents(2);
  }

  @Test
  void wasDeletedFailsAfterTheTimeoutWhenTheJobStays() {
    UUID id = create(PENDING);
    assertThat(recorder).job(id).hasEvents(1);

    failsAfter(SHORT, () -> assertThat(recorder).within(SHORT).job(id).wasDeleted())
        .hasMessage(
            "Expected job "
                + id
                + " to be deleted within PT0.2S but it was not"
                + "\nRecorded events of the job:"
                + ("\n  JobCreated job " + id + " PENDING"));
  }

  @Test
  void jobHasEventsCountsOnlyThatJobsEvents() {
    UUID first = create(PENDING);
    UUID second = create(PENDING);
    store.appendIteration(first, iteration());

    assertThat(recorder).job(first).hasEvents(2);
    assertThat(recorder).job(second).hasEvents(1);
    assertThat(recorder).job(UUID.randomUUID()).hasEvents(0);
  }

  @Test
  void jobHasEventsFailsAtOnceWhenMoreWereRecorded() {
    UUID id = create(PENDING);
    UUID iteration = store.appendIteration(id, iteration()).id();
    assertThat(recorder).job(id).hasEvents(2);

    failsAtOnce(() -> assertThat(recorder).job(id).within(LONG).hasEvents(1))
        .hasMessage(
            "Expected the number of events of job "
                + id
                + " to be 1 but it was 2"
                + "\nRecorded events of the job:"
                + ("\n  JobCreated job " + id + " PENDING")
                + ("\n  IterationCreated iteration " + iteration + " of job " + id));
  }

  @Test
  void jobHasEventsFailsAfterTheTimeoutWhenFewerArrive() {
    UUID id = create(PENDING);
    assertThat(recorder).job(id).hasEvents(1);

    failsAfter(SHORT, () -> assertThat(recorder).job(id).within(SHORT).hasEvents(2))
        .hasMessage(
            "Expected the number of events of job "
                + id
                + " to be 2 within PT0.2S but it was 1"
                + "\nRecorded events of the job:"
                + ("\n  JobCreated job " + id + " PENDING"));
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

  /** Runs an assertion expected to fail well before its timeout, and returns its failure. */
  private static AbstractThrowableAssert<?, ? extends Throwable> failsAtOnce(
      ThrowingCallable assertion) {
    long start = System.nanoTime();
    Throwable failure = catchThrowable(assertion);
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(AT_ONCE);
    return assertThat(failure).isInstanceOf(AssertionError.class);
  }

  /**
   * Runs an assertion expected to fail once {@code timeout} has passed, and returns its failure.
   */
  private static AbstractThrowableAssert<?, ? extends Throwable> failsAfter(
      Duration timeout, ThrowingCallable assertion) {
    long start = System.nanoTime();
    Throwable failure = catchThrowable(assertion);
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(timeout);
    return assertThat(failure).isInstanceOf(AssertionError.class);
  }
}
