package io.github.jobstore.store;

import static org.assertj.core.api.Assertions.fail;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.IntFunction;
import org.jspecify.annotations.Nullable;

/**
 * Runs tasks on threads at once, with every wait bounded. The failure reported is the first in time
 * among the threads; the others are interrupted at once, and no thread outlives the call: one that
 * still runs {@value #STOP_SECONDS} seconds after being interrupted fails the test, unless a real
 * failure came first, which it never hides (it is added to it as suppressed).
 */
final class Parallel {

  /**
   * A bound on a whole run, only ever reached by a hang: tests coordinate with latches and counts
   * of work, never with time, so a slow machine makes them slower, not red.
   */
  static final long TIMEOUT_SECONDS = 60;

  /** How long an interrupted thread may take to stop. */
  private static final long STOP_SECONDS = 10;

  private Parallel() {}

  /**
   * Runs {@code threads} tasks at once, released together by a barrier, and returns their results
   * in thread order. Fails with the first failure in time (an {@link AssertionError} as thrown, any
   * other exception as its cause), or if the tasks do not all finish within the timeout; either way
   * the other threads are interrupted and joined.
   */
  static <T> List<T> inParallel(int threads, IntFunction<Callable<T>> task)
      throws InterruptedException {
    CyclicBarrier start = new CyclicBarrier(threads);
    BlockingQueue<Outcome<T>> outcomes = new LinkedBlockingQueue<>();
    List<Thread> running = new ArrayList<>(threads);
    for (int index = 0; index < threads; index++) {
      Callable<T> work = task.apply(index);
      int thread = index;
      Thread worker =
          new Thread(
              () -> {
                try {
                  start.await(TIMEOUT_SECONDS, TimeUnit.SECONDS);
                  outcomes.add(new Outcome<>(thread, work.call(), null));
                } catch (Throwable t) {
                  outcomes.add(new Outcome<>(thread, null, t));
                }
              },
              "parallel-" + index);
      worker.setDaemon(true);
      running.add(worker);
    }
    running.forEach(Thread::start);
    List<T> results = new ArrayList<>(Collections.nCopies(threads, null));
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS);
    AssertionError failure = null;
    try {
      for (int finished = 0; finished < threads; finished++) {
        Outcome<T> outcome = outcomes.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
        if (outcome == null) {
          failure = new AssertionError(unfinished(running));
          break;
        }
        if (outcome.failure() != null) {
          failure = asAssertion("thread " + outcome.thread(), outcome.failure());
          break;
        }
        results.set(outcome.thread(), outcome.result());
      }
    } catch (InterruptedException e) {
      failure = new AssertionError("interrupted while waiting for the threads", e);
    }
    if (failure != null) {
      running.forEach(Thread::interrupt);
    }
    AssertionError stuck = join(running);
    if (failure != null) {
      if (stuck != null) {
        failure.addSuppressed(stuck);
      }
      throw failure;
    }
    if (stuck != null) {
      throw stuck;
    }
    return results;
  }

  /**
   * Throws if this thread was interrupted: every spin loop of a thread that {@link #inParallel}
   * runs calls it, so that a failure elsewhere stops it at once.
   */
  static void stopIfInterrupted() {
    if (Thread.currentThread().isInterrupted()) {
      throw new IllegalStateException("interrupted: another thread failed or the test timed out");
    }
  }

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
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS);
    while (!reached.getAsBoolean()) {
      stopIfInterrupted();
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
     * thread.
     */
    T result() throws InterruptedException {
      try {
        return future.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
      } catch (ExecutionException e) {
        Throwable cause = e.getCause();
        throw asAssertion(thread.getName(), cause == null ? e : cause);
      } catch (TimeoutException e) {
        future.cancel(true);
        AssertionError failure =
            new AssertionError(
                "thread " + thread.getName() + " did not finish within " + TIMEOUT_SECONDS + " s");
        AssertionError stuck = join(List.of(thread));
        if (stuck != null) {
          failure.addSuppressed(stuck);
        }
        throw failure;
      }
    }
  }

  private record Outcome<T>(int thread, @Nullable T result, @Nullable Throwable failure) {}

  private static AssertionError asAssertion(String thread, Throwable cause) {
    if (cause instanceof AssertionError assertion) {
      return assertion;
    }
    return new AssertionError(thread + " failed", cause);
  }

  private static String unfinished(List<Thread> threads) {
    StringBuilder message =
        new StringBuilder("threads did not finish within " + TIMEOUT_SECONDS + " s:");
    for (Thread thread : threads) {
      if (thread.isAlive()) {
        message
            .append("\n  ")
            .append(thread.getName())
            .append(' ')
            .append(Arrays.toString(thread.getStackTrace()));
      }
    }
    return message.toString();
  }

  /**
   * Joins every thread within {@link #STOP_SECONDS} in all; returns a failure naming those still
   * running, or null.
   */
  private static @Nullable AssertionError join(List<Thread> threads) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(STOP_SECONDS);
    List<String> alive = new ArrayList<>();
    for (Thread thread : threads) {
      long left = deadline - System.nanoTime();
      try {
        if (left > 0) {
          TimeUnit.NANOSECONDS.timedJoin(thread, left);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      if (thread.isAlive()) {
        thread.interrupt();
        alive.add(thread.getName());
      }
    }
    return alive.isEmpty()
        ? null
        : new AssertionError(
            "threads " + alive + " still ran " + STOP_SECONDS + " s after being stopped");
  }
}
