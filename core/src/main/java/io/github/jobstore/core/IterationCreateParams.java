package io.github.jobstore.core;

import java.util.Optional;
import java.util.UUID;
import org.immutables.value.Value;

/**
 * The body of the API's {@code job_iterations.create}: every writable field of an {@link
 * Iteration}. {@code iteration_name} is required; {@code job} names the job, and the store requires
 * it when it creates the iteration (the API requires it on the wire), while {@code appendIteration}
 * sets it. The store assigns {@code id} and {@code created_at}, and {@code order} when absent.
 *
 * <p>Instances are immutable, validated and safe to share between threads; {@code withX(value)}
 * copies and {@link #toBuilder()} validate like {@link Builder#build()}.
 */
@Value.Immutable
public abstract class IterationCreateParams extends IterationFields
    implements WithIterationCreateParams {

  IterationCreateParams() {}

  /** Returns a builder of iteration params. Required: {@code iterationName}. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns a builder that starts from every field of these params. */
  public final Builder toBuilder() {
    return builder().from(this);
  }

  /**
   * {@code job}: the id of the job the iteration belongs to. Optional here so that {@code
   * appendIteration(jobId, params)} can name the job; {@code createIteration} requires it.
   */
  public abstract Optional<UUID> job();

  @Value.Check
  final void check() {
    new Violations()
        .requiredName("iteration_name", iterationName(), NAME_MAX_LENGTH)
        .finite("avg_score", avgScore())
        .throwIfAny();
  }

  /**
   * Builds {@link IterationCreateParams}. Not thread-safe. {@link #build()} throws a {@link
   * ValidationException} listing every violation, including a missing {@code iteration_name}.
   */
  public static final class Builder extends ImmutableIterationCreateParams.Builder
      implements IterationFieldsBuilder<Builder> {
    Builder() {}

    /**
     * Returns the {@code IterationCreateParams} this builder describes.
     *
     * @throws ValidationException listing every violation, including a missing {@code
     *     iteration_name}
     */
    @Override
    public IterationCreateParams build() {
      return super.build();
    }
  }
}
