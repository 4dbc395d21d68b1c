package io.github.jobstore.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Code written once against the shared builder interfaces fills either builder. */
class FieldsBuilderTest {

  private static final UUID PROJECT = UUID.fromString("00000000-0000-4000-8000-000000000001");

  private static <B extends JobFieldsBuilder<B>> B tuning(B builder) {
    return builder
        .jobType(JobType.PROMPT_TUNING)
        .analyzerModel("gpt-4o")
        .project(PROJECT)
        .bestScore(0.5)
        .status(JobStatus.RUNNING);
  }

  private static <B extends IterationFieldsBuilder<B>> B kept(B builder) {
    return builder.iterationName("iter_001").avgScore(0.75).status(IterationStatus.KEEP);
  }

  @Test
  void oneFillFunctionSetsTheSameFieldsOnAJobAndOnItsParams() {
    JobCreateParams params = tuning(JobCreateParams.builder()).build();
    Job job =
        tuning(Job.builder()).id(PROJECT).createdAt(Instant.EPOCH).updatedAt(Instant.EPOCH).build();

    assertThat(params.jobType()).contains(JobType.PROMPT_TUNING);
    assertThat(params.status()).contains(JobStatus.RUNNING);
    assertThat(job.status()).isEqualTo(JobStatus.RUNNING);
    assertThat(job.analyzerModel()).isEqualTo(params.analyzerModel()).contains("gpt-4o");
    assertThat(job.project()).isEqualTo(params.project()).contains(PROJECT);
    assertThat(job.bestScore()).isEqualTo(params.bestScore()).contains(0.5);
  }

  @Test
  void anEmptyOptionalClearsAField() {
    JobCreateParams cleared = tuning(JobCreateParams.builder()).bestScore(Optional.empty()).build();

    assertThat(cleared.bestScore()).isEmpty();
    assertThat(cleared.analyzerModel()).contains("gpt-4o");
  }

  @Test
  void fromJobFieldsCopiesEveryFieldTheValueHas() {
    JobFields fields = tuning(JobCreateParams.builder()).build();

    JobCreateParams copied = JobCreateParams.builder().from(fields).build();

    assertThat(copied.analyzerModel()).contains("gpt-4o");
    assertThat(copied.bestScore()).contains(0.5);
    assertThat(copied.status()).contains(JobStatus.RUNNING);
  }

  @Test
  void oneFillFunctionSetsTheSameFieldsOnAnIterationAndOnItsParams() {
    IterationCreateParams params = kept(IterationCreateParams.builder()).build();
    Iteration iteration =
        kept(Iteration.builder()).id(PROJECT).createdAt(Instant.EPOCH).job(PROJECT).build();

    assertThat(iteration.iterationName()).isEqualTo(params.iterationName()).isEqualTo("iter_001");
    assertThat(iteration.avgScore()).isEqualTo(params.avgScore()).contains(0.75);
    assertThat(iteration.status()).isEqualTo(params.status()).contains(IterationStatus.KEEP);
  }
}
