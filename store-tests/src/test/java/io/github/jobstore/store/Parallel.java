package io.github.jobstore.store;

import static org.assertj.core.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.IntFunction;

/** Runs tasks on threads at once, with every wait bounded. */
final class Parallel {

  private static final long TIMEOUT_SECONDS = 10;

  private Parallel() {}

  /**
   * Runs {@code threads} tasks at once, released together by a barrier, and returns their results
   * in thread order; fails if any throws or all do not finish within the timeout.
   */
  static <T> List<T> inParallel(int threads, IntFunction<Callable<T>> task)
      throws InterruptedException {
    ExecutorService executor = Executors.newFixedThreadPool(threads);
    Throwable failure = null;
    try {
      CyclicBarrier start = new CyclicBarrier(threads);
      List<Future<T>> futures = new ArrayList<>(threads);
      for (int thread = 0; thread < threads; thread++) {
        Callable<T> work = task.apply(thread);
        futures.add(
            executor.submit(
                () -> {
                  start.await(TIMEOUT_SECONDS, TimeUnit.SECONDS);
                  return work.call();
                }));
      }
      List<T> results = new ArrayList<>(threads);
      for (Future<T> future : futures) {
        results.add(await(future));
      }
      return results;
    } catch (Throwable t) {
      failure = t;
      throw t;
    } finally {
      executor.shutdownNow();
      if (!executor.awaitTermination(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        AssertionError running =
            new AssertionError("threads still ran " + TIMEOUT_SECONDS + " s after being stopped");
        // The first failure is the one to report; a thread that outlives it is secondary.
        if (failure == null) {
          throw running;
        }
        failure.addSuppressed(running);
      }
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
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS);
    for (Thread thread : threads) {
      while (thread.getState() != Thread.State.BLOCKED) {
        if (System.nanoTime() - deadline > 0) {
          fail("thread %s is %s, not BLOCKED", thread.getName(), thread.getState());
        }
        Thread.onSpinWait();
      }
    }
  }

  /** A task running on its own thread. */
  record Started<T>(Thread thread, Future<T> future) {

    /** The task's result; fails if it threw or did not finish within the timeout. */
    T result() throws InterruptedException {
      return await(future);
    }
  }

  private static <T> T await(Future<T> future) throws InterruptedException {
    try {
      return future.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof AssertionError assertion) {
        throw assertion;
      }
      throw new AssertionError("a thread failed", cause);
    } catch (TimeoutException e) {
      future.cancel(true);
      return fail("a thread did not finish within " + TIMEOUT_SECONDS + " seconds", e);
    }
  }
}
