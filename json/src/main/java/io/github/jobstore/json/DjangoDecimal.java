package io.github.jobstore.json;

import io.github.jobstore.core.Violation;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/** django-filter's {@code NumberFilter}: TODO exact rules. */
final class DjangoDecimal {

  private DjangoDecimal() {}

  static Optional<Double> read(String value, String name, List<Violation> violations) {
    try {
      double number = new BigDecimal(PythonText.strip(value)).doubleValue();
      if (Double.isFinite(number)) {
        return Optional.of(number);
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    violations.add(Violation.enterANumber(name));
    return Optional.empty();
  }
}
