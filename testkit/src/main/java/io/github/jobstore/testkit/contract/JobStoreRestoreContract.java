package io.github.jobstore.testkit.contract;

import static io.github.jobstore.testkit.contract.JobStoreContract.START;
import static io.github.jobstore.testkit.contract.JobStoreContract.id;
import static io.github.jobstore.testkit.contract.JobStoreContractFixture.everyField;
import static io.github.jobstore.testkit.contract.JobStoreContractFixture.iteration;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import io.github.jobstore.core.Iteration;
import io.github.jobstore.core.Job;
import io.github.jobstore.core.JobCreateParams;
import io.github.jobstore.core.JobStatus;
import io.github.jobstore.store.JobCreated;
import io.github.jobstore.store.JobDeleted;
import io.github.jobstore.store.JobEvent;
import io.github.jobstore.store.JobQuery;
import io.github.jobstore.store.JobStore;
import io.github.jobstore.store.Subscription;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.eclipse.collections.api.factory.Lists;
import org.junit.jupiter.api.Test;

/**
 * The contract's tests of {@link JobStore#restore}: a job put back exactly as it was, ids,
 * timestamps and iterations included, that then behaves as one created in the store; and the
 * restores refused, which change nothing.
 */
interface JobStoreRestoreContract extends JobStoreContractFixture {

  /** A job of id {@code n} created an hour before {@link JobStoreContract#START}. */
  static Job.Builder saved(long n) {
    Instant created = START.minus(Duration.ofHours(1));
    return Job.builder()
        .from(everyField().build())
        .id(id(n))
        .createdAt(created)
        .updatedAt(created.plusSeconds(30));
  }

  /** An iteration of id {@code n} of job {@code job}, with an order. */
  static Iteration savedIteration(long n, UUID job, long order) {
    return Iteration.builder()
        .id(id(n))
        .job(job)
        .createdAt(START.minus(Duration.ofMinutes(50)).plusSeconds(n))
        .iterationName("saved " + n)
        .order(order)
        .avgScore(0.5)
        .build();
  }

  @Test
  default void restoreKeepsEveryFieldIdTimestampAndIteration() {
    Job job =
        saved(100)
            .iterations(
                Lists.immutable.of(
                    savedIteration(101, id(100), 1),
                    savedIteration(102, id(100), 4),
                    savedIteration(103, id(100), 4)))
            .build();

    Job restored = store().restore(job);

    assertThat(restored).isEqualTo(job);
    assertThat(store().get(job.id())).isEqualTo(job);
    for (Iteration iteration : job.iterations()) {
      assertThat(store().findIteration(iteration.id())).contains(iteration);
    }
  }

  @Test
  default void restoreSortsIterationsByOrderKeepingTheRelativePlaceOfEqualOrders() {
    Iteration third = savedIteration(101, id(100), 9);
    Iteration first = savedIteration(102, id(100), 2);
    Iteration second = savedIteration(103, id(100), 2);

    Job restored =
        store().restore(saved(100).iterations(Lists.immutable.of(third, first, second)).build());

    assertThat(restored.iterations()).containsExactly(first, second, third);
    assertThat(store().get(id(100)).iterations()).containsExactly(first, second, third);
  }

  @Test
  default void restoreReadsNeitherTheClockNorTheIdGenerator() {
    store().restore(saved(100).build());

    Job created = create();

    assertThat(created.id()).as("the first id the generator hands out").isEqualTo(id(1));
    assertThat(created.createdAt()).isEqualTo(JobStoreContract.START_MICROS);
  }

  @Test
  default void aRestoredJobTakesItsPlaceByCreatedAtInQueries() {
    Job older = createAt(START, params -> params.status(JobStatus.RUNNING));
    Job newer = createAt(START.plusSeconds(2), params -> params.status(JobStatus.RUNNING));
    Job between =
        store()
            .restore(
                saved(100)
                    .status(JobStatus.RUNNING)
                    .createdAt(START.plusSeconds(1))
                    .updatedAt(START.plusSeconds(1))
                    .build());

    List<UUID> newestFirst = List.of(newer.id(), between.id(), older.id());
    assertThat(list(query -> query)).isEqualTo(newestFirst);
    assertThat(JobStoreContractFixture.ids(store().findByStatus(JobStatus.RUNNING)))
        .isEqualTo(newestFirst);
    assertThat(store().findByProject(between.project().orElseThrow())).containsExactly(between);
    assertThat(store().list(JobQuery.builder().status(JobStatus.RUNNING).build()).count())
        .isEqualTo(3);
  }

  @Test
  default void anIterationAppendedAfterARestoreGetsOneMoreThanTheHighestOrder() {
    store()
        .restore(
            saved(100)
                .iterations(
                    Lists.immutable.of(
                        savedIteration(101, id(100), 3), savedIteration(102, id(100), 7)))
                .build());

    assertThat(store().appendIteration(id(100), iteration("next")).order()).contains(8L);
  }

