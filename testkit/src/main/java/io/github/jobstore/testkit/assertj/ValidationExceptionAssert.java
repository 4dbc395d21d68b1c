package io.github.jobstore.testkit.assertj;

import io.github.jobstore.core.ValidationException;
import io.github.jobstore.core.Violation;
import java.util.List;
import org.assertj.core.api.AbstractThrowableAssert;

/**
 * AssertJ assertions on a {@link ValidationException}; start with {@link
 * JobStoreAssertions#assertThat(ValidationException)}, or catch and start in one call with {@link
 * JobStoreAssertions#assertThatValidationExceptionThrownBy}. Every assertion throws an {@link
 * AssertionError} that shows the expected and the actual violations when it fails.
 */
public class ValidationExceptionAssert
    extends AbstractThrowableAssert<ValidationExceptionAssert, ValidationException> {

  /**
   * Creates assertions on {@code actual}; prefer {@link
   * JobStoreAssertions#assertThat(ValidationException)}.
   */
  public ValidationExceptionAssert(ValidationException actual) {
    super(actual, ValidationExceptionAssert.class);
  }

  /** Verifies the exception's violations: exactly these, in this order. */
  public ValidationExceptionAssert hasViolations(Violation... expected) {
    isNotNull();
    List<Violation> actualViolations = actual.violations().castToList();
    if (!actualViolations.equals(List.of(expected))) {
      failWithMessage(
          "Expected violations <%s> but were <%s>", List.of(expected), actualViolations);
    }
    return this;
  }

  /** Verifies that the exception reports exactly one violation: {@code field}, {@code message}. */
  public ValidationExceptionAssert hasOnlyViolation(String field, String message) {
    return hasViolations(new Violation(field, message));
  }

  /** Verifies that one of the exception's violations is on {@code field}. */
  public ValidationExceptionAssert hasViolationOn(String field) {
    isNotNull();
    if (actual.violations().noneSatisfy(violation -> violation.field().equals(field))) {
      failWithMessage(
          "Expected a violation on <%s> but the violations were <%s>", field, actual.violations());
    }
    return this;
  }
}
