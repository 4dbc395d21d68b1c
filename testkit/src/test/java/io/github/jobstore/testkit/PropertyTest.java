package io.github.jobstore.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PropertyTest {

  private String seedProperty;

  @BeforeEach
  void clearTheSeedProperty() {
    // These tests pin what happens with and without it; the build may set it to explore.
    seedProperty = System.getProperty(Property.SEED_PROPERTY);
    System.clearProperty(Property.SEED_PROPERTY);
  }

  @AfterEach
  void restoreTheSeedProperty() {
    if (seedProperty == null) {
      System.clearProperty(Property.SEED_PROPERTY);
    } else {
      System.setProperty(Property.SEED_PROPERTY, seedProperty);
    }
  }

  @Test
  void checksEveryCaseWhenThePropertyHolds() {
    AtomicInteger checked = new AtomicInteger();
    Property.forAll(250, random -> random.nextInt(10), value -> checked.incrementAndGet());
    assertThat(checked).hasValue(250);
  }

  @Test
  void aFailureNamesTheSeedTheCaseAndTheValue() {
    assertThatThrownBy(
            () ->
                Property.forAll(
                    100,
                    random -> "value-" + random.nextInt(3),
                    value -> assertThat(value).isEqualTo("never")))
        .isInstanceOf(PropertyFailure.class)
        .hasMessageMatching(
            "Property failed on case 1 of 100 with seed (-?\\d+)"
                + " \\(replay with -Djobstore\\.seed=\\1\\)\n"
                + "  shrunk in \\d+ steps? to: value-0\n"
                + "  original: value-\\d")
        .hasCauseInstanceOf(AssertionError.class);
  }

  @Test
  void anExceptionThrownByThePropertyIsReportedAsAFailure() {
    assertThatThrownBy(
            () ->
                Property.forAll(
                    5,
                    random -> 1,
                    value -> {
                      throw new IllegalStateException("boom");
                    }))
        .isInstanceOf(PropertyFailure.class)
        .hasRootCauseMessage("boom");
  }

  @Test
  void aGeneratorThatThrowsIsReportedWithTheSeedAndTheCase() {
    assertThatThrownBy(
            () ->
                Property.forAll(
                    42L,
                    10,
                    random -> {
                      if (random.nextInt(4) == 3) {
                        throw new IllegalStateException("broken generator");
                      }
                      return 1;
                    },
                    value -> {}))
        .isExactlyInstanceOf(AssertionError.class)
        .hasMessageMatching(
            "Property failed on case \\d+ of 10 with seed 42 \\(replay with -Djobstore\\.seed=42\\):"
                + " the generator threw java\\.lang\\.IllegalStateException: broken generator")
        .hasCauseInstanceOf(IllegalStateException.class);
  }

  @Test
  void theCaseCountMustBePositive() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> Property.forAll(0, random -> 1, value -> {}))
        .withMessage("cases must be at least 1, not 0");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> Property.forAll(1L, 0, random -> 1, value -> {}))
        .withMessage("cases must be at least 1, not 0");
  }

  @Test
  void aPropertysSeedComesFromItsClassAndMethod() {
    assertThat(seedOfAFailure())
        .isEqualTo(Property.seedOf(PropertyTest.class.getName() + "#seedOfAFailure"));
  }

  @Test
  void aLambdaTakesTheSeedOfTheMethodItIsWrittenIn() {
    PropertyFailure failure =
        catchThrowableOfType(
            PropertyFailure.class,
            () -> Property.forAll(1, random -> 1, value -> assertThat(value).isZero()));

    assertThat(failure.seed())
        .isEqualTo(
            Property.seedOf(
                PropertyTest.class.getName() + "#aLambdaTakesTheSeedOfTheMethodItIsWrittenIn"));
  }

  @Test
  void theSameMethodGetsTheSameSeedEveryTime() {
    assertThat(seedOfAFailure()).isEqualTo(seedOfAFailure());
  }

  @Test
  void twoMethodsGetDifferentSeedsAndSoDifferentValues() {
    List<Integer> first = valuesSeenByFirstProperty();
    List<Integer> second = valuesSeenBySecondProperty();

    assertThat(first).hasSize(10).isNotEqualTo(second);
    assertThat(Property.seedOf("a#first")).isNotEqualTo(Property.seedOf("a#second"));
  }

  @Test
  void aNumericSeedPropertyOverridesDerivedSeeds() {
    System.setProperty(Property.SEED_PROPERTY, " 123 ");

    assertThat(seedOfAFailure()).isEqualTo(123L);
  }

  @Test
  void aRandomSeedPropertyGivesEachRunAFreshSeed() {
    System.setProperty(Property.SEED_PROPERTY, "random");

    assertThat(seedOfAFailure()).isNotEqualTo(seedOfAFailure());
  }

  @Test
  void aSeedPropertyThatIsNoNumberIsRejected() {
    System.setProperty(Property.SEED_PROPERTY, "12a");

    assertThatIllegalArgumentException()
        .isThrownBy(() -> Property.forAll(1, random -> 1, value -> {}))
        .withMessage("jobstore.seed must be a long or 'random', not '12a'");
  }

  @Test
  void anExplicitSeedIsUsedWhateverTheSeedProperty() {
    System.setProperty(Property.SEED_PROPERTY, "123");

    PropertyFailure failure =
        catchThrowableOfType(
            PropertyFailure.class,
            () -> Property.forAll(99L, 1, random -> 1, value -> assertThat(value).isZero()));

    assertThat(failure.seed()).isEqualTo(99L);
  }

  @Test
  void theSameExplicitSeedDrawsTheSameValues() {
    List<Long> first = new ArrayList<>();
    List<Long> second = new ArrayList<>();
    Property.forAll(5L, 20, random -> random.nextLong(), first::add);
    Property.forAll(5L, 20, random -> random.nextLong(), second::add);

    assertThat(first).hasSize(20).isEqualTo(second).doesNotHaveDuplicates();
  }

  @Test
  void aLambdasMethodIsTheNameJavacGaveIt() {
    assertThat(Property.method("lambda$someTest$3")).isEqualTo("someTest");
    assertThat(Property.method("lambda$static$0")).isEqualTo("static");
    assertThat(Property.method("someTest")).isEqualTo("someTest");
    assertThat(Property.method("lambda$")).isEqualTo("lambda$");
  }

  private static long seedOfAFailure() {
    return catchThrowableOfType(
            PropertyFailure.class,
            () -> Property.forAll(1, random -> 1, value -> assertThat(value).isZero()))
        .seed();
  }

  private static List<Integer> valuesSeenByFirstProperty() {
    List<Integer> seen = new ArrayList<>();
    Property.forAll(10, random -> random.nextInt(), seen::add);
    return seen;
  }

  private static List<Integer> valuesSeenBySecondProperty() {
    List<Integer> seen = new ArrayList<>();
    Property.forAll(10, random -> random.nextInt(), seen::add);
    return seen;
  }
}
