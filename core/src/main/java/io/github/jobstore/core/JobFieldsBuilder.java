package io.github.jobstore.core;

import java.util.Optional;
import java.util.UUID;

/**
 * The setters that {@link Job.Builder} and {@link JobCreateParams.Builder} share: one for each
 * writable field of a job, so code that fills either builder is written once.
 *
 * <pre>{@code
 * static <B extends JobFieldsBuilder<B>> B tuning(B builder) {
 *   return builder.jobType(JobType.PROMPT_TUNING).analyzerModel("gpt-4o").numIterations(5);
 * }
 * Job.Builder job = tuning(Job.builder());
 * JobCreateParams.Builder params = tuning(JobCreateParams.builder());
 * }</pre>
 *
 * <p>A setter taking the plain value sets the field; the one taking an {@code Optional} sets it or,
 * given {@code Optional.empty()}, clears it. Setters never validate: {@code build()} does, and
 * reports every violation at once in a {@link ValidationException}. Builders are not thread-safe.
 *
 * @param <B> the builder type, returned by every setter for chaining
 */
public interface JobFieldsBuilder<B extends JobFieldsBuilder<B>> {

  /** Sets every writable field that {@code fields} has, as {@code from} on the builders does. */
  B from(JobFields fields);

  /** Sets {@code agent}. */
  B agent(UUID agent);

  /** Sets or clears {@code agent}. */
  B agent(Optional<? extends UUID> agent);

  /** Sets {@code analyzer_model}: at most 128 characters. */
  B analyzerModel(String analyzerModel);

  /** Sets or clears {@code analyzer_model}. */
  B analyzerModel(Optional<String> analyzerModel);

  /** Sets {@code backtest_results}. */
  B backtestResults(JsonObject backtestResults);

  /** Sets or clears {@code backtest_results}. */
  B backtestResults(Optional<? extends JsonObject> backtestResults);

  /** Sets {@code baseline_score}: a finite number. */
  B baselineScore(double baselineScore);

  /** Sets or clears {@code baseline_score}. */
  B baselineScore(Optional<Double> baselineScore);

  /** Sets {@code best_agent_code}. */
  B bestAgentCode(String bestAgentCode);

  /** Sets or clears {@code best_agent_code}. */
  B bestAgentCode(Optional<String> bestAgentCode);

  /** Sets {@code best_score}: a finite number. */
  B bestScore(double bestScore);

  /** Sets or clears {@code best_score}. */
  B bestScore(Optional<Double> bestScore);

  /** Sets {@code candidates_per_iteration}. */
  B candidatesPerIteration(long candidatesPerIteration);

  /** Sets or clears {@code candidates_per_iteration}. */
  B candidatesPerIteration(Optional<Long> candidatesPerIteration);

  /** Sets {@code celery_task_id}: at most 255 characters. */
  B celeryTaskId(String celeryTaskId);

  /** Sets or clears {@code celery_task_id}. */
  B celeryTaskId(Optional<String> celeryTaskId);

  /** Sets {@code data_source}: at most 20 characters, and not blank in create params. */
  B dataSource(String dataSource);

  /** Sets or clears {@code data_source}. */
  B dataSource(Optional<String> dataSource);

  /** Sets {@code improvement}: a finite number. */
  B improvement(double improvement);

  /** Sets or clears {@code improvement}. */
  B improvement(Optional<Double> improvement);

  /** Sets {@code job_type}. */
  B jobType(JobType jobType);

  /** Sets or clears {@code job_type}. */
  B jobType(Optional<? extends JobType> jobType);

  /** Sets {@code num_iterations}. */
  B numIterations(long numIterations);

  /** Sets or clears {@code num_iterations}. */
  B numIterations(Optional<Long> numIterations);

  /** Sets {@code project}. */
  B project(UUID project);

  /** Sets or clears {@code project}. */
  B project(Optional<? extends UUID> project);

  /** Sets {@code prompt_slug}: at most 255 characters. */
  B promptSlug(String promptSlug);

  /** Sets or clears {@code prompt_slug}. */
  B promptSlug(Optional<String> promptSlug);

  /** Sets {@code report_markdown}. */
  B reportMarkdown(String reportMarkdown);

  /** Sets or clears {@code report_markdown}. */
  B reportMarkdown(Optional<String> reportMarkdown);

  /** Sets {@code result}. */
  B result(JsonObject result);

  /** Sets or clears {@code result}. */
  B result(Optional<? extends JsonObject> result);

  /** Sets {@code status}. A job's status cannot be cleared: it is {@code pending} by default. */
  B status(JobStatus status);

  /** Sets {@code triggered_by}. */
  B triggeredBy(long triggeredBy);

  /** Sets or clears {@code triggered_by}. */
  B triggeredBy(Optional<Long> triggeredBy);
}
