package io.github.jobstore.store;

import static java.util.Objects.requireNonNull;

import io.github.jobstore.core.Iteration;
import io.github.jobstore.core.IterationCreateParams;
import io.github.jobstore.core.Job;
import io.github.jobstore.core.JobCreateParams;
import io.github.jobstore.core.JobStatus;
import io.github.jobstore.core.ValidationException;
import io.github.jobstore.core.Violation;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * The jobs API's server-side rules for writes, as {@link JobStore} states them: what a create
 * assigns, which changes an update refuses, which order an iteration gets, what a restore accepts.
 * For implementations of {@link JobStore}: {@link InMemoryJobStore} applies exactly these, so a
 * store that applies them too agrees with it on every assigned field and every message.
 *
 * <p>Stateless and thread-safe.
 */
public final class JobStoreRules {

  private JobStoreRules() {}

  /**
   * Returns the job that {@link JobStore#create} stores: {@code params}' fields, the given id,
   * {@code created_at} and {@code updated_at} both {@code now}, and {@code params.status()} or
   * {@code pending}.
   */
  public static Job newJob(JobCreateParams params, UUID id, Instant now) {
    return Job.builder()
        .from(params)
        .id(id)
        .createdAt(now)
        .updatedAt(now)
        .status(params.status().orElse(JobStatus.PENDING))
        .build();
  }

  /**
   * Returns the iteration that {@link JobStore#appendIteration} stores: {@code params}' fields, the
   * given id, {@code created_at}, job and order.
   */
  public static Iteration newIteration(
      IterationCreateParams params, UUID id, Instant now, UUID job, long order) {
    return Iteration.builder().from(params).id(id).createdAt(now).job(job).order(order).build();
  }

  /**
   * Returns the order an iteration appended without one gets: one more than the job's highest
   * ({@code highestOrder}, 0 for a job without iterations).
   *
   * @throws ValidationException on field {@code order} when {@code highestOrder} is {@link
   *     Long#MAX_VALUE}
   */
  public static long nextOrder(long highestOrder) {
    if (highestOrder == Long.MAX_VALUE) {
      throw new ValidationException(Violation.atMost("order", Long.MAX_VALUE));
    }
    return highestOrder + 1;
  }

  /**
   * Refuses what {@link JobStore#update} refuses: a change to {@code id}, {@code created_at} or
   * {@code iterations}, all at once.
   *
   * @throws ValidationException with {@code This field is read-only.} on each changed field
   */
  public static void checkJobChange(Job current, Job changed) {
    List<Violation> violations = new ArrayList<>(0);
    if (!changed.id().equals(current.id())) {
      violations.add(Violation.readOnly("id"));
    }
    if (!changed.createdAt().equals(current.createdAt())) {
      violations.add(Violation.readOnly("created_at"));
    }
    if (changed.iterations() != current.iterations()
        && !changed.iterations().equals(current.iterations())) {
      violations.add(Violation.readOnly("iterations"));
    }
    if (!violations.isEmpty()) {
      throw new ValidationException(violations);
    }
  }

  /**
   * Refuses what {@link JobStore#updateIteration} refuses, all at once: a change to {@code id} or
   * {@code created_at}, a cleared {@code order}, and a new {@code job} for which {@code jobExists}
   * is false.
   *
   * @throws ValidationException listing every violation
   */
  public static void checkIterationChange(
      Iteration current, Iteration changed, Predicate<UUID> jobExists) {
    List<Violation> violations = new ArrayList<>(0);
    if (!changed.id().equals(current.id())) {
      violations.add(Violation.readOnly("id"));
    }
    if (!changed.createdAt().equals(current.createdAt())) {
      violations.add(Violation.readOnly("created_at"));
    }
    if (changed.order().isEmpty()) {
      violations.add(Violation.notNull("order"));
    }
    if (!changed.job().equals(current.job()) && !jobExists.test(changed.job())) {
      violations.add(Violation.doesNotExist("job", changed.job()));
    }
    if (!violations.isEmpty()) {
      throw new ValidationException(violations);
    }
  }

  /**
   * Refuses a job that {@link JobStore#restore} cannot put back as it is: one whose iterations
   * include one of another job, one without an order, or one listed twice.
   *
   * @throws IllegalArgumentException naming the first such iteration
   */
  public static void checkRestorable(Job job) {
    requireNonNull(job, "job");
    Set<UUID> ids = new HashSet<>();
    for (Iteration iteration : job.iterations()) {
      if (!ids.add(iteration.id())) {
        throw new IllegalArgumentException("Iteration " + iteration.id() + " appears twice.");
      }
      if (!iteration.job().equals(job.id())) {
        throw new IllegalArgumentException(
            "Iteration "
                + iteration.id()
                + " belongs to job "
                + iteration.job()
                + ", not "
                + job.id()
                + ".");
      }
      if (iteration.order().isEmpty()) {
        throw new IllegalArgumentException("Iteration " + iteration.id() + " has no order.");
      }
    }
  }
}
