package io.github.jobstore.store;

import io.github.jobstore.core.Iteration;
import io.github.jobstore.core.IterationStatus;
import io.github.jobstore.core.ValidationException;
import io.github.jobstore.core.Violation;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.immutables.value.Value;

/**
 * What {@link JobStore#listIterations(IterationQuery)} asks for: the API's {@code
 * job_iterations.list} filters, ordering and page. Every filter is optional and they combine with
 * AND; every bound is inclusive.
 *
 * <p>{@code ordering} names one of {@code order}, {@code created_at}, {@code avg_score}, {@code
 * iteration_name}, {@code status}, with a {@code -} prefix for descending; the default is {@code
 * order}, then creation, as a job's own {@code iterations}. Empty values sort last ascending and
 * first descending; ties go to the default order. {@link Builder#build()} rejects an unknown
 * ordering. Pages are numbered from 1 and hold 100 iterations unless {@code pageSize} says
 * otherwise.
 *
 * <p>Instances are immutable and safe to share between threads.
 */
@Value.Immutable
public abstract class IterationQuery implements WithIterationQuery {

  IterationQuery() {}

  /** Returns a builder of queries: no filters, ordered by {@code order}, page 1 of 100. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns a builder that starts from every setting of this query. */
  public final Builder toBuilder() {
    return builder().from(this);
  }

  /** Iterations of this {@code job}. */
  public abstract Optional<UUID> job();

  /** Iterations whose {@code iteration_name} is exactly this. */
  public abstract Optional<String> iterationName();

  /** Iterations with this {@code status}; iterations without one do not match. */
  public abstract Optional<IterationStatus> status();

  /** Iterations whose {@code avg_score} is at least this; iterations without one do not match. */
  public abstract Optional<Double> scoreMin();

  /** Iterations whose {@code avg_score} is at most this; iterations without one do not match. */
  public abstract Optional<Double> scoreMax();

  /** The field to order by, {@code -} first for descending; {@code order} by default. */
  @Value.Default
  public String ordering() {
    return IterationOrdering.DEFAULT;
  }

  /** The page to return, from 1; 1 by default. */
  @Value.Default
  public int page() {
    return 1;
  }

  /** The most iterations a page holds, at least 1; 100 by default. */
  @Value.Default
  public int pageSize() {
    return 100;
  }

  /** True when {@code iteration} passes every filter. */
  final boolean matches(Iteration iteration) {
    return (job().isEmpty() || job().get().equals(iteration.job()))
        && (iterationName().isEmpty() || iterationName().get().equals(iteration.iterationName()))
        && (status().isEmpty() || status().equals(iteration.status()))
        && (scoreMin().isEmpty()
            || iteration.avgScore().filter(s -> s >= scoreMin().get()).isPresent())
        && (scoreMax().isEmpty()
            || iteration.avgScore().filter(s -> s <= scoreMax().get()).isPresent());
  }

  @Value.Check
  final void check() {
    List<Violation> violations = new ArrayList<>(1);
    if (scoreMin().filter(s -> !Double.isFinite(s)).isPresent()) {
      violations.add(Violation.notANumber("score_min"));
    }
    if (scoreMax().filter(s -> !Double.isFinite(s)).isPresent()) {
      violations.add(Violation.notANumber("score_max"));
    }
    if (!IterationOrdering.isKnown(ordering())) {
      violations.add(Violation.invalidChoice("ordering", ordering()));
    }
    if (pageSize() < 1) {
      violations.add(Violation.atLeast("page_size", 1));
    }
    if (!violations.isEmpty()) {
      throw new ValidationException(violations);
    }
  }

  /**
   * Builds an {@link IterationQuery}. Not thread-safe. {@link #build()} throws a {@link
   * ValidationException} for an unknown ordering, a page size below 1 or a non-finite score bound.
   */
  public static final class Builder extends ImmutableIterationQuery.Builder {
    Builder() {}

    /**
     * Returns the {@code IterationQuery} this builder describes.
     *
     * @throws ValidationException listing every violation
     */
    @Override
    public IterationQuery build() {
      return super.build();
    }
  }
}
