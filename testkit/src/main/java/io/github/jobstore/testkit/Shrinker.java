package io.github.jobstore.testkit;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Shrinks a counterexample by simplifying the choices that generated it, Hypothesis-style: drop
 * runs of choices, zero them, and bring each one down toward zero, keeping every candidate that
 * still breaks the property. A kept candidate is always simpler (shorter, or as long and smaller at
 * its first difference), so shrinking ends; it also stops after a number of replays or a time.
 *
 * <p>The runs it drops and zeroes are first the spans of the generator's own calls ({@link
 * ChoiceSequence#spans()}: an optional's value, a list's element, a string), so that a value goes
 * whole, together with the choice before it that decided it is drawn (an optional's flag, a list's
 * length), and later choices keep their meaning. A choice brought down that makes the next call
 * draw less (a shorter length) has that call's now unread choices dropped with it. Once those
 * passes stop simplifying, a small choice is tried one higher with one more choice after it (the
 * way from a string drawn at its longest edge to a shorter one of any length), then blind runs of
 * every power-of-two length are dropped and zeroed.
 */
final class Shrinker {

  /** Choices above this are numbers, not lengths or alternatives: no span follows from them. */
  private static final long LARGEST_REALIGNED = 1 << 16;

  /** Choices up to this are raised by one: picks among a few alternatives, such as an edge. */
  private static final long LARGEST_RAISED = 3;

  /** What a raised choice draws next is tried at 1, 2, 4... below this: a length, mostly. */
  private static final long LARGEST_RAISED_DRAW = 1 << 12;

  private final Function<long[], @Nullable Counterexample> replay;
  private final BiFunction<long[], Integer, List<int[]>> spans;
  private final int maxRuns;
  private final long deadline;
  private final Set<Long> tried = new HashSet<>();
  private Counterexample best;
  private int runs;
  private int steps;
  private long @Nullable [] spansOf;
  private List<int[]> bestSpans = List.of();
  private long @Nullable [] spansAfterOf;
  private int spansAfter;
  private List<int[]> bestSpansAfter = List.of();

  /**
   * The shortest span the span passes try: short spans are many and mostly go with the long ones
   * around them, so they wait until passes over the long ones stop simplifying.
   */
  private int shortest;

  /**
   * Prepares to shrink {@code original}.
   *
   * @param replay rebuilds the value from choices and runs the property: the counterexample when it
   *     still fails the same way, null when it holds or the choices make no value
   * @param spans rebuilds the value from choices, without running the property, and returns the
   *     spans of its calls as {@link ChoiceSequence#spans()} does, all of them for a negative
   *     second argument, else those from {@link ChoiceSequence#tracingFrom that choice} on; none
   *     when the choices make no value
   */
  Shrinker(
      Counterexample original,
      Function<long[], @Nullable Counterexample> replay,
      BiFunction<long[], Integer, List<int[]>> spans,
      int maxRuns,
      long budgetNanos) {
    this.best = original;
    this.replay = replay;
    this.spans = spans;
    this.maxRuns = maxRuns;
    this.deadline = System.nanoTime() + budgetNanos;
  }

