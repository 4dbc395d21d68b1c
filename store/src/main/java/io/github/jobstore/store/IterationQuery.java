package io.github.jobstore.store;

import io.github.jobstore.core.Iteration;
import io.github.jobstore.core.IterationStatus;
import io.github.jobstore.core.ValidationException;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.ToLongFunction;
import org.eclipse.collections.api.list.ImmutableList;
import org.eclipse.collections.api.set.ImmutableSet;
import org.immutables.value.Value;

/**
 * What {@link JobStore#listIterations(IterationQuery)} asks for: the API's {@code
 * job_iterations.list} filters, search, ordering and page. Every filter is optional and they
 * combine with AND; every bound is inclusive. {@code search} reads as {@link JobQuery#search()}
 * does, over {@code iteration_name} and {@code description}.
 *
 * <p>{@code ordering} names one or more of {@code order}, {@code created_at}, {@code avg_score},
 * {@code iteration_name}, {@code status}, separated by commas, each with a {@code -} prefix for
 * descending; later fields break the ties of earlier ones. The default is {@code order}, then
 * creation, as a job's own {@code iterations}. Empty values sort last ascending and first
 * descending; remaining ties go to the default order. {@link Builder#build()} rejects an unknown
 * field, naming it. Pages are numbered from 1 and hold 100 iterations unless {@code pageSize} says
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

  /**
   * Returns the fields {@link #ordering()} may name, each without the {@code -} prefix: {@code
   * order}, {@code created_at}, {@code avg_score}, {@code iteration_name}, {@code status}. Lets a
   * reader of the API's query string drop unknown fields, as the API does, before building.
   */
  public static ImmutableSet<String> orderingFields() {
    return IterationOrdering.fields();
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

  /**
   * Iterations that the API's {@code search} term matches: every part of the term, split as {@link
   * JobQuery#search()} says, occurs (case ignored as there) in {@code iteration_name} or {@code
   * description}. A term with no parts filters nothing. Kept exactly as given.
   */
  public abstract Optional<String> search();

  /** The parts of {@link #search()} that must each match, upper-cased; computed once per query. */
  @Value.Lazy
  ImmutableList<String> upperSearchTerms() {
    return Search.upperTerms(search());
  }

  /**
   * The fields to order by, separated by commas, each with {@code -} first for descending; {@code
   * order} by default.
   */
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

  /**
   * True when {@code iteration} passes every filter of this query, {@code search} included: what
   * {@link JobStore#listIterations} keeps, before ordering and paging. Another {@link JobStore} may
   * use it to agree with {@link InMemoryJobStore} exactly.
   */
  public final boolean matches(Iteration iteration) {
    return (job().isEmpty() || job().get().equals(iteration.job()))
        && (iterationName().isEmpty() || iterationName().get().equals(iteration.iterationName()))
        && (status().isEmpty() || status().equals(iteration.status()))
        && QueryChecks.within(iteration.avgScore(), scoreMin(), scoreMax())
        && (upperSearchTerms().isEmpty()
            || Search.matches(
                upperSearchTerms(),
                List.of(Optional.of(iteration.iterationName()), iteration.description())));
  }

  /**
   * Returns the order in which {@link JobStore#listIterations} returns this query's matches: by
   * each field of {@link #ordering()} in turn, then by {@code order}, then in creation order, as
   * {@code creationSequence} says (an iteration created later has a greater sequence; a moved one
   * keeps its own). Another {@link JobStore} may use it to agree with {@link InMemoryJobStore}
   * exactly, ties included.
   */
  public final Comparator<Iteration> comparator(
      ToLongFunction<? super Iteration> creationSequence) {
    Comparator<IterationHit> byHit = IterationOrdering.comparator(ordering());
    return (a, b) ->
        byHit.compare(
            new IterationHit(a, creationSequence.applyAsLong(a)),
            new IterationHit(b, creationSequence.applyAsLong(b)));
  }

  @Value.Check
  final void check() {
    QueryChecks.check(
        scoreMin(), scoreMax(), IterationOrdering.unknownFields(ordering()), pageSize());
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
