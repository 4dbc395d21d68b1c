package io.github.jobstore.testkit;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.jspecify.annotations.Nullable;

/**
 * A {@link RandomGenerator} that hands out every value through one recorded primitive, a choice: an
 * unsigned number below a bound. Recording, the choices come from a {@link SplittableRandom};
 * replaying, from a given list, then zeros once it runs out. Either way {@link #choices()} is what
 * was handed out, so a generator's value can be rebuilt from it, and shrunk by making it shorter
 * and its numbers smaller.
 *
 * <p>Every method maps choice 0 to its simplest outcome and smaller choices to outcomes nearer it:
 * {@code nextInt(bound)} and {@code nextBoolean()} to 0 and false, bounded ranges to the value
 * nearest zero (0, -1, 1, -2, 2... while both signs fit), unbounded numbers to 0 the same way.
 *
 * <p>Not thread-safe: one generator draws one value from it.
 */
final class ChoiceSequence implements RandomGenerator {

  private static final long DOUBLE_UNIT = 1L << 53;
  private static final int FLOAT_UNIT = 1 << 24;

  private static final StackWalker STACK = StackWalker.getInstance();

  private final @Nullable SplittableRandom source;
  private final long[] replayed;
  private final int limit;
  private final @Nullable List<Frame[]> calls;
  private final int tracedFrom;
  private final boolean window;
  private int openedLevel;
  private boolean traced;
  private long[] recorded = new long[32];
  private int size;

  private ChoiceSequence(
      @Nullable SplittableRandom source, long[] replayed, int limit, boolean tracing, int from) {
    this.source = source;
    this.replayed = replayed;
    this.limit = limit;
    this.calls = tracing ? new ArrayList<>() : null;
    this.tracedFrom = Math.max(from, 0);
    this.window = from >= 0;
  }

  /** Draws fresh choices from {@code source}, without limit. */
  static ChoiceSequence recording(SplittableRandom source) {
    return new ChoiceSequence(source, new long[0], Integer.MAX_VALUE, false, -1);
  }

  /**
   * Hands out {@code choices}, then zeros; throws {@link IllegalStateException} past {@code limit}
   * choices, so that a generator looping until it draws something non-zero cannot hang a replay.
   */
  static ChoiceSequence replaying(long[] choices, int limit) {
    return new ChoiceSequence(null, choices, limit, false, -1);
  }

  /**
   * Replays like {@link #replaying}, and also notes where each choice was drawn from, for {@link
   * #spans()}: slower, so the shrinker asks for it once per pass, not per candidate.
   */
  static ChoiceSequence tracing(long[] choices, int limit) {
    return new ChoiceSequence(null, choices, limit, true, -1);
  }

  /**
   * Traces like {@link #tracing} only from choice {@code from} until every call that began at the
   * choice after it has returned: {@link #spans()} then has the spans starting at {@code from + 1}
   * (and those inside them), for a fraction of the cost of tracing every draw.
   */
  static ChoiceSequence tracingFrom(long[] choices, int limit, int from) {
    return new ChoiceSequence(null, choices, limit, true, from);
  }

  /** Returns the choices handed out so far, in order. */
  long[] choices() {
    return Arrays.copyOf(recorded, size);
  }

