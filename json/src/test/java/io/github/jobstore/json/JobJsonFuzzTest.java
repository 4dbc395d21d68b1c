package io.github.jobstore.json;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.github.jobstore.core.Iteration;
import io.github.jobstore.core.IterationCreateParams;
import io.github.jobstore.core.IterationStatus;
import io.github.jobstore.core.Job;
import io.github.jobstore.core.JobCreateParams;
import io.github.jobstore.core.JobStatus;
import io.github.jobstore.core.JsonObject;
import io.github.jobstore.core.ValidationException;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/**
 * Fuzzes every reader of {@link JobJson}: whatever the document, a reader returns a value or throws
 * {@link ValidationException} or {@link MalformedJsonException}; and a value it returns reads back
 * as itself (read, write, read gives an equal value, and writing that gives the same text).
 * Anything else escaping a reader, any other exception or an {@link Error} such as {@link
 * StackOverflowError}, fails the test: it is not caught here, so Jazzer reports it as a finding
 * with the input.
 *
 * <p>In a normal build ({@code ./mvnw verify}) each method replays its seed corpus, the files under
 * {@code src/test/resources/io/github/jobstore/json/JobJsonFuzzTestInputs/<method>/}, as a
 * regression test. Each file is one document in UTF-8, the whole file being the input ({@link
 * FuzzedDataProvider#consumeRemainingAsString()} reads valid UTF-8 unchanged), so a failing
 * document can be dropped in as it is.
 *
 * <p>To fuzz for longer, one method per run (Jazzer fuzzes only the first fuzz test of a run), from
 * the project root:
 *
 * <pre>{@code
 * JAZZER_FUZZ=1 ./mvnw -pl json test -Dtest=JobJsonFuzzTest#readJob -Djazzer.max_duration=10m \
 *     '-Djazzer.instrument=io.github.jobstore.**,com.fasterxml.jackson.**'
 * }</pre>
 *
 * <p>{@code jazzer.instrument} adds the domain model and Jackson to the coverage the fuzzer follows
 * (by default only this module's own classes). Jazzer keeps the inputs it generates in {@code
 * json/.cifuzz-corpus/}, and writes an input that fails to this method's seed folder as {@code
 * crash-<sha1>}, where every later build replays it.
 */
class JobJsonFuzzTest {

  private static final JobJson JSON = JobJson.create();

  /** The job a fuzzed patch is applied to: every nullable field set, so a patch can clear it. */
  private static final Job TARGET =
      Job.builder()
          .id(UUID.fromString("182bd5e5-6e1a-4fe4-a799-aa6d9a6ab26e"))
          .createdAt(Instant.parse("2019-12-27T18:11:19.117Z"))
          .updatedAt(Instant.parse("2019-12-27T18:11:19.117Z"))
          .agent(UUID.fromString("182bd5e5-6e1a-4fe4-a799-aa6d9a6ab26f"))
          .project(UUID.fromString("182bd5e5-6e1a-4fe4-a799-aa6d9a6ab270"))
          .analyzerModel("analyzer_model")
          .dataSource("data_source")
          .baselineScore(0.25)
          .bestScore(0.5)
          .improvement(0.25)
          .triggeredBy(7L)
          .status(JobStatus.RUNNING)
          .build();

  /**
   * The iteration a fuzzed iteration change is applied to: every field set, so it can clear one.
   */
  private static final Iteration ITERATION =
      Iteration.builder()
          .id(UUID.fromString("182bd5e5-6e1a-4fe4-a799-aa6d9a6ab271"))
          .createdAt(Instant.parse("2019-12-27T18:11:19.117Z"))
          .job(UUID.fromString("182bd5e5-6e1a-4fe4-a799-aa6d9a6ab26e"))
          .iterationName("iter_001")
          .agentCode("agent_code")
          .avgScore(0.5)
          .description("description")
          .dimensionScores(JsonObject.of(Map.of("accuracy", 0.5)))
          .order(1L)
          .status(IterationStatus.KEEP)
          .build();

