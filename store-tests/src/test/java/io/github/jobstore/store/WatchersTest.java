package io.github.jobstore.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.jobstore.core.Job;
import io.github.jobstore.core.JobStatus;
import io.github.jobstore.testkit.Parallel;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * What {@link Watchers} keeps: nothing for a closed subscription or a completed {@code when}
 * future, however it completed. Delivery runs on the calling thread here, so every completion has
 * happened, and every event has been delivered, when a write returns.
 */
class WatchersTest {

  private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
  private static final int CYCLES = 100_000;

  private final Watchers watchers = new Watchers(new ChangeGuard(), Runnable::run);

  private static Job job(JobStatus status) {
    return Job.builder().id(new UUID(4, 1)).createdAt(NOW).updatedAt(NOW).status(status).build();
  }

  private static Slot slotOf(Job job) {
    Slot slot = new Slot(1, job.createdAt());
    slot.publish(job);
    return slot;
  }

  /** What {@code future} failed with, or null when it is not done or completed normally. */
  private static @Nullable Throwable failure(CompletableFuture<Job> future) {
    return future.handle((job, failure) -> failure).getNow(null);
  }

  /** Stores {@code next} in {@code slot} as an update does, under its monitor. */
  private void update(Slot slot, Job next) {
    synchronized (slot) {
      Job previous = slot.current(next.id());
      slot.publish(next);
      watchers.jobUpdated(slot, previous, next);
    }
  }

  @Test
  void closedSubscriptionsLeaveNoSubscriber() {
    // Delivery tasks are dropped: a task run here would linger on this thread after each event.
    Watchers watchers = new Watchers(new ChangeGuard(), task -> {});
    Job job = job(JobStatus.PENDING);
    Subscription kept = watchers.subscribe(event -> {});
    for (int i = 0; i < CYCLES; i++) {
      Subscription subscription = watchers.subscribe(event -> {});
      watchers.jobCreated(job);
      subscription.close();
    }

    assertThat(watchers.subscriberCount()).isEqualTo(1);
    kept.close();
    assertThat(watchers.subscriberCount()).isZero();
  }

  @Test
  void aSubscriptionGetsEveryEventWhileOpenAndNoneAfter() {
    List<JobEvent> received = new ArrayList<>();
    Job pending = job(JobStatus.PENDING);
    Slot slot = slotOf(pending);
    Subscription subscription = watchers.subscribe(received::add);
    Job running = pending.withStatus(JobStatus.RUNNING);
    update(slot, running);
    subscription.close();
    update(slot, running.withStatus(JobStatus.COMPLETED));

    assertThat(received).containsExactly(new JobUpdated(pending, running));
  }

  @Test
  void whenFuturesCompletedByAMatchLeaveNoWaiter() {
    Job pending = job(JobStatus.PENDING);
    Job running = pending.withStatus(JobStatus.RUNNING);
    Slot slot = slotOf(pending);
    for (int i = 0; i < CYCLES; i++) {
      CompletableFuture<Job> future =
          watchers.when(slot, pending.id(), job -> job.status() == JobStatus.RUNNING);
      assertThat(slot.waiters()).hasSize(1);
      update(slot, running);
      assertThat(future).isCompletedWithValue(running);
      update(slot, pending);
    }

    assertThat(slot.waiters()).isNull();
  }

  @Test
  void whenFuturesCompletedByTheirCallerLeaveNoWaiter() {
    Job pending = job(JobStatus.PENDING);
    Slot slot = slotOf(pending);
    for (int i = 0; i < CYCLES; i++) {
      CompletableFuture<Job> future = watchers.when(slot, pending.id(), job -> false);
      switch (i % 3) {
        case 0 -> future.cancel(false);
        case 1 -> future.complete(pending);
        default -> future.completeExceptionally(new IllegalStateException("given up"));
      }
    }

    assertThat(slot.waiters()).isNull();
  }

