package io.github.jobstore.testkit.assertj;

import static io.github.jobstore.core.JobStatus.COMPLETED;
import static io.github.jobstore.core.JobStatus.FAILED;
import static io.github.jobstore.core.JobStatus.PENDING;
import static io.github.jobstore.core.JobStatus.RUNNING;
import static io.github.jobstore.testkit.assertj.JobStoreAssertions.assertThat;
import static io.github.jobstore.testkit.assertj.Waiting.LONG;
import static io.github.jobstore.testkit.assertj.Waiting.SHORT;
import static io.github.jobstore.testkit.assertj.Waiting.failsAfter;
import static io.github.jobstore.testkit.assertj.Waiting.failsAtOnce;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.github.jobstore.core.IterationCreateParams;
import io.github.jobstore.core.JobCreateParams;
import io.github.jobstore.core.JobStatus;
import io.github.jobstore.store.InMemoryJobStore;
import io.github.jobstore.store.JobStore;
import io.github.jobstore.testkit.JobStoreRecorder;
import io.github.jobstore.testkit.Property;
import io.github.jobstore.testkit.StatusWrites;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RecordedJobAssertTest {

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

  private UUID create(JobStatus status) {
    return store.create(JobCreateParams.builder().status(status).build()).id();
  }

  private static IterationCreateParams iteration() {
    return IterationCreateParams.builder().iterationName("iter_001").build();
  }
}
