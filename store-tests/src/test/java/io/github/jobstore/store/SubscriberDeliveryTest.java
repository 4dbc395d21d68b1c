package io.github.jobstore.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.jobstore.core.Job;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * How a subscriber's delivery task hands over: it runs on the calling thread here, so each emit
 * returns only once the task has delivered its backlog, waited for more, and stood down.
 */
class SubscriberDeliveryTest {

  private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");

  private final Watchers watchers = new Watchers(new ChangeGuard(), Runnable::run);

  private static Job job(long n) {
    return Job.builder().id(new UUID(4, n)).createdAt(NOW).updatedAt(NOW).build();
  }

  /**
   * A task that stood down must let the next event schedule a new one, or it is never delivered.
   */
  @Test
  void anEventAfterTheTaskStoodDownIsDelivered() {
    List<JobEvent> received = new ArrayList<>();
    watchers.subscribe(received::add);

    watchers.jobCreated(job(1));
    watchers.jobCreated(job(2));
    watchers.jobCreated(job(3));

    assertThat(received)
        .containsExactly(new JobCreated(job(1)), new JobCreated(job(2)), new JobCreated(job(3)));
  }

  @Test
  void aListenersFailureGoesToTheThreadsHandlerAndTheNextEventStillArrives() {
    Thread thread = Thread.currentThread();
    Thread.UncaughtExceptionHandler previous = thread.getUncaughtExceptionHandler();
    List<Throwable> reported = new ArrayList<>();
    IllegalStateException thrown = new IllegalStateException("thrown on purpose");
    List<JobEvent> received = new ArrayList<>();
    thread.setUncaughtExceptionHandler((t, failure) -> reported.add(failure));
    try {
      watchers.subscribe(
          event -> {
            received.add(event);
            if (received.size() == 1) {
              throw thrown;
            }
          });

      watchers.jobCreated(job(1));
      watchers.jobCreated(job(2));
    } finally {
      thread.setUncaughtExceptionHandler(previous);
    }

    assertThat(reported).containsExactly(thrown);
    assertThat(received).containsExactly(new JobCreated(job(1)), new JobCreated(job(2)));
  }
}
