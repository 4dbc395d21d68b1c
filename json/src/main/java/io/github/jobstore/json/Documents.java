package io.github.jobstore.json;

import static io.github.jobstore.json.Field.nullable;
import static io.github.jobstore.json.Field.of;
import static io.github.jobstore.json.WireType.INSTANT;
import static io.github.jobstore.json.WireType.INTEGER;
import static io.github.jobstore.json.WireType.ITERATIONS;
import static io.github.jobstore.json.WireType.ITERATION_STATUS;
import static io.github.jobstore.json.WireType.JOB_STATUS;
import static io.github.jobstore.json.WireType.JOB_TYPE;
import static io.github.jobstore.json.WireType.NUMBER;
import static io.github.jobstore.json.WireType.OBJECT;
import static io.github.jobstore.json.WireType.TEXT;
import static io.github.jobstore.json.WireType.UUID_TEXT;

import io.github.jobstore.core.Iteration;
import io.github.jobstore.core.IterationCreateParams;
import io.github.jobstore.core.IterationStatus;
import io.github.jobstore.core.Job;
import io.github.jobstore.core.JobCreateParams;
import io.github.jobstore.core.JobStatus;
import io.github.jobstore.core.JobType;
import io.github.jobstore.core.JsonObject;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.eclipse.collections.api.list.ImmutableList;

/**
 * The API's document types, field by field in the order of SPEC.md's tables: which fields the API
 * writes as {@code null} when empty (the nullable ones), and which it leaves out.
 */
final class Documents {

  private Documents() {}

  static final Document<Iteration, Iteration.Builder> ITERATION =
      new Document<>(
          List.of(
              of("id", UUID_TEXT, Iteration::id, (b, v) -> b.id((UUID) v)),
              of("created_at", INSTANT, Iteration::createdAt, (b, v) -> b.createdAt((Instant) v)),
              of(
                  "iteration_name",
                  TEXT,
                  Iteration::iterationName,
                  (b, v) -> b.iterationName((String) v)),
              of("job", UUID_TEXT, Iteration::job, (b, v) -> b.job((UUID) v)),
              of(
                  "agent_code",
                  TEXT,
                  i -> i.agentCode().orElse(null),
                  (b, v) -> b.agentCode((String) v)),
              of(
                  "avg_score",
                  NUMBER,
                  i -> i.avgScore().orElse(null),
                  (b, v) -> b.avgScore((Double) v)),
              of(
                  "description",
                  TEXT,
                  i -> i.description().orElse(null),
                  (b, v) -> b.description((String) v)),
              nullable(
                  "dimension_scores",
                  OBJECT,
                  i -> i.dimensionScores().orElse(null),
                  (b, v) -> b.dimensionScores((JsonObject) v)),
              of("order", INTEGER, i -> i.order().orElse(null), (b, v) -> b.order((Long) v)),
              of(
                  "status",
                  ITERATION_STATUS,
                  i -> i.status().orElse(null),
                  (b, v) -> b.status((IterationStatus) v))),
          Iteration::builder,
          Iteration.Builder::build,
          true);

  static final Document<IterationCreateParams, IterationCreateParams.Builder> ITERATION_PARAMS =
      new Document<>(
          List.of(
              of(
                  "iteration_name",
                  TEXT,
                  IterationCreateParams::iterationName,
                  (b, v) -> b.iterationName((String) v)),
              of(
                  "agent_code",
                  TEXT,
                  i -> i.agentCode().orElse(null),
                  (b, v) -> b.agentCode((String) v)),
              of(
                  "avg_score",
                  NUMBER,
                  i -> i.avgScore().orElse(null),
                  (b, v) -> b.avgScore((Double) v)),
              of(
                  "description",
                  TEXT,
                  i -> i.description().orElse(null),
                  (b, v) -> b.description((String) v)),
              nullable(
                  "dimension_scores",
                  OBJECT,
                  i -> i.dimensionScores().orElse(null),
                  (b, v) -> b.dimensionScores((JsonObject) v)),
              of("order", INTEGER, i -> i.order().orElse(null), (b, v) -> b.order((Long) v)),
              of(
                  "status",
                  ITERATION_STATUS,
                  i -> i.status().orElse(null),
                  (b, v) -> b.status((IterationStatus) v))),
          IterationCreateParams::builder,
          IterationCreateParams.Builder::build,
          false);

