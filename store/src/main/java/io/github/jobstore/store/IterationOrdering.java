package io.github.jobstore.store;

import io.github.jobstore.core.Iteration;
import io.github.jobstore.core.IterationStatus;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The orderings {@link IterationQuery#ordering()} may name, sorted as {@link JobOrdering} sorts
 * jobs: empty values last ascending and first descending, scores numerically, text by code point,
 * enums by wire value. Ties go to the default order: {@code order}, then creation sequence.
 */
final class IterationOrdering {

  static final String DEFAULT = "order";

  private static final Comparator<Double> NUMERIC = (a, b) -> a < b ? -1 : (a > b ? 1 : 0);

  /** The default order, and a job's own: {@code order}, then creation sequence. */
  static final Comparator<IterationHit> BY_ORDER =
      Comparator.<IterationHit>comparingLong(hit -> hit.iteration().order().orElseThrow())
          .thenComparingLong(IterationHit::sequence);

  private static final Map<String, Comparator<Iteration>> FIELDS =
      Map.of(
          "order", Comparator.comparingLong(iteration -> iteration.order().orElseThrow()),
          "created_at", Comparator.comparing(Iteration::createdAt),
          "avg_score", optional(Iteration::avgScore, NUMERIC),
          "iteration_name",
              Comparator.comparing(Iteration::iterationName, JobOrdering::compareCodePoints),
          "status",
              optional(
                  iteration -> iteration.status().map(IterationStatus::wireValue),
                  JobOrdering::compareCodePoints));

  private static final Map<String, Comparator<IterationHit>> ORDERINGS = orderings();

  private IterationOrdering() {}

  static boolean isKnown(String ordering) {
    return ORDERINGS.containsKey(ordering);
  }

  static boolean isDefault(String ordering) {
    return ordering.equals(DEFAULT);
  }

  /**
   * Orders iterations by {@code ordering}, ties broken by the default order.
   *
   * @throws IllegalArgumentException for an ordering {@link #isKnown} rejects
   */
  static Comparator<IterationHit> comparator(String ordering) {
    Comparator<IterationHit> comparator = ORDERINGS.get(ordering);
    if (comparator == null) {
      throw new IllegalArgumentException("Unknown ordering " + ordering);
    }
    return comparator;
  }

  private static Map<String, Comparator<IterationHit>> orderings() {
    Map<String, Comparator<IterationHit>> orderings = new HashMap<>();
    FIELDS.forEach(
        (field, ascending) -> {
          orderings.put(
              field,
              Comparator.comparing(IterationHit::iteration, ascending).thenComparing(BY_ORDER));
          orderings.put(
              "-" + field,
              Comparator.comparing(IterationHit::iteration, ascending.reversed())
                  .thenComparing(BY_ORDER));
        });
    return Map.copyOf(orderings);
  }

  /** Empty last when ascending; {@link Comparator#reversed()} then puts it first. */
  private static <V> Comparator<Iteration> optional(
      Function<Iteration, Optional<V>> field, Comparator<V> order) {
    return Comparator.comparing(
        iteration -> field.apply(iteration).orElse(null), Comparator.nullsLast(order));
  }
}