  @Test
  void aWhenFutureThatTimesOutLeavesNoWaiter() {
    Job pending = job(JobStatus.PENDING);
    Slot slot = slotOf(pending);
    CompletableFuture<Job> future =
        watchers.when(slot, pending.id(), job -> false).orTimeout(1, TimeUnit.MILLISECONDS);

    assertThat(future).failsWithin(Duration.ofSeconds(10));
    // The timer's thread completed the future and then, after any waiter of this test saw it
    // done, let go of the waiter: wait (bounded) for that to be seen under the slot's monitor.
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (hasWaiters(slot) && System.nanoTime() < deadline) {
      Parallel.stopIfInterrupted();
      Thread.yield();
    }
    assertThat(hasWaiters(slot)).isFalse();
  }

  private static boolean hasWaiters(Slot slot) {
    synchronized (slot) {
      return slot.waiters() != null;
    }
  }

  @Test
  void aConditionThatThrowsFailsItsFutureAndLeavesNoWaiter() {
    Job pending = job(JobStatus.PENDING);
    Slot slot = slotOf(pending);
    IllegalStateException thrown = new IllegalStateException("thrown on purpose");
    CompletableFuture<Job> future =
        watchers.when(
            slot,
            pending.id(),
            job -> {
              if (job.status() == JobStatus.RUNNING) {
                throw thrown;
              }
              return false;
            });
    CompletableFuture<Job> other = watchers.when(slot, pending.id(), job -> false);

    update(slot, pending.withStatus(JobStatus.RUNNING));

    assertThat(future).isCompletedExceptionally();
    assertThat(failure(future)).isSameAs(thrown);
    assertThat(slot.waiters()).hasSize(1);
    other.cancel(false);
    assertThat(slot.waiters()).isNull();
  }

  /** As above, with the throwing waiter after another one in the slot's list. */
  @Test
  void aConditionThatThrowsAfterAnotherWaiterFailsOnlyItsOwnFuture() {
    Job pending = job(JobStatus.PENDING);
    Slot slot = slotOf(pending);
    IllegalStateException thrown = new IllegalStateException("thrown on purpose");
    CompletableFuture<Job> other = watchers.when(slot, pending.id(), job -> false);
    CompletableFuture<Job> future =
        watchers.when(
            slot,
            pending.id(),
            job -> {
              if (job.status() == JobStatus.RUNNING) {
                throw thrown;
              }
              return false;
            });

    update(slot, pending.withStatus(JobStatus.RUNNING));

    assertThat(failure(future)).isSameAs(thrown);
    assertThat(other).isNotDone();
    assertThat(slot.waiters()).hasSize(1);
    other.cancel(false);
    assertThat(slot.waiters()).isNull();
  }

  @Test
  void deletingTheJobFailsEveryWaiterAndLeavesNone() {
    Job pending = job(JobStatus.PENDING);
    Slot slot = slotOf(pending);
    List<CompletableFuture<Job>> futures = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      futures.add(watchers.when(slot, pending.id(), job -> false));
    }

    synchronized (slot) {
      slot.withdraw();
      watchers.jobDeleted(slot, pending);
    }

    assertThat(futures)
        .allSatisfy(
            future ->
                assertThat(failure(future))
                    .isInstanceOf(JobNotFoundException.class)
                    .hasMessage("No job with id %s.", pending.id()));
    assertThat(slot.waiters()).isNull();
  }

  @Test
  void whenOfAWithdrawnSlotFailsAtOnceAndLeavesNoWaiter() {
    Job pending = job(JobStatus.PENDING);
    Slot slot = slotOf(pending);
    synchronized (slot) {
      slot.withdraw();
    }

    CompletableFuture<Job> future = watchers.when(slot, pending.id(), job -> true);

    assertThat(failure(future)).isInstanceOf(JobNotFoundException.class);
    assertThat(slot.waiters()).isNull();
  }
}