  /**
   * Returns the runs of choices that one call of the generator's code drew, as {@code [start, end)}
   * pairs, from a {@link #tracing} replay: what a generator author would have marked as one value
   * (an optional's content, a list's element, a string), found with no help from the author.
   *
   * <p>A call is told apart by its chain of callers, each with the bytecode index it is at: draws
   * made while every caller stands on the same call site belong to one call of the innermost
   * method, until that method's position goes back, which is the next call from the same site (or a
   * loop inside it: then its iterations are runs of their own, and the whole loop is still a run of
   * the caller one level up). A heuristic, and only a guide: the shrinker replays every candidate
   * it makes from these runs.
   *
   * @throws IllegalStateException if this sequence does not trace
   */
  List<int[]> spans() {
    if (calls == null) {
      throw new IllegalStateException("not a tracing replay");
    }
    int depth = calls.stream().mapToInt(path -> path.length).max().orElse(0);
    int[] open = new int[depth];
    Set<Long> seen = new HashSet<>();
    List<int[]> spans = new ArrayList<>();
    Frame[] previous = new Frame[0];
    // A window cut short leaves the calls around it open: their ends are unknown, so not given.
    int last = window && traced ? calls.size() - 1 : calls.size();
    for (int n = 0; n <= last; n++) {
      Frame[] path = n < calls.size() ? calls.get(n) : new Frame[0];
      int kept = keptLevels(previous, path);
      for (int level = kept; level < previous.length; level++) {
        if (seen.add(((long) open[level] << 32) | n)) {
          spans.add(new int[] {tracedFrom + open[level], tracedFrom + n, level});
        }
      }
      for (int level = kept; level < path.length; level++) {
        open[level] = n;
      }
      previous = path;
    }
    return spans;
  }

  /** How many of the outermost calls open at the previous draw the next draw is still inside. */
  private static int keptLevels(Frame[] previous, Frame[] next) {
    int shared = Math.min(previous.length, next.length);
    for (int level = 0; level < shared; level++) {
      Frame before = previous[level];
      Frame after = next[level];
      if (!before.method().equals(after.method()) || after.position() < before.position()) {
        return level;
      } else if (after.position() > before.position()) {
        // The same call, gone on to another call site: what it calls now is a new call.
        return level + 1;
      }
    }
    return shared;
  }

  @Override
  public long nextLong() {
    long choice = choose(0);
    return (choice >>> 1) ^ -(choice & 1);
  }

  @Override
  public long nextLong(long bound) {
    if (bound <= 0) {
      throw new IllegalArgumentException("bound must be positive, not " + bound);
    }
    return choose(bound);
  }

  @Override
  public long nextLong(long origin, long bound) {
    if (origin >= bound) {
      throw new IllegalArgumentException(
          "bound must be greater than origin, not " + origin + " and " + bound);
    }
    return nearestZeroFirst(origin, bound, choose(bound - origin));
  }

  @Override
  public int nextInt() {
    return (int) nextLong(Integer.MIN_VALUE, Integer.MAX_VALUE + 1L);
  }

  @Override
  public int nextInt(int bound) {
    return (int) nextLong(bound);
  }

  @Override
  public int nextInt(int origin, int bound) {
    if (origin >= bound) {
      throw new IllegalArgumentException(
          "bound must be greater than origin, not " + origin + " and " + bound);
    }
    return (int) nextLong(origin, bound);
  }

  @Override
  public boolean nextBoolean() {
    return choose(2) == 1;
  }

  @Override
  public double nextDouble() {
    return choose(DOUBLE_UNIT) * 0x1.0p-53;
  }

  @Override
  public double nextDouble(double bound) {
    if (!(bound > 0 && bound < Double.POSITIVE_INFINITY)) {
      throw new IllegalArgumentException("bound must be finite and positive, not " + bound);
    }
    return Math.min(nextDouble() * bound, Math.nextDown(bound));
  }

  @Override
  public double nextDouble(double origin, double bound) {
    if (!(origin < bound && bound - origin < Double.POSITIVE_INFINITY)) {
      throw new IllegalArgumentException(
          "origin and bound must be finite with origin below bound, not "
              + origin
              + " and "
              + bound);
    }
    double unit = nextDouble();
    double value;
    if (origin >= 0) {
      value = origin + unit * (bound - origin);
    } else if (bound <= 0) {
      value = bound - unit * (bound - origin);
    } else {
      // Positive values first, then negative ones, each starting from zero.
      double offset = unit * (bound - origin);
      value = offset < bound ? offset : bound - offset;
    }
    return Math.max(origin, Math.min(value, Math.nextDown(bound)));
  }

