package io.github.jobstore.testkit.contract;

import static io.github.jobstore.testkit.assertj.JobStoreAssertions.assertThatValidationExceptionThrownBy;
import static io.github.jobstore.testkit.contract.JobStoreContract.START_MICROS;
import static io.github.jobstore.testkit.contract.JobStoreContract.id;
import static io.github.jobstore.testkit.contract.JobStoreContractFixture.assertJobNotFound;
import static io.github.jobstore.testkit.contract.JobStoreContractFixture.everyField;
import static io.github.jobstore.testkit.contract.JobStoreContractFixture.ids;
import static io.github.jobstore.testkit.contract.JobStoreContractFixture.iteration;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.jobstore.core.Iteration;
import io.github.jobstore.core.Job;
import io.github.jobstore.core.JobStatus;
import io.github.jobstore.core.Violation;
import io.github.jobstore.store.JobStore;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.collections.api.factory.Lists;
import org.junit.jupiter.api.Test;

/**
 * The contract's tests of {@link JobStore#update}: what a change may and may not change, {@code
 * updated_at}, rejected and failing changes that change nothing, and how queries see the new
 * version.
 */
interface JobStoreUpdateContract extends JobStoreContractFixture {

  @Test
  default void updateAppliesTheChange() {
    Job job = create();

    Job updated =
        store().update(job.id(), j -> j.withStatus(JobStatus.RUNNING).withBestScore(0.75));

    assertThat(updated.status()).isEqualTo(JobStatus.RUNNING);
    assertThat(updated.bestScore()).contains(0.75);
  }

  @Test
  default void updateStoresTheJobItReturns() {
    Job job = create();

    Job updated = store().update(job.id(), j -> j.withPromptSlug("new"));

    assertThat(store().get(job.id())).isEqualTo(updated);
  }

  @Test
  default void updateChangesNothingButWhatTheChangeChangesAndUpdatedAt() {
    Job job = create(everyField().status(JobStatus.PENDING).build());
    store().appendIteration(job.id(), iteration("first"));
    Job before = store().get(job.id());
    Instant later = clock().advance(Duration.ofSeconds(5));

    Job updated = store().update(job.id(), j -> j.withReportMarkdown("# done"));

    assertThat(updated).isEqualTo(before.withReportMarkdown("# done").withUpdatedAt(micros(later)));
  }

  @Test
  default void updateMovesUpdatedAtToTheClockTruncatedToMicroseconds() {
    Job job = create();
    clock().set(Instant.parse("2026-03-02T08:30:00.999999999Z"));

    Job updated = store().update(job.id(), j -> j.withNumIterations(4));

    assertThat(updated.updatedAt()).isEqualTo(Instant.parse("2026-03-02T08:30:00.999999Z"));
    assertThat(updated.createdAt()).isEqualTo(START_MICROS);
  }

  @Test
  default void updateSetsUpdatedAtToNowWhateverTheChangeSetsItTo() {
    Job job = create();
    Instant later = clock().advance(Duration.ofMinutes(1));

    Job updated = store().update(job.id(), j -> j.withUpdatedAt(Instant.EPOCH));

    assertThat(updated.updatedAt()).isEqualTo(micros(later));
  }

  @Test
  default void updateThatChangesNoFieldStillMovesUpdatedAt() {
    Job job = create();
    Instant later = clock().advance(Duration.ofMillis(1));

    Job updated = store().update(job.id(), j -> j);

    assertThat(updated).isEqualTo(job.withUpdatedAt(micros(later)));
  }

  @Test
  default void updateKeepsTheIterations() {
    Job job = create();
    Iteration first = store().appendIteration(job.id(), iteration("first"));
    Iteration second = store().appendIteration(job.id(), iteration("second"));

    Job updated = store().update(job.id(), j -> j.withStatus(JobStatus.COMPLETED));

    assertThat(updated.iterations()).containsExactly(first, second);
  }

  @Test
  default void updateAcceptsAnEqualCopyOfTheIterations() {
    Job job = create();
    Iteration first = store().appendIteration(job.id(), iteration("first"));

    Job updated =
        store()
            .update(
                job.id(),
                j ->
                    j.withIterations(
                            Lists.immutable.withAll(new ArrayList<>(j.iterations().castToList())))
                        .withStatus(JobStatus.RUNNING));

    assertThat(updated.iterations()).containsExactly(first);
    assertThat(updated.status()).isEqualTo(JobStatus.RUNNING);
  }

  @Test
  default void updatePropagatesTheExceptionOfTheChangeUnchanged() {
    Job job = create();
    IllegalStateException failure = new IllegalStateException("the change failed");

    assertThatThrownBy(
            () ->
                store()
                    .update(
                        job.id(),
                        j -> {
                          throw failure;
                        }))
        .isSameAs(failure)
        .hasMessage("the change failed");
  }

