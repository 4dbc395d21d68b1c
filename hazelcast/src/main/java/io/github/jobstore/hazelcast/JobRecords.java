package io.github.jobstore.hazelcast;

import com.hazelcast.nio.serialization.genericrecord.GenericRecord;
import com.hazelcast.nio.serialization.genericrecord.GenericRecordBuilder;
import io.github.jobstore.core.Iteration;
import io.github.jobstore.core.IterationStatus;
import io.github.jobstore.core.Job;
import io.github.jobstore.core.JobStatus;
import io.github.jobstore.core.JobType;
import io.github.jobstore.core.JsonObject;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.collections.api.factory.Lists;
import org.eclipse.collections.api.list.ImmutableList;
import org.eclipse.collections.api.list.MutableList;
import org.jspecify.annotations.Nullable;

/**
 * Jobs and iterations as compact records: types {@value #JOB} and {@value #ITERATION}, written with
 * {@link GenericRecordBuilder}, so no member needs our classes or a serializer registered in
 * advance, and members can index and query the fields by name. A field per API field (UUIDs and
 * enums as their text, timestamps as epoch seconds and nanoseconds, JSON objects as {@link
 * JsonRecords}), absent ones null; a job holds its iterations as an array of records in its own
 * order, with the bookkeeping of {@link StoredJob}. Every record of a type sets every field, so the
 * cluster keeps one schema for each.
 */
final class JobRecords {

  static final String JOB = "jobstore.Job";
  static final String ITERATION = "jobstore.Iteration";

  // Fields the store indexes, queries or projects.
  static final String STATUS = "status";
  static final String PROJECT = "project";
  static final String AGENT = "agent";
  static final String JOB_TYPE = "jobType";
  static final String ANALYZER_MODEL = "analyzerModel";
  static final String DATA_SOURCE = "dataSource";
  static final String PROMPT_SLUG = "promptSlug";
  static final String BEST_SCORE = "bestScore";
  static final String BASELINE_SCORE = "baselineScore";
  static final String IMPROVEMENT = "improvement";
  static final String NUM_ITERATIONS = "numIterations";
  static final String SEQUENCE = "sequence";

  /**
   * {@code created_at} in whole microseconds, saturated at the ends of {@code long}: what the store
   * sorts and bounds queries by. Never above the exact instant's floor, so a bound on it never
   * drops a job that the exact bound keeps.
   */
  static final String CREATED_MICROS = "createdMicros";

  private JobRecords() {}

  static GenericRecord write(StoredJob stored) {
    Job job = stored.job();
    return GenericRecordBuilder.compact(JOB)
        .setString("id", job.id().toString())
        .setInt64(SEQUENCE, stored.sequence())
        .setInt64("version", stored.version())
        .setString("write", stored.write().name())
        .setString("written", text(Optional.ofNullable(stored.written())))
        .setGenericRecord(
            "movedFrom", stored.movedFrom() == null ? null : iteration(stored.movedFrom(), 0))
        .setInt64("createdSeconds", job.createdAt().getEpochSecond())
        .setInt32("createdNanos", job.createdAt().getNano())
        .setInt64(CREATED_MICROS, micros(job.createdAt()))
        .setInt64("updatedSeconds", job.updatedAt().getEpochSecond())
        .setInt32("updatedNanos", job.updatedAt().getNano())
        .setString(STATUS, job.status().wireValue())
        .setString(AGENT, text(job.agent()))
        .setString(ANALYZER_MODEL, job.analyzerModel().orElse(null))
        .setGenericRecord("backtestResults", JsonRecords.write(job.backtestResults().orElse(null)))
        .setNullableFloat64(BASELINE_SCORE, job.baselineScore().orElse(null))
        .setString("bestAgentCode", job.bestAgentCode().orElse(null))
        .setNullableFloat64(BEST_SCORE, job.bestScore().orElse(null))
        .setNullableInt64("candidatesPerIteration", job.candidatesPerIteration().orElse(null))
        .setString("celeryTaskId", job.celeryTaskId().orElse(null))
        .setString(DATA_SOURCE, job.dataSource().orElse(null))
        .setNullableFloat64(IMPROVEMENT, job.improvement().orElse(null))
        .setString(JOB_TYPE, job.jobType().map(JobType::wireValue).orElse(null))
        .setNullableInt64(NUM_ITERATIONS, job.numIterations().orElse(null))
        .setString(PROJECT, text(job.project()))
        .setString(PROMPT_SLUG, job.promptSlug().orElse(null))
        .setString("reportMarkdown", job.reportMarkdown().orElse(null))
        .setGenericRecord("result", JsonRecords.write(job.result().orElse(null)))
        .setNullableInt64("triggeredBy", job.triggeredBy().orElse(null))
        .setArrayOfGenericRecord(
            "iterations",
            stored
                .iterations()
                .collect(each -> iteration(each.iteration(), each.sequence()))
                .toArray(new GenericRecord[0]))
        .build();
  }

