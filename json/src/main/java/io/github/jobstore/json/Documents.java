package io.github.jobstore.json;

import static io.github.jobstore.json.Field.nullable;
import static io.github.jobstore.json.Field.optional;
import static io.github.jobstore.json.Field.required;
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
import io.github.jobstore.core.IterationFields;
import io.github.jobstore.core.IterationFieldsBuilder;
import io.github.jobstore.core.Job;
import io.github.jobstore.core.JobCreateParams;
import io.github.jobstore.core.JobFields;
import io.github.jobstore.core.JobFieldsBuilder;
import io.github.jobstore.core.JobStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The API's document types. Each resource's fields are declared once, in schema order, over the
 * fields and builder interfaces its value and its create params share ({@link JobFields}, {@link
 * JobFieldsBuilder}); a document adds only what differs: the read-only fields of a response, and
 * how its type holds {@code status} or {@code job}.
 */
final class Documents {

  private Documents() {}

  /** An iteration as the API returns it. */
  static final Document<Iteration, Iteration.Builder> ITERATION =
      Document.response(
          iterationFields(
              List.of(
                  required("id", UUID_TEXT, Iteration::id, Iteration.Builder::id),
                  required(
                      "created_at", INSTANT, Iteration::createdAt, Iteration.Builder::createdAt)),
              required("job", UUID_TEXT, Iteration::job, Iteration.Builder::job)),
          Iteration::builder,
          Iteration.Builder::build);

  /**
   * The body of an iteration create ({@code job} required on the wire), replacement or patch: its
   * writable fields. A patch's stand-in name is never copied: a patch copies the fields present.
   */
  static final Document<IterationCreateParams, IterationCreateParams.Builder> ITERATION_PARAMS =
      Document.request(
          iterationParamsFields(),
          IterationCreateParams::builder,
          IterationCreateParams.Builder::build,
          params -> params.iterationName("stand-in"));

  /**
   * The body of an iteration's {@code PATCH} or {@code PUT}, read as params, set on an iteration.
   */
  static final List<Field<IterationCreateParams, Iteration.Builder, ?>> ITERATION_PATCH =
      iterationParamsFields();

  /** A job as the API returns it, iterations included. */
  static final Document<Job, Job.Builder> JOB =
      Document.response(
          concat(
              List.of(
                  required("id", UUID_TEXT, Job::id, Job.Builder::id),
                  required("created_at", INSTANT, Job::createdAt, Job.Builder::createdAt),
                  required("updated_at", INSTANT, Job::updatedAt, Job.Builder::updatedAt),
                  required("iterations", ITERATIONS, Job::iterations, Job.Builder::iterations)),
              jobFields(required("status", JOB_STATUS, Job::status, Job.Builder::status))),
          Job::builder,
          Job.Builder::build);

  /**
   * The body of {@code jobs.create}, of a job's {@code PUT} or {@code PATCH}: a job's writable
   * fields, none of them required, so no stand-ins.
   */
  static final Document<JobCreateParams, JobCreateParams.Builder> JOB_PARAMS =
      Document.request(
          jobParamsFields(),
          JobCreateParams::builder,
          JobCreateParams.Builder::build,
          params -> {});

  /** The body of a job's {@code PATCH} or {@code PUT}, read as params, set on the job's builder. */
  static final List<Field<JobCreateParams, Job.Builder, ?>> JOB_PATCH = jobParamsFields();

  /** The fields of a job's row in the API's list: no iterations and none of the long texts. */
  static final List<Field<Job, Job.Builder, ?>> JOB_SUMMARY =
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

