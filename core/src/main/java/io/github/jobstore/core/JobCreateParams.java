package io.github.jobstore.core;

import java.util.Optional;
import org.immutables.value.Value;

/**
 * The body of the API's {@code jobs.create}: every writable field of a {@link Job}, all optional,
 * so an empty {@code JobCreateParams} is valid. Same constraints as a job, and {@code data_source}
 * may not be blank.
 *
 * <p>Instances are immutable, validated and safe to share between threads; {@code withX(value)}
 * copies and {@link #toBuilder()} validate like {@link Builder#build()}.
 */
@Value.Immutable
public abstract class JobCreateParams extends JobFields implements WithJobCreateParams {

  JobCreateParams() {}

  /** Returns a builder of create params. Nothing is required. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns a builder that starts from every field of these params. */
  public final Builder toBuilder() {
    return builder().from(this);
  }

  /** {@code status}: the new job's status; the store makes it {@code pending} when absent. */
  public abstract Optional<JobStatus> status();

  @Value.Check
  final void check() {
    checkFields(new Violations(), false).throwIfAny();
  }

  /**
   * Builds {@link JobCreateParams}. Not thread-safe. {@link #build()} throws a {@link
   * ValidationException} listing every violation.
   */
  public static final class Builder extends ImmutableJobCreateParams.Builder
      implements JobFieldsBuilder<Builder> {
    Builder() {}

    /**
     * Returns the {@code JobCreateParams} this builder describes.
     *
     * @throws ValidationException listing every violation
     */
    @Override
    public JobCreateParams build() {
      return super.build();
    }
  }
}
