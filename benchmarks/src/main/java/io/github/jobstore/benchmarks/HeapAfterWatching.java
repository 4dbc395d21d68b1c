package io.github.jobstore.benchmarks;

import io.github.jobstore.core.Job;
import io.github.jobstore.core.JobCreateParams;
import io.github.jobstore.store.InMemoryJobStore;
import io.github.jobstore.store.JobNotFoundException;
import io.github.jobstore.store.JobStore;
import io.github.jobstore.store.Subscription;
import java.lang.ref.Reference;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BiConsumer;
import org.jspecify.annotations.Nullable;

/**
 * Prints the heap that watching an {@link InMemoryJobStore} leaves behind once it is over: for each
 * way a subscription or a {@code when} future ends, it runs {@code n} of them (100,000 by default)
 * against a store of 1,000 jobs ({@link Fixtures#populate}), waits until every future has
 * completed, and divides the growth of the heap in use, measured after full collections before and
 * after, by {@code n}. Every figure should be about 0: the store forgets a subscriber when it is
 * closed and a future when it completes, however it completes. The probe keeps no reference to a
 * subscription or future; it counts completions with a {@link Tally}.
 *
 * <ul>
 *   <li>subscribe, update a job, close: the update queues an event in the fresh backlog, which its
 *       delivery thread may or may not deliver before the close drops it;
 *   <li>{@code when} matched by the next update of its job;
 *   <li>{@code when} cancelled by its caller ({@code cancel});
 *   <li>{@code when} timed out ({@code orTimeout}, 1 ms, 1,000 jobs pending at a time);
 *   <li>{@code when} whose current version already matches (completes at once);
 *   <li>{@code when} failed by deleting its job (a new job, created for it);
 *   <li>the control for the last: create and delete a job, with no {@code when}.
 * </ul>
 *
 * <p>Run it after {@code ./mvnw -Pbenchmarks -pl benchmarks -am package -DskipTests}:
 *
 * <pre>
 * java -Xms1g -Xmx1g -cp benchmarks/target/benchmarks.jar io.github.jobstore.benchmarks.HeapAfterWatching
 * </pre>
 */
public final class HeapAfterWatching {

  private static final int JOBS = 1_000;

  private static final Duration PATIENCE = Duration.ofSeconds(60);

  private static final JobCreateParams MINIMAL = JobCreateParams.builder().build();

  /** One way of watching, run {@code n} times; returns once every future has completed. */
  private interface Cycles {
    void run(JobStore store, UUID[] ids, int n) throws InterruptedException;
  }

  private enum Case {
    SUBSCRIBE_UPDATE_CLOSE("subscribe, update, close", HeapAfterWatching::subscribeUpdateClose),
    WHEN_MATCHED("when, matched by an update", HeapAfterWatching::whenMatched),
    WHEN_CANCELLED("when, cancelled", HeapAfterWatching::whenCancelled),
    WHEN_TIMED_OUT("when, orTimeout(1 ms)", HeapAfterWatching::whenTimedOut),
    WHEN_AT_ONCE("when, current version matches", HeapAfterWatching::whenAtOnce),
    WHEN_DELETED("when, job deleted", HeapAfterWatching::whenDeleted),
    CREATE_DELETE("control: create, delete, no when", HeapAfterWatching::createDelete);

    final String label;
    final Cycles cycles;

    Case(String label, Cycles cycles) {
      this.label = label;
      this.cycles = cycles;
    }
  }

  private HeapAfterWatching() {}

