package io.github.jobstore.store;

import static io.github.jobstore.store.FieldOrdering.CODE_POINTS;
import static io.github.jobstore.store.FieldOrdering.NUMERIC;
import static io.github.jobstore.store.FieldOrdering.optional;

import io.github.jobstore.core.Iteration;
import io.github.jobstore.core.IterationStatus;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.eclipse.collections.api.set.ImmutableSet;

/**
 * The orderings {@link IterationQuery#ordering()} may name, read and sorted as {@link
 * FieldOrdering} says (several fields, each with an optional {@code -}; empty values last
 * ascending), enums by wire value. Ties go to the default order: {@code order}, then creation
 * sequence.
 */
final class IterationOrdering {

  static final String DEFAULT = "order";

  /** The default order, and a job's own: {@code order}, then creation sequence. */
  static final Comparator<IterationHit> BY_ORDER =
      Comparator.<IterationHit>comparingLong(hit -> hit.iteration().order().orElseThrow())
          .thenComparingLong(IterationHit::sequence);

  private static final FieldOrdering<Iteration, IterationHit> ORDERING =
      new FieldOrdering<>(
          Map.of(
              "order", Comparator.comparingLong(iteration -> iteration.order().orElseThrow()),
              "created_at", Comparator.comparing(Iteration::createdAt),
              "avg_score", optional(Iteration::avgScore, NUMERIC),
              "iteration_name", Comparator.comparing(Iteration::iterationName, CODE_POINTS),
              "status",
                  optional(
                      iteration -> iteration.status().map(IterationStatus::wireValue),
                      CODE_POINTS)),
          IterationHit::iteration,
          BY_ORDER);

  private IterationOrdering() {}

  /** The fields an ordering may name. */
  static ImmutableSet<String> fields() {
    return ORDERING.fieldNames();
  }

  /** The parts of {@code ordering} that name no field, as {@link FieldOrdering} reads them. */
  static List<String> unknownFields(String ordering) {
    return ORDERING.unknownFields(ordering);
  }

  static boolean isDefault(String ordering) {
    return ordering.equals(DEFAULT);
  }

  /**
   * Orders iterations by each field of {@code ordering} in turn, then by the default order.
   *
   * @throws IllegalArgumentException for an ordering {@link #unknownFields} objects to
   */
  static Comparator<IterationHit> comparator(String ordering) {
    return ORDERING.comparator(ordering);
  }
}
