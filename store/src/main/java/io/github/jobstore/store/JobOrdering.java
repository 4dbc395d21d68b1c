package io.github.jobstore.store;

import io.github.jobstore.core.Job;
import io.github.jobstore.core.JobType;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The orderings {@link JobQuery#ordering()} may name, as PostgreSQL sorts them behind the API:
 * empty values last ascending and first descending, scores equal when numerically equal ({@code
 * -0.0 = 0.0}), text by code point (the "C" collation), enums by wire value; ties always go to the
 * newest created job.
 */
final class JobOrdering {

  static final String DEFAULT = "-created_at";

  /** Scores are finite, so plain comparison is total; unlike {@link Double#compare}, -0.0 = 0.0. */
  private static final Comparator<Double> NUMERIC = (a, b) -> a < b ? -1 : (a > b ? 1 : 0);

  private static final Comparator<String> CODE_POINTS = JobOrdering::compareCodePoints;

  private static final Map<String, Comparator<Job>> FIELDS =
      Map.of(
          "created_at", Comparator.comparing(Job::createdAt),
          "updated_at", Comparator.comparing(Job::updatedAt),
          "best_score", optional(Job::bestScore, NUMERIC),
          "baseline_score", optional(Job::baselineScore, NUMERIC),
          "improvement", optional(Job::improvement, NUMERIC),
          "num_iterations", optional(Job::numIterations, Comparator.<Long>naturalOrder()),
          "status", Comparator.comparing((Job job) -> job.status().wireValue()),
          "job_type", optional(job -> job.jobType().map(JobType::wireValue), CODE_POINTS),
          "prompt_slug", optional(Job::promptSlug, CODE_POINTS));

  /** Every ordering a query may name, ascending and descending, built once. */
  private static final Map<String, Comparator<Hit>> ORDERINGS = orderings();

  private JobOrdering() {}

  static boolean isKnown(String ordering) {
    return ORDERINGS.containsKey(ordering);
  }

  static boolean isDefault(String ordering) {
    return ordering.equals(DEFAULT);
  }

  /**
   * Orders stored jobs by {@code ordering}, ties broken by creation sequence, newest first.
   *
   * @throws IllegalArgumentException for an ordering {@link #isKnown} rejects
   */
  static Comparator<Hit> comparator(String ordering) {
    Comparator<Hit> comparator = ORDERINGS.get(ordering);
    if (comparator == null) {
      throw new IllegalArgumentException("Unknown ordering " + ordering);
    }
    return comparator;
  }

  private static Map<String, Comparator<Hit>> orderings() {
    Map<String, Comparator<Hit>> orderings = new HashMap<>();
    // The default ordering, written out: every query without an ordering sorts by it.
    Comparator<Hit> newestFirst =
        (a, b) -> {
          int byCreation = b.job().createdAt().compareTo(a.job().createdAt());
          return byCreation != 0 ? byCreation : Hit.NEWEST_FIRST.compare(a, b);
        };
    FIELDS.forEach(
        (field, ascending) -> {
          orderings.put(
              field, Comparator.comparing(Hit::job, ascending).thenComparing(Hit.NEWEST_FIRST));
          orderings.put(
              "-" + field,
              Comparator.comparing(Hit::job, ascending.reversed()).thenComparing(Hit.NEWEST_FIRST));
        });
    orderings.put(DEFAULT, newestFirst);
    return Map.copyOf(orderings);
  }

  /** Empty last when ascending; {@link Comparator#reversed()} then puts it first. */
  private static <V> Comparator<Job> optional(
      Function<Job, Optional<V>> field, Comparator<V> order) {
    return Comparator.comparing(job -> field.apply(job).orElse(null), Comparator.nullsLast(order));
  }

  static int compareCodePoints(String a, String b) {
    int i = 0;
    int j = 0;
    while (i < a.length() && j < b.length()) {
      int ca = a.codePointAt(i);
      int cb = b.codePointAt(j);
      if (ca != cb) {
        return Integer.compare(ca, cb);
      }
      i += Character.charCount(ca);
      j += Character.charCount(cb);
    }
    return Boolean.compare(i < a.length(), j < b.length());
  }
}