  /** Shrinks until no pass simplifies further or the budget is spent, and returns the simplest. */
  Counterexample shrink() {
    attempt(new long[0]);
    shortest = Math.max(1, best.choices().length / 64);
    boolean progress;
    do {
      long[] before = best.choices();
      truncate();
      deleteSpans();
      zeroSpans();
      minimizeEach();
      progress = best.choices() != before;
      if (!progress && shortest > 1) {
        shortest = 1;
        progress = true;
      } else if (!progress) {
        raiseEach();
        progress = best.choices() != before;
      }
      if (!progress) {
        for (int chunk = Integer.highestOneBit(best.choices().length); chunk > 0; chunk /= 2) {
          deleteChunks(chunk);
        }
        for (int chunk = Integer.highestOneBit(best.choices().length); chunk > 0; chunk /= 2) {
          zeroChunks(chunk);
        }
        progress = best.choices() != before;
      }
    } while (progress && budgetLeft());
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

  /** Drops each span, longest first: alone, then with the choice before it flipped. */
  private void deleteSpans() {
    List<int[]> todo = spansByLength();
    for (int i = 0; i < todo.size() && budgetLeft(); i++) {
      int[] span = todo.get(i);
      int length = best.choices().length;
      if (span[1] - span[0] < shortest) {
        return;
      }
      if (span[1] <= length && deleteSpan(span[0], span[1])) {
        todo = remaining(todo, i + 1, span[0], span[0] + length - best.choices().length);
        i = -1;
      }
    }
  }

  private boolean deleteSpan(int start, int end) {
    long[] choices = best.choices();
    long[] shorter = new long[choices.length - (end - start)];
    System.arraycopy(choices, 0, shorter, 0, start);
    System.arraycopy(choices, end, shorter, start, shorter.length - start);
    if (attempt(shorter)) {
      return true;
    } else if (start == 0) {
      return false;
    }
    // The choice before often decides whether the span is drawn: an optional's flag or a list's
    // length (then 0 draws nothing), a "one time in eight" (then 1 draws nothing).
    shorter[start - 1] = shorter[start - 1] == 0 ? 1 : 0;
    return attempt(shorter);
  }

  /** Sets each span to zeros, longest first. */
  private void zeroSpans() {
    List<int[]> todo = spansByLength();
    for (int i = 0; i < todo.size() && budgetLeft(); i++) {
      int[] span = todo.get(i);
      long[] choices = best.choices();
      if (span[1] - span[0] < shortest) {
        return;
      }
      if (span[1] <= choices.length
          && Arrays.stream(choices, span[0], span[1]).anyMatch(c -> c != 0)) {
        long[] zeroed = choices.clone();
        Arrays.fill(zeroed, span[0], span[1], 0);
        if (attempt(zeroed) && best.choices().length < choices.length) {
          // Zeros drew less: take the span's end as what went.
          int gone = Math.min(choices.length - best.choices().length, span[1] - span[0]);
          todo = remaining(todo, i + 1, span[1] - gone, span[1]);
          i = -1;
        }
      }
    }
  }

  /** The current best's spans, longest first, then the later first. */
  private List<int[]> spansByLength() {
    return bestSpans().stream()
        .sorted(
            Comparator.<int[]>comparingInt(span -> span[0] - span[1])
                .thenComparingInt(span -> -span[0]))
        .toList();
  }

  /** The current best's spans, traced once per best: a tracing replay is slow. */
  private List<int[]> bestSpans() {
    if (spansOf != best.choices()) {
      spansOf = best.choices();
      bestSpans = spans.apply(spansOf, -1);
    }
    return bestSpans;
  }

  /**
   * The spans from {@code from} on, moved past a deletion of {@code [start, end)} or dropped when
   * cut by it: cheaper than tracing the new best, and a span gone stale only costs a replay.
   */
  private static List<int[]> remaining(List<int[]> todo, int from, int start, int end) {
    int removed = end - start;
    List<int[]> moved = new ArrayList<>(todo.size() - from);
    for (int[] span : todo.subList(from, todo.size())) {
      if (span[1] <= start) {
        moved.add(span);
      } else if (span[0] >= end) {
        moved.add(new int[] {span[0] - removed, span[1] - removed, span[2]});
      } else if (span[0] <= start && span[1] >= end && span[1] - span[0] > removed) {
        moved.add(new int[] {span[0], span[1] - removed, span[2]});
      }
    }
    return moved;
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
      if (best.choices()[i] != 0 && !lower(i, 0)) {
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
    if (bits != 0 && lower(i, bits)) {
      return;
    }
    while (Long.compareUnsigned(high - low, 1) > 0 && i < best.choices().length) {
      long middle = low + ((high - low) >>> 1);
      if (lower(i, (middle << shift) | bits)) {
        high = middle;
      } else {
        low = middle;
      }
    }
  }

  /**
   * Lowers choice {@code i} to {@code value}; failing that, also drops the choices that the span
   * right after it no longer reads: a lowered length draws fewer elements, a lowered "which edge" a
   * shorter string, and their choices would otherwise be read as whatever comes next.
   */
  private boolean lower(int i, long value) {
    long[] lowered = with(i, value);
    if (attempt(lowered)) {
      return true;
    } else if (Long.compareUnsigned(best.choices()[i], LARGEST_REALIGNED) > 0 || !budgetLeft()) {
      return false;
    }
    if (spansAfterOf != best.choices() || spansAfter != i) {
      spansAfterOf = best.choices();
      spansAfter = i;
      bestSpansAfter = spans.apply(spansAfterOf, i);
    }
    List<int[]> now = bestSpansAfter;
    if (now.stream().noneMatch(span -> span[0] == i + 1)) {
      return false;
    }
    List<int[]> then = spans.apply(lowered, i);
    for (int[] was : now) {
      for (int[] is : then) {
        if (was[0] == i + 1 && is[0] == i + 1 && is[2] == was[2] && is[1] < was[1]) {
          long[] shorter = new long[lowered.length - (was[1] - is[1])];
          System.arraycopy(lowered, 0, shorter, 0, is[1]);
          System.arraycopy(lowered, was[1], shorter, is[1], lowered.length - was[1]);
          if (attempt(shorter)) {
            return true;
          }
        }
      }
    }
    return false;
  }

  /**
   * Tries each small choice one higher with one more choice drawn after it: the way from a string
   * drawn at its longest edge (edge choice 1) to a shorter one drawn as any length (edge choice 2,
   * then the length), which lowering alone never takes.
   */
  private void raiseEach() {
    for (int i = 0; i < best.choices().length && budgetLeft(); i++) {
      long value = best.choices()[i];
      if (value == 0 || value > LARGEST_RAISED) {
        continue;
      }
      for (long drawn = 1; drawn < LARGEST_RAISED_DRAW && budgetLeft(); drawn *= 2) {
        if (raise(i, drawn)) {
          break;
        }
      }
    }
  }

  private boolean raise(int i, long drawn) {
    long[] choices = best.choices();
    long[] raised = new long[choices.length + 1];
    System.arraycopy(choices, 0, raised, 0, i + 1);
    raised[i] = choices[i] + 1;
    raised[i + 1] = drawn;
    System.arraycopy(choices, i + 1, raised, i + 2, choices.length - i - 1);
    if (spansAfterOf != choices || spansAfter != i) {
      spansAfterOf = choices;
      spansAfter = i;
      bestSpansAfter = spans.apply(choices, i);
    }
    List<int[]> then = spans.apply(raised, i + 1);
    for (int[] was : bestSpansAfter) {
      for (int[] is : then) {
        if (was[0] == i + 1
            && is[0] == i + 2
            && is[2] == was[2]
            && is[1] - is[0] < was[1] - was[0] - 1) {
          int cut = (was[1] - was[0]) - (is[1] - is[0]);
          long[] shorter = new long[raised.length - cut];
          System.arraycopy(raised, 0, shorter, 0, is[1]);
          System.arraycopy(raised, is[1] + cut, shorter, is[1], raised.length - is[1] - cut);
          if (attempt(shorter)) {
            return true;
          }
        }
      }
    }
    return false;
  }

  private long[] with(int index, long value) {
    long[] changed = best.choices().clone();
    changed[index] = value;
    return changed;
  }

  /** Replays {@code choices} if simpler than the best so far, and keeps them if they still fail. */
  private boolean attempt(long[] choices) {
    if (!budgetLeft() || !simpler(choices, best.choices()) || !tried.add(hash(choices))) {
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

  /**
   * 64 bits of {@code choices}, so that a candidate made twice (by two passes, or one pass in two
   * rounds) is replayed once: replays are deterministic, and a collision only skips a candidate.
   */
  private static long hash(long[] choices) {
    long hash = choices.length;
    for (long choice : choices) {
      hash = (hash ^ choice) * 0x9e3779b97f4a7c15L;
      hash ^= hash >>> 29;
    }
    return hash;
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
