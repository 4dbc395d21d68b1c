package io.github.jobstore.examples;

import io.github.jobstore.core.JobStatus;
import io.github.jobstore.store.JobCreated;
import io.github.jobstore.store.JobDeleted;
import io.github.jobstore.store.JobEvent;
import io.github.jobstore.store.JobUpdated;
import java.time.Duration;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The simulation's monitor: a listener of a store's events ({@code store.subscribe(monitor)}) that
 * keeps the count of jobs in each status, without ever reading the store, and reports the counts
 * each time another quarter of the expected jobs has finished ({@code completed}, {@code failed} or
 * {@code cancelled}). The last line, once every expected job has finished, is the caller's: it
 * reads {@link #counts} after {@link #awaitFinished}.
 *
 * <p>Concurrency: the store calls {@link #accept} on its delivery threads, one event at a time, and
 * another thread reads the counts. Every read and write of the counts holds this object's monitor,
 * and a report is made under it too, so reports never interleave and each shows one state. The
 * latch is counted down under the monitor after the event that finished the last expected job, so
 * counts read after {@link #awaitFinished} include every event handled before it.
 */
final class StatusMonitor implements Consumer<JobEvent> {

  private static final Set<JobStatus> FINAL =
      EnumSet.of(JobStatus.COMPLETED, JobStatus.FAILED, JobStatus.CANCELLED);

  private final int expected;
  private final int step;
  private final Consumer<String> progress;
  private final CountDownLatch allFinished;
  private final EnumMap<JobStatus, Integer> counts = new EnumMap<>(JobStatus.class);

  /**
   * Creates a monitor of {@code expected} jobs that reports to {@code progress} each time the
   * number of finished jobs rises to a multiple of {@code max(1, expected / 4)} below {@code
   * expected}: 3 reports for 24 jobs (at 6, 12 and 18), one per finished job but the last for fewer
   * than 8.
   */
  StatusMonitor(int expected, Consumer<String> progress) {
    this.expected = expected;
    this.step = Math.max(1, expected / 4);
    this.progress = progress;
    this.allFinished = new CountDownLatch(expected > 0 ? 1 : 0);
  }

  /** Counts a job created, a status changed or a job deleted; ignores every other event. */
  @Override
  public synchronized void accept(JobEvent event) {
    int before = finished();
    if (event instanceof JobCreated created) {
      add(created.job().status(), 1);
    } else if (event instanceof JobUpdated updated) {
      add(updated.previous().status(), -1);
      add(updated.current().status(), 1);
    } else if (event instanceof JobDeleted deleted) {
      add(deleted.job().status(), -1);
    }
    int after = finished();
    if (after > before && after >= expected) {
      allFinished.countDown();
    } else if (after > before && after % step == 0) {
      progress.accept("[monitor] " + counts());
    }
  }

  private void add(JobStatus status, int delta) {
    counts.merge(status, delta, Integer::sum);
  }

  private int count(JobStatus status) {
    return counts.getOrDefault(status, 0);
  }

  private int finished() {
    return FINAL.stream().mapToInt(this::count).sum();
  }

  /**
   * Waits until every expected job has been seen in a final status, for at most {@code timeout}.
   *
   * @throws IllegalStateException when the timeout passes first
   * @throws InterruptedException when interrupted while waiting
   */
  void awaitFinished(Duration timeout) throws InterruptedException {
    if (!allFinished.await(timeout.toNanos(), TimeUnit.NANOSECONDS)) {
      int finished;
      synchronized (this) {
        finished = finished();
      }
      throw new IllegalStateException(
          String.format(
              Locale.ROOT,
              "The monitor saw %d of %d jobs finish within %s.",
              finished,
              expected,
              timeout));
    }
  }

  /**
   * Each status with its count of jobs, for example {@code pending=0 running=4 completed=2 ...}.
   */
  synchronized String counts() {
    StringBuilder line = new StringBuilder();
    for (JobStatus status : JobStatus.values()) {
      line.append(line.length() == 0 ? "" : " ");
      line.append(status.wireValue()).append('=').append(count(status));
    }
    return line.toString();
  }
}
