package io.github.jobstore.examples;

import static io.github.jobstore.core.JobStatus.CANCELLED;
import static io.github.jobstore.core.JobStatus.COMPLETED;
import static io.github.jobstore.core.JobStatus.FAILED;
import static io.github.jobstore.core.JobStatus.PENDING;
import static io.github.jobstore.core.JobStatus.RUNNING;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.jobstore.core.IterationCreateParams;
import io.github.jobstore.core.Job;
import io.github.jobstore.core.JobCreateParams;
import io.github.jobstore.core.JobStatus;
import io.github.jobstore.store.InMemoryJobStore;
import io.github.jobstore.store.IterationCreated;
import io.github.jobstore.store.JobCreated;
import io.github.jobstore.store.JobDeleted;
import io.github.jobstore.store.JobUpdated;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The simulation's monitor, fed its events by hand so that every line is exact. */
class StatusMonitorTest {

  private final InMemoryJobStore jobs = InMemoryJobStore.create();
  private final List<String> lines = new ArrayList<>();

  @Test
  void countsCreatesStatusChangesAndDeletesAndIgnoresEverythingElse() {
    StatusMonitor monitor = new StatusMonitor(10, lines::add);
    Job a = job(PENDING);
    Job b = job(RUNNING);

    monitor.accept(new JobCreated(a));
    monitor.accept(new JobCreated(b));
    assertThat(monitor.counts()).isEqualTo("pending=1 running=1 completed=0 failed=0 cancelled=0");

    monitor.accept(new JobUpdated(a, a.withStatus(RUNNING)));
    monitor.accept(new JobUpdated(b, b.withBaselineScore(0.5)));
    monitor.accept(
        new IterationCreated(
            jobs.appendIteration(
                b.id(), IterationCreateParams.builder().iterationName("iter_001").build())));
    assertThat(monitor.counts()).isEqualTo("pending=0 running=2 completed=0 failed=0 cancelled=0");

    monitor.accept(new JobDeleted(a.withStatus(RUNNING)));
    assertThat(monitor.counts()).isEqualTo("pending=0 running=1 completed=0 failed=0 cancelled=0");
    assertThat(lines).isEmpty();
  }

  @Test
  void eightJobsAreReportedAtTwoFourAndSixFinishedAndTheLastIsLeftToTheCaller()
      throws InterruptedException {
    StatusMonitor monitor = new StatusMonitor(8, lines::add);
    List<Job> running = createRunning(monitor, 8);
    JobStatus[] ends = {COMPLETED, FAILED, CANCELLED};

    for (int i = 0; i < 7; i++) {
      change(monitor, running.get(i), ends[i % ends.length]);
    }
    assertThatThrownBy(() -> monitor.awaitFinished(Duration.ZERO))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("The monitor saw 7 of 8 jobs finish within PT0S.");
    change(monitor, running.get(7), COMPLETED);

    assertThat(lines)
        .containsExactly(
            "[monitor] pending=0 running=6 completed=1 failed=1 cancelled=0",
            "[monitor] pending=0 running=4 completed=2 failed=1 cancelled=1",
            "[monitor] pending=0 running=2 completed=2 failed=2 cancelled=2");
    monitor.awaitFinished(Duration.ZERO);
    assertThat(monitor.counts()).isEqualTo("pending=0 running=0 completed=4 failed=2 cancelled=2");
  }

  @Test
  void sevenJobsAreReportedAfterEachFinishedJobButTheLast() {
    StatusMonitor monitor = new StatusMonitor(7, lines::add);
    List<Job> running = createRunning(monitor, 7);

    running.forEach(job -> change(monitor, job, COMPLETED));

    assertThat(lines)
        .hasSize(6)
        .startsWith("[monitor] pending=0 running=6 completed=1 failed=0 cancelled=0")
        .endsWith("[monitor] pending=0 running=1 completed=6 failed=0 cancelled=0");
    assertThatCode(() -> monitor.awaitFinished(Duration.ZERO)).doesNotThrowAnyException();
  }

  @Test
  void aJobCountsAsFinishedOnlyWhileItIsInAFinalStatus() {
    StatusMonitor monitor = new StatusMonitor(2, lines::add);
    Job job = createRunning(monitor, 1).get(0);
    Job completed = change(monitor, job, COMPLETED);

    Job failed = change(monitor, completed, FAILED);
    Job rerun = change(monitor, failed, RUNNING);
    change(monitor, rerun, COMPLETED);
    Job other = createRunning(monitor, 1).get(0);
    monitor.accept(new JobDeleted(job.withStatus(COMPLETED)));
    change(monitor, other, CANCELLED);

    assertThat(lines)
        .containsExactly(
            "[monitor] pending=0 running=0 completed=1 failed=0 cancelled=0",
            "[monitor] pending=0 running=0 completed=1 failed=0 cancelled=0",
            "[monitor] pending=0 running=0 completed=0 failed=0 cancelled=1");
    assertThatThrownBy(() -> monitor.awaitFinished(Duration.ZERO))
        .hasMessage("The monitor saw 1 of 2 jobs finish within PT0S.");
  }

  @Test
  void noJobsAreFinishedAtOnce() {
    StatusMonitor monitor = new StatusMonitor(0, lines::add);

    assertThatCode(() -> monitor.awaitFinished(Duration.ZERO)).doesNotThrowAnyException();
    assertThat(monitor.counts()).isEqualTo("pending=0 running=0 completed=0 failed=0 cancelled=0");
  }

  private Job job(JobStatus status) {
    return jobs.create(JobCreateParams.builder().status(status).build());
  }

  private List<Job> createRunning(StatusMonitor monitor, int count) {
    List<Job> created = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      Job job = job(RUNNING);
      monitor.accept(new JobCreated(job));
      created.add(job);
    }
    return created;
  }

  private static Job change(StatusMonitor monitor, Job job, JobStatus status) {
    Job next = job.withStatus(status);
    monitor.accept(new JobUpdated(job, next));
    return next;
  }
}
