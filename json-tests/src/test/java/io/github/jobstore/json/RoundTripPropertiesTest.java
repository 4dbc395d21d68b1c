package io.github.jobstore.json;

import static io.github.jobstore.json.JsonTestSupport.JSON;
import static io.github.jobstore.json.JsonTestSupport.iterationCreateBodies;
import static io.github.jobstore.json.JsonTestSupport.stripped;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.jobstore.core.Iteration;
import io.github.jobstore.core.IterationCreateParams;
import io.github.jobstore.core.Job;
import io.github.jobstore.core.JobCreateParams;
import io.github.jobstore.core.JobStatus;
import io.github.jobstore.testkit.Generator;
import io.github.jobstore.testkit.JobGenerators;
import io.github.jobstore.testkit.Property;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Seeded properties over the testkit's generators: whatever the codec writes, it reads back as an
 * equal value (a request body's strings stripped, as the API strips them), and writing is stable. A
 * failure names the seed; replay it with {@code -Djobstore.seed=...}.
 */
class RoundTripPropertiesTest {

  private static final int CASES = 1_000;

  /** Cases of the properties beyond read(write(x)) == x, which share most of their work. */
  private static final int MORE_CASES = 300;

  @Test
  void everyJobReadsBackFromItsWrittenFormAsAnEqualJob() {
    Property.forAll(
        CASES,
        JobGenerators.validJobs(),
        job -> assertThat(JSON.readJob(JSON.write(job))).isEqualTo(job));
  }

  @Test
  void everyIterationReadsBackFromItsWrittenFormAsAnEqualIteration() {
    Property.forAll(
        CASES,
        JobGenerators.validIterations(),
        iteration -> assertThat(JSON.readIteration(JSON.write(iteration))).isEqualTo(iteration));
  }

  @Test
  void everyJobCreateParamsReadsBackFromItsWrittenFormAsEqualParamsWithStringsStripped() {
    Property.forAll(
        CASES,
        JobGenerators.validCreateParams(),
        params ->
            assertThat(JSON.readJobCreateParams(JSON.write(params))).isEqualTo(stripped(params)));
  }

  @Test
  void everyIterationCreateParamsReadsBackFromItsWrittenFormAsEqualParamsWithStringsStripped() {
    Property.forAll(
        CASES,
        iterationCreateBodies(),
        params ->
            assertThat(JSON.readIterationCreateParams(JSON.write(params)))
                .isEqualTo(stripped(params)));
  }

  @Test
  void createParamsWrittenAsAJobPatchOrReplacementSetExactlyTheirFields() {
    Property.forAll(
        MORE_CASES,
        changes(JobGenerators.validCreateParams(), JobGenerators.validJobs()),
        change -> {
          JobCreateParams params = change.params();
          Job target = change.target();
          Job.Builder expected = target.toBuilder().from(stripped(params));
          params.status().ifPresent(expected::status);
          String body = JSON.write(params);

          assertThat(JSON.readJobPatch(body).apply(target)).isEqualTo(expected.build());
          assertThat(JSON.readJobReplacement(body).apply(target)).isEqualTo(expected.build());
        });
  }

  @Test
  void iterationParamsWrittenAsAnIterationPatchOrReplacementSetExactlyTheirFields() {
    Property.forAll(
        MORE_CASES,
        changes(iterationCreateBodies(), JobGenerators.validIterations()),
        change -> {
          IterationCreateParams params = change.params();
          Iteration target = change.target();
          Iteration expected =
              target.toBuilder().from(stripped(params)).job(params.job().orElseThrow()).build();
          String body = JSON.write(params);

          assertThat(JSON.readIterationPatch(body).apply(target)).isEqualTo(expected);
          assertThat(JSON.readIterationReplacement(body).apply(target)).isEqualTo(expected);
        });
  }

  @Test
  void writingAJobThatWasReadBackGivesTheSameText() {
    Property.forAll(
        MORE_CASES,
        JobGenerators.validJobs(),
        job -> {
          String written = JSON.write(job);
          assertThat(JSON.write(JSON.readJob(written))).isEqualTo(written);
        });
  }

  @Test
  void writingCreateParamsThatWereReadBackGivesTheSameText() {
    Property.forAll(
        MORE_CASES,
        JobGenerators.validCreateParams(),
        params -> {
          // Stripped first: reading strips a request's strings, so only a stripped body is stable.
          String written = JSON.write(stripped(params));
          assertThat(JSON.write(JSON.readJobCreateParams(written))).isEqualTo(written);
        });
  }

  @Test
  void jobsWrittenAsCreateParamsReadBackAsTheJobsWritableFields() {
    // A job's response body is a valid create body: read-only fields are ignored.
    Property.forAll(
        MORE_CASES,
        JobGenerators.validCreateParams(),
        params -> {
          String asResponse =
              JSON.write(
                  Job.builder()
                      .from(params)
                      .id(new UUID(1, 2))
                      .createdAt(Instant.EPOCH)
                      .updatedAt(Instant.EPOCH)
                      .status(params.status().orElse(JobStatus.PENDING))
                      .build());
          assertThat(JSON.readJobCreateParams(asResponse))
              .isEqualTo(
                  stripped(
                      params.status().isPresent() ? params : params.withStatus(JobStatus.PENDING)));
        });
  }

  /** Params written as a change body, and a value to apply it to. */
  private record Change<P, T>(P params, T target) {}

  private static <P, T> Generator<Change<P, T>> changes(Generator<P> params, Generator<T> targets) {
    return random -> new Change<>(params.next(random), targets.next(random));
  }
}
