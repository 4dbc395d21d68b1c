package io.github.jobstore.testkit;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Runs a property over many generated values from one seed, and shrinks the value that breaks it.
 *
 * <h2>Shrinking</h2>
 *
 * Every value is drawn from a {@link java.util.random.RandomGenerator} that records each number it
 * hands out (a <i>choice</i>). When the property fails, the choices are simplified and replayed:
 * runs of them dropped, set to zero, brought down toward zero, each candidate kept while the
 * property still throws the same class of exception. The runs tried first are those one call of the
 * generator's code drew, read off the call stack: an optional's value goes together with the flag
 * that drew it, a list's element with a step down of its length, so that the choices after them
 * keep their meaning. Choice zero is each draw's simplest outcome ({@code nextInt(bound)} gives 0,
 * {@code nextBoolean()} false, a range the value nearest zero), so every {@link Generator} shrinks
 * with no code of its own: toward empty optionals, shorter strings and lists, smaller numbers,
 * earlier alternatives of {@link Generator#oneOf}. A generator that throws on replayed choices only
 * rules them out. Shrinking stops when no pass simplifies further, after 1,000 runs of the property
 * or after 10 seconds, whichever comes first; the failure is a {@link PropertyFailure} carrying the
 * seed, the original value and the shrunk one.
 *
 * <h2>Seeds</h2>
 *
 * Each property has its own seed, derived from the class and method that call {@code forAll} (the
 * first frame on the stack outside this class; for a lambda, the method it is written in): stable
 * from run to run, so a build is repeatable and a failure recurs, and different from its
 * neighbours', so two properties over the same generator see different values. Properties called
 * from one helper method share its seed. Set the system property {@value #SEED_PROPERTY} to a
 * number to run every property of the JVM with that seed (to replay a reported failure), or to
 * {@code random} to explore new cases; {@link #forAll(long, int, Generator, Consumer)} fixes a
 * property's seed in code, whatever the system property says.
 */
public final class Property {

  /** The system property that overrides derived seeds: a {@code long}, or {@code random}. */
  public static final String SEED_PROPERTY = "jobstore.seed";

  static final int MAX_SHRINK_RUNS = 1_000;
  private static final long SHRINK_BUDGET_NANOS = Duration.ofSeconds(10).toNanos();

  /** Replays may draw this many zeros past the recorded choices before they are ruled out. */
  private static final int EXTRA_REPLAY_CHOICES = 10_000;

  private static final StackWalker STACK = StackWalker.getInstance();

  private Property() {}

  /**
   * Checks {@code property} against {@code cases} values drawn from {@code generator}, with a seed
   * derived from the calling class and method, or from {@value #SEED_PROPERTY} when set.
   *
   * @param cases how many values to check, at least 1
   * @param generator where the values come from
   * @param property throws (an {@link AssertionError} or any other exception) when a value breaks
   *     it; runs once per case and again on each candidate while shrinking, so it must not depend
   *     on state a previous run left behind
   * @throws PropertyFailure naming the seed, the failing case, its value and the shrunk one, caused
   *     by what the property threw on the shrunk value
   * @throws AssertionError naming the seed and the case when the generator throws
   * @throws IllegalArgumentException if {@code cases} is below 1 or {@value #SEED_PROPERTY} is
   *     neither a {@code long} nor {@code random}
   */
  public static <T> void forAll(int cases, Generator<T> generator, Consumer<? super T> property) {
    check(configuredSeed(callerSeed()), cases, generator, property);
  }

  /**
   * Checks {@code property} against {@code cases} values drawn from {@code generator} with {@code
   * seed}, which {@value #SEED_PROPERTY} does not override.
   *
   * @param seed where the values come from: the same seed draws the same values
   * @param cases how many values to check, at least 1
   * @param generator where the values come from
   * @param property as {@link #forAll(int, Generator, Consumer)} takes it
   * @throws PropertyFailure naming the seed, the failing case, its value and the shrunk one
   * @throws AssertionError naming the seed and the case when the generator throws
   * @throws IllegalArgumentException if {@code cases} is below 1
   */
  public static <T> void forAll(
      long seed, int cases, Generator<T> generator, Consumer<? super T> property) {
    check(seed, cases, generator, property);
  }

  private static <T> void check(
      long seed, int cases, Generator<T> generator, Consumer<? super T> property) {
    requireNonNull(generator, "generator");
    requireNonNull(property, "property");
    if (cases < 1) {
      throw new IllegalArgumentException("cases must be at least 1, not " + cases);
    }
    SplittableRandom random = new SplittableRandom(seed);
    for (int i = 1; i <= cases; i++) {
      ChoiceSequence choices = ChoiceSequence.recording(random.split());
      T value;
      try {
        value = generator.next(choices);
      } catch (RuntimeException | AssertionError e) {
        throw new AssertionError(
            PropertyFailure.describe(seed, i, cases) + ": the generator threw " + e, e);
      }
      Throwable failure = failure(property, value);
      if (failure != null) {
        Counterexample original = new Counterexample(choices.choices(), value, failure);
        Shrinker shrinker =
            new Shrinker(
                original,
                replayed -> replay(generator, property, replayed, failure.getClass()),
                (replayed, from) -> spans(generator, replayed, from),
                MAX_SHRINK_RUNS,
                SHRINK_BUDGET_NANOS);
        Counterexample shrunk = shrinker.shrink();
        throw new PropertyFailure(seed, i, cases, original, shrunk, shrinker.steps());
      }
    }
  }

  /** Rebuilds a value from {@code choices}: a counterexample if it fails like the original. */
  private static <T> @Nullable Counterexample replay(
      Generator<T> generator, Consumer<? super T> property, long[] choices, Class<?> failureClass) {
    ChoiceSequence random =
        ChoiceSequence.replaying(choices, choices.length + EXTRA_REPLAY_CHOICES);
    T value;
    try {
      value = generator.next(random);
    } catch (RuntimeException | AssertionError e) {
      return null;
    }
    Throwable failure = failure(property, value);
    return failure != null && failure.getClass() == failureClass
        ? new Counterexample(random.choices(), value, failure)
        : null;
  }

  /**
   * The runs of {@code choices} that one call of the generator drew, all or from choice {@code
   * from}; none if the generator throws.
   */
  private static List<int[]> spans(Generator<?> generator, long[] choices, int from) {
    int limit = choices.length + EXTRA_REPLAY_CHOICES;
    ChoiceSequence random =
        from < 0
            ? ChoiceSequence.tracing(choices, limit)
            : ChoiceSequence.tracingFrom(choices, limit, from);
    try {
      generator.next(random);
    } catch (RuntimeException | AssertionError e) {
      return List.of();
    }
    return random.spans();
  }

  private static <T> @Nullable Throwable failure(Consumer<? super T> property, T value) {
    try {
      property.accept(value);
      return null;
    } catch (RuntimeException | AssertionError e) {
      return e;
    }
  }

  /** A stable seed for the first caller outside this class: its class and method name, hashed. */
  private static long callerSeed() {
    String caller =
        STACK.walk(
            frames ->
                frames
                    .filter(frame -> !frame.getClassName().equals(Property.class.getName()))
                    .findFirst()
                    .map(frame -> frame.getClassName() + "#" + method(frame.getMethodName()))
                    .orElse(""));
    return seedOf(caller);
  }

  /**
   * The method a lambda was written in ({@code javac} names it {@code lambda$method$n}), so that a
   * property called inside {@code assertThatThrownBy(() -> ...)} keeps its test's seed when lambdas
   * are added or removed elsewhere in the class.
   */
  static String method(String name) {
    int end = name.lastIndexOf('$');
    return name.startsWith("lambda$") && end > "lambda$".length()
        ? name.substring("lambda$".length(), end)
        : name;
  }

  /** FNV-1a over the name's characters, then a mix so that similar names give unrelated seeds. */
  static long seedOf(String name) {
    long hash = 0xcbf29ce484222325L;
    for (int i = 0; i < name.length(); i++) {
      hash = (hash ^ name.charAt(i)) * 0x100000001b3L;
    }
    hash = (hash ^ (hash >>> 33)) * 0xff51afd7ed558ccdL;
    hash = (hash ^ (hash >>> 33)) * 0xc4ceb9fe1a85ec53L;
    return hash ^ (hash >>> 33);
  }

  private static long configuredSeed(long derived) {
    String configured = System.getProperty(SEED_PROPERTY);
    if (configured == null || configured.isBlank()) {
      return derived;
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
}
