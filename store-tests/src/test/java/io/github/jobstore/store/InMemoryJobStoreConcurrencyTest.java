package io.github.jobstore.store;

import static io.github.jobstore.store.Contention.awaitBlocked;
import static io.github.jobstore.store.Contention.start;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.jobstore.core.Job;
import io.github.jobstore.core.JobCreateParams;
import io.github.jobstore.core.JobStatus;
import io.github.jobstore.store.Contention.Started;
import io.github.jobstore.testkit.contract.JobStoreConcurrencyContract;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Runs the {@link JobStore} concurrency contract (Lincheck and the stress tests) against {@link
 * InMemoryJobStore}, and forces the races its locking must settle: each round, a held job lock
 * makes two writers of that job wait, so they contend for certain rather than by chance.
 */
public class InMemoryJobStoreConcurrencyTest extends JobStoreConcurrencyContract {

  /** Rounds of the forced races. */
  private static final int ROUNDS = 200;

  private final InMemoryJobStore store = InMemoryJobStore.create();

  /** Lincheck makes one instance per scenario. */
  public InMemoryJobStoreConcurrencyTest() {}

  @Override
  protected JobStore newStore() {
    return InMemoryJobStore.create();
  }

  @Test
  void onlyOneOfTwoDeletesWaitingForTheLockSucceeds() throws Exception {
    for (int round = 0; round < ROUNDS; round++) {
      UUID job = store.create(JobCreateParams.builder().status(JobStatus.RUNNING).build()).id();
      CountDownLatch release = new CountDownLatch(1);
      try {
        Started<Job> holder = holdLock(job, release);
        Started<Boolean> first = start(() -> store.delete(job));
        Started<Boolean> second = start(() -> store.delete(job));
        awaitBlocked(first.thread(), second.thread());
        release.countDown();

        holder.result();
        assertThat(List.of(first.result(), second.result())).containsOnlyOnce(true);
      } finally {
        release.countDown();
      }
      assertThat(store.find(job)).isEmpty();
    }
    assertThat(store.findByStatus(JobStatus.RUNNING)).isEmpty();
  }

  @Test
  void aDeleteAndAnUpdateWaitingForTheLockLeaveNoTraceInQueries() throws Exception {
    UUID before = UUID.randomUUID();
    UUID after = UUID.randomUUID();
    for (int round = 0; round < ROUNDS; round++) {
      UUID job = store.create(JobCreateParams.builder().project(before).build()).id();
      CountDownLatch release = new CountDownLatch(1);
      try {
        Started<Job> holder = holdLock(job, release);
        Started<Boolean> delete = start(() -> store.delete(job));
        Started<Optional<Job>> update = start(() -> moveUnlessDeleted(job, after));
        awaitBlocked(delete.thread(), update.thread());
        release.countDown();

        holder.result();
        assertThat(delete.result()).isTrue();
        Optional<Job> moved = update.result();
        if (moved.isPresent()) {
          assertThat(moved.get().project()).contains(after);
          assertThat(moved.get().status()).isEqualTo(JobStatus.RUNNING);
        }
      } finally {
        release.countDown();
      }

      assertThat(store.find(job)).isEmpty();
      assertThat(store.findByProject(before)).isEmpty();
      assertThat(store.findByProject(after)).isEmpty();
      for (JobStatus status : JobStatus.values()) {
        assertThat(store.findByStatus(status)).isEmpty();
        assertThat(store.list(JobQuery.builder().status(status).build()).count()).isZero();
      }
      assertThat(store.list(JobQuery.builder().build()).count()).isZero();
      assertThat(store.list(JobQuery.builder().project(after).build()).count()).isZero();
    }
  }

  /**
   * Holds {@code job}'s lock, in an update whose change waits (it must not write to the store)
   * until {@code release}; returns once the lock is held.
   */
  private Started<Job> holdLock(UUID job, CountDownLatch release) throws InterruptedException {
    CountDownLatch held = new CountDownLatch(1);
    Started<Job> holder =
        start(
            () ->
                store.update(
                    job,
                    j -> {
                      held.countDown();
                      try {
                        if (!release.await(10, TimeUnit.SECONDS)) {
                          throw new IllegalStateException("never released");
                        }
                      } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new IllegalStateException(e);
                      }
                      return j;
                    }));
    assertThat(held.await(10, TimeUnit.SECONDS)).as("the holder took the lock").isTrue();
    return holder;
  }

  private Optional<Job> moveUnlessDeleted(UUID job, UUID project) {
    try {
      return Optional.of(
          store.update(job, j -> j.withProject(project).withStatus(JobStatus.RUNNING)));
    } catch (JobNotFoundException e) {
      assertThat(e).hasMessage("No job with id " + job + ".");
      return Optional.empty();
    }
  }
}
