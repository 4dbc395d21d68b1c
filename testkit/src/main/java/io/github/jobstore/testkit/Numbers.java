package io.github.jobstore.testkit;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import java.util.random.RandomGenerator;

/** Numbers, identifiers and times, biased toward the values that break code. */
final class Numbers {

  private static final double[] SPECIAL_DOUBLES = {
    0.0,
    -0.0,
    1.0,
    -1.0,
    0.5,
    0.1,
    Double.MIN_VALUE,
    -Double.MIN_VALUE,
    Double.MIN_NORMAL,
    Double.MAX_VALUE,
    -Double.MAX_VALUE,
    9007199254740993.0
  };
  private static final double[] NON_FINITE = {
    Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY
  };
  private static final long[] SPECIAL_LONGS = {
    0, 1, -1, Long.MIN_VALUE, Long.MAX_VALUE, -9007199254740991L, 9007199254740993L
  };

  /** Latest time drawn: 2100-01-01T00:00:00Z. */
  private static final long MAX_EPOCH_SECOND = 4_102_444_800L;

  private Numbers() {}

  static double finiteDouble(RandomGenerator random) {
    return switch (random.nextInt(4)) {
      case 0 -> SPECIAL_DOUBLES[random.nextInt(SPECIAL_DOUBLES.length)];
      case 1 -> random.nextDouble();
      case 2 -> random.nextDouble(-1e6, 1e6);
      default -> anyFiniteBits(random);
    };
  }

  static double nonFiniteDouble(RandomGenerator random) {
    return NON_FINITE[random.nextInt(NON_FINITE.length)];
  }

  static long int64(RandomGenerator random) {
    return switch (random.nextInt(3)) {
      case 0 -> SPECIAL_LONGS[random.nextInt(SPECIAL_LONGS.length)];
      case 1 -> random.nextLong(0, 1_000);
      default -> random.nextLong();
    };
  }

  static UUID uuid(RandomGenerator random) {
    return new UUID(random.nextLong(), random.nextLong());
  }

  /** A time between 1970 and 2100; half of them in whole microseconds, as the store keeps them. */
  static Instant instant(RandomGenerator random) {
    Instant instant =
        Instant.ofEpochSecond(random.nextLong(0, MAX_EPOCH_SECOND), random.nextInt(1_000_000_000));
    return random.nextBoolean() ? instant.truncatedTo(ChronoUnit.MICROS) : instant;
  }

  private static double anyFiniteBits(RandomGenerator random) {
    double d;
    do {
      d = Double.longBitsToDouble(random.nextLong());
    } while (!Double.isFinite(d));
    return d;
  }
}
