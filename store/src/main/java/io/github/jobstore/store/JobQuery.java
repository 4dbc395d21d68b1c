package io.github.jobstore.store;

import io.github.jobstore.core.Job;
import io.github.jobstore.core.JobStatus;
import io.github.jobstore.core.JobType;
import io.github.jobstore.core.ValidationException;
import io.github.jobstore.core.Violation;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.immutables.value.Value;

/**
 * What {@link JobStore#list(JobQuery)} asks for: the API's {@code jobs.list} filters, ordering and
 * page. Every filter is optional and they combine with AND; every bound is inclusive.
 *
 * <p>{@code ordering} names one of {@code created_at}, {@code updated_at}, {@code best_score},
 * {@code baseline_score}, {@code improvement}, {@code num_iterations}, {@code status}, {@code
 * job_type}, {@code prompt_slug}, with a {@code -} prefix for descending; the default is {@code
 * -created_at}. Empty values sort last ascending and first descending, and ties go to the newest
 * created job first. Unlike the API, which ignores an unknown ordering, {@link Builder#build()}
 * rejects one. Pages are numbered from 1 and hold 100 jobs unless {@code pageSize} says otherwise.
 *
 * <p>Instances are immutable and safe to share between threads.
 */
@Value.Immutable
public abstract class JobQuery implements WithJobQuery {

  JobQuery() {}

  /** Returns a builder of queries: no filters, {@code -created_at}, page 1 of 100. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns a builder that starts from every setting of this query. */
  public final Builder toBuilder() {
    return builder().from(this);
  }

  /** Jobs of this {@code project}. */
  public abstract Optional<UUID> project();

  /** Jobs of this {@code agent}. */
  public abstract Optional<UUID> agent();

  /** Jobs with this {@code status}. */
  public abstract Optional<JobStatus> status();

  /** Jobs of this {@code job_type}. */
  public abstract Optional<JobType> jobType();

  /** Jobs whose {@code analyzer_model} is exactly this. */
  public abstract Optional<String> analyzerModel();

  /** Jobs whose {@code data_source} is exactly this. */
  public abstract Optional<String> dataSource();

  /** Jobs whose {@code prompt_slug} is exactly this. */
  public abstract Optional<String> promptSlug();

  /** Jobs created at or after this instant. */
  public abstract Optional<Instant> createdAfter();

  /** Jobs created at or before this instant. */
  public abstract Optional<Instant> createdBefore();

  /** Jobs whose {@code best_score} is at least this; jobs without one do not match. */
  public abstract Optional<Double> scoreMin();

  /** Jobs whose {@code best_score} is at most this; jobs without one do not match. */
  public abstract Optional<Double> scoreMax();

  /** The field to order by, {@code -} first for descending; {@code -created_at} by default. */
  @Value.Default
  public String ordering() {
    return JobOrdering.DEFAULT;
  }

  /** The page to return, from 1; 1 by default. */
  @Value.Default
  public int page() {
    return 1;
  }

  /** The most jobs a page holds, at least 1; 100 by default. */
  @Value.Default
  public int pageSize() {
    return 100;
  }

  /** True when {@code job} passes every filter. */
  final boolean matches(Job job) {
    return (project().isEmpty() || project().equals(job.project()))
        && (agent().isEmpty() || agent().equals(job.agent()))
        && (status().isEmpty() || status().get() == job.status())
        && (jobType().isEmpty() || jobType().equals(job.jobType()))
        && (analyzerModel().isEmpty() || analyzerModel().equals(job.analyzerModel()))
        && (dataSource().isEmpty() || dataSource().equals(job.dataSource()))
        && (promptSlug().isEmpty() || promptSlug().equals(job.promptSlug()))
        && (createdAfter().isEmpty() || !job.createdAt().isBefore(createdAfter().get()))
        && (createdBefore().isEmpty() || !job.createdAt().isAfter(createdBefore().get()))
        && (scoreMin().isEmpty() || job.bestScore().filter(s -> s >= scoreMin().get()).isPresent())
        && (scoreMax().isEmpty() || job.bestScore().filter(s -> s <= scoreMax().get()).isPresent());
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
    if (!JobOrdering.isKnown(ordering())) {
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
   * Builds a {@link JobQuery}. Not thread-safe. {@link #build()} throws a {@link
   * ValidationException} for an unknown ordering, a page size below 1 or a non-finite score bound.
   */
  public static final class Builder extends ImmutableJobQuery.Builder {
    Builder() {}

    /**
     * Returns the {@code JobQuery} this builder describes.
     *
     * @throws ValidationException listing every violation
     */
    @Override
    public JobQuery build() {
      return super.build();
    }
  }
}
