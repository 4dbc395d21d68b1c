package io.github.jobstore.testkit;

import static java.util.Objects.requireNonNull;

import io.github.jobstore.core.JobStatus;
import io.github.jobstore.store.JobCreated;
import io.github.jobstore.store.JobEvent;
import io.github.jobstore.store.JobStore;
import io.github.jobstore.store.JobUpdated;
import io.github.jobstore.store.Subscription;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.eclipse.collections.api.factory.Lists;
import org.eclipse.collections.api.list.ImmutableList;
import org.eclipse.collections.api.list.MutableList;

/**
 * Records the events of a {@link JobStore} from the moment it is attached, for a test to read what
 * happened: every event in the order it arrived, one job's events, the events of one kind, and the
 * statuses a job went through.
 *
 * <pre>{@code
 * JobStoreRecorder recorder = JobStoreRecorder.attach(store);
 * service.run(jobId);
 * recorder.awaitUntil(r -> r.statuses(jobId).contains(JobStatus.COMPLETED), Duration.ofSeconds(5));
 * assertThat(recorder.statuses(jobId)).containsExactly(PENDING, RUNNING, COMPLETED);
 * }</pre>
 *
 * <p>A store may deliver events on its own threads after the write has returned ({@code
 * InMemoryJobStore} does), so a read right after a write may miss that write's event: {@link
 * #awaitUntil} waits for what a test expects, and the AssertJ assertions of {@code
 * JobStoreAssertions} wait the same way. Thread-safe; every read returns an immutable snapshot.
 */
public final class JobStoreRecorder implements AutoCloseable {

  private final MutableList<JobEvent> events = Lists.mutable.empty();
  private final Subscription subscription;

  private JobStoreRecorder(JobStore store) {
    subscription = store.subscribe(this::record);
  }

  /**
   * Subscribes a new recorder to {@code store}: it records the events of every write that takes
   * effect from now on, until it is {@linkplain #close closed}.
   *
   * @throws NullPointerException when {@code store} is null
   */
  public static JobStoreRecorder attach(JobStore store) {
    return new JobStoreRecorder(requireNonNull(store, "store"));
  }

  private void record(JobEvent event) {
    synchronized (events) {
      events.add(event);
      events.notifyAll();
    }
  }

  /** Returns every event recorded so far, in the order the store delivered them. */
  public ImmutableList<JobEvent> events() {
    synchronized (events) {
      return events.toImmutable();
    }
  }

  /** Returns the events recorded so far of the job {@code jobId} ({@link JobEvent#jobId()}). */
  public ImmutableList<JobEvent> events(UUID jobId) {
    requireNonNull(jobId, "jobId");
    return events().select(event -> event.jobId().equals(jobId));
  }

  /** Returns the events of kind {@code kind} recorded so far, e.g. {@code JobUpdated.class}. */
  public <E extends JobEvent> ImmutableList<E> events(Class<E> kind) {
    requireNonNull(kind, "kind");
    return events().selectInstancesOf(kind);
  }

  /**
   * Returns the statuses the job {@code jobId} went through, in order, as far as recorded: the
   * status it was created with (or, when it was created before the recorder was attached, the one
   * its first recorded update replaced), then each status an update changed it to. An update that
   * keeps the status adds nothing; a job with no recorded create or update has no statuses.
   */
  public ImmutableList<JobStatus> statuses(UUID jobId) {
    MutableList<JobStatus> path = Lists.mutable.empty();
    for (JobEvent event : events(jobId)) {
      if (event instanceof JobCreated created) {
        path.add(created.job().status());
      } else if (event instanceof JobUpdated updated) {
        if (path.isEmpty()) {
          path.add(updated.previous().status());
        }
        if (path.getLast() != updated.current().status()) {
          path.add(updated.current().status());
        }
      }
    }
    return path.toImmutable();
  }

  /**
   * Waits until {@code condition} holds for this recorder, testing it now and again whenever new
   * events have arrived, for at most {@code timeout}. Several events may arrive between two tests,
   * so a condition should hold from some state on ({@code events().size() >= 3}, not {@code == 3}),
   * or it may miss the state it waits for.
   *
   * <p>{@code condition} runs on the calling thread while this recorder holds its lock, so every
   * read inside it sees one state and no event is recorded while it runs: it must be quick, and
   * must not wait for events. What it throws is thrown by this method. A zero or negative timeout
   * tests once; one too long to count in nanoseconds (about 292 years) waits without bound.
   *
   * @return whether the condition held (false when the timeout passed, or the waiting thread was
   *     interrupted, whose interrupt status is then set again)
   * @throws NullPointerException when {@code condition} or {@code timeout} is null
   */
  public boolean awaitUntil(Predicate<? super JobStoreRecorder> condition, Duration timeout) {
    requireNonNull(condition, "condition");
    long start = System.nanoTime();
    long limit = nanosOf(requireNonNull(timeout, "timeout"));
    synchronized (events) {
      while (!condition.test(this)) {
        long left = limit - (System.nanoTime() - start);
        if (left <= 0) {
          return false;
        }
        try {
          events.wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return false;
        }
      }
      return true;
    }
  }

  private static long nanosOf(Duration timeout) {
    try {
      return timeout.toNanos();
    } catch (ArithmeticException tooLong) {
      return timeout.isNegative() ? 0 : Long.MAX_VALUE;
    }
  }

  /**
   * Stops recording: once this returns, no event is recorded but the one being recorded at that
   * moment, if any. The events recorded so far stay readable. Closing again does nothing.
   */
  @Override
  public void close() {
    subscription.close();
  }

  @Override
  public String toString() {
    return "JobStoreRecorder" + events();
  }
}
