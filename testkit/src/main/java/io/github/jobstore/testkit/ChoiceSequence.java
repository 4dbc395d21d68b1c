package io.github.jobstore.testkit;

import java.util.Arrays;
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

  private final @Nullable SplittableRandom source;
  private final long[] replayed;
  private final int limit;
  private long[] recorded = new long[32];
  private int size;

  private ChoiceSequence(@Nullable SplittableRandom source, long[] replayed, int limit) {
    this.source = source;
    this.replayed = replayed;
    this.limit = limit;
  }

  /** Draws fresh choices from {@code source}, without limit. */
  static ChoiceSequence recording(SplittableRandom source) {
    return new ChoiceSequence(source, new long[0], Integer.MAX_VALUE);
  }

  /**
   * Hands out {@code choices}, then zeros; throws {@link IllegalStateException} past {@code limit}
   * choices, so that a generator looping until it draws something non-zero cannot hang a replay.
   */
  static ChoiceSequence replaying(long[] choices, int limit) {
    return new ChoiceSequence(null, choices, limit);
  }

  /** Returns the choices handed out so far, in order. */
  long[] choices() {
    return Arrays.copyOf(recorded, size);
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
    return choice;
  }

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
