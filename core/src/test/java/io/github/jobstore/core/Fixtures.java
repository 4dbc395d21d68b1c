package io.github.jobstore.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.eclipse.collections.api.factory.Lists;

/** Shared values and helpers of the core tests. Not a test class. */
final class Fixtures {

  static final UUID JOB_ID = UUID.fromString("182bd5e5-6e1a-4fe4-a799-aa6d9a6ab26e");
  static final UUID ITERATION_ID = UUID.fromString("00000000-0000-4000-8000-000000000001");
  static final UUID AGENT = UUID.fromString("00000000-0000-4000-8000-000000000002");
  static final UUID PROJECT = UUID.fromString("00000000-0000-4000-8000-000000000003");
  static final UUID OTHER_ID = UUID.fromString("00000000-0000-4000-8000-0000000000ff");
  static final Instant CREATED = Instant.parse("2019-12-27T18:11:19.117Z");
  static final Instant UPDATED = Instant.parse("2019-12-28T09:00:00.000001Z");
  static final Instant LATER = Instant.parse("2020-01-01T00:00:00Z");
  static final JsonObject RESULT = JsonObject.of(Map.of("accuracy", 0.9));
  static final JsonObject BACKTEST = JsonObject.of(Map.of("days", 30));
  static final JsonObject DIMENSIONS = JsonObject.of(Map.of("clarity", 0.5));

  /** U+1F600 GRINNING FACE: one code point, two Java chars. */
  static final String EMOJI = new StringBuilder().appendCodePoint(0x1F600).toString();

  private Fixtures() {}

  /** Runs {@code call}, asserts that it throws a {@link ValidationException}, and returns it. */
  static ValidationException rejected(ThrowingCallable call) {
    Throwable thrown = catchThrowable(call);
    assertThat(thrown).isInstanceOf(ValidationException.class);
    return (ValidationException) thrown;
  }

  static String tooLongMessage(int max) {
    return "Ensure this field has no more than " + max + " characters.";
  }

  /** A builder with only the three required fields of a job set. */
  static Job.Builder minimalJobBuilder() {
    return Job.builder().id(JOB_ID).createdAt(CREATED).updatedAt(UPDATED);
  }

  static Job minimalJob() {
    return minimalJobBuilder().build();
  }

  /** A job with every one of its 22 fields set, none to its default. */
  static Job fullJob() {
    return minimalJobBuilder()
        .iterations(Lists.immutable.of(fullIteration()))
        .agent(AGENT)
        .analyzerModel("gpt-4o")
        .backtestResults(BACKTEST)
        .baselineScore(0.5)
        .bestAgentCode("def agent(): pass")
        .bestScore(0.75)
        .candidatesPerIteration(4L)
        .celeryTaskId("celery-42")
        .dataSource("s3")
        .improvement(0.25)
        .jobType(JobType.PROMPT_TUNING)
        .numIterations(10L)
        .project(PROJECT)
        .promptSlug("summarize")
        .reportMarkdown("# Report")
        .result(RESULT)
        .status(JobStatus.RUNNING)
        .triggeredBy(7L)
        .build();
  }

  /** Create params with every one of their 18 fields set. */
  static JobCreateParams fullJobCreateParams() {
    return JobCreateParams.builder()
        .agent(AGENT)
        .analyzerModel("gpt-4o")
        .backtestResults(BACKTEST)
        .baselineScore(0.5)
        .bestAgentCode("def agent(): pass")
        .bestScore(0.75)
        .candidatesPerIteration(4L)
        .celeryTaskId("celery-42")
        .dataSource("s3")
        .improvement(0.25)
        .jobType(JobType.PROMPT_TUNING)
        .numIterations(10L)
        .project(PROJECT)
        .promptSlug("summarize")
        .reportMarkdown("# Report")
        .result(RESULT)
        .status(JobStatus.RUNNING)
        .triggeredBy(7L)
        .build();
  }

  /** A builder with only the four required fields of an iteration set. */
  static Iteration.Builder minimalIterationBuilder() {
    return Iteration.builder()
        .id(ITERATION_ID)
        .createdAt(CREATED)
        .iterationName("first")
        .job(JOB_ID);
  }

  static Iteration minimalIteration() {
    return minimalIterationBuilder().build();
  }

  /** An iteration with every one of its 10 fields set. */
  static Iteration fullIteration() {
    return minimalIterationBuilder()
        .agentCode("def agent(): return 1")
        .avgScore(0.625)
        .description("tries a shorter prompt")
        .dimensionScores(DIMENSIONS)
        .order(1L)
        .status(IterationStatus.KEEP)
        .build();
  }

  static IterationCreateParams minimalIterationCreateParams() {
    return IterationCreateParams.builder().iterationName("first").build();
  }

  /** Iteration params with every one of their 7 fields set. */
  static IterationCreateParams fullIterationCreateParams() {
    return IterationCreateParams.builder()
        .iterationName("first")
        .agentCode("def agent(): return 1")
        .avgScore(0.625)
        .description("tries a shorter prompt")
        .dimensionScores(DIMENSIONS)
        .order(1L)
        .status(IterationStatus.KEEP)
        .build();
  }
}
