package io.github.jobstore.store;

import io.github.jobstore.core.Job;
import io.github.jobstore.core.JobType;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The orderings {@link JobQuery#ordering()} may name, as PostgreSQL sorts them behind the API: one
 * or more fields separated by commas, each with an optional {@code -} for descending, later fields
 * breaking ties of earlier ones; empty values last ascending and first descending, field by field;
 * scores equal when numerically equal ({@code -0.0 = 0.0}), text by code point (the "C" collation),
 * enums by wire value; remaining ties always go to the newest created job.
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

  /** Every single-field ordering, ascending and descending, built once. */
  private static final Map<String, Comparator<Hit>> ORDERINGS = orderings();

  private JobOrdering() {}

  /**
   * The parts of {@code ordering} that name no field, each as written, in order: every
   * comma-separated part must be a known field, with or without a {@code -} prefix. Parts are not
   * stripped, and an empty part (as in {@code "status,"}) is unknown.
   */
  static List<String> unknownFields(String ordering) {
    List<String> unknown = new ArrayList<>(0);
    for (String part : parts(ordering)) {
      if (!FIELDS.containsKey(fieldName(part))) {
        unknown.add(part);
      }
    }
    return unknown;
  }

  static boolean isDefault(String ordering) {
    return ordering.equals(DEFAULT);
  }

  /**
   * Orders stored jobs by each field of {@code ordering} in turn, each later field breaking the
   * ties of the earlier ones, then by creation sequence, newest first. A single field's comparator
   * is built once; a multi-field one is built per call, which costs little beside the sort it
   * serves.
   *
   * @throws IllegalArgumentException for an ordering {@link #unknownFields} objects to
   */
  static Comparator<Hit> comparator(String ordering) {
    Comparator<Hit> single = ORDERINGS.get(ordering);
    if (single != null) {
      return single;
    }
    String[] parts = parts(ordering);
    Comparator<Job> byFields = field(parts[0]);
    for (int i = 1; i < parts.length; i++) {
      byFields = byFields.thenComparing(field(parts[i]));
    }
    return Comparator.comparing(Hit::job, byFields).thenComparing(Hit.NEWEST_FIRST);
  }

  private static String[] parts(String ordering) {
    return ordering.split(",", -1);
  }

  private static String fieldName(String part) {
    return part.startsWith("-") ? part.substring(1) : part;
  }

  /** One part's order: the field's, reversed for a {@code -} prefix (empty values then first). */
  private static Comparator<Job> field(String part) {
    Comparator<Job> ascending = FIELDS.get(fieldName(part));
    if (ascending == null) {
      throw new IllegalArgumentException("Unknown ordering field " + part);
    }
    return part.startsWith("-") ? ascending.reversed() : ascending;
  }

  private static Map<String, Comparator<Hit>> orderings() {
    Map<String, Comparator<Hit>> orderings = new HashMap<>();
    // The default ordering, written out: every query without an ordering sorts by it.
    Comparator<Hit> newestFirst =
        (a, b) -> {
          int byCreation = b.job().createdAt().compareTo(a.job().createdAt());
          return byCreation != 0 ? byCreation : Hit.NEWEST_FIRST.compare(a, b);
        };
    for (String field : FIELDS.keySet()) {
      for (String part : List.of(field, "-" + field)) {
        orderings.put(
            part, Comparator.comparing(Hit::job, field(part)).thenComparing(Hit.NEWEST_FIRST));
      }
    }
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
