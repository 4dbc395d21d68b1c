package io.github.jobstore.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.ArrayList;
import java.util.List;
import org.eclipse.collections.api.factory.Lists;
import org.junit.jupiter.api.Test;

/** {@link ValidationException} and {@link Violation}. */
class ValidationExceptionTest {

  private static final Violation FIRST = new Violation("analyzer_model", "first message.");
  private static final Violation SECOND = new Violation("best_score", "second message.");

  @Test
  void isAnUncheckedIllegalArgumentException() {
    assertThat(IllegalArgumentException.class).isAssignableFrom(ValidationException.class);
  }

  @Test
  void emptyListOfViolationsIsRejected() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new ValidationException(List.of()))
        .withMessage("a ValidationException needs at least one violation")
        .isNotInstanceOf(ValidationException.class);
  }

  @Test
  void emptyImmutableListOfViolationsIsRejected() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new ValidationException(Lists.immutable.empty()))
        .withMessage("a ValidationException needs at least one violation");
  }

  @Test
  void violationsKeepTheGivenOrder() {
    assertThat(new ValidationException(List.of(SECOND, FIRST)).violations())
        .containsExactly(SECOND, FIRST);
  }

  @Test
  void singleViolationConstructorReportsExactlyThatViolation() {
    assertThat(new ValidationException(Violation.blank("data_source")).violations())
        .containsExactly(new Violation("data_source", "This field may not be blank."));
  }

  @Test
  void messageNamesEveryFieldWithItsMessage() {
    assertThat(new ValidationException(List.of(FIRST, SECOND)).getMessage())
        .contains("analyzer_model", "first message.", "best_score", "second message.");
  }

  @Test
  void violationsCannotBeChanged() {
    List<Violation> violations =
        new ValidationException(List.of(FIRST, SECOND)).violations().castToList();

    assertThatExceptionOfType(UnsupportedOperationException.class)
        .isThrownBy(() -> violations.add(FIRST));
    assertThatExceptionOfType(UnsupportedOperationException.class)
        .isThrownBy(() -> violations.set(0, SECOND));
    assertThatExceptionOfType(UnsupportedOperationException.class)
        .isThrownBy(() -> violations.remove(0));
  }

  @Test
  void changingTheSourceListAfterwardsChangesNothing() {
    List<Violation> source = new ArrayList<>(List.of(FIRST));
    ValidationException e = new ValidationException(source);

    source.add(SECOND);
    source.set(0, SECOND);

    assertThat(e.violations()).containsExactly(FIRST);
    assertThat(e.getMessage()).doesNotContain("best_score");
  }

  @Test
  void violationsAreEqualByFieldAndMessage() {
    assertThat(new Violation("a", "m"))
        .isEqualTo(new Violation("a", "m"))
        .hasSameHashCodeAs(new Violation("a", "m"))
        .isNotEqualTo(new Violation("a", "n"))
        .isNotEqualTo(new Violation("b", "m"));
  }
}
