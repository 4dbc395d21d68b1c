package io.github.jobstore.core;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.UUID;
import org.eclipse.collections.api.factory.Lists;
import org.eclipse.collections.api.list.ImmutableList;
import org.immutables.value.Value;

/**
 * A job of the jobs API (its {@code JobCreateResponse}): an immutable, validated value.
 *
 * <p>Build one with {@link #builder()}; {@code id}, {@code created_at} and {@code updated_at} are
 * required, every other field is optional. Change one with a {@code withX(value)} copy ({@code
 * job.withStatus(JobStatus.RUNNING)}) or {@link #toBuilder()}. Both validate like {@link
 * Builder#build()}: they throw a {@link ValidationException} that lists every violation, and never
 * return an invalid job.
 *
 * <p>Instances are immutable and safe to share between threads.
 */
@Value.Immutable
public abstract class Job extends JobFields implements WithJob {

  Job() {}

  /**
   * Returns a builder of jobs. Required: {@code id}, {@code createdAt}, {@code updatedAt}. {@code
   * status} defaults to {@link JobStatus#PENDING}, {@code iterations} to none.
   */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns a builder that starts from every field of this job. */
  public final Builder toBuilder() {
    return builder().from(this);
  }

  /** {@code id}: the job's identity, assigned by the store. Required. */
  public abstract UUID id();

  /** {@code created_at}: when the job was created. Required. */
  public abstract Instant createdAt();

  /** {@code updated_at}: when the job last changed. Required. */
  public abstract Instant updatedAt();

  /**
   * {@code iterations}: the job's iterations, ordered by {@code order}, then by when they were
   * created (an iteration moved here from another job keeps its creation time). Empty by default;
   * maintained by the store.
   */
  @Value.Default
  public ImmutableList<Iteration> iterations() {
    return Lists.immutable.empty();
  }

  /** {@code status}: where the job is in its life; {@link JobStatus#PENDING} by default. */
  @Value.Default
  public JobStatus status() {
    return JobStatus.PENDING;
  }

  @Value.Check
  final void check() {
    // Defaulted fields: null can only come from a caller passing null explicitly.
    requireNonNull(iterations(), "iterations");
    requireNonNull(status(), "status");
    Violations violations =
        new Violations()
            .required("id", id())
            .required("created_at", createdAt())
            .required("updated_at", updatedAt());
    checkFields(violations, true).throwIfAny();
  }

  /**
   * Builds a {@link Job}. Not thread-safe. {@link #build()} throws a {@link ValidationException}
   * listing every violation, including required fields left unset ({@code This field is
   * required.}).
   */
  public static final class Builder extends ImmutableJob.Builder
      implements JobFieldsBuilder<Builder> {
    Builder() {}

    /**
     * Returns the {@code Job} this builder describes.
     *
     * @throws ValidationException listing every violation, including each required field left unset
     *     ({@code This field is required.})
     */
    @Override
    public Job build() {
      return super.build();
    }
  }
}