  @Test
  default void updateWhoseChangeThrowsChangesNothing() {
    Job job = create();
    clock().advance(Duration.ofSeconds(1));

    assertThatThrownBy(
            () ->
                store()
                    .update(
                        job.id(),
                        j -> {
                          throw new IllegalStateException("the change failed");
                        }))
        .hasMessage("the change failed");
    assertThat(store().get(job.id())).isEqualTo(job);
    assertThat(store().findByStatus(JobStatus.RUNNING)).isEmpty();
  }

  @Test
  default void updateRejectsAChangedIdAsReadOnly() {
    Job job = create();

    assertThatValidationExceptionThrownBy(() -> store().update(job.id(), j -> j.withId(id(99))))
        .hasViolations(Violation.readOnly("id"));
  }

  @Test
  default void updateRejectsAChangedCreatedAtAsReadOnly() {
    Job job = create();

    assertThatValidationExceptionThrownBy(
            () -> store().update(job.id(), j -> j.withCreatedAt(Instant.EPOCH)))
        .hasViolations(Violation.readOnly("created_at"));
  }

  @Test
  default void updateRejectsAnAddedIterationAsReadOnly() {
    Job job = create();
    Iteration made = someIteration(job.id());

    assertThatValidationExceptionThrownBy(
            () -> store().update(job.id(), j -> j.withIterations(Lists.immutable.of(made))))
        .hasViolations(Violation.readOnly("iterations"));
  }

  @Test
  default void updateRejectsRemovedIterationsAsReadOnly() {
    Job job = create();
    store().appendIteration(job.id(), iteration("first"));

    assertThatValidationExceptionThrownBy(
            () -> store().update(job.id(), j -> j.withIterations(Lists.immutable.empty())))
        .hasViolations(Violation.readOnly("iterations"));
  }

  @Test
  default void updateRejectsAChangedIterationAsReadOnly() {
    Job job = create();
    store().appendIteration(job.id(), iteration("first"));
    store().appendIteration(job.id(), iteration("second"));
    Job before = store().get(job.id());

    assertThatValidationExceptionThrownBy(
            () ->
                store()
                    .update(
                        job.id(),
                        j ->
                            j.withIterations(
                                j.iterations()
                                    .collectWithIndex(
                                        (it, i) -> i == 1 ? it.withDescription("changed") : it))))
        .hasViolations(Violation.readOnly("iterations"));
    assertThat(store().get(job.id())).isEqualTo(before);
  }

  @Test
  default void updateRejectsReorderedIterationsAsReadOnly() {
    Job job = create();
    store().appendIteration(job.id(), iteration("first"));
    store().appendIteration(job.id(), iteration("second"));
    Job before = store().get(job.id());

    assertThatValidationExceptionThrownBy(
            () -> store().update(job.id(), j -> j.withIterations(j.iterations().toReversed())))
        .hasViolations(Violation.readOnly("iterations"));
    assertThat(store().get(job.id())).isEqualTo(before);
  }

  @Test
  default void updateRejectsAChangeThatReturnsNullAndChangesNothing() {
    Job job = create();

    assertThatNullPointerException()
        .isThrownBy(() -> store().update(job.id(), j -> nothing()))
        .withMessage("the change returned null");
    assertThat(store().get(job.id())).isEqualTo(job);
  }

  @Test
  default void updateRejectsEveryReadOnlyChangeAtOnce() {
    Job job = create();
    Iteration made = someIteration(job.id());

    assertThatValidationExceptionThrownBy(
            () ->
                store()
                    .update(
                        job.id(),
                        j ->
                            j.withIterations(Lists.immutable.of(made))
                                .withCreatedAt(Instant.EPOCH)
                                .withId(id(99))))
        .hasViolations(
            Violation.readOnly("id"),
            Violation.readOnly("created_at"),
            Violation.readOnly("iterations"));
  }

  @Test
  default void updateRejectedAsReadOnlyChangesNothing() {
    UUID project = UUID.randomUUID();
    Job job = create();
    clock().advance(Duration.ofSeconds(1));

    assertThatValidationExceptionThrownBy(
            () ->
                store()
                    .update(
                        job.id(),
                        j -> j.withStatus(JobStatus.RUNNING).withProject(project).withId(id(99))))
        .hasViolations(Violation.readOnly("id"));

    assertThat(store().get(job.id())).isEqualTo(job);
    assertThat(store().find(id(99))).isEmpty();
    assertThat(store().findByStatus(JobStatus.RUNNING)).isEmpty();
    assertThat(store().findByProject(project)).isEmpty();
  }

  @Test
  default void updateAllowsAnyStatusAfterAnyOther() {
    for (JobStatus from : JobStatus.values()) {
      for (JobStatus to : JobStatus.values()) {
        Job job = create(p -> p.status(from));

        assertThat(store().update(job.id(), j -> j.withStatus(to)).status()).isEqualTo(to);
      }
    }
  }

  @Test
  default void updateWithAnInvalidCopyThrowsItsValidationException() {
    Job job = create();

    assertThatValidationExceptionThrownBy(
            () -> store().update(job.id(), j -> j.withAnalyzerModel("m".repeat(129))))
        .hasViolations(Violation.tooLong("analyzer_model", 128));
  }

