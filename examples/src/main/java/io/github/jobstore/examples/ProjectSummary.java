package io.github.jobstore.examples;

import io.github.jobstore.core.Job;
import io.github.jobstore.core.JobStatus;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import org.eclipse.collections.api.list.ImmutableList;

/**
 * One row of {@link PromptTuningSimulation}'s summary: how one project's jobs ended.
 *
 * @param project the project's name
 * @param jobs how many jobs the project has
 * @param completed how many ended {@code completed}
 * @param failed how many ended {@code failed}
 * @param meanBestScore the mean {@code best_score} of the completed jobs; empty when none completed
 * @param bestImprovement the largest {@code improvement}; empty when none completed
 */
public record ProjectSummary(
    String project,
    int jobs,
    int completed,
    int failed,
    OptionalDouble meanBestScore,
    OptionalDouble bestImprovement) {

  private static final String ROW = "%-9s %5s %10s %7s %16s %17s\n";

  /**
   * Summarizes {@code jobs}, the jobs of {@code project}. The result does not depend on the order
   * of {@code jobs}.
   */
  public static ProjectSummary of(String project, ImmutableList<Job> jobs) {
    return new ProjectSummary(
        project,
        jobs.size(),
        jobs.count(job -> job.status() == JobStatus.COMPLETED),
        jobs.count(job -> job.status() == JobStatus.FAILED),
        // Sorted first, so the floating-point sum is the same in every run.
        jobs.stream()
            .flatMap(job -> job.bestScore().stream())
            .sorted()
            .mapToDouble(s -> s)
            .average(),
        jobs.stream().flatMap(job -> job.improvement().stream()).mapToDouble(i -> i).max());
  }

  /** Formats {@code summaries} as a table, one row per project, in the order given. */
  public static String table(List<ProjectSummary> summaries) {
    StringBuilder table = new StringBuilder();
    table.append(
        String.format(
            Locale.ROOT,
            ROW,
            "project",
            "jobs",
            "completed",
            "failed",
            "mean best_score",
            "best improvement"));
    for (ProjectSummary row : summaries) {
      table.append(
          String.format(
              Locale.ROOT,
              ROW,
              row.project,
              row.jobs,
              row.completed,
              row.failed,
              format(row.meanBestScore, "%.4f"),
              format(row.bestImprovement, "%+.4f")));
    }
    return table.toString();
  }

  private static String format(OptionalDouble value, String pattern) {
    return value.isPresent() ? String.format(Locale.ROOT, pattern, value.getAsDouble()) : "-";
  }
}
