package io.github.jobstore.core;

import org.immutables.value.Value;

/**
 * What a caller gives to append an iteration to a job: every writable field of an {@link
 * Iteration}. {@code iteration_name} is required; the store assigns {@code id}, {@code created_at}
 * and {@code job}, and {@code order} when absent.
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
