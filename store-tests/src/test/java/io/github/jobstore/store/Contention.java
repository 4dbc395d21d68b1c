package io.github.jobstore.store;

import static org.assertj.core.api.Assertions.fail;

import io.github.jobstore.testkit.Parallel;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/**
 * Forces the interleavings {@link InMemoryJobStore}'s locking allows: starts a thread, then waits
 * until it is blocked on a job's monitor or parked on a lock, so a test can make two writers
 * contend for certain rather than by chance. Every wait is bounded by {@link
 * Parallel#TIMEOUT_SECONDS}; a failure or interruption elsewhere stops the spinning at once.
 */
final class Contention {

  private Contention() {}

  /**
   * Starts {@code task} on a new daemon thread; {@link Started#result()} waits, bounded, for it.
   */
  static <T> Started<T> start(Callable<T> task) {
    FutureTask<T> future = new FutureTask<>(task);
    Thread thread = new Thread(future);
    thread.setDaemon(true);
    thread.start();
    return new Started<>(thread, future);
  }

  /**
   * Spins until every thread is {@link Thread.State#BLOCKED} on a monitor (for a store write, the
   * job's lock held by another thread), or fails after the timeout.
   */
  static void awaitBlocked(Thread... threads) {
    for (Thread thread : threads) {
      awaitState(thread, () -> thread.getState() == Thread.State.BLOCKED, "BLOCKED");
    }
  }

  /** Spins until {@code thread} is parked on {@code blocker} (a lock it waits for). */
  static void awaitParkedOn(Thread thread, Object blocker) {
    awaitState(thread, () -> LockSupport.getBlocker(thread) == blocker, "parked on " + blocker);
  }

  private static void awaitState(Thread thread, BooleanSupplier reached, String state) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(Parallel.TIMEOUT_SECONDS);
    while (!reached.getAsBoolean()) {
      Parallel.stopIfInterrupted();
      if (!thread.isAlive()) {
        fail("thread %s ended before it was %s", thread.getName(), state);
      }
      if (System.nanoTime() - deadline > 0) {
        fail("thread %s is %s, not %s", thread.getName(), thread.getState(), state);
      }
      Thread.onSpinWait();
    }
  }

  /** A task running on its own thread. */
  record Started<T>(Thread thread, FutureTask<T> future) {

    /**
     * The task's result; fails if it threw or did not finish within the timeout, and then stops the
     * thread (interrupts it and waits for it, bounded).
     */
    T result() throws InterruptedException {
      try {
        return future.get(Parallel.TIMEOUT_SECONDS, TimeUnit.SECONDS);
      } catch (ExecutionException e) {
        Throwable cause = e.getCause() == null ? e : e.getCause();
        throw cause instanceof AssertionError assertion
            ? assertion
            : new AssertionError(thread.getName() + " failed", cause);
      } catch (TimeoutException e) {
        future.cancel(true);
        thread.join(TimeUnit.SECONDS.toMillis(Parallel.TIMEOUT_SECONDS));
        throw new AssertionError(
            "thread "
                + thread.getName()
                + " did not finish within "
                + Parallel.TIMEOUT_SECONDS
                + " s"
                + (thread.isAlive() ? ", and still ran after being interrupted" : ""));
      }
    }
  }
}