  /**
   * Measures and prints, as the class comment describes.
   *
   * @param args optionally {@code n}, the cycles per case, 100,000 by default
   * @throws InterruptedException if interrupted while waiting for futures or a collection
   * @throws IllegalStateException if a future did not complete as expected within 60 s
   */
  public static void main(String[] args) throws InterruptedException {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
    System.out.printf(Locale.ROOT, "%s, %,d cycles per case, %,d jobs%n", Heap.jvm(), n, JOBS);
    JobStore store = InMemoryJobStore.create();
    UUID[] ids = Fixtures.populate(store, JOBS).ids();
    try {
      // A first, discarded round loads and compiles the code under measurement, and sets every
      // job's score, so the measured rounds replace versions of the same size.
      for (Case each : Case.values()) {
        each.cycles.run(store, ids, 10_000);
      }
      for (Case each : Case.values()) {
        long before = Heap.usedAfterGc();
        each.cycles.run(store, ids, n);
        long after = Heap.usedAfterGc();
        System.out.printf(
            Locale.ROOT,
            "%-34s %7.2f bytes retained per cycle (%+,d bytes in all; delivery threads alive: %d)%n",
            each.label,
            (double) (after - before) / n,
            after - before,
            DeliveryThreads.live());
      }
    } finally {
      Reference.reachabilityFence(store);
    }
  }

  private static void subscribeUpdateClose(JobStore store, UUID[] ids, int n) {
    Tally events = new Tally("events");
    for (int i = 0; i < n; i++) {
      Subscription subscription = store.subscribe(events);
      store.update(ids[i % ids.length], job -> job.withBestScore(0.5));
      subscription.close();
    }
  }

  private static void whenMatched(JobStore store, UUID[] ids, int n) throws InterruptedException {
    Tally matched = new Tally("futures matched by an update");
    for (int i = 0; i < n; i++) {
      // A score no version has had yet: the condition fails at once and matches the update.
      Optional<Double> score = Optional.of(1.0 + i);
      store
          .when(ids[i % ids.length], job -> job.bestScore().equals(score))
          .whenComplete(expect(matched, null));
      store.update(ids[i % ids.length], job -> job.withBestScore(score));
    }
    matched.awaitExactly(n, PATIENCE);
  }

  private static void whenCancelled(JobStore store, UUID[] ids, int n) throws InterruptedException {
    Tally cancelled = new Tally("futures cancelled");
    for (int i = 0; i < n; i++) {
      CompletableFuture<Job> future = store.when(ids[i % ids.length], job -> false);
      future.whenComplete(expect(cancelled, CancellationException.class));
      future.cancel(false);
    }
    cancelled.awaitExactly(n, PATIENCE);
  }

  private static void whenTimedOut(JobStore store, UUID[] ids, int n) throws InterruptedException {
    Tally timedOut = new Tally("futures timed out");
    for (int i = 0; i < n; i++) {
      if (i % ids.length == 0) {
        // At most one pending future per job: let the last round time out first.
        timedOut.awaitExactly(i, PATIENCE);
      }
      store
          .when(ids[i % ids.length], job -> false)
          .orTimeout(1, TimeUnit.MILLISECONDS)
          .whenComplete(expect(timedOut, TimeoutException.class));
    }
    timedOut.awaitExactly(n, PATIENCE);
  }

  private static void whenAtOnce(JobStore store, UUID[] ids, int n) throws InterruptedException {
    Tally atOnce = new Tally("futures complete at once");
    for (int i = 0; i < n; i++) {
      store.when(ids[i % ids.length], job -> true).whenComplete(expect(atOnce, null));
    }
    atOnce.awaitExactly(n, PATIENCE);
  }

  private static void whenDeleted(JobStore store, UUID[] ids, int n) throws InterruptedException {
    Tally failed = new Tally("futures failed by a delete");
    for (int i = 0; i < n; i++) {
      UUID id = store.create(MINIMAL).id();
      store.when(id, job -> false).whenComplete(expect(failed, JobNotFoundException.class));
      store.delete(id);
    }
    failed.awaitExactly(n, PATIENCE);
  }

  private static void createDelete(JobStore store, UUID[] ids, int n) {
    for (int i = 0; i < n; i++) {
      store.delete(store.create(MINIMAL).id());
    }
  }

  /**
   * Counts a completion in {@code tally} if it is the expected one: normal when {@code failure} is
   * null, else a failure of that class. Any other completion is not counted, so the wait for the
   * tally fails.
   */
  private static BiConsumer<@Nullable Job, @Nullable Throwable> expect(
      Tally tally, @Nullable Class<? extends Throwable> failure) {
    return (job, thrown) -> {
      if (failure == null ? thrown == null : failure.isInstance(thrown)) {
        tally.add();
      }
    };
  }
}
