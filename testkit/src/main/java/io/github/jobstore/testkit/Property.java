package io.github.jobstore.testkit;

import static java.util.Objects.requireNonNull;

import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * Runs a property over many generated values from one seed, and reports the seed when it fails.
 *
 * <p>The seed is fixed by default, so a build is repeatable. Set the system property {@value
 * #SEED_PROPERTY} to a number to replay a reported failure, or to {@code random} to explore new
 * cases; the seed in use is part of every failure message.
 */
public final class Property {

  /** The system property that overrides the seed: a {@code long}, or {@code random}. */
  public static final String SEED_PROPERTY = "jobstore.seed";

  private static final long DEFAULT_SEED = 20261129L;
  private static final int MAX_SHOWN = 500;

  private Property() {}

  /**
   * Checks {@code property} against {@code cases} values drawn from {@code generator}.
   *
   * @param cases how many values to check, at least 1
   * @param generator where the values come from
   * @param property throws (an {@link AssertionError} or any other exception) when a value breaks
   *     it
   * @throws AssertionError naming the seed, the failing case and its value, caused by what the
   *     property threw
   */
  public static <T> void forAll(int cases, Generator<T> generator, Consumer<? super T> property) {
    requireNonNull(generator, "generator");
    requireNonNull(property, "property");
    if (cases < 1) {
      throw new IllegalArgumentException("cases must be at least 1, not " + cases);
    }
    long seed = seed();
    SplittableRandom random = new SplittableRandom(seed);
    for (int i = 1; i <= cases; i++) {
      T value = generator.next(random);
      try {
        property.accept(value);
      } catch (RuntimeException | AssertionError e) {
        throw new AssertionError(
            "Property failed on case "
                + i
                + " of "
                + cases
                + " with seed "
                + seed
                + " (replay with -D"
                + SEED_PROPERTY
                + "="
                + seed
                + "): "
                + shorten(String.valueOf(value)),
            e);
      }
    }
  }

  private static long seed() {
    String configured = System.getProperty(SEED_PROPERTY);
    if (configured == null || configured.isBlank()) {
      return DEFAULT_SEED;
    } else if (configured.equals("random")) {
      return new SplittableRandom().nextLong();
    }
    try {
      return Long.parseLong(configured.strip());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          SEED_PROPERTY + " must be a long or 'random', not '" + configured + "'", e);
    }
  }

  private static String shorten(String shown) {
    return shown.length() <= MAX_SHOWN ? shown : shown.substring(0, MAX_SHOWN) + "…";
  }
}
