package io.github.jobstore.core;

import java.util.Optional;
import java.util.UUID;

/**
 * The writable fields that {@link Job} and {@link JobCreateParams} share, with their common
 * constraints: code that reads either is written once against this type. {@code status} is not
 * among them, since a job always has one and params may leave it out. {@link JobFieldsBuilder} is
 * the builders' side of the same fields.
 *
 * <p>Only {@code Job} and {@code JobCreateParams} extend this class; instances are immutable.
 */
public abstract class JobFields {

  JobFields() {}

  /** {@code agent}: the agent the job runs. */
  public abstract Optional<UUID> agent();

  /** {@code analyzer_model}: at most 128 characters (code points). */
  public abstract Optional<String> analyzerModel();

  /** {@code backtest_results}: any JSON object. */
  public abstract Optional<JsonObject> backtestResults();

  /** {@code baseline_score}: a finite number. */
  public abstract Optional<Double> baselineScore();

  /** {@code best_agent_code}: the best agent's code, any length. */
  public abstract Optional<String> bestAgentCode();

  /** {@code best_score}: a finite number. */
  public abstract Optional<Double> bestScore();

  /** {@code candidates_per_iteration}: an int64. */
  public abstract Optional<Long> candidatesPerIteration();

  /** {@code celery_task_id}: at most 255 characters (code points). */
  public abstract Optional<String> celeryTaskId();

  /** {@code data_source}: at most 20 characters (code points). */
  public abstract Optional<String> dataSource();

  /** {@code improvement}: a finite number. */
  public abstract Optional<Double> improvement();

  /** {@code job_type}: what kind of work the job does. */
  public abstract Optional<JobType> jobType();

  /** {@code num_iterations}: an int64. */
  public abstract Optional<Long> numIterations();

  /** {@code project}: the project the job belongs to. */
  public abstract Optional<UUID> project();

  /** {@code prompt_slug}: at most 255 characters (code points). */
  public abstract Optional<String> promptSlug();

  /** {@code report_markdown}: the job's report, any length. */
  public abstract Optional<String> reportMarkdown();

  /** {@code result}: any JSON object. */
  public abstract Optional<JsonObject> result();

  /** {@code triggered_by}: the id of the user who started the job. */
  public abstract Optional<Long> triggeredBy();

  /**
   * Checks the shared constraints in schema order. A job's {@code data_source} may be blank; the
   * create request's may not ({@code minLength: 1}).
   */
  final Violations checkFields(Violations violations, boolean dataSourceMayBeBlank) {
    violations
        .maxLength("analyzer_model", analyzerModel(), 128)
        .finite("baseline_score", baselineScore())
        .finite("best_score", bestScore())
        .maxLength("celery_task_id", celeryTaskId(), 255);
    if (dataSourceMayBeBlank) {
      violations.maxLength("data_source", dataSource(), 20);
    } else {
      violations.notBlankWithin("data_source", dataSource(), 20);
    }
    return violations
        .finite("improvement", improvement())
        .maxLength("prompt_slug", promptSlug(), 255);
  }
}
