package io.github.jobstore.examples;

import static io.github.jobstore.core.JobStatus.COMPLETED;
import static io.github.jobstore.core.JobStatus.FAILED;
import static io.github.jobstore.core.JobStatus.PENDING;
import static io.github.jobstore.core.JobStatus.RUNNING;
import static io.github.jobstore.testkit.assertj.JobStoreAssertions.assertThat;
import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.jobstore.core.Job;
import io.github.jobstore.core.ValidationException;
import io.github.jobstore.store.InMemoryJobStore;
import io.github.jobstore.store.JobCreated;
import io.github.jobstore.store.JobDeleted;
import io.github.jobstore.store.JobUpdated;
import io.github.jobstore.store.Subscription;
import io.github.jobstore.testkit.JobStoreRecorder;
import io.github.jobstore.testkit.junit.JobStoreExtension;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * How to test a service that runs its jobs on other threads: let {@link JobStoreExtension} inject a
 * fresh store and a recorder of its events, await the status you expect with {@code store.when}
 * (never a sleep), then check the path the job took with the recorder.
 */
@ExtendWith(JobStoreExtension.class)
class BackgroundTuningTest {

  private static final UUID PROJECT = UUID.fromString("0b5e7a52-3c1d-4f7e-9a8b-2f6d1c4e5a90");

  private final ExecutorService executor = Executors.newSingleThreadExecutor();

  @AfterEach
  void stopTheExecutor() {
    executor.shutdownNow();
  }

  @Test
  void aTuningThatReturnsCompletesTheJobWithItsScore(
      InMemoryJobStore store, JobStoreRecorder recorder) throws Exception {
    BackgroundTuning tuning = new BackgroundTuning(store, executor);

    UUID id = tuning.submit(PROJECT, "query-rewrite", () -> 0.82).id();
    Job done = store.when(id, job -> job.status() == COMPLETED).get(5, SECONDS);

    assertThat(done.bestScore()).contains(0.82);
    assertThat(recorder).job(id).wentThrough(PENDING, RUNNING, COMPLETED).hasEvents(3);
  }

  @Test
  void aTuningThatThrowsFailsTheJobWithItsMessage(
      InMemoryJobStore store, JobStoreRecorder recorder) {
    BackgroundTuning tuning = new BackgroundTuning(store, executor);

    UUID id = tuning.submit(PROJECT, "query-rewrite", BackgroundTuningTest::judgeTimesOut).id();

    assertThat(store.when(id, job -> job.status() == FAILED))
        .succeedsWithin(Duration.ofSeconds(5))
        .satisfies(
            job ->
                assertThat(job.reportMarkdown())
                    .contains("## Tuning failed\n\nThe judge timed out.\n"))
        .satisfies(job -> assertThat(job.bestScore()).isEmpty());
    assertThat(recorder).job(id).wentThrough(PENDING, RUNNING, FAILED).hasEvents(3);
  }

  @Test
  void aScoreThatIsNotANumberFailsTheJobWithTheApisMessage(
      InMemoryJobStore store, JobStoreRecorder recorder) throws Exception {
    BackgroundTuning tuning = new BackgroundTuning(store, executor);

    UUID id = tuning.submit(PROJECT, "query-rewrite", () -> Double.NaN).id();
    Job failed = store.when(id, job -> job.status() == FAILED).get(5, SECONDS);

    assertThat(failed.reportMarkdown())
        .contains("## Tuning failed\n\nbest_score: A valid number is required.\n");
    assertThat(recorder).job(id).wentThrough(PENDING, RUNNING, FAILED).hasEvents(3);
  }

  @Test
  void theJobIsPendingWhenSubmittedAndRunningWhileItsTuningRuns(
      InMemoryJobStore store, JobStoreRecorder recorder) throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    BackgroundTuning tuning = new BackgroundTuning(store, executor);

    Job submitted = tuning.submit(PROJECT, "query-rewrite", () -> awaitThenScore(release, 0.7));
    UUID id = submitted.id();
    store.when(id, job -> job.status() == RUNNING).get(5, SECONDS);

    assertThat(submitted.status()).isEqualTo(PENDING);
    assertThat(store.get(id).status()).isEqualTo(RUNNING);
    assertThat(recorder).job(id).wentThrough(PENDING, RUNNING);

    release.countDown();

    store.when(id, job -> job.status() == COMPLETED).get(5, SECONDS);
    assertThat(recorder).job(id).wentThrough(PENDING, RUNNING, COMPLETED);
  }

  @Test
  void aSlugOf255CharactersIsSubmittedAndOneMoreIsRejectedWithNothingCreated(InMemoryJobStore store)
      throws Exception {
    BackgroundTuning tuning = new BackgroundTuning(store, executor);

    UUID id = tuning.submit(PROJECT, "s".repeat(255), () -> 0.5).id();

    assertThatThrownBy(() -> tuning.submit(PROJECT, "s".repeat(256), () -> 0.5))
        .isInstanceOf(ValidationException.class)
        .hasMessage("prompt_slug: Ensure this field has no more than 255 characters.");
    assertThat(store.when(id, job -> job.status() == COMPLETED).get(5, SECONDS).promptSlug())
        .contains("s".repeat(255));
    assertThat(store.findByProject(PROJECT)).extracting(Job::id).containsExactly(id);
  }

  @Test
  void aSubscriberSeesTheJobCreatedThenEachStatusChangeThenItsDeletion(InMemoryJobStore store)
      throws Exception {
    BlockingQueue<String> log = new LinkedBlockingQueue<>();
    Subscription subscription =
        store.subscribe(
            event -> {
              if (event instanceof JobCreated created) {
                log.add("created " + created.job().status().wireValue());
              } else if (event instanceof JobUpdated updated
                  && updated.current().status() != updated.previous().status()) {
                log.add(
                    updated.previous().status().wireValue()
                        + " -> "
                        + updated.current().status().wireValue());
              } else if (event instanceof JobDeleted deleted) {
                log.add("deleted " + deleted.jobId());
              }
            });
    try {
      BackgroundTuning tuning = new BackgroundTuning(store, executor);
      UUID id = tuning.submit(PROJECT, "query-rewrite", () -> 0.82).id();
      store.when(id, job -> job.status() == COMPLETED).get(5, SECONDS);
      store.delete(id);

      assertThat(List.of(next(log), next(log), next(log), next(log)))
          .containsExactly(
              "created pending", "pending -> running", "running -> completed", "deleted " + id);
    } finally {
      subscription.close();
    }
  }

  /** The next line the listener logged, waiting for the store to deliver it. */
  private static String next(BlockingQueue<String> log) throws InterruptedException {
    String line = log.poll(5, SECONDS);
    if (line == null) {
      throw new AssertionError("Nothing logged within 5 seconds after " + log);
    }
    return line;
  }

  private static double judgeTimesOut() {
    throw new IllegalStateException("The judge timed out.");
  }

  /** Blocks the executor's thread until the test releases it: the job stays running meanwhile. */
  private static double awaitThenScore(CountDownLatch release, double score) {
    try {
      if (!release.await(5, SECONDS)) {
        throw new IllegalStateException("The test never released the tuning.");
      }
      return score;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while waiting to be released.", e);
    }
  }
}
