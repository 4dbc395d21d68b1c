package io.github.jobstore.testkit.assertj;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.time.Duration;
import org.assertj.core.api.AbstractThrowableAssert;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/** Timeouts and timed runs for tests of the recorder assertions, which wait. */
final class Waiting {

  /** A timeout no passing or at-once failing assertion comes near. */
  static final Duration LONG = Duration.ofSeconds(30);

  /** Liveness bound of a failure "at once": generous, and far below {@link #LONG}. */
  static final Duration AT_ONCE = Duration.ofSeconds(5);

  /** The wait of an assertion whose expected event never comes. */
  static final Duration SHORT = Duration.ofMillis(200);

  private Waiting() {}

  /** Runs an assertion expected to fail well before its timeout, and returns its failure. */
  static AbstractThrowableAssert<?, ? extends Throwable> failsAtOnce(ThrowingCallable assertion) {
    long start = System.nanoTime();
    Throwable failure = catchThrowable(assertion);
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(AT_ONCE);
    return assertThat(failure).isInstanceOf(AssertionError.class);
  }

  /**
   * Runs an assertion expected to fail once {@code timeout} has passed, and returns its failure.
   */
  static AbstractThrowableAssert<?, ? extends Throwable> failsAfter(
      Duration timeout, ThrowingCallable assertion) {
    long start = System.nanoTime();
    Throwable failure = catchThrowable(assertion);
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(timeout);
    return assertThat(failure).isInstanceOf(AssertionError.class);
  }
}
