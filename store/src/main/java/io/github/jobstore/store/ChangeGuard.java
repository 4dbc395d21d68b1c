package io.github.jobstore.store;

import static java.util.Objects.requireNonNull;

import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * Runs the functions that callers pass to {@code update} and {@code updateIteration}, and the
 * conditions they pass to {@code when}, and keeps them from writing to the store. Such a function
 * runs under its job's monitor, where a write could corrupt that job's indexes or, by taking
 * another job's monitor, deadlock; so every write first asks {@link #rejectWritesFromChanges()}.
 * The mark is per thread: other threads write freely meanwhile.
 */
final class ChangeGuard {

  /** Set on a thread while it runs a change function. */
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
  void rejectWritesFromChanges() {
    if (changing.get() != null) {
      throw new IllegalStateException(
          "A function the store runs under a job's lock (an update function, a when condition)"
              + " must not write to the store");
    }
  }
}