  @Test
  default void updateWithAnInvalidCopyChangesNothing() {
    Job job = create();
    clock().advance(Duration.ofSeconds(1));

    assertThatValidationExceptionThrownBy(
            () ->
                store()
                    .update(
                        job.id(), j -> j.withStatus(JobStatus.FAILED).withBestScore(Double.NaN)))
        .hasViolations(Violation.notANumber("best_score"));
    assertThat(store().get(job.id())).isEqualTo(job);
    assertThat(store().findByStatus(JobStatus.FAILED)).isEmpty();
  }

  @Test
  default void updateOfAnUnknownIdThrowsJobNotFoundWithoutRunningTheChange() {
    create();
    AtomicBoolean ran = new AtomicBoolean();

    assertJobNotFound(
        () ->
            store()
                .update(
                    id(99),
                    j -> {
                      ran.set(true);
                      return j;
                    }),
        id(99));
    assertThat(ran).isFalse();
  }

  @Test
  default void updateMovesTheJobToItsNewStatusInQueries() {
    Job job = create();

    store().update(job.id(), j -> j.withStatus(JobStatus.RUNNING));

    assertThat(store().findByStatus(JobStatus.PENDING)).isEmpty();
    assertThat(ids(store().findByStatus(JobStatus.RUNNING))).containsExactly(job.id());
    assertThat(list(q -> q.status(JobStatus.PENDING))).isEmpty();
    assertThat(list(q -> q.status(JobStatus.RUNNING))).containsExactly(job.id());
  }

  @Test
  default void updateMovesTheJobToItsNewProjectInQueries() {
    UUID before = UUID.randomUUID();
    UUID after = UUID.randomUUID();
    Job job = create(p -> p.project(before));

    store().update(job.id(), j -> j.withProject(after));

    assertThat(store().findByProject(before)).isEmpty();
    assertThat(ids(store().findByProject(after))).containsExactly(job.id());
    assertThat(list(q -> q.project(before))).isEmpty();
    assertThat(list(q -> q.project(after))).containsExactly(job.id());
  }

  @Test
  default void updateRemovingTheProjectTakesTheJobOutOfIt() {
    UUID project = UUID.randomUUID();
    Job job = create(p -> p.project(project));

    store().update(job.id(), j -> j.withProject(Optional.empty()));

    assertThat(store().findByProject(project)).isEmpty();
    assertThat(list(q -> q.project(project))).isEmpty();
  }

  @Test
  default void updateGivingAProjectPutsTheJobInIt() {
    UUID project = UUID.randomUUID();
    Job job = create();

    store().update(job.id(), j -> j.withProject(project));

    assertThat(ids(store().findByProject(project))).containsExactly(job.id());
  }

  @Test
  default void updateKeepsTheJobsPlaceInTheDefaultOrder() {
    Job oldest = create(p -> p.status(JobStatus.RUNNING));
    Job moved = create();
    Job newest = create(p -> p.status(JobStatus.RUNNING));

    store().update(moved.id(), j -> j.withStatus(JobStatus.RUNNING));

    assertThat(ids(store().findByStatus(JobStatus.RUNNING)))
        .containsExactly(newest.id(), moved.id(), oldest.id());
    assertThat(list(q -> q.status(JobStatus.RUNNING)))
        .containsExactly(newest.id(), moved.id(), oldest.id());
  }

  @Test
  default void updateFiltersOnTheNewVersionInList() {
    Job job = create(p -> p.bestScore(0.1).promptSlug("old"));

    store().update(job.id(), j -> j.withBestScore(0.9).withPromptSlug("new"));

    assertThat(list(q -> q.promptSlug("old"))).isEmpty();
    assertThat(list(q -> q.scoreMax(0.5))).isEmpty();
    assertThat(list(q -> q.promptSlug("new").scoreMin(0.5))).containsExactly(job.id());
  }

  @Test
  default void aReturnedJobNeverChangesWhenItsJobIsUpdated() {
    Job job = create();
    String frozen = job.toString();

    store().update(job.id(), j -> j.withStatus(JobStatus.RUNNING).withBestScore(1.0));

    assertThat(job).hasToString(frozen);
    assertThat(job.status()).isEqualTo(JobStatus.PENDING);
  }

  // helpers

  /** An iteration the store never made, to put in a job by hand. */
  private static Iteration someIteration(UUID job) {
    return Iteration.builder()
        .id(UUID.randomUUID())
        .createdAt(START_MICROS)
        .iterationName("made by hand")
        .job(job)
        .order(1)
        .build();
  }

  private static Instant micros(Instant instant) {
    return instant.truncatedTo(ChronoUnit.MICROS);
  }

  /** What a broken update function returns. */
  @SuppressWarnings("NullAway") // returning null on purpose
  private static Job nothing() {
    return null;
  }
}
