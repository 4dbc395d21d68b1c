package io.github.jobstore.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.jobstore.core.Iteration;
import io.github.jobstore.core.IterationCreateParams;
import io.github.jobstore.core.Job;
import io.github.jobstore.core.JobCreateParams;
import io.github.jobstore.core.JobStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class PropertyShrinkingTest {

  private static final long SEED = 7L;
  private static final int CASES = 100;

  /** Seeds 1 to 20: before spans, the shrinker reached the simplest job-shaped value on few. */
  private static final int SEEDS = 20;

  private static final UUID NIL = new UUID(0, 0);

  @Test
  void anIntegerShrinksToTheSmallestThatFails() {
    PropertyFailure failure =
        fail(random -> random.nextInt(1_000_000), x -> assertThat(x).isLessThan(1000));

    assertThat(failure.seed()).isEqualTo(SEED);
    assertThat(failure.shrunkValue()).isEqualTo(1000);
    assertThat((Integer) failure.originalValue()).isGreaterThan(1000);
    assertThat(failure.shrinkSteps()).isPositive();
    assertThat(failure.caseNumber()).isBetween(1, CASES);
  }

  @Test
  void aNegativeIntegerShrinksTowardZero() {
    PropertyFailure failure =
        fail(
            random -> random.nextInt(-1_000_000, 1_000_000),
            x -> assertThat(x).isGreaterThan(-1000));

    assertThat(failure.shrunkValue()).isEqualTo(-1000);
  }

  @Test
  void anUnboundedLongShrinksToTheSmallestThatFails() {
    PropertyFailure failure =
        fail(random -> random.nextLong(), x -> assertThat(x).isLessThan(1000));

    assertThat(failure.shrunkValue()).isEqualTo(1000L);
  }

  @Test
  void aStringShrinksToTheShortestThatFailsOfTheSimplestCharacters() {
    Generator<String> words =
        random -> {
          StringBuilder word = new StringBuilder();
          int length = random.nextInt(20);
          for (int i = 0; i < length; i++) {
            word.append((char) ('a' + random.nextInt(26)));
          }
          return word.toString();
        };

    PropertyFailure failure = fail(words, s -> assertThat(s.length()).isLessThan(5));

    assertThat(failure.shrunkValue()).isEqualTo("aaaaa");
    assertThat(((String) failure.originalValue()).length()).isGreaterThan(5);
  }

  @Test
  void theTestkitsTextShrinksToSpaces() {
    PropertyFailure failure =
        fail(
            random -> Texts.upTo(random, 20),
            s -> assertThat(s.codePointCount(0, s.length())).isLessThan(5));

    assertThat(failure.shrunkValue()).isEqualTo("     ");
  }

  @Test
  void anOptionalThatMustBeEmptyShrinksToTheSimplestPresentValue() {
    PropertyFailure failure =
        fail(
            ((Generator<Integer>) random -> random.nextInt(1000)).optional(),
            o -> assertThat(o).isEmpty());

    assertThat(failure.shrunkValue()).isEqualTo(Optional.of(0));
    assertThat(failure.originalValue()).isNotEqualTo(Optional.of(0));
  }

  @Test
  void anOptionalThatFailsRegardlessShrinksToEmpty() {
    PropertyFailure failure =
        fail(
            ((Generator<Integer>) random -> random.nextInt(1000)).optional(),
            o -> {
              throw new IllegalStateException("always");
            });

    assertThat(failure.shrunkValue()).isEqualTo(Optional.empty());
  }

  @Test
  void aListShrinksToItsOneOffendingElementAtItsSmallest() {
    PropertyFailure failure = fail(lists(), list -> assertThat(list).allMatch(x -> x < 100));

    assertThat(failure.shrunkValue()).isEqualTo(List.of(100));
    assertThat((List<?>) failure.originalValue()).hasSizeGreaterThan(1);
  }

  @Test
  void createParamsShrinkToTheOneFieldThatBreaksTheProperty() {
    PropertyFailure failure =
        fail(
            JobGenerators.validCreateParams(), params -> assertThat(params.promptSlug()).isEmpty());

    assertThat(failure.shrunkValue()).isEqualTo(JobCreateParams.builder().promptSlug("").build());
    assertThat(failure.originalValue()).isNotEqualTo(failure.shrunkValue());
  }

  @Test
  void createParamsShrinkToTheOneFieldThatBreaksThePropertyFromEverySeed() {
    assertThat(
            seedsNotShrunkTo(
                JobCreateParams.builder().promptSlug("").build(),
                JobGenerators.validCreateParams(),
                params -> assertThat(params.promptSlug()).isEmpty()))
        .isEmpty();
    assertThat(
            seedsNotShrunkTo(
                JobCreateParams.builder().status(JobStatus.RUNNING).build(),
                JobGenerators.validCreateParams(),
                params ->
                    assertThat(params.status().orElse(JobStatus.PENDING))
                        .isEqualTo(JobStatus.PENDING)))
        .isEmpty();
  }

  @Test
  void aJobShrinksToItsFewestSimplestIterationsFromEverySeed() {
    Job twoIterations =
        simplestJob()
            .iterations(
                org.eclipse.collections.api.factory.Lists.immutable.of(
                    simplestIteration(1), simplestIteration(2)))
            .build();

    assertThat(
            seedsNotShrunkTo(
                twoIterations,
                JobGenerators.validJobs(),
                job -> assertThat(job.iterations().size()).isLessThanOrEqualTo(1)))
        .isEmpty();
  }

  @Test
  void aJobShrinksToTheOneFieldThatBreaksThePropertyFromEverySeed() {
    assertThat(
            seedsNotShrunkTo(
                simplestJob().status(JobStatus.RUNNING).build(),
                JobGenerators.validJobs(),
                job -> assertThat(job.status()).isEqualTo(JobStatus.PENDING)))
        .isEmpty();
  }

  @Test
  void aStringShrinksWithTheLengthDrawnBeforeItFromEverySeed() {
    // Descriptions drawn at their longest edge (100 spaces) get shorter only through one more
    // choice: the edge choice raised to "any length", then that length.
    assertThat(
            seedsNotShrunkTo(
                IterationCreateParams.builder().iterationName("x").description("   ").build(),
                JobGenerators.validIterationCreateParams(),
                params ->
                    assertThat(
                            params
                                .description()
                                .map(text -> text.codePointCount(0, text.length()))
                                .orElse(0))
                        .isLessThan(3)))
        .isEmpty();
  }

  @Test
  void oneOfShrinksToItsFirstAlternative() {
    PropertyFailure failure =
        fail(
            Generator.oneOf(Generator.constant("first"), Generator.constant("second")),
            s -> assertThat(s).isEmpty());

    assertThat(failure.shrunkValue()).isEqualTo("first");
  }

  @Test
  void theCauseIsTheShrunkFailureAndTheOriginalIsSuppressed() {
    PropertyFailure failure =
        fail(random -> random.nextInt(1_000_000), x -> assertThat(x).isLessThan(1000));

    assertThat(failure.getCause()).isInstanceOf(AssertionError.class).hasMessageContaining("1000");
    assertThat(failure.getSuppressed())
        .singleElement()
        .satisfies(
            original ->
                assertThat(original).hasMessageContaining(failure.originalValue().toString()));
  }

  @Test
  void aCandidateMustFailWithTheSameClassOfException() {
    PropertyFailure failure =
        fail(
            random -> random.nextInt(1_000_000),
            x -> {
              if (x >= 10) {
                throw new IllegalStateException("ten or more: " + x);
              } else if (x >= 1) {
                throw new AssertionError("one or more: " + x);
              }
            });

    assertThat(failure.shrunkValue()).isEqualTo(10);
    assertThat(failure.getCause()).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void choicesOnWhichTheGeneratorThrowsAreRuledOut() {
    Generator<Long> noneBelowAThousandButZero =
        random -> {
          long x = random.nextLong(1_000_000);
          if (x > 0 && x < 1000) {
            throw new IllegalArgumentException("between 0 and 1000: " + x);
          }
          return x;
        };

    PropertyFailure failure = fail(noneBelowAThousandButZero, x -> assertThat(x).isZero());

    assertThat(failure.shrunkValue()).isEqualTo(1000L);
  }

  @Test
  void aValueWithNoChoicesToSimplifyTakesNoStep() {
    PropertyFailure failure = fail(Generator.constant("only"), s -> assertThat(s).isEmpty());

    assertThat(failure.shrinkSteps()).isZero();
    assertThat(failure.shrunkValue()).isSameAs(failure.originalValue());
    assertThat(failure.getSuppressed()).isEmpty();
  }

  @Test
  void theMessageNamesTheSeedTheCaseAndBothValues() {
    PropertyFailure failure =
        fail(random -> random.nextInt(1_000_000), x -> assertThat(x).isLessThan(1000));

    assertThat(failure)
        .hasMessage(
            "Property failed on case %d of 100 with seed 7 (replay with -Djobstore.seed=7)%n"
                + "  shrunk in %d steps to: 1000%n"
                + "  original: %s",
            failure.caseNumber(), failure.shrinkSteps(), failure.originalValue());
  }

  @Test
  void theMessageCutsLongValuesAt500Characters() {
    PropertyFailure failure =
        fail(random -> "x".repeat(600 + random.nextInt(2)), s -> assertThat(s).hasSize(0));

    assertThat(failure.getMessage())
        .endsWith("to: " + "x".repeat(500) + "…\n  original: " + "x".repeat(500) + "…");
  }

  @Test
  void shrinkingStopsAfterItsBudgetOfRuns() {
    AtomicInteger runs = new AtomicInteger();
    Generator<List<Integer>> longLists =
        random -> {
          List<Integer> list = new ArrayList<>();
          for (int i = 0; i < 2000; i++) {
            list.add(random.nextInt());
          }
          return list;
        };

    PropertyFailure failure =
        fail(
            longLists,
            list -> {
              runs.incrementAndGet();
              // Fails until all but 999 elements are zero, and an element zeroed alone passes:
              // each of the last 1000 has to be brought down one at a time, ~30 runs apiece.
              assertThat(list.stream().filter(x -> x != 0).count()).isLessThan(1000);
            });

    assertThat(runs.get() - failure.caseNumber()).isEqualTo(Property.MAX_SHRINK_RUNS);
  }

  /**
   * The seeds from 1 to {@link #SEEDS} on which the property does not shrink to {@code simplest}.
   */
  private static <T> List<Long> seedsNotShrunkTo(
      Object simplest, Generator<T> generator, Consumer<? super T> property) {
    List<Long> missed = new ArrayList<>();
    for (long seed = 1; seed <= SEEDS; seed++) {
      long fixed = seed;
      PropertyFailure failure =
          catchThrowableOfType(
              PropertyFailure.class, () -> Property.forAll(fixed, CASES, generator, property));
      assertThat(failure).as("seed %d", seed).isNotNull();
      if (!failure.shrunkValue().equals(simplest)) {
        missed.add(seed);
      }
    }
    return missed;
  }

  /** A job drawn from zeros but for {@code data_source}: unset is simpler than blank. */
  private static Job.Builder simplestJob() {
    return Job.builder().id(NIL).createdAt(Instant.EPOCH).updatedAt(Instant.EPOCH);
  }

  /** An iteration drawn from zeros: its name a space made non-blank. */
  private static Iteration simplestIteration(long order) {
    return Iteration.builder()
        .iterationName("x")
        .id(NIL)
        .createdAt(Instant.EPOCH)
        .job(NIL)
        .order(order)
        .build();
  }

  private static Generator<List<Integer>> lists() {
    return random -> {
      int size = random.nextInt(10);
      List<Integer> list = new ArrayList<>(size);
      for (int i = 0; i < size; i++) {
        list.add(random.nextInt(1000));
      }
      return list;
    };
  }

  private static <T> PropertyFailure fail(Generator<T> generator, Consumer<? super T> property) {
    return catchThrowableOfType(
        PropertyFailure.class, () -> Property.forAll(SEED, CASES, generator, property));
  }
}