  @Test
  default void anUpdateOfARestoredJobKeepsItsCreatedAtAndSetsUpdatedAtToNow() {
    Job restored = store().restore(saved(100).build());

    Job updated = store().update(restored.id(), job -> job.withStatus(JobStatus.COMPLETED));

    assertThat(updated.createdAt()).isEqualTo(restored.createdAt());
    assertThat(updated.updatedAt()).isEqualTo(JobStoreContract.START_MICROS);
  }

  @Test
  default void aDeletedJobCanBeRestored() {
    Job job = create(JobCreateParams.builder().status(JobStatus.FAILED).build());
    Iteration iteration = store().appendIteration(job.id(), iteration("kept"));
    Job saved = store().get(job.id());
    store().delete(job.id());

    assertThat(store().restore(saved)).isEqualTo(saved);

    assertThat(store().get(job.id())).isEqualTo(saved);
    assertThat(store().findIteration(iteration.id())).contains(iteration);
    assertThat(store().findByStatus(JobStatus.FAILED)).containsExactly(saved);
  }

  @Test
  default void restoreRefusesAJobIdAlreadyStoredAndChangesNothing() {
    Job existing = create();
    Job clash = saved(1).iterations(Lists.immutable.of(savedIteration(101, id(1), 1))).build();

    assertThatIllegalStateException()
        .isThrownBy(() -> store().restore(clash))
        .withMessage("A job with id %s is already stored.", existing.id());

    assertThat(store().get(existing.id())).isEqualTo(existing);
    assertThat(store().findIteration(id(101))).isEmpty();
  }

  @Test
  default void restoreRefusesAnIterationIdAlreadyStoredAndChangesNothing() {
    Job existing = create();
    Iteration taken = store().appendIteration(existing.id(), iteration("taken"));
    Job clash =
        saved(100)
            .iterations(
                Lists.immutable.of(
                    savedIteration(101, id(100), 1),
                    Iteration.builder().from(taken).job(id(100)).build()))
            .build();

    assertThatIllegalStateException()
        .isThrownBy(() -> store().restore(clash))
        .withMessage("An iteration with id %s is already stored.", taken.id());

    assertThat(store().find(id(100))).isEmpty();
    assertThat(store().findIteration(id(101))).isEmpty();
    assertThat(store().findIteration(taken.id())).contains(taken);
    assertThat(list(query -> query)).containsExactly(existing.id());
  }

  @Test
  default void restoreRefusesAnIterationOfAnotherJob() {
    Job job = saved(100).iterations(Lists.immutable.of(savedIteration(101, id(200), 1))).build();

    assertThatIllegalArgumentException()
        .isThrownBy(() -> store().restore(job))
        .withMessage("Iteration %s belongs to job %s, not %s.", id(101), id(200), id(100));
    assertThat(store().find(id(100))).isEmpty();
  }

  @Test
  default void restoreRefusesAnIterationWithoutAnOrder() {
    Iteration unordered =
        Iteration.builder().from(savedIteration(101, id(100), 1)).order(Optional.empty()).build();
    Job job = saved(100).iterations(Lists.immutable.of(unordered)).build();

    assertThatIllegalArgumentException()
        .isThrownBy(() -> store().restore(job))
        .withMessage("Iteration %s has no order.", id(101));
    assertThat(store().find(id(100))).isEmpty();
  }

  @Test
  default void restoreRefusesAnIterationThatAppearsTwice() {
    Iteration twice = savedIteration(101, id(100), 1);
    Job job = saved(100).iterations(Lists.immutable.of(twice, twice)).build();

    assertThatIllegalArgumentException()
        .isThrownBy(() -> store().restore(job))
        .withMessage("Iteration %s appears twice.", id(101));
    assertThat(store().find(id(100))).isEmpty();
    assertThat(store().findIteration(id(101))).isEmpty();
  }

  @Test
  default void aRestoreIsOneJobCreatedEventCarryingTheIterations() throws InterruptedException {
    BlockingQueue<JobEvent> events = new LinkedBlockingQueue<>();
    Job job = saved(100).iterations(Lists.immutable.of(savedIteration(101, id(100), 1))).build();
    try (Subscription subscription = store().subscribe(events::add)) {
      store().restore(job);
      store().delete(job.id());

      assertThat(events.poll(10, TimeUnit.SECONDS)).isEqualTo(new JobCreated(job));
      assertThat(events.poll(10, TimeUnit.SECONDS))
          .as("the event after it, with no event of an iteration between")
          .isInstanceOf(JobDeleted.class);
    }
  }
}
