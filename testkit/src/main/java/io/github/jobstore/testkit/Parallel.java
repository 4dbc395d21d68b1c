package io.github.jobstore.testkit;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import org.jspecify.annotations.Nullable;

/**
 * Runs tasks on threads at once, for tests that make a store (or anything else) race: the
 * concurrency contract's stress tests run on it, and so can yours.
 *
 * <pre>{@code
 * List<Long> counters =
 *     Parallel.inParallel(4, thread -> () -> store.update(id, raise).numIterations().orElseThrow());
 * }</pre>
 *
 * <p>Every wait is bounded. The failure reported is the first in time among the threads; the others
 * are interrupted at once, and no thread outlives the call: one that still runs {@value
 * #STOP_SECONDS} seconds after being interrupted fails the test, unless a real failure came first,
 * which it never hides (it is added to it as suppressed). A task that loops should call {@link
 * #stopIfInterrupted()} in its loop, so that it stops when another thread fails. Plain Java: it
 * throws {@link AssertionError}, which every test framework reports as a failure.
 */
public final class Parallel {

  /**
   * A bound on a whole run, only ever reached by a hang: tests coordinate with latches and counts
   * of work, never with time, so a slow machine makes them slower, not red.
   */
  public static final long TIMEOUT_SECONDS = 60;

  /** How long an interrupted thread may take to stop. */
  private static final long STOP_SECONDS = 10;

  private Parallel() {}

  /**
   * Runs {@code threads} tasks at once, released together by a barrier, and returns their results
   * in thread order. Fails with the first failure in time (an {@link AssertionError} as thrown, any
   * other exception as its cause), or if the tasks do not all finish within {@value
   * #TIMEOUT_SECONDS} seconds; either way the other threads are interrupted and joined.
   *
   * @param threads how many threads to run, at least one
   * @param task makes the task of each thread from its index, 0 to {@code threads - 1}, on the
   *     calling thread before any starts
   * @return the tasks' results, in thread order
   * @throws AssertionError if a task failed, did not finish in time, or did not stop when
   *     interrupted
   * @throws IllegalArgumentException if {@code threads} is below one
   * @throws InterruptedException if the calling thread is interrupted while it waits
   */
  public static <T extends @Nullable Object> List<T> inParallel(
      int threads, IntFunction<Callable<T>> task) throws InterruptedException {
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be at least 1, not " + threads);
    }
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
   * Throws if this thread was interrupted: every loop of a task that {@link #inParallel} runs calls
   * it, so that a failure elsewhere stops it at once.
   *
   * @throws IllegalStateException if this thread was interrupted (its interrupt status stays set)
   */
  public static void stopIfInterrupted() {
    if (Thread.currentThread().isInterrupted()) {
      throw new IllegalStateException("interrupted: another thread failed or the test timed out");
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
