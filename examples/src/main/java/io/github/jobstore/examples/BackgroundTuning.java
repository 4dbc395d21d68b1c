package io.github.jobstore.examples;

import static java.util.Objects.requireNonNull;

import io.github.jobstore.core.Job;
import io.github.jobstore.core.JobCreateParams;
import io.github.jobstore.core.JobStatus;
import io.github.jobstore.core.JobType;
import io.github.jobstore.core.ValidationException;
import io.github.jobstore.store.JobStore;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.function.DoubleSupplier;

/**
 * An asynchronous service of the kind an application writes: {@link #submit} records a {@code
 * pending} job and returns at once, and a task on the executor then marks it {@code running}, runs
 * the tuning, and marks it {@code completed} with the tuning's best score, or {@code failed} with
 * what went wrong. Its callers, and its tests ({@code BackgroundTuningTest}), learn when a job is
 * done from the store: {@link JobStore#when} or {@link JobStore#subscribe}.
 *
 * <p>Thread-safe and stateless: every job's state is in the store.
 */
public final class BackgroundTuning {

  private final JobStore store;
  private final Executor executor;

  /** Creates a service that keeps its jobs in {@code store} and runs them on {@code executor}. */
  public BackgroundTuning(JobStore store, Executor executor) {
    this.store = requireNonNull(store, "store");
    this.executor = requireNonNull(executor, "executor");
  }

  /**
   * Creates a {@code pending} {@code prompt_tuning} job and hands its run to the executor: {@code
   * running}, then {@code tuning}, then {@code completed} with {@code best_score} set to what
   * {@code tuning} returned, or {@code failed} with a {@code report_markdown} of {@code ## Tuning
   * failed\n\n<message>\n} when it throws (a best score that is not finite fails the job with the
   * {@link ValidationException}'s message). A job deleted meanwhile ends its task with the store's
   * {@code JobNotFoundException}, on the executor.
   *
   * @return the job as created; the executor may already be running it
   * @throws ValidationException if {@code promptSlug} is longer than 255 characters; nothing is
   *     created or run
   * @throws java.util.concurrent.RejectedExecutionException if the executor rejects the task; the
   *     job stays {@code pending}
   */
  public Job submit(UUID project, String promptSlug, DoubleSupplier tuning) {
    requireNonNull(tuning, "tuning");
    Job job =
        store.create(
            JobCreateParams.builder()
                .jobType(JobType.PROMPT_TUNING)
                .project(project)
                .promptSlug(promptSlug)
                .build());
    executor.execute(() -> run(job.id(), tuning));
    return job;
  }

  private void run(UUID id, DoubleSupplier tuning) {
    store.update(id, job -> job.withStatus(JobStatus.RUNNING));
    try {
      double best = tuning.getAsDouble();
      store.update(id, job -> job.toBuilder().status(JobStatus.COMPLETED).bestScore(best).build());
    } catch (RuntimeException e) {
      String reason = Objects.requireNonNullElse(e.getMessage(), e.getClass().getName());
      String report = "## Tuning failed\n\n" + reason + "\n";
      store.update(
          id, job -> job.toBuilder().status(JobStatus.FAILED).reportMarkdown(report).build());
    }
  }
}
