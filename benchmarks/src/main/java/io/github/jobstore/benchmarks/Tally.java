package io.github.jobstore.benchmarks;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;

/**
 * Counts what it is handed, from any thread: the events a listener is given ({@code
 * store.subscribe(tally)}), or the futures that completed as a probe expected. {@link
 * #awaitExactly} waits, for a bounded time, until the count reaches what the caller made happen.
 *
 * <p>Thread-safe: the count is an {@link AtomicLong}, so a reader sees every increment that
 * happened before its read.
 */
final class Tally implements Consumer<Object> {

  /** How long {@link #awaitExactly} parks between two readings of the count. */
  private static final long PAUSE_NANOS = TimeUnit.MICROSECONDS.toNanos(100);

  private final String name;
  private final AtomicLong count = new AtomicLong();

  /** A tally at 0; {@code name} says what it counts, in its failure messages. */
  Tally(String name) {
    this.name = name;
  }

  /** Counts one, whatever {@code item} is. */
  @Override
  public void accept(Object item) {
    count.incrementAndGet();
  }

  /** Counts one. */
  void add() {
    count.incrementAndGet();
  }

  long count() {
    return count.get();
  }

  /**
   * Returns once the count has reached {@code expected}, reading it every 100 µs for at most {@code
   * timeout}.
   *
   * @throws IllegalStateException if the count is not {@code expected}: still below it when {@code
   *     timeout} has passed, or above it
   * @throws InterruptedException if interrupted while waiting
   */
  void awaitExactly(long expected, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    long seen = count.get();
    while (seen < expected && System.nanoTime() - deadline < 0) {
      LockSupport.parkNanos(PAUSE_NANOS);
      if (Thread.interrupted()) {
        throw new InterruptedException(name + ": interrupted at " + seen + " of " + expected);
      }
      seen = count.get();
    }
    if (seen != expected) {
      throw new IllegalStateException(
          name
              + ": counted "
              + seen
              + ", expected "
              + expected
              + " (waited at most "
              + timeout
              + ")");
    }
  }
}
