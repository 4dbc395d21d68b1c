package io.github.jobstore.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class ChoiceSequenceTest {

  @Test
  void choiceZeroIsEveryDrawsSimplestOutcome() {
    RandomGenerator zeros = ChoiceSequence.replaying(new long[0], 100);

    assertThat(zeros.nextLong()).isZero();
    assertThat(zeros.nextInt()).isZero();
    assertThat(zeros.nextInt(7)).isZero();
    assertThat(zeros.nextLong(7)).isZero();
    assertThat(zeros.nextInt(-5, 5)).isZero();
    assertThat(zeros.nextInt(3, 5)).isEqualTo(3);
    assertThat(zeros.nextInt(-5, -3)).isEqualTo(-4);
    assertThat(zeros.nextLong(Long.MIN_VALUE, Long.MAX_VALUE)).isZero();
    assertThat(zeros.nextBoolean()).isFalse();
    assertThat(zeros.nextDouble()).isZero();
    assertThat(zeros.nextDouble(-1e6, 1e6)).isZero();
    assertThat(zeros.nextDouble(2.0, 3.0)).isEqualTo(2.0);
    assertThat(zeros.nextDouble(-3.0, -2.0)).isEqualTo(Math.nextDown(-2.0));
    assertThat(zeros.nextFloat()).isZero();
    assertThat(zeros.nextFloat(-1f, 1f)).isZero();
  }

  @Test
  void aRangeAcrossZeroListsValuesByDistanceFromZero() {
    List<Long> values = new ArrayList<>();
    for (long k = 0; k < 7; k++) {
      values.add(ChoiceSequence.nearestZeroFirst(-2, 5, k));
    }
    assertThat(values).containsExactly(0L, -1L, 1L, -2L, 2L, 3L, 4L);
    values.clear();
    for (long k = 0; k < 6; k++) {
      values.add(ChoiceSequence.nearestZeroFirst(-4, 2, k));
    }
    assertThat(values).containsExactly(0L, -1L, 1L, -2L, -3L, -4L);
  }

  @Test
  void theWidestRangesMapTheirLastChoicesToTheirEdges() {
    assertThat(ChoiceSequence.nearestZeroFirst(Long.MIN_VALUE, Long.MAX_VALUE, -2L))
        .isEqualTo(Long.MIN_VALUE);
    assertThat(ChoiceSequence.nearestZeroFirst(Long.MIN_VALUE, Long.MAX_VALUE, -3L))
        .isEqualTo(Long.MIN_VALUE + 1);
    assertThat(ChoiceSequence.nearestZeroFirst(Long.MIN_VALUE, Long.MAX_VALUE, -4L))
        .isEqualTo(Long.MAX_VALUE - 1);
  }

  @Test
  void freshDrawsStayInTheirRanges() {
    Property.forAll(
        200,
        random -> {
          ChoiceSequence choices =
              ChoiceSequence.recording(new SplittableRandom(random.nextLong()));
          return new long[] {
            choices.nextInt(-3, 4), choices.nextLong(Long.MIN_VALUE, 0), choices.nextInt(10)
          };
        },
        drawn -> {
          assertThat(drawn[0]).isBetween(-3L, 3L);
          assertThat(drawn[1]).isNegative();
          assertThat(drawn[2]).isBetween(0L, 9L);
        });
  }

  @Test
  void aReplayHandsOutWhatWasRecorded() {
    ChoiceSequence recording = ChoiceSequence.recording(new SplittableRandom(3));
    List<Object> drawn =
        List.of(
            recording.nextInt(100),
            recording.nextLong(),
            recording.nextDouble(-5, 5),
            recording.nextBoolean(),
            recording.nextInt());
    ChoiceSequence replay = ChoiceSequence.replaying(recording.choices(), 100);

    assertThat(
            List.of(
                replay.nextInt(100),
                replay.nextLong(),
                replay.nextDouble(-5, 5),
                replay.nextBoolean(),
                replay.nextInt()))
        .isEqualTo(drawn);
    assertThat(replay.choices()).isEqualTo(recording.choices());
  }

  @Test
  void aReplayedChoiceTooLargeForItsBoundWrapsIntoIt() {
    ChoiceSequence replay = ChoiceSequence.replaying(new long[] {13, -1}, 10);

    assertThat(replay.nextInt(10)).isEqualTo(3);
    assertThat(replay.nextInt(10)).isEqualTo(5); // 2^64 - 1 is 5 modulo 10
    assertThat(replay.choices()).containsExactly(3, 5);
  }

  @Test
  void aReplayStopsAtItsLimit() {
    ChoiceSequence replay = ChoiceSequence.replaying(new long[0], 3);
    LongStream.range(0, 3).forEach(i -> replay.nextLong());

    assertThatIllegalStateException()
        .isThrownBy(replay::nextLong)
        .withMessage("a replay drew more than 3 choices");
  }

  @Test
  void invalidBoundsAreRejected() {
    RandomGenerator zeros = ChoiceSequence.replaying(new long[0], 10);

    assertThatIllegalArgumentException()
        .isThrownBy(() -> zeros.nextInt(0))
        .withMessage("bound must be positive, not 0");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> zeros.nextInt(2, 2))
        .withMessage("bound must be greater than origin, not 2 and 2");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> zeros.nextLong(2, 1))
        .withMessage("bound must be greater than origin, not 2 and 1");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> zeros.nextDouble(Double.POSITIVE_INFINITY))
        .withMessage("bound must be finite and positive, not Infinity");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> zeros.nextDouble(1.0, 1.0))
        .withMessage("origin and bound must be finite with origin below bound, not 1.0 and 1.0");
  }

  @Test
  void shorterChoicesAreSimplerThenSmallerOnesAtTheFirstDifference() {
    assertThat(Shrinker.simpler(new long[] {9}, new long[] {0, 0})).isTrue();
    assertThat(Shrinker.simpler(new long[] {0, 5}, new long[] {1, 0})).isTrue();
    assertThat(Shrinker.simpler(new long[] {5}, new long[] {-1})).isTrue(); // unsigned
    assertThat(Shrinker.simpler(new long[] {1}, new long[] {1})).isFalse();
    assertThat(Shrinker.simpler(new long[] {0, 0}, new long[] {9})).isFalse();
  }

  @Test
  void aTracingReplaySpansTheChoicesOfEachCall() {
    ChoiceSequence random = ChoiceSequence.tracing(new long[] {1, 5, 6, 2, 3, 4, 7, 8}, 100);

    optionalPairThenPairs(random);

    assertThat(random.choices()).containsExactly(1, 5, 6, 2, 3, 4, 7, 8);
    assertThat(random.spans())
        .extracting(span -> List.of(span[0], span[1]))
        // The optional's pair, the list, each of its pairs, and all of it.
        .contains(List.of(1, 3), List.of(3, 8), List.of(4, 6), List.of(6, 8), List.of(0, 8))
        .doesNotContain(List.of(4, 8), List.of(2, 4), List.of(3, 6));
  }

  @Test
  void aTracingWindowSpansOnlyTheCallsFromTheChoiceAfterIt() {
    ChoiceSequence random = ChoiceSequence.tracingFrom(new long[] {1, 5, 6, 2, 3, 4, 7, 8}, 100, 3);

    optionalPairThenPairs(random);

    assertThat(random.choices()).containsExactly(1, 5, 6, 2, 3, 4, 7, 8);
    assertThat(random.spans())
        .extracting(span -> List.of(span[0], span[1]))
        .containsExactly(List.of(4, 6));
  }

  @Test
  void onlyATracingReplayHasSpans() {
    ChoiceSequence replay = ChoiceSequence.replaying(new long[] {1}, 10);
    replay.nextInt(4);

    assertThatIllegalStateException().isThrownBy(replay::spans).withMessage("not a tracing replay");
  }

  /** An optional pair (a flag, then two draws), then a list of pairs (a length, then pairs). */
  private static void optionalPairThenPairs(RandomGenerator random) {
    if (random.nextInt(4) != 0) {
      pair(random);
    }
    pairs(random);
  }

  private static void pairs(RandomGenerator random) {
    int size = random.nextInt(5);
    for (int i = 0; i < size; i++) {
      pair(random);
    }
  }

  private static int pair(RandomGenerator random) {
    int first = random.nextInt(10);
    return first * 10 + random.nextInt(10);
  }
}
