package io.github.jobstore.core;

import java.time.Instant;
import java.util.UUID;
import org.immutables.value.Value;

/**
 * One iteration of a job: an immutable, validated value.
 *
 * <p>Build one with {@link #builder()}; {@code id}, {@code created_at}, {@code iteration_name} and
 * {@code job} are required. {@code withX(value)} copies and {@link #toBuilder()} validate like
 * {@link Builder#build()}: they throw a {@link ValidationException} that lists every violation.
 *
 * <p>Instances are immutable and safe to share between threads.
 */
@Value.Immutable
public abstract class Iteration extends IterationFields implements WithIteration {

  Iteration() {}

  /**
   * Returns a builder of iterations. Required: {@code id}, {@code createdAt}, {@code
   * iterationName}, {@code job}.
   */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns a builder that starts from every field of this iteration. */
  public final Builder toBuilder() {
    return builder().from(this);
  }

  /** {@code id}: the iteration's identity, assigned by the store. Required. */
  public abstract UUID id();

  /** {@code created_at}: when the iteration was appended. Required. */
  public abstract Instant createdAt();

  /** {@code job}: the id of the job the iteration belongs to. Required. */
  public abstract UUID job();

  @Value.Check
  final void check() {
    new Violations()
        .required("id", id())
        .required("created_at", createdAt())
        .requiredName("iteration_name", iterationName(), NAME_MAX_LENGTH)
        .required("job", job())
        .finite("avg_score", avgScore())
        .throwIfAny();
  }

  /**
   * Builds an {@link Iteration}. Not thread-safe. {@link #build()} throws a {@link
   * ValidationException} listing every violation, including required fields left unset.
   */
  public static final class Builder extends ImmutableIteration.Builder
      implements IterationFieldsBuilder<Builder> {
    Builder() {}

    /**
     * Returns the {@code Iteration} this builder describes.
     *
     * @throws ValidationException listing every violation, including each required field left unset
     *     ({@code This field is required.})
     */
    @Override
    public Iteration build() {
      return super.build();
    }
  }
}
