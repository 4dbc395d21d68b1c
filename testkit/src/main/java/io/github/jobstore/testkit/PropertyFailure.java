package io.github.jobstore.testkit;

/**
 * A property broken by a generated value, as {@link Property#forAll} reports it: the seed that
 * reproduces the run, the case that failed, the value first drawn and the simplest one shrinking
 * found that still breaks the property.
 *
 * <p>The cause is what the property threw on the shrunk value; what it threw on the original value,
 * when that is a different throwable, is attached as suppressed. The message names the seed, how to
 * replay it, the case and both values (each cut to 500 characters).
 */
public final class PropertyFailure extends AssertionError {

  private static final long serialVersionUID = 1L;
  private static final int MAX_SHOWN = 500;

  private final long seed;
  private final int caseNumber;
  private final transient Object originalValue;
  private final transient Object shrunkValue;
  private final int shrinkSteps;

  PropertyFailure(
      long seed,
      int caseNumber,
      int cases,
      Counterexample original,
      Counterexample shrunk,
      int shrinkSteps) {
    super(
        describe(seed, caseNumber, cases)
            + "\n  shrunk in "
            + shrinkSteps
            + (shrinkSteps == 1 ? " step to: " : " steps to: ")
            + shorten(shrunk.value())
            + "\n  original: "
            + shorten(original.value()),
        shrunk.failure());
    if (original.failure() != shrunk.failure()) {
      addSuppressed(original.failure());
    }
    this.seed = seed;
    this.caseNumber = caseNumber;
    this.originalValue = original.value();
    this.shrunkValue = shrunk.value();
    this.shrinkSteps = shrinkSteps;
  }

  /** Returns the seed of the failed run: {@code -D}{@value Property#SEED_PROPERTY} replays it. */
  public long seed() {
    return seed;
  }

  /** Returns which case failed, counting from 1. */
  public int caseNumber() {
    return caseNumber;
  }

  /** Returns the value first drawn that broke the property. */
  public Object originalValue() {
    return originalValue;
  }

  /**
   * Returns the simplest value shrinking found that still breaks the property the same way (it
   * throws the same class); the original value when none simpler does.
   */
  public Object shrunkValue() {
    return shrunkValue;
  }

  /** Returns how many simpler failing values shrinking went through; 0 when it found none. */
  public int shrinkSteps() {
    return shrinkSteps;
  }

  /** The start of every failure message: the case, the seed and how to replay it. */
  static String describe(long seed, int caseNumber, int cases) {
    return "Property failed on case "
        + caseNumber
        + " of "
        + cases
        + " with seed "
        + seed
        + " (replay with -D"
        + Property.SEED_PROPERTY
        + "="
        + seed
        + ")";
  }

  private static String shorten(Object value) {
    String shown = String.valueOf(value);
    return shown.length() <= MAX_SHOWN ? shown : shown.substring(0, MAX_SHOWN) + "…";
  }
}
