package io.github.jobstore.testkit.contract;

import io.github.jobstore.core.Iteration;
import io.github.jobstore.core.IterationStatus;
import io.github.jobstore.core.Job;
import io.github.jobstore.core.JobType;
import java.time.Instant;
import java.util.Arrays;
import java.util.function.BiFunction;
import org.jspecify.annotations.Nullable;

/**
 * The model's {@code ordering}, written from the rules PostgreSQL sorts by behind the API rather
 * than from any store's code: the comma-separated fields in turn, a {@code -} reversing one; an
 * empty value is larger than any other (last ascending, first descending); numbers compare
 * numerically ({@code -0.0 = 0.0}), text by code point, enums by wire value. The final tie-break is
 * the caller's.
 */
final class ModelOrdering {

  private ModelOrdering() {}

  /** Compares two jobs on every field of {@code ordering}; 0 when they tie on all of them. */
  static int compare(String ordering, Job a, Job b) {
    return compareFields(ordering, a, b, ModelOrdering::key);
  }

  /** Compares two iterations on every field of {@code ordering}; 0 when they tie on all. */
  static int compare(String ordering, Iteration a, Iteration b) {
    return compareFields(ordering, a, b, ModelOrdering::key);
  }

  private static <T> int compareFields(
      String ordering, T x, T y, BiFunction<String, T, @Nullable Object> key) {
    for (String part : ordering.split(",", -1)) {
      boolean descending = part.startsWith("-");
      String field = descending ? part.substring(1) : part;
      int byField = compareKeys(key.apply(field, x), key.apply(field, y), descending);
      if (byField != 0) {
        return byField;
      }
    }
    return 0;
  }

  private static int compareKeys(@Nullable Object x, @Nullable Object y, boolean descending) {
    int ascending;
    if (x == null || y == null) {
      ascending = x == null ? (y == null ? 0 : 1) : -1;
    } else {
      ascending = compareValues(x, y);
    }
    return descending ? -ascending : ascending;
  }

  private static @Nullable Object key(String field, Job job) {
    return switch (field) {
      case "created_at" -> job.createdAt();
      case "updated_at" -> job.updatedAt();
      case "best_score" -> job.bestScore().orElse(null);
      case "baseline_score" -> job.baselineScore().orElse(null);
      case "improvement" -> job.improvement().orElse(null);
      case "num_iterations" -> job.numIterations().orElse(null);
      case "status" -> job.status().wireValue();
      case "job_type" -> job.jobType().map(JobType::wireValue).orElse(null);
      case "prompt_slug" -> job.promptSlug().orElse(null);
      default -> throw new AssertionError(field);
    };
  }

  private static @Nullable Object key(String field, Iteration iteration) {
    return switch (field) {
      case "order" -> iteration.order().orElseThrow();
      case "created_at" -> iteration.createdAt();
      case "avg_score" -> iteration.avgScore().orElse(null);
      case "iteration_name" -> iteration.iterationName();
      case "status" -> iteration.status().map(IterationStatus::wireValue).orElse(null);
      default -> throw new AssertionError(field);
    };
  }

  private static int compareValues(Object x, Object y) {
    if (x instanceof Double a && y instanceof Double b) {
      return a < b ? -1 : (a > b ? 1 : 0);
    } else if (x instanceof Long a && y instanceof Long b) {
      return Long.compare(a, b);
    } else if (x instanceof String a && y instanceof String b) {
      return Arrays.compare(a.codePoints().toArray(), b.codePoints().toArray());
    } else if (x instanceof Instant a && y instanceof Instant b) {
      return a.compareTo(b);
    }
    throw new AssertionError(x + " and " + y);
  }
}
