package io.github.jobstore.testkit;

import java.util.Arrays;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Shrinks a counterexample by simplifying the choices that generated it, Hypothesis-style: drop
 * runs of choices, zero them, and bring each one down toward zero, keeping every candidate that
 * still breaks the property. A kept candidate is always simpler (shorter, or as long and smaller at
 * its first difference), so shrinking ends; it also stops after a number of replays or a time.
 */
final class Shrinker {

  private final Function<long[], @Nullable Counterexample> replay;
  private final int maxRuns;
  private final long deadline;
  private Counterexample best;
  private int runs;
  private int steps;

  /**
   * Prepares to shrink {@code original}.
   *
   * @param replay rebuilds the value from choices and runs the property: the counterexample when it
   *     still fails the same way, null when it holds or the choices make no value
   */
  Shrinker(
      Counterexample original,
      Function<long[], @Nullable Counterexample> replay,
      int maxRuns,
      long budgetNanos) {
    this.best = original;
    this.replay = replay;
    this.maxRuns = maxRuns;
    this.deadline = System.nanoTime() + budgetNanos;
  }

  /** Shrinks until no pass simplifies further or the budget is spent, and returns the simplest. */
  Counterexample shrink() {
    attempt(new long[0]);
    long[] before;
    do {
      before = best.choices();
      truncate();
      for (int chunk = Integer.highestOneBit(best.choices().length); chunk > 0; chunk /= 2) {
        deleteChunks(chunk);
      }
      for (int chunk = Integer.highestOneBit(best.choices().length); chunk > 0; chunk /= 2) {
        zeroChunks(chunk);
      }
      minimizeEach();
    } while (best.choices() != before && budgetLeft());
    return best;
  }

  /** How many simpler counterexamples were kept on the way. */
  int steps() {
    return steps;
  }

  /** How many times the property ran while shrinking. */
  int runs() {
    return runs;
  }

  /** Keeps a prefix: the choices after it replay as zeros, the simplest. */
  private void truncate() {
    for (int length = 1; length < best.choices().length; length *= 2) {
      if (attempt(Arrays.copyOf(best.choices(), length))) {
        return;
      }
    }
  }

  private void deleteChunks(int chunk) {
    for (int start = best.choices().length - chunk; start >= 0; start -= chunk) {
      long[] choices = best.choices();
      if (start + chunk > choices.length) {
        continue;
      }
      long[] shorter = new long[choices.length - chunk];
      System.arraycopy(choices, 0, shorter, 0, start);
      System.arraycopy(choices, start + chunk, shorter, start, shorter.length - start);
      attempt(shorter);
    }
  }

  private void zeroChunks(int chunk) {
    for (int start = best.choices().length - chunk; start >= 0; start -= chunk) {
      long[] choices = best.choices();
      if (start + chunk > choices.length
          || Arrays.stream(choices, start, start + chunk).allMatch(c -> c == 0)) {
        continue;
      }
      long[] zeroed = choices.clone();
      Arrays.fill(zeroed, start, start + chunk, 0);
      attempt(zeroed);
    }
  }

  /** Brings each choice down: zero if that still fails, else the least failing by bisection. */
  private void minimizeEach() {
    for (int i = 0; i < best.choices().length && budgetLeft(); i++) {
      if (best.choices()[i] != 0 && !attempt(with(i, 0))) {
        // Signed draws alternate signs (0, -1, 1, -2...): keeping the low bit keeps the sign.
        bisect(i, 1);
        bisect(i, 0);
      }
    }
  }

  /**
   * Bisects choice {@code i} over the values that share its lowest {@code shift} bits, between one
   * that holds (or the least such value, tried first) and the current one, which fails.
   */
  private void bisect(int i, int shift) {
    long bits = best.choices()[i] & ((1L << shift) - 1);
    long low = 0;
    long high = best.choices()[i] >>> shift;
    if (bits != 0 && attempt(with(i, bits))) {
      return;
    }
    while (Long.compareUnsigned(high - low, 1) > 0 && i < best.choices().length) {
      long middle = low + ((high - low) >>> 1);
      if (attempt(with(i, (middle << shift) | bits))) {
        high = middle;
      } else {
        low = middle;
      }
    }
  }

  private long[] with(int index, long value) {
    long[] changed = best.choices().clone();
    changed[index] = value;
    return changed;
  }

  /** Replays {@code choices} if simpler than the best so far, and keeps them if they still fail. */
  private boolean attempt(long[] choices) {
    if (!budgetLeft() || !simpler(choices, best.choices())) {
      return false;
    }
    runs++;
    Counterexample candidate = replay.apply(choices);
    if (candidate == null || !simpler(candidate.choices(), best.choices())) {
      return false;
    }
    best = candidate;
    steps++;
    return true;
  }

  private boolean budgetLeft() {
    return runs < maxRuns && System.nanoTime() - deadline < 0;
  }

  /** Shortlex order: fewer choices, or as many and the first differing one smaller (unsigned). */
  static boolean simpler(long[] candidate, long[] than) {
    if (candidate.length != than.length) {
      return candidate.length < than.length;
    }
    int mismatch = Arrays.mismatch(candidate, than);
    return mismatch >= 0 && Long.compareUnsigned(candidate[mismatch], than[mismatch]) < 0;
  }
}
