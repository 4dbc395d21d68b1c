package io.github.jobstore.testkit.assertj;

import io.github.jobstore.store.JobEvent;
import io.github.jobstore.testkit.JobStoreRecorder;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import org.eclipse.collections.api.list.ImmutableList;
import org.jspecify.annotations.Nullable;

/**
 * Waits for a recorder to reach a state an assertion expects. The recorded events only grow, so
 * each state is judged {@link Verdict#MATCHES}, {@link Verdict#NOT_YET} (a later event may make it
 * match) or {@link Verdict#NEVER} (no later event can): the wait ends at the first state that is
 * not {@code NOT_YET}, or at the timeout, and the outcome keeps the state it was judged on, so that
 * a failure shows exactly what the verdict saw.
 */
final class Awaiting {

  private Awaiting() {}

  /** How a recorded state compares with what an assertion expects. */
  enum Verdict {
    MATCHES,
    NOT_YET,
    NEVER;

    /** Judges a count that only grows against the exact count expected. */
    static Verdict ofCount(int recorded, int expected) {
      return recorded == expected ? MATCHES : recorded < expected ? NOT_YET : NEVER;
    }

    /** Judges a list that only grows at its end against the exact list expected. */
    static Verdict ofPath(List<?> recorded, List<?> expected) {
      if (recorded.equals(expected)) {
        return MATCHES;
      }
      boolean prefix =
          recorded.size() < expected.size()
              && expected.subList(0, recorded.size()).equals(recorded);
      return prefix ? NOT_YET : NEVER;
    }
  }

  /**
   * One reading of a recorder, taken while it holds its lock: the value an assertion judges, and
   * the events a failure shows.
   */
  record Snapshot<V>(V value, ImmutableList<JobEvent> shown) {}

  /** The last snapshot judged, its verdict, and whether the wait for a better one was cut short. */
  record Outcome<V>(Snapshot<V> last, Verdict verdict, boolean interrupted, Duration timeout) {

    /**
     * Returns the failure message: {@code Expected <expected>[ within <timeout>] but <actual>[ when
     * the wait was interrupted]}, then the shown events under {@code heading}. The timeout is named
     * only when the recorder might still have come to match.
     */
    String message(String expected, String actual, String heading) {
      return "Expected "
          + expected
          + (verdict == Verdict.NOT_YET ? " within " + timeout : "")
          + " but "
          + actual
          + (interrupted ? " when the wait was interrupted" : "")
          + "\n"
          + EventLines.listing(heading, last.shown());
    }
  }

  /**
   * Reads {@code recorder} and judges the reading, now and after new events, until the verdict is
   * not {@code NOT_YET} or {@code timeout} has passed; an interrupt ends the wait at once and stays
   * set on the thread.
   */
  static <V> Outcome<V> await(
      JobStoreRecorder recorder,
      Duration timeout,
      Function<? super JobStoreRecorder, Snapshot<V>> read,
      Function<? super V, Verdict> judge) {
    // The predicate runs on this thread under the recorder's lock: the holder needs no sync.
    Judged<V> judged = new Judged<>();
    boolean settled =
        recorder.awaitUntil(
            current -> {
              Snapshot<V> snapshot = read.apply(current);
              judged.snapshot = snapshot;
              judged.verdict = judge.apply(snapshot.value());
              return judged.verdict != Verdict.NOT_YET;
            },
            timeout);
    boolean interrupted = !settled && Thread.currentThread().isInterrupted();
    return new Outcome<>(judged.snapshot(), judged.verdict, interrupted, timeout);
  }

  private static final class Judged<V> {
    private @Nullable Snapshot<V> snapshot;
    private Verdict verdict = Verdict.NOT_YET;

    Snapshot<V> snapshot() {
      if (snapshot == null) {
        throw new IllegalStateException("awaitUntil never tested its condition");
      }
      return snapshot;
    }
  }
}
