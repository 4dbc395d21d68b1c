package io.github.jobstore.testkit;

import static io.github.jobstore.testkit.Parallel.inParallel;
import static java.util.Objects.requireNonNull;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** What {@link Parallel} reports, and that it leaves no thread running. */
class ParallelTest {

  @Test
  void returnsTheResultsInThreadOrder() throws InterruptedException {
    assertThat(inParallel(3, thread -> () -> thread * 10)).containsExactly(0, 10, 20);
  }

  @Test
  void runsOneThreadAndRefusesFewer() throws InterruptedException {
    assertThat(inParallel(1, thread -> () -> "only")).containsExactly("only");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> inParallel(0, thread -> () -> thread))
        .withMessage("threads must be at least 1, not 0");
  }

  @Test
  void reportsTheFirstFailureInTimeAndStopsTheOtherThreadsAtOnce() {
    AtomicReference<Thread> spinner = new AtomicReference<>();
    long started = System.nanoTime();

    // Thread 0 spins until interrupted, so a Parallel that waited for threads in order would
    // report its timeout instead of thread 1's failure.
    Throwable thrown =
        catchThrowable(
            () ->
                inParallel(
                    2,
                    thread ->
                        () -> {
                          if (thread == 0) {
                            spinner.set(Thread.currentThread());
                            while (true) {
                              Parallel.stopIfInterrupted();
                              Thread.onSpinWait();
                            }
                          }
                          throw new AssertionError("the real failure");
                        }));

    assertThat(thrown).isExactlyInstanceOf(AssertionError.class).hasMessage("the real failure");
    assertThat(thrown.getSuppressed()).isEmpty();
    assertThat(requireNonNull(spinner.get()).isAlive())
        .as("the spinning thread still runs")
        .isFalse();
    assertThat(System.nanoTime() - started)
        .as("nanoseconds to report the failure")
        .isLessThan(TimeUnit.SECONDS.toNanos(Parallel.TIMEOUT_SECONDS));
  }

  @Test
  void wrapsAnExceptionOtherThanAnAssertionWithTheThreadThatThrewIt() {
    IllegalStateException cause = new IllegalStateException("boom");

    Throwable thrown =
        catchThrowable(
            () ->
                inParallel(
                    2,
                    thread ->
                        () -> {
                          if (thread == 1) {
                            throw cause;
                          }
                          return thread;
                        }));

    assertThat(thrown)
        .isExactlyInstanceOf(AssertionError.class)
        .hasMessage("thread 1 failed")
        .hasCause(cause);
  }

  @Test
  void aThreadThatIgnoresInterruptionNeverHidesTheRealFailure() throws InterruptedException {
    CountDownLatch release = new CountDownLatch(1);
    AtomicReference<Thread> stubborn = new AtomicReference<>();
    try {
      Throwable thrown =
          catchThrowable(
              () ->
                  inParallel(
                      2,
                      thread ->
                          () -> {
                            if (thread == 0) {
                              stubborn.set(Thread.currentThread());
                              // Ignores interruption, until the test lets it go.
                              while (release.getCount() > 0) {
                                Thread.onSpinWait();
                              }
                              return thread;
                            }
                            throw new AssertionError("the real failure");
                          }));

      assertThat(thrown).isExactlyInstanceOf(AssertionError.class).hasMessage("the real failure");
      assertThat(thrown.getSuppressed())
          .singleElement()
          .satisfies(
              stuck ->
                  assertThat(stuck)
                      .hasMessage("threads [parallel-0] still ran 10 s after being stopped"));
    } finally {
      release.countDown();
    }
    requireNonNull(stubborn.get()).join(TimeUnit.SECONDS.toMillis(10));
    assertThat(requireNonNull(stubborn.get()).isAlive()).isFalse();
  }
}
