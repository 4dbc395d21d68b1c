package io.github.jobstore.examples;

import static java.util.Objects.requireNonNull;

import io.github.jobstore.core.Iteration;
import io.github.jobstore.core.IterationCreateParams;
import io.github.jobstore.core.IterationStatus;
import io.github.jobstore.core.Job;
import io.github.jobstore.core.JobCreateParams;
import io.github.jobstore.core.JobStatus;
import io.github.jobstore.core.JobType;
import io.github.jobstore.core.ValidationException;
import io.github.jobstore.store.JobNotFoundException;
import io.github.jobstore.store.JobStore;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * A user's own service that runs the bookkeeping of a prompt-tuning job against any {@link
 * JobStore}: the kind of class an application writes, and tests with {@code InMemoryJobStore} as
 * the fake (see {@code JobsFakeExampleTest}).
 *
 * <p>A job's life: {@link #start}, {@link #recordBaseline}, one {@link #recordRound} per round,
 * then {@link #complete} or {@link #fail}. Each method throws {@link JobNotFoundException} for an
 * unknown job and {@link ValidationException} for a value the jobs API would reject; neither
 * changes anything. The service is stateless and thread-safe, but calls for one job must not
 * overlap: the next iteration's name is taken from the job's current iterations.
 */
public final class TuningService {

  private final JobStore store;

  /** Creates a service that keeps its jobs in {@code store}. */
  public TuningService(JobStore store) {
    this.store = requireNonNull(store, "store");
  }

  /**
   * Creates a {@code running} {@code prompt_tuning} job with its plan.
   *
   * @return the new job
   * @throws ValidationException if {@code promptSlug} is longer than 255 characters
   */
  public Job start(UUID project, String promptSlug, long numIterations, long candidates) {
    return store.create(
        JobCreateParams.builder()
            .jobType(JobType.PROMPT_TUNING)
            .status(JobStatus.RUNNING)
            .project(project)
            .promptSlug(promptSlug)
            .numIterations(numIterations)
            .candidatesPerIteration(candidates)
            .build());
  }

  /**
   * Records the score of the prompt before tuning.
   *
   * @return the updated job
   * @throws ValidationException if {@code score} is not finite
   */
  public Job recordBaseline(UUID jobId, double score) {
    return store.update(jobId, job -> job.withBaselineScore(score));
  }

  /**
   * Appends the round's best candidate as the next iteration ({@code iter_001}, {@code iter_002},
   * ...), {@code keep} if its score beats the best so far (the baseline at first), else {@code
   * discard}.
   *
   * @return the new iteration
   * @throws ValidationException if {@code avgScore} is not finite
   * @throws IllegalStateException if no baseline was recorded
   */
  public Iteration recordRound(UUID jobId, double avgScore, String agentCode, String description) {
    Job job = store.get(jobId);
    IterationStatus status =
        avgScore > bestScore(job) ? IterationStatus.KEEP : IterationStatus.DISCARD;
    IterationCreateParams round =
        IterationCreateParams.builder()
            .iterationName(String.format(Locale.ROOT, "iter_%03d", job.iterations().size() + 1))
            .avgScore(avgScore)
            .status(status)
            .agentCode(agentCode)
            .description(description)
            .build();
    return store.appendIteration(jobId, round);
  }

  /**
   * Marks the job {@code completed} with its {@code best_score}, the {@code best_agent_code} of the
   * last kept iteration (none if nothing beat the baseline) and {@code improvement = best_score -
   * baseline_score}.
   *
   * @return the updated job
   * @throws IllegalStateException if no baseline was recorded
   */
  public Job complete(UUID jobId) {
    return store.update(
        jobId,
        job -> {
          double best = bestScore(job);
          return job.toBuilder()
              .status(JobStatus.COMPLETED)
              .bestScore(best)
              .bestAgentCode(lastKept(job).flatMap(Iteration::agentCode))
              .improvement(best - baseline(job))
              .build();
        });
  }

  /**
   * Marks the job {@code failed}, with {@code reason} in its {@code report_markdown}.
   *
   * @return the updated job
   */
  public Job fail(UUID jobId, String reason) {
    String report = "## Prompt tuning failed\n\n" + reason + "\n";
    return store.update(
        jobId, job -> job.toBuilder().status(JobStatus.FAILED).reportMarkdown(report).build());
  }

  /** The score to beat: the last kept iteration's, or the baseline when none was kept. */
  private static double bestScore(Job job) {
    double baseline = baseline(job);
    return lastKept(job).flatMap(Iteration::avgScore).orElse(baseline);
  }

  private static double baseline(Job job) {
    return job.baselineScore()
        .orElseThrow(
            () -> new IllegalStateException("Job " + job.id() + " has no baseline_score."));
  }

  /** A kept iteration beat every earlier one, so the last kept is the best. */
  private static Optional<Iteration> lastKept(Job job) {
    return job.iterations()
        .asReversed()
        .detectOptional(iteration -> iteration.status().equals(Optional.of(IterationStatus.KEEP)));
  }
}