  @FuzzTest
  void readJob(FuzzedDataProvider data) {
    readsBackOrRejects(data, JSON::readJob, JobJsonFuzzTest::writeJob, JSON::readJob);
  }

  @FuzzTest
  void readIteration(FuzzedDataProvider data) {
    readsBackOrRejects(
        data, JSON::readIteration, JobJsonFuzzTest::writeIteration, JSON::readIteration);
  }

  @FuzzTest
  void readJobCreateParams(FuzzedDataProvider data) {
    readsBackOrRejects(
        data,
        JSON::readJobCreateParams,
        (JobCreateParams params) -> JSON.write(params),
        JSON::readJobCreateParams);
  }

  @FuzzTest
  void readIterationCreateParams(FuzzedDataProvider data) {
    readsBackOrRejects(
        data,
        JSON::readIterationCreateParams,
        (IterationCreateParams params) -> JSON.write(params),
        JSON::readIterationCreateParams);
  }

  /**
   * Reads a patch, and applies it as {@code JobStore.update} would: applying an accepted patch may
   * still be rejected with a {@link ValidationException}, and nothing else; the patched job reads
   * back as itself.
   */
  @FuzzTest
  void readJobPatch(FuzzedDataProvider data) {
    readsBackOrRejects(
        data,
        json -> JSON.readJobPatch(json).apply(TARGET),
        JobJsonFuzzTest::writeJob,
        JSON::readJob);
  }

  /** Reads a job's replacement ({@code PUT}), and applies it as a patch is applied. */
  @FuzzTest
  void readJobReplacement(FuzzedDataProvider data) {
    readsBackOrRejects(
        data,
        json -> JSON.readJobReplacement(json).apply(TARGET),
        JobJsonFuzzTest::writeJob,
        JSON::readJob);
  }

  /** Reads an iteration's patch, and applies it as {@code updateIteration} would. */
  @FuzzTest
  void readIterationPatch(FuzzedDataProvider data) {
    readsBackOrRejects(
        data,
        json -> JSON.readIterationPatch(json).apply(ITERATION),
        JobJsonFuzzTest::writeIteration,
        JSON::readIteration);
  }

  /** Reads an iteration's replacement ({@code PUT}), and applies it as a patch is applied. */
  @FuzzTest
  void readIterationReplacement(FuzzedDataProvider data) {
    readsBackOrRejects(
        data,
        json -> JSON.readIterationReplacement(json).apply(ITERATION),
        JobJsonFuzzTest::writeIteration,
        JSON::readIteration);
  }

  /**
   * Reads the whole input as one document: the reader returns a value, or rejects the document with
   * one of the two documented exceptions. A value read must read back as itself: written, it reads
   * back equal (nothing may reject what the codec itself wrote), and written again it gives the
   * same text. Nothing but the reader's rejection is caught, so any other exception is a finding.
   */
  private static <T> void readsBackOrRejects(
      FuzzedDataProvider data,
      Function<String, T> reader,
      Function<T, String> writer,
      Function<String, T> rereader) {
    String json = data.consumeRemainingAsString();
    T value;
    try {
      value = reader.apply(json);
    } catch (ValidationException | MalformedJsonException rejected) {
      return; // the documented ways to reject a document
    }
    if (value == null) {
      throw new AssertionError("A reader returned null");
    }
    String written = writer.apply(value);
    T again = rereader.apply(written);
    if (!again.equals(value)) {
      throw new AssertionError(
          "An accepted document does not read back as itself: read "
              + value
              + ", written "
              + written
              + ", read back "
              + again);
    }
    String rewritten = writer.apply(again);
    if (!rewritten.equals(written)) {
      throw new AssertionError(
          "A value read back writes differently: first " + written + ", then " + rewritten);
    }
  }

  private static String writeJob(Job job) {
    return JSON.write(job);
  }

  private static String writeIteration(Iteration iteration) {
    return JSON.write(iteration);
  }
}