  @Override
  public float nextFloat() {
    return choose(FLOAT_UNIT) * 0x1.0p-24f;
  }

  @Override
  public float nextFloat(float bound) {
    return Math.min((float) nextDouble(bound), Math.nextDown(bound));
  }

  @Override
  public float nextFloat(float origin, float bound) {
    return Math.max(origin, Math.min((float) nextDouble(origin, bound), Math.nextDown(bound)));
  }

  /**
   * Maps choice {@code k}, unsigned and below {@code bound - origin}, to a value in {@code [origin,
   * bound)}: one to one, so fresh choices stay uniform, and in order of distance from zero.
   */
  static long nearestZeroFirst(long origin, long bound, long k) {
    if (origin >= 0) {
      return origin + k;
    } else if (bound <= 0) {
      return bound - 1 - k;
    }
    long positives = bound - 1;
    long negatives = -origin; // unsigned: 2^63 when origin is Long.MIN_VALUE
    long both = Long.compareUnsigned(positives, negatives) < 0 ? positives : negatives;
    if (Long.compareUnsigned(k, 2 * both) <= 0) {
      return (k >>> 1) ^ -(k & 1);
    }
    return Long.compareUnsigned(positives, negatives) > 0 ? k - both : -(k - both);
  }

  /**
   * The one primitive: a choice below {@code bound} taken as unsigned ({@code 0} means any 64
   * bits).
   */
  private long choose(long bound) {
    long choice;
    if (source != null) {
      choice = fresh(source, bound);
    } else if (size >= limit) {
      throw new IllegalStateException("a replay drew more than " + limit + " choices");
    } else {
      long replay = size < replayed.length ? replayed[size] : 0;
      choice = bound == 0 ? replay : Long.remainderUnsigned(replay, bound);
    }
    if (size == recorded.length) {
      recorded = Arrays.copyOf(recorded, size * 2);
    }
    recorded[size++] = choice;
    if (calls != null && !traced && size > tracedFrom) {
      trace(calls);
    }
    return choice;
  }

  /** Notes where this draw came from; past a window's last call, stops noting. */
  private void trace(List<Frame[]> calls) {
    Frame[] path = callers();
    calls.add(path);
    if (!window || calls.size() < 2) {
      return;
    }
    int kept = keptLevels(calls.get(calls.size() - 2), path);
    if (calls.size() == 2) {
      openedLevel = kept;
    } else if (kept <= openedLevel) {
      traced = true;
    }
  }

  /**
   * The generator's frames at a draw, outermost first: those inside {@link Property} (which replays
   * the generator) and outside this class and the JDK's default methods that call it.
   */
  private static Frame[] callers() {
    List<Frame> inner =
        STACK.walk(
            frames ->
                frames
                    .dropWhile(
                        frame ->
                            frame.getClassName().equals(ChoiceSequence.class.getName())
                                || frame.getClassName().startsWith("java."))
                    .takeWhile(frame -> !frame.getClassName().equals(Property.class.getName()))
                    .map(
                        frame ->
                            new Frame(
                                frame.getClassName() + "#" + frame.getMethodName(),
                                frame.getByteCodeIndex()))
                    .toList());
    Frame[] path = new Frame[inner.size()];
    for (int i = 0; i < path.length; i++) {
      path[i] = inner.get(path.length - 1 - i);
    }
    return path;
  }

  /** A method of the generator's code, and where in it the draw or the next call is. */
  private record Frame(String method, int position) {}

  private static long fresh(SplittableRandom source, long bound) {
    if (bound > 0) {
      return source.nextLong(bound);
    }
    long choice = source.nextLong();
    // A bound above 2^63: more than half of all longs fit, so this ends quickly.
    while (bound != 0 && Long.compareUnsigned(choice, bound) >= 0) {
      choice = source.nextLong();
    }
    return choice;
  }
}
