package io.github.jobstore.json;

import io.github.jobstore.core.ValidationException;
import io.github.jobstore.core.Violation;
import java.util.List;
import java.util.function.Function;

/** Where a field's wire violations go, under the field's name. */
final class Problems {

  private final String field;
  private final List<Violation> sink;

  Problems(String field, List<Violation> sink) {
    this.field = field;
    this.sink = sink;
  }

  /** Records the violation that {@code violation} makes of the field. */
  void add(Function<String, Violation> violation) {
    sink.add(violation.apply(field));
  }

  /** Records a nested document's violations as {@code field[i].name}. */
  void addNested(String path, ValidationException e) {
    for (Violation violation : e.violations()) {
      sink.add(new Violation(field + path + violation.field(), violation.message()));
    }
  }
}
