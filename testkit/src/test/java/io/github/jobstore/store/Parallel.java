package io.github.jobstore.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
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
    } finally {
      executor.shutdownNow();
      assertThat(executor.awaitTermination(TIMEOUT_SECONDS, TimeUnit.SECONDS)).isTrue();
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