  static final Document<Job, Job.Builder> JOB =
      new Document<>(
          List.of(
              of("id", UUID_TEXT, Job::id, (b, v) -> b.id((UUID) v)),
              of("created_at", INSTANT, Job::createdAt, (b, v) -> b.createdAt((Instant) v)),
              of("updated_at", INSTANT, Job::updatedAt, (b, v) -> b.updatedAt((Instant) v)),
              of("iterations", ITERATIONS, Job::iterations, (b, v) -> b.iterations(iterations(v))),
              nullable(
                  "agent", UUID_TEXT, j -> j.agent().orElse(null), (b, v) -> b.agent((UUID) v)),
              of(
                  "analyzer_model",
                  TEXT,
                  j -> j.analyzerModel().orElse(null),
                  (b, v) -> b.analyzerModel((String) v)),
              nullable(
                  "backtest_results",
                  OBJECT,
                  j -> j.backtestResults().orElse(null),
                  (b, v) -> b.backtestResults((JsonObject) v)),
              nullable(
                  "baseline_score",
                  NUMBER,
                  j -> j.baselineScore().orElse(null),
                  (b, v) -> b.baselineScore((Double) v)),
              of(
                  "best_agent_code",
                  TEXT,
                  j -> j.bestAgentCode().orElse(null),
                  (b, v) -> b.bestAgentCode((String) v)),
              nullable(
                  "best_score",
                  NUMBER,
                  j -> j.bestScore().orElse(null),
                  (b, v) -> b.bestScore((Double) v)),
              of(
                  "candidates_per_iteration",
                  INTEGER,
                  j -> j.candidatesPerIteration().orElse(null),
                  (b, v) -> b.candidatesPerIteration((Long) v)),
              of(
                  "celery_task_id",
                  TEXT,
                  j -> j.celeryTaskId().orElse(null),
                  (b, v) -> b.celeryTaskId((String) v)),
              of(
                  "data_source",
                  TEXT,
                  j -> j.dataSource().orElse(null),
                  (b, v) -> b.dataSource((String) v)),
              nullable(
                  "improvement",
                  NUMBER,
                  j -> j.improvement().orElse(null),
                  (b, v) -> b.improvement((Double) v)),
              of(
                  "job_type",
                  JOB_TYPE,
                  j -> j.jobType().orElse(null),
                  (b, v) -> b.jobType((JobType) v)),
              of(
                  "num_iterations",
                  INTEGER,
                  j -> j.numIterations().orElse(null),
                  (b, v) -> b.numIterations((Long) v)),
              nullable(
                  "project",
                  UUID_TEXT,
                  j -> j.project().orElse(null),
                  (b, v) -> b.project((UUID) v)),
              of(
                  "prompt_slug",
                  TEXT,
                  j -> j.promptSlug().orElse(null),
                  (b, v) -> b.promptSlug((String) v)),
              of(
                  "report_markdown",
                  TEXT,
                  j -> j.reportMarkdown().orElse(null),
                  (b, v) -> b.reportMarkdown((String) v)),
              nullable(
                  "result",
                  OBJECT,
                  j -> j.result().orElse(null),
                  (b, v) -> b.result((JsonObject) v)),
              of("status", JOB_STATUS, Job::status, (b, v) -> b.status((JobStatus) v)),
              nullable(
                  "triggered_by",
                  INTEGER,
                  j -> j.triggeredBy().orElse(null),
                  (b, v) -> b.triggeredBy((Long) v))),
          Job::builder,
          Job.Builder::build,
          true);