  static StoredJob read(GenericRecord record) {
    GenericRecord[] records = record.getArrayOfGenericRecord("iterations");
    MutableList<StoredIteration> iterations = Lists.mutable.withInitialCapacity(records.length);
    for (GenericRecord each : records) {
      iterations.add(new StoredIteration(iteration(each), each.getInt64(SEQUENCE)));
    }
    ImmutableList<StoredIteration> stored = iterations.toImmutable();
    Job job =
        Job.builder()
            .id(UUID.fromString(record.getString("id")))
            .createdAt(instant(record, "created"))
            .updatedAt(instant(record, "updated"))
            .status(JobStatus.fromWireValue(record.getString(STATUS)))
            .agent(uuid(record.getString(AGENT)))
            .analyzerModel(Optional.ofNullable(record.getString(ANALYZER_MODEL)))
            .backtestResults(json(record.getGenericRecord("backtestResults")))
            .baselineScore(Optional.ofNullable(record.getNullableFloat64(BASELINE_SCORE)))
            .bestAgentCode(Optional.ofNullable(record.getString("bestAgentCode")))
            .bestScore(Optional.ofNullable(record.getNullableFloat64(BEST_SCORE)))
            .candidatesPerIteration(
                Optional.ofNullable(record.getNullableInt64("candidatesPerIteration")))
            .celeryTaskId(Optional.ofNullable(record.getString("celeryTaskId")))
            .dataSource(Optional.ofNullable(record.getString(DATA_SOURCE)))
            .improvement(Optional.ofNullable(record.getNullableFloat64(IMPROVEMENT)))
            .jobType(Optional.ofNullable(record.getString(JOB_TYPE)).map(JobType::fromWireValue))
            .numIterations(Optional.ofNullable(record.getNullableInt64(NUM_ITERATIONS)))
            .project(uuid(record.getString(PROJECT)))
            .promptSlug(Optional.ofNullable(record.getString(PROMPT_SLUG)))
            .reportMarkdown(Optional.ofNullable(record.getString("reportMarkdown")))
            .result(json(record.getGenericRecord("result")))
            .triggeredBy(Optional.ofNullable(record.getNullableInt64("triggeredBy")))
            .iterations(stored.collect(StoredIteration::iteration))
            .build();
    GenericRecord movedFrom = record.getGenericRecord("movedFrom");
    return new StoredJob(
        job,
        record.getInt64(SEQUENCE),
        record.getInt64("version"),
        stored,
        Write.valueOf(record.getString("write")),
        uuid(record.getString("written")).orElse(null),
        movedFrom == null ? null : iteration(movedFrom));
  }

  private static GenericRecord iteration(Iteration iteration, long sequence) {
    return GenericRecordBuilder.compact(ITERATION)
        .setString("id", iteration.id().toString())
        .setInt64(SEQUENCE, sequence)
        .setInt64("createdSeconds", iteration.createdAt().getEpochSecond())
        .setInt32("createdNanos", iteration.createdAt().getNano())
        .setString("job", iteration.job().toString())
        .setString("iterationName", iteration.iterationName())
        .setString("agentCode", iteration.agentCode().orElse(null))
        .setNullableFloat64("avgScore", iteration.avgScore().orElse(null))
        .setString("description", iteration.description().orElse(null))
        .setGenericRecord(
            "dimensionScores", JsonRecords.write(iteration.dimensionScores().orElse(null)))
        .setNullableInt64("order", iteration.order().orElse(null))
        .setString("status", iteration.status().map(IterationStatus::wireValue).orElse(null))
        .build();
  }

  private static Iteration iteration(GenericRecord record) {
    return Iteration.builder()
        .id(UUID.fromString(record.getString("id")))
        .createdAt(instant(record, "created"))
        .job(UUID.fromString(record.getString("job")))
        .iterationName(record.getString("iterationName"))
        .agentCode(Optional.ofNullable(record.getString("agentCode")))
        .avgScore(Optional.ofNullable(record.getNullableFloat64("avgScore")))
        .description(Optional.ofNullable(record.getString("description")))
        .dimensionScores(json(record.getGenericRecord("dimensionScores")))
        .order(Optional.ofNullable(record.getNullableInt64("order")))
        .status(Optional.ofNullable(record.getString("status")).map(IterationStatus::fromWireValue))
        .build();
  }

  /** {@link #CREATED_MICROS} of {@code instant}: its floor in microseconds, saturated. */
  static long micros(Instant instant) {
    try {
      return Math.addExact(
          Math.multiplyExact(instant.getEpochSecond(), 1_000_000L), instant.getNano() / 1_000);
    } catch (ArithmeticException e) {
      return instant.getEpochSecond() < 0 ? Long.MIN_VALUE : Long.MAX_VALUE;
    }
  }

  static Instant instant(GenericRecord record, String prefix) {
    return Instant.ofEpochSecond(
        record.getInt64(prefix + "Seconds"), record.getInt32(prefix + "Nanos"));
  }

  static Optional<UUID> uuid(@Nullable String text) {
    return text == null ? Optional.empty() : Optional.of(UUID.fromString(text));
  }

  static @Nullable String text(Optional<UUID> uuid) {
    return uuid.map(UUID::toString).orElse(null);
  }

  private static Optional<JsonObject> json(@Nullable GenericRecord record) {
    return Optional.ofNullable((JsonObject) JsonRecords.read(record));
  }
}
