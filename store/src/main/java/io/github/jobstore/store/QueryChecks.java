package io.github.jobstore.store;

import io.github.jobstore.core.ValidationException;
import io.github.jobstore.core.Violation;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The rules {@link JobQuery} and {@link IterationQuery} share: their bounds, ordering and page. */
final class QueryChecks {

  private QueryChecks() {}

  /**
   * Rejects every broken setting at once, in the order of the API's parameters.
   *
   * @throws ValidationException for a non-finite score bound, each unknown ordering field, and a
   *     page size below 1
   */
  static void check(
      Optional<Double> scoreMin,
      Optional<Double> scoreMax,
      List<String> unknownOrderingFields,
      int pageSize) {
    List<Violation> violations = new ArrayList<>(1);
    if (scoreMin.filter(s -> !Double.isFinite(s)).isPresent()) {
      violations.add(Violation.notANumber("score_min"));
    }
    if (scoreMax.filter(s -> !Double.isFinite(s)).isPresent()) {
      violations.add(Violation.notANumber("score_max"));
    }
    for (String unknown : unknownOrderingFields) {
      violations.add(Violation.invalidChoice("ordering", unknown));
    }
    if (pageSize < 1) {
      violations.add(Violation.atLeast("page_size", 1));
    }
    if (!violations.isEmpty()) {
      throw new ValidationException(violations);
    }
  }

  /** True when there is no bound, or {@code score} is present and within both (inclusive). */
  static boolean within(Optional<Double> score, Optional<Double> min, Optional<Double> max) {
    return (min.isEmpty() || score.filter(s -> s >= min.get()).isPresent())
        && (max.isEmpty() || score.filter(s -> s <= max.get()).isPresent());
  }
}
