package io.github.jobstore.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Collects the violations of one value, field by field in schema order, and throws them together.
 * Each check speaks the API's (Django REST framework's) wording and never looks at a string's
 * content beyond its length and whether it is blank.
 */
final class Violations {

  /** Made on the first violation: valid values, the common case, allocate nothing here. */
  private @Nullable List<Violation> found;

  /** Requires a value that {@code ValidationMethod.NONE} lets the builder leave null. */
  Violations required(String field, @Nullable Object value) {
    if (value == null) {
      add(Violation.required(field));
    }
    return this;
  }

  Violations maxLength(String field, Optional<String> value, int max) {
    value.ifPresent(s -> checkLength(field, s, max));
    return this;
  }

  /** A required string that may not be blank and has at most {@code max} code points. */
  Violations requiredName(String field, @Nullable String value, int max) {
    if (value == null) {
      add(Violation.required(field));
    } else {
      notBlankWithin(field, value, max);
    }
    return this;
  }

  Violations notBlankWithin(String field, Optional<String> value, int max) {
    value.ifPresent(s -> notBlankWithin(field, s, max));
    return this;
  }

  Violations finite(String field, Optional<Double> value) {
    if (value.isPresent() && !Double.isFinite(value.get())) {
      add(Violation.notANumber(field));
    }
    return this;
  }

  void throwIfAny() {
    if (found != null) {
      throw new ValidationException(found);
    }
  }

  private void notBlankWithin(String field, String value, int max) {
    if (PythonText.isBlank(value)) {
      add(Violation.blank(field));
    } else {
      checkLength(field, value, max);
    }
  }

  private void checkLength(String field, String value, int max) {
    if (PythonText.length(value) > max) {
      add(Violation.tooLong(field, max));
    }
  }

  private void add(Violation violation) {
    if (found == null) {
      found = new ArrayList<>(2);
    }
    found.add(violation);
  }
}
