package io.github.jobstore.testkit;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.random.RandomGenerator;

/**
 * Draws values from a source of randomness. A generator keeps no state of its own: the same
 * sequence of random numbers always gives the same values, so a seed reproduces a run.
 *
 * <p>Under {@link Property#forAll} every generator shrinks with no code of its own: the random
 * numbers it draws are recorded, and a failure is replayed with fewer and smaller ones. So that
 * shrinking leads to simple values, draw the simplest outcome from the smallest number: {@code
 * random.nextInt(4) == 0} for "absent" (as {@link #optional()} does), a length before the elements
 * it counts, the first of several alternatives for the plainest one.
 *
 * <h2>Other engines</h2>
 *
 * A generator needs nothing but a {@link RandomGenerator}, so any engine that hands one out can use
 * it: {@code JobGenerators.validCreateParams().next(new SplittableRandom(42))} in a JUnit
 * {@code @RepeatedTest} or a plain loop; {@code Arbitraries.randomValue(r -> generator.next(r))} in
 * jqwik (the project does not depend on it: docs/property-testing.md says why); junit-quickcheck
 * through {@code SourceOfRandomness.toJDKRandom()}, or any engine whose randomness can be wrapped
 * as a {@code RandomGenerator}. Shrinking there is the engine's, if it shrinks such values at all:
 * the recording that lets {@link Property} shrink lives in {@code Property}, not in the generator.
 *
 * @param <T> the type of the values drawn
 */
@FunctionalInterface
public interface Generator<T> {

  /**
   * Draws the next value.
   *
   * @param random the source of randomness; the generator uses nothing else
   * @return a new value, never null
   */
  T next(RandomGenerator random);

  /** Returns a generator of this generator's values transformed by {@code mapper}. */
  default <R> Generator<R> map(Function<? super T, ? extends R> mapper) {
    requireNonNull(mapper, "mapper");
    return random -> mapper.apply(next(random));
  }

  /** Returns a generator that draws a value of this generator or, one time in four, nothing. */
  default Generator<Optional<T>> optional() {
    return random -> random.nextInt(4) == 0 ? Optional.empty() : Optional.of(next(random));
  }

  /** Returns a generator that always gives {@code value}. */
  static <T> Generator<T> constant(T value) {
    requireNonNull(value, "value");
    return random -> value;
  }

  /**
   * Returns a generator that picks one of {@code generators}, each as likely as the others, and
   * draws from it.
   *
   * @throws IllegalArgumentException if {@code generators} is empty
   */
  @SafeVarargs
  static <T> Generator<T> oneOf(Generator<? extends T>... generators) {
    List<Generator<? extends T>> choices = List.of(generators);
    if (choices.isEmpty()) {
      throw new IllegalArgumentException("oneOf needs at least one generator");
    }
    return random -> choices.get(random.nextInt(choices.size())).next(random);
  }
}