  /** A job's writable fields in schema order; {@code status} is held differently by each type. */
  private static <T extends JobFields, B extends JobFieldsBuilder<B>>
      List<Field<T, B, ?>> jobFields(Field<T, B, ?> status) {
    return List.of(
        nullable(
            "agent", UUID_TEXT, T::agent, JobFieldsBuilder::agent, b -> b.agent(Optional.empty())),
        optional("analyzer_model", TEXT, T::analyzerModel, JobFieldsBuilder::analyzerModel),
        nullable(
            "backtest_results",
            OBJECT,
            T::backtestResults,
            JobFieldsBuilder::backtestResults,
            b -> b.backtestResults(Optional.empty())),
        nullable(
            "baseline_score",
            NUMBER,
            T::baselineScore,
            JobFieldsBuilder::baselineScore,
            b -> b.baselineScore(Optional.empty())),
        optional("best_agent_code", TEXT, T::bestAgentCode, JobFieldsBuilder::bestAgentCode),
        nullable(
            "best_score",
            NUMBER,
            T::bestScore,
            JobFieldsBuilder::bestScore,
            b -> b.bestScore(Optional.empty())),
        optional(
            "candidates_per_iteration",
            INTEGER,
            T::candidatesPerIteration,
            JobFieldsBuilder::candidatesPerIteration),
        optional("celery_task_id", TEXT, T::celeryTaskId, JobFieldsBuilder::celeryTaskId),
        optional("data_source", TEXT, T::dataSource, JobFieldsBuilder::dataSource),
        nullable(
            "improvement",
            NUMBER,
            T::improvement,
            JobFieldsBuilder::improvement,
            b -> b.improvement(Optional.empty())),
        optional("job_type", JOB_TYPE, T::jobType, JobFieldsBuilder::jobType),
        optional("num_iterations", INTEGER, T::numIterations, JobFieldsBuilder::numIterations),
        nullable(
            "project",
            UUID_TEXT,
            T::project,
            JobFieldsBuilder::project,
            b -> b.project(Optional.empty())),
        optional("prompt_slug", TEXT, T::promptSlug, JobFieldsBuilder::promptSlug),
        optional("report_markdown", TEXT, T::reportMarkdown, JobFieldsBuilder::reportMarkdown),
        nullable(
            "result", OBJECT, T::result, JobFieldsBuilder::result, b -> b.result(Optional.empty())),
        status,
        nullable(
            "triggered_by",
            INTEGER,
            T::triggeredBy,
            JobFieldsBuilder::triggeredBy,
            b -> b.triggeredBy(Optional.empty())));
  }

  /** Create params' fields, set on any job builder: params' own, or a job's for a patch. */
  private static <B extends JobFieldsBuilder<B>>
      List<Field<JobCreateParams, B, ?>> jobParamsFields() {
    return jobFields(
        Field.<JobCreateParams, B, JobStatus>optional(
            "status", JOB_STATUS, JobCreateParams::status, JobFieldsBuilder::status));
  }

  /**
   * Iteration params' fields, set on any iteration builder: params' own, or an iteration's for a
   * patch (where {@code job} moves the iteration).
   */
  private static <B extends IterationFieldsBuilder<B>>
      List<Field<IterationCreateParams, B, ?>> iterationParamsFields() {
    return iterationFields(
        List.of(),
        Field.<IterationCreateParams, B, UUID>requiredOnWire(
            "job", UUID_TEXT, IterationCreateParams::job, IterationFieldsBuilder::job));
  }

  /**
   * An iteration's fields in schema order: {@code readOnly} first, then {@code iteration_name},
   * then {@code job} (which an iteration requires and its params hold as optional), then the rest.
   */
  private static <T extends IterationFields, B extends IterationFieldsBuilder<B>>
      List<Field<T, B, ?>> iterationFields(List<Field<T, B, ?>> readOnly, Field<T, B, ?> job) {
    return concat(
        readOnly,
        List.of(
            required(
                "iteration_name", TEXT, T::iterationName, IterationFieldsBuilder::iterationName),
            job),
        List.of(
            optional("agent_code", TEXT, T::agentCode, IterationFieldsBuilder::agentCode),
            optional("avg_score", NUMBER, T::avgScore, IterationFieldsBuilder::avgScore),
            optional("description", TEXT, T::description, IterationFieldsBuilder::description),
            nullable(
                "dimension_scores",
                OBJECT,
                T::dimensionScores,
                IterationFieldsBuilder::dimensionScores,
                b -> b.dimensionScores(Optional.empty())),
            optional("order", INTEGER, T::order, IterationFieldsBuilder::order),
            optional("status", ITERATION_STATUS, T::status, IterationFieldsBuilder::status)));
  }

  @SafeVarargs
  private static <F> List<F> concat(List<? extends F>... parts) {
    List<F> all = new ArrayList<>();
    for (List<? extends F> part : parts) {
      all.addAll(part);
    }
    return List.copyOf(all);
  }
}