  static final Document<JobCreateParams, JobCreateParams.Builder> JOB_PARAMS =
      new Document<>(
          List.of(
              nullable(
                  "agent", UUID_TEXT, j -> j.agent().orElse(null), (b, v) -> b.agent((UUID) v)),
              of(
                  "analyzer_model",
                  TEXT,
                  j -> j.analyzerModel().orElse(null),
                  (b, v) -> b.analyzerModel((String) v)),
              nullable(
                  "backtest_results",
                  OBJECT,
                  j -> j.backtestResults().orElse(null),
                  (b, v) -> b.backtestResults((JsonObject) v)),
              nullable(
                  "baseline_score",
                  NUMBER,
                  j -> j.baselineScore().orElse(null),
                  (b, v) -> b.baselineScore((Double) v)),
              of(
                  "best_agent_code",
                  TEXT,
                  j -> j.bestAgentCode().orElse(null),
                  (b, v) -> b.bestAgentCode((String) v)),
              nullable(
                  "best_score",
                  NUMBER,
                  j -> j.bestScore().orElse(null),
                  (b, v) -> b.bestScore((Double) v)),
              of(
                  "candidates_per_iteration",
                  INTEGER,
                  j -> j.candidatesPerIteration().orElse(null),
                  (b, v) -> b.candidatesPerIteration((Long) v)),
              of(
                  "celery_task_id",
                  TEXT,
                  j -> j.celeryTaskId().orElse(null),
                  (b, v) -> b.celeryTaskId((String) v)),
              of(
                  "data_source",
                  TEXT,
                  j -> j.dataSource().orElse(null),
                  (b, v) -> b.dataSource((String) v)),
              nullable(
                  "improvement",
                  NUMBER,
                  j -> j.improvement().orElse(null),
                  (b, v) -> b.improvement((Double) v)),
              of(
                  "job_type",
                  JOB_TYPE,
                  j -> j.jobType().orElse(null),
                  (b, v) -> b.jobType((JobType) v)),
              of(
                  "num_iterations",
                  INTEGER,
                  j -> j.numIterations().orElse(null),
                  (b, v) -> b.numIterations((Long) v)),
              nullable(
                  "project",
                  UUID_TEXT,
                  j -> j.project().orElse(null),
                  (b, v) -> b.project((UUID) v)),
              of(
                  "prompt_slug",
                  TEXT,
                  j -> j.promptSlug().orElse(null),
                  (b, v) -> b.promptSlug((String) v)),
              of(
                  "report_markdown",
                  TEXT,
                  j -> j.reportMarkdown().orElse(null),
                  (b, v) -> b.reportMarkdown((String) v)),
              nullable(
                  "result",
                  OBJECT,
                  j -> j.result().orElse(null),
                  (b, v) -> b.result((JsonObject) v)),
              of(
                  "status",
                  JOB_STATUS,
                  j -> j.status().orElse(null),
                  (b, v) -> b.status((JobStatus) v)),
              nullable(
                  "triggered_by",
                  INTEGER,
                  j -> j.triggeredBy().orElse(null),
                  (b, v) -> b.triggeredBy((Long) v))),
          JobCreateParams::builder,
          JobCreateParams.Builder::build,
          false);

  /** The fields of a job's row in the API's list: no iterations and none of the long texts. */
  static final List<Field<Job, Job.Builder>> JOB_SUMMARY =
      JOB.fields().stream()
          .filter(
              field ->
                  Set.of(
                          "id",
                          "created_at",
                          "updated_at",
                          "agent",
                          "analyzer_model",
                          "baseline_score",
                          "best_score",
                          "improvement",
                          "job_type",
                          "num_iterations",
                          "project",
                          "prompt_slug",
                          "status")
                      .contains(field.name()))
          .toList();

  @SuppressWarnings("unchecked")
  private static ImmutableList<Iteration> iterations(Object value) {
    return (ImmutableList<Iteration>) value;
  }
}
