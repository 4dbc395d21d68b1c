package io.github.jobstore.store;

import static io.github.jobstore.store.FieldOrdering.CODE_POINTS;
import static io.github.jobstore.store.FieldOrdering.NUMERIC;
import static io.github.jobstore.store.FieldOrdering.optional;

import io.github.jobstore.core.Job;
import io.github.jobstore.core.JobType;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.eclipse.collections.api.set.ImmutableSet;

/**
 * The orderings {@link JobQuery#ordering()} may name, as PostgreSQL sorts them behind the API: one
 * or more fields separated by commas, each with an optional {@code -} for descending, later fields
 * breaking ties of earlier ones; empty values last ascending and first descending, field by field;
 * scores equal when numerically equal ({@code -0.0 = 0.0}), text by code point (the "C" collation),
 * enums by wire value; remaining ties always go to the newest created job.
 */
final class JobOrdering {

  static final String DEFAULT = "-created_at";

  private static final FieldOrdering<Job, Hit> ORDERING =
      new FieldOrdering<>(
          Map.of(
              "created_at", Comparator.comparing(Job::createdAt),
              "updated_at", Comparator.comparing(Job::updatedAt),
              "best_score", optional(Job::bestScore, NUMERIC),
              "baseline_score", optional(Job::baselineScore, NUMERIC),
              "improvement", optional(Job::improvement, NUMERIC),
              "num_iterations", optional(Job::numIterations, Comparator.<Long>naturalOrder()),
              "status", Comparator.comparing((Job job) -> job.status().wireValue()),
              "job_type", optional(job -> job.jobType().map(JobType::wireValue), CODE_POINTS),
              "prompt_slug", optional(Job::promptSlug, CODE_POINTS)),
          Hit::job,
          Hit.NEWEST_FIRST);

  private JobOrdering() {}

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
   * Orders stored jobs by each field of {@code ordering} in turn, then by creation sequence, newest
   * first.
   *
   * @throws IllegalArgumentException for an ordering {@link #unknownFields} objects to
   */
  static Comparator<Hit> comparator(String ordering) {
    return ORDERING.comparator(ordering);
  }
}
