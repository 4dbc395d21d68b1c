package io.github.jobstore.core;

import static java.util.Objects.requireNonNull;

import java.util.function.Function;

/** Parses an enum from its wire value, rejecting anything else as the API does. */
final class Choices {

  private Choices() {}

  static <E extends Enum<E>> E parse(
      E[] constants, Function<E, String> wireValue, String field, String value) {
    requireNonNull(value, field);
    for (E constant : constants) {
      if (wireValue.apply(constant).equals(value)) {
        return constant;
      }
    }
    throw new ValidationException(Violation.invalidChoice(field, value));
  }
}
