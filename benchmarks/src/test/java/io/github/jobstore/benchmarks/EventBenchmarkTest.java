package io.github.jobstore.benchmarks;

import static java.util.Objects.requireNonNull;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.jobstore.core.JobCreateParams;
import io.github.jobstore.store.InMemoryJobStore;
import io.github.jobstore.store.Subscription;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * What {@link EventBenchmark} and {@link HeapAfterWatching} rely on outside JMH: {@link Tally}'s
 * bounded wait and its messages, {@link EventBenchmark#share}'s split of the jobs between writers,
 * {@link EventBenchmark.Cycle}'s updates, and {@link DeliveryThreads}.
 */
class EventBenchmarkTest {

  private static final Duration SHORT = Duration.ofMillis(10);

  private static final Duration LONG = Duration.ofSeconds(10);

  @Test
  void aTallyCountsTheEventsOfEveryUpdateAsTheyAreDelivered() throws InterruptedException {
    InMemoryJobStore store = InMemoryJobStore.create();
    UUID id = store.create(JobCreateParams.builder().build()).id();
    Tally events = new Tally("events");
    try (Subscription subscription = store.subscribe(events)) {
      for (int i = 0; i < 3; i++) {
        store.update(id, job -> job.withBestScore(0.5));
      }
      events.awaitExactly(3, LONG);
    }
    assertThat(events.count()).isEqualTo(3);
  }

  @Test
  void awaitExactlyReturnsAtOnceWhenTheCountIsReached() throws InterruptedException {
    Tally tally = new Tally("t");
    tally.add();
    tally.accept("anything");
    tally.awaitExactly(2, Duration.ZERO);
    assertThat(tally.count()).isEqualTo(2);
  }

  @Test
  void awaitExactlyFailsWhenTheCountStaysOneShortUntilTheTimeout() {
    Tally tally = new Tally("t");
    tally.add();
    long start = System.nanoTime();
    assertThatThrownBy(() -> tally.awaitExactly(2, SHORT))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("t: counted 1, expected 2 (waited at most PT0.01S)");
    assertThat(System.nanoTime() - start).isGreaterThanOrEqualTo(SHORT.toNanos());
  }

  @Test
  void awaitExactlyFailsAtOnceWhenTheCountIsOneOver() {
    Tally tally = new Tally("t");
    for (int i = 0; i < 3; i++) {
      tally.add();
    }
    assertThatThrownBy(() -> tally.awaitExactly(2, LONG))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("t: counted 3, expected 2 (waited at most PT10S)");
  }

  @Test
  void theWritersSharesHoldEveryJobOnceInOrder() {
    for (int length = 0; length <= 20; length++) {
      UUID[] ids = new UUID[length];
      for (int i = 0; i < length; i++) {
        ids[i] = new UUID(0, i);
      }
      for (int count = 1; count <= 5; count++) {
        List<UUID> all = new ArrayList<>();
        for (int index = 0; index < count; index++) {
          UUID[] share = EventBenchmark.share(ids, index, count);
          for (int i = 0; i < share.length; i++) {
            assertThat(share[i]).isEqualTo(ids[index + i * count]);
          }
          all.addAll(List.of(share));
        }
        assertThat(all).as("length %d, count %d", length, count).containsExactlyInAnyOrder(ids);
      }
    }
  }

  @Test
  void aCycleUpdatesItsJobsInOrderAndSetsTheOtherScoreOnEachPass() {
    InMemoryJobStore store = InMemoryJobStore.create();
    UUID first = store.create(JobCreateParams.builder().build()).id();
    UUID second = store.create(JobCreateParams.builder().build()).id();
    EventBenchmark.Cycle cycle = new EventBenchmark.Cycle(new UUID[] {first, second});

    assertThat(cycle.update(store).id()).isEqualTo(first);
    assertThat(cycle.update(store).id()).isEqualTo(second);
    assertThat(store.get(first).bestScore()).contains(0.9);
    assertThat(store.get(second).bestScore()).contains(0.9);
    assertThat(cycle.update(store).id()).isEqualTo(first);

    assertThat(store.get(first).bestScore()).contains(0.1);
    assertThat(store.get(second).bestScore()).contains(0.9);
    assertThat(cycle.updates).isEqualTo(3);
  }

  @Test
  void deliveryThreadsCountsTheThreadThatCallsAListener() throws InterruptedException {
    InMemoryJobStore store = InMemoryJobStore.create();
    UUID id = store.create(JobCreateParams.builder().build()).id();
    AtomicReference<String> name = new AtomicReference<>();
    CountDownLatch called = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    try (Subscription subscription =
        store.subscribe(
            event -> {
              name.set(Thread.currentThread().getName());
              called.countDown();
              awaitQuietly(release);
            })) {
      store.delete(id);
      assertThat(called.await(10, TimeUnit.SECONDS)).isTrue();
      // The listener's thread is blocked in it, so it is alive now.
      String thread = requireNonNull(name.get(), "the listener's thread");
      assertThat(thread).startsWith(DeliveryThreads.PREFIX);
      int number = Integer.parseInt(thread.substring(DeliveryThreads.PREFIX.length()));
      assertThat(DeliveryThreads.highestLiveNumber()).isGreaterThanOrEqualTo(number);
      assertThat(DeliveryThreads.live()).isPositive();
    } finally {
      release.countDown();
    }
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
