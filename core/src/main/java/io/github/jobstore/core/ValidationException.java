package io.github.jobstore.core;

import org.eclipse.collections.api.factory.Lists;
import org.eclipse.collections.api.list.ImmutableList;

/**
 * Thrown when a value breaks one or more constraints of the jobs API. It lists <em>every</em>
 * violation found, in the order of the fields in the API's schema, with the API's own wording.
 *
 * <p>Messages never echo a rejected string value, which may be someone's code or a secret.
 */
public final class ValidationException extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;

  private final ImmutableList<Violation> violations;

  /**
   * Creates an exception that reports the given violations, in the given order.
   *
   * @param violations at least one violation
   * @throws IllegalArgumentException if {@code violations} is empty
   */
  public ValidationException(Iterable<Violation> violations) {
    this(Lists.immutable.withAll(violations));
  }

  /** Creates an exception that reports one violation. */
  public ValidationException(Violation violation) {
    this(Lists.immutable.of(violation));
  }

  private ValidationException(ImmutableList<Violation> violations) {
    super(describe(violations));
    this.violations = violations;
  }

  private static String describe(ImmutableList<Violation> violations) {
    if (violations.isEmpty()) {
      throw new IllegalArgumentException("a ValidationException needs at least one violation");
    }
    return violations.makeString("; ");
  }

  /**
   * Returns every violation, in the order of the fields in the API's schema.
   *
   * @return a non-empty immutable list
   */
  public ImmutableList<Violation> violations() {
    return violations;
  }
}
