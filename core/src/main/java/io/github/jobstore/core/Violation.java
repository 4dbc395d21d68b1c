package io.github.jobstore.core;

import static java.util.Objects.requireNonNull;

import java.io.Serializable;

/**
 * One broken constraint: the wire name of the field (for example {@code analyzer_model}) and the
 * API's message for it (for example {@code Ensure this field has no more than 128 characters.}).
 *
 * @param field the field's wire name
 * @param message the API's wording of what is wrong; never contains the rejected string value
 */
public record Violation(String field, String message) implements Serializable {

  /**
   * Creates a violation.
   *
   * @throws NullPointerException if either argument is null
   */
  public Violation {
    requireNonNull(field, "field");
    requireNonNull(message, "message");
  }

  @Override
  public String toString() {
    return field + ": " + message;
  }
}
