package io.github.jobstore.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class PropertyTest {

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
        .isInstanceOf(AssertionError.class)
        // Whatever seed -Djobstore.seed chose, the message names it twice, the same both times.
        .hasMessageMatching(
            "(?s)Property failed on case 1 of 100 with seed (-?\\d+)"
                + " \\(replay with -Djobstore\\.seed=\\1\\): value-\\d.*")
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
        .isInstanceOf(AssertionError.class)
        .hasRootCauseMessage("boom");
  }

  @Test
  void theCaseCountMustBePositive() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> Property.forAll(0, random -> 1, value -> {}))
        .withMessage("cases must be at least 1, not 0");
  }
}
