package io.github.jobstore.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.github.jobstore.core.Iteration;
import io.github.jobstore.core.IterationStatus;
import io.github.jobstore.core.Job;
import io.github.jobstore.core.JobStatus;
import io.github.jobstore.core.JobType;
import io.github.jobstore.core.ValidationException;
import io.github.jobstore.core.Violation;
import io.github.jobstore.store.InMemoryJobStore;
import io.github.jobstore.store.JobNotFoundException;
import io.github.jobstore.store.JobStore;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * How to test your own code that talks to the jobs API: give it an {@link InMemoryJobStore} as the
 * {@link JobStore}, on a deterministic clock and id generator, then assert on what it stored and on
 * the errors it surfaces. The store behaves like the real service: same fields, defaults,
 * constraints and error wording.
 */
class JobsFakeExampleTest {

  private static final Instant START = Instant.parse("2024-05-01T09:00:00Z");
  private static final UUID PROJECT = UUID.fromString("0b5e7a52-3c1d-4f7e-9a8b-2f6d1c4e5a90");

  private final InMemoryJobStore store =
      InMemoryJobStore.builder()
          .clock(new StepClock(START, Duration.ofSeconds(1)))
          .idGenerator(new SequentialIds())
          .build();
  private final TuningService service = new TuningService(store);

  @Test
  void startCreatesARunningPromptTuningJobWithItsPlan() {
    Job job = service.start(PROJECT, "query-rewrite", 3, 4);

    assertThat(job.id()).isEqualTo(SequentialIds.id(1));
    assertThat(job.createdAt()).isEqualTo(START);
    assertThat(job.status()).isEqualTo(JobStatus.RUNNING);
    assertThat(job.jobType()).contains(JobType.PROMPT_TUNING);
    assertThat(job.project()).contains(PROJECT);
    assertThat(job.promptSlug()).contains("query-rewrite");
    assertThat(job.numIterations()).contains(3L);
    assertThat(job.candidatesPerIteration()).contains(4L);
    assertThat(store.get(job.id())).isEqualTo(job);
  }

  @Test
  void aRoundIsKeptOnlyWhenItBeatsTheBestSoFar() {
    UUID id = startWithBaseline(0.50);

    service.recordRound(id, 0.60, "v1", "round 1");
    service.recordRound(id, 0.55, "v2", "round 2");
    service.recordRound(id, 0.70, "v3", "round 3");

    assertThat(store.get(id).iterations())
        .extracting(Iteration::iterationName, Iteration::order, Iteration::status)
        .containsExactly(
            tuple("iter_001", Optional.of(1L), Optional.of(IterationStatus.KEEP)),
            tuple("iter_002", Optional.of(2L), Optional.of(IterationStatus.DISCARD)),
            tuple("iter_003", Optional.of(3L), Optional.of(IterationStatus.KEEP)));
  }

  @Test
  void completeRecordsTheBestCandidateAndItsImprovement() {
    UUID id = startWithBaseline(0.50);
    service.recordRound(id, 0.60, "v1", "round 1");
    service.recordRound(id, 0.55, "v2", "round 2");

    Job done = service.complete(id);

    assertThat(done.status()).isEqualTo(JobStatus.COMPLETED);
    assertThat(done.bestScore()).contains(0.60);
    assertThat(done.bestAgentCode()).contains("v1");
    assertThat(done.improvement()).contains(0.60 - 0.50);
    assertThat(done.updatedAt()).isAfter(done.createdAt());
    assertThat(store.get(id)).isEqualTo(done);
  }

  @Test
  void failRecordsTheReasonInTheReport() {
    UUID id = startWithBaseline(0.50);

    Job failed = service.fail(id, "The judge timed out.");

    assertThat(failed.status()).isEqualTo(JobStatus.FAILED);
    assertThat(failed.reportMarkdown())
        .hasValueSatisfying(r -> assertThat(r).contains("timed out"));
    assertThat(store.findByStatus(JobStatus.FAILED)).containsExactly(failed);
  }

  @Test
  void aScoreThatIsNotANumberIsRejectedAndNoIterationIsStored() {
    UUID id = startWithBaseline(0.50);

    assertThatThrownBy(() -> service.recordRound(id, Double.NaN, "v1", "round 1"))
        .isInstanceOfSatisfying(
            ValidationException.class,
            e ->
                assertThat(e.violations())
                    .containsExactly(new Violation("avg_score", "A valid number is required.")));
    assertThat(store.get(id).iterations()).isEmpty();
  }

  @Test
  void anInfiniteBaselineIsRejectedAndTheJobIsUnchanged() {
    Job job = service.start(PROJECT, "query-rewrite", 3, 4);

    assertThatThrownBy(() -> service.recordBaseline(job.id(), Double.POSITIVE_INFINITY))
        .isInstanceOfSatisfying(
            ValidationException.class,
            e ->
                assertThat(e.violations())
                    .containsExactly(
                        new Violation("baseline_score", "A valid number is required.")));
    assertThat(store.get(job.id())).isEqualTo(job);
  }

  @Test
  void aTooLongPromptSlugIsRejectedWithoutEchoingItAndNoJobIsCreated() {
    String slug = "x".repeat(256);

    assertThatThrownBy(() -> service.start(PROJECT, slug, 3, 4))
        .isInstanceOf(ValidationException.class)
        .hasMessage("prompt_slug: Ensure this field has no more than 255 characters.")
        .hasMessageNotContaining(slug);
    assertThat(store.findByProject(PROJECT)).isEmpty();
  }

  @Test
  void anUnknownJobSurfacesAsJobNotFound() {
    UUID unknown = SequentialIds.id(99);

    assertThatThrownBy(() -> service.complete(unknown))
        .isInstanceOf(JobNotFoundException.class)
        .hasMessageContaining(unknown.toString());
  }

  private UUID startWithBaseline(double baseline) {
    UUID id = service.start(PROJECT, "query-rewrite", 3, 4).id();
    service.recordBaseline(id, baseline);
    return id;
  }
}
