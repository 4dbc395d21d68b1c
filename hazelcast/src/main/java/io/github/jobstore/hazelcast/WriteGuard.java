package io.github.jobstore.hazelcast;

import static java.util.Objects.requireNonNull;

import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * Keeps the functions a caller passes to {@code update} and {@code updateIteration}, and the
 * conditions of {@code when}, from writing to the store. An update function runs while its thread
 * holds the job's cluster lock, which is reentrant: a nested write of the same job would not wait
 * and would be overwritten, one of another job could deadlock. So every write first asks {@link
 * #rejectWrites()}. The mark is per thread: other threads write freely meanwhile.
 */
final class WriteGuard {

  private final ThreadLocal<Boolean> changing = new ThreadLocal<>();

  /**
   * Returns {@code change} applied to {@code current}, with writes from inside it rejected.
   *
   * @throws NullPointerException when {@code change} returns null
   */
  <T> T apply(UnaryOperator<T> change, T current) {
    changing.set(Boolean.TRUE);
    try {
      return requireNonNull(change.apply(current), "the change returned null");
    } finally {
      changing.remove();
    }
  }

  /** Returns {@code condition}'s verdict on {@code value}, with writes from inside it rejected. */
  <T> boolean test(Predicate<? super T> condition, T value) {
    changing.set(Boolean.TRUE);
    try {
      return condition.test(value);
    } finally {
      changing.remove();
    }
  }

  /**
   * Called first by every write.
   *
   * @throws IllegalStateException when the calling thread is inside a change function
   */
  void rejectWrites() {
    if (changing.get() != null) {
      throw new IllegalStateException(
          "A function the store runs under a job's lock (an update function, a when condition)"
              + " must not write to the store");
    }
  }
}
