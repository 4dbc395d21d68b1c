package io.github.jobstore.examples;

import io.github.jobstore.core.Iteration;
import io.github.jobstore.core.IterationCreateParams;
import io.github.jobstore.core.IterationStatus;
import io.github.jobstore.core.Job;
import io.github.jobstore.core.JobCreateParams;
import io.github.jobstore.core.JobStatus;
import io.github.jobstore.core.JobType;
import io.github.jobstore.core.ValidationException;
import io.github.jobstore.store.InMemoryJobStore;
import io.github.jobstore.store.JobQuery;
import io.github.jobstore.store.JobStore;
import io.github.jobstore.store.Page;
import java.util.Locale;
import java.util.UUID;

/** The first tour of jobstore: create jobs, append iterations, update them, query them. */
public final class QuickStart {

  private QuickStart() {}

  /** Runs the tour and prints what happens. */
  public static void main(String[] args) {
    JobStore store = InMemoryJobStore.create();
    UUID search = UUID.randomUUID();
    UUID support = UUID.randomUUID();

    // Create jobs: the store assigns id and timestamps; status is pending unless given.
    Job tuning =
        store.create(
            JobCreateParams.builder()
                .project(search)
                .jobType(JobType.PROMPT_TUNING)
                .status(JobStatus.RUNNING)
                .promptSlug("query-rewrite")
                .numIterations(2)
                .candidatesPerIteration(3)
                .baselineScore(0.62)
                .build());
    Job scoring =
        store.create(
            JobCreateParams.builder().project(search).jobType(JobType.JUDGE_SCORING).build());
    Job inference =
        store.create(JobCreateParams.builder().project(support).jobType(JobType.INFERENCE).build());
    System.out.println(
        "Created: " + describe(tuning) + ", " + describe(scoring) + ", " + describe(inference));

    // Append one iteration per round; the store numbers them (order 1, 2, ...).
    store.appendIteration(
        tuning.id(),
        IterationCreateParams.builder()
            .iterationName("iter_001")
            .avgScore(0.71)
            .status(IterationStatus.KEEP)
            .build());
    store.appendIteration(
        tuning.id(),
        IterationCreateParams.builder()
            .iterationName("iter_002")
            .avgScore(0.68)
            .status(IterationStatus.DISCARD)
            .build());

    // Update: the function gets the current job and returns the new one, atomically.
    Job done =
        store.update(
            tuning.id(),
            job ->
                job.toBuilder()
                    .status(JobStatus.COMPLETED)
                    .bestScore(0.71)
                    .improvement(0.71 - 0.62)
                    .build());
    System.out.println("Updated: " + describe(done) + ", iterations:");
    for (Iteration iteration : done.iterations()) {
      System.out.printf(
          Locale.ROOT,
          "  %d. %s avg_score=%.2f %s%n",
          iteration.order().orElseThrow(),
          iteration.iterationName(),
          iteration.avgScore().orElseThrow(),
          iteration.status().map(IterationStatus::wireValue).orElse("-"));
    }

    // Query: by project, by status, or with any filters, ordering and paging.
    System.out.println(
        "Project search: " + store.findByProject(search).collect(QuickStart::describe));
    System.out.println(
        "Pending: " + store.findByStatus(JobStatus.PENDING).collect(QuickStart::describe));
    Page<Job> scored =
        store.list(
            JobQuery.builder().project(search).scoreMin(0.7).ordering("-best_score").build());
    System.out.println(
        "Project search, best_score >= 0.7: "
            + scored.count()
            + " job(s): "
            + scored.results().collect(QuickStart::describe));

    // Invalid input is rejected with every violation, in the API's own words.
    try {
      JobCreateParams.builder().dataSource(" ").analyzerModel("m".repeat(200)).build();
    } catch (ValidationException e) {
      System.out.println("Rejected: " + e.getMessage());
    }
  }

  private static String describe(Job job) {
    return job.jobType().map(JobType::wireValue).orElse("job")
        + " ("
        + job.status().wireValue()
        + ")";
  }
}
