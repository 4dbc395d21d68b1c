package io.github.jobstore.store;

import static io.github.jobstore.testkit.Parallel.inParallel;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.jobstore.core.Iteration;
import io.github.jobstore.core.IterationCreateParams;
import io.github.jobstore.core.Job;
import io.github.jobstore.core.JobCreateParams;
import io.github.jobstore.core.JobStatus;
import io.github.jobstore.testkit.JobStoreRecorder;
import io.github.jobstore.testkit.Parallel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.collections.api.list.ImmutableList;
import org.junit.jupiter.api.Test;

/**
 * Events and {@code when} under concurrent writers: nothing lost, nothing repeated, one job's
 * events in the order its writes took effect, subscriptions that come and go while writers run, and
 * {@code when} racing the write that matches it or the delete that ends it.
 */
class InMemoryJobStoreEventConcurrencyTest {

  private static final Duration WAIT = Duration.ofSeconds(20);

  private final InMemoryJobStore store = InMemoryJobStore.create();

  /** The counter each write below raises by one: a job's version number. */
  private static long counter(Job job) {
    return job.numIterations().orElse(0L);
  }

  private Job raise(Job job) {
    return store.update(job.id(), current -> current.withNumIterations(counter(current) + 1));
  }

  @Test
  void manyWritersOfOneJobDeliverEveryEventOnceInTheOrderTheWritesTookEffect() throws Exception {
    Job job = store.create(JobCreateParams.builder().build());
    int writers = 3;
    int updates = 3_000;
    int appends = 1_000;
    try (JobStoreRecorder first = JobStoreRecorder.attach(store);
        JobStoreRecorder second = JobStoreRecorder.attach(store)) {
      inParallel(
          writers + 1,
          thread ->
              () -> {
                for (int i = 0; i < (thread < writers ? updates : appends); i++) {
                  if (thread < writers) {
                    raise(job);
                  } else {
                    store.appendIteration(
                        job.id(), IterationCreateParams.builder().iterationName("i").build());
                  }
                }
                return null;
              });

      int total = writers * updates + appends;
      for (JobStoreRecorder recorder : List.of(first, second)) {
        assertThat(recorder.awaitUntil(r -> r.events().size() >= total, WAIT)).isTrue();
        ImmutableList<JobEvent> events = recorder.events();
        assertThat(events).hasSize(total);
        assertThat(events).allSatisfy(e -> assertThat(e.jobId()).isEqualTo(job.id()));
        // Each update raised the counter the one before it stored: a chain 0, 1, 2, … with no gap.
        ImmutableList<JobUpdated> updated = recorder.events(JobUpdated.class);
        for (int i = 0; i < updated.size(); i++) {
          assertThat(counter(updated.get(i).previous())).isEqualTo(i);
          assertThat(counter(updated.get(i).current())).isEqualTo(i + 1);
        }
        // Automatic orders are given in the order appends take effect: 1, 2, 3, …
        ImmutableList<Iteration> appended =
            recorder.events(IterationCreated.class).collect(IterationCreated::iteration);
        for (int i = 0; i < appended.size(); i++) {
          assertThat(appended.get(i).order()).contains(i + 1L);
        }
      }
      assertThat(first.events()).isEqualTo(second.events());
      assertThat(counter(store.get(job.id()))).isEqualTo((long) writers * updates);
    }
  }

  @Test
  void subscriptionsThatComeAndGoWhileWritersRunMissNothingInBetween() throws Exception {
    List<Job> jobs = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      jobs.add(store.create(JobCreateParams.builder().build()));
    }
    Job own = store.create(JobCreateParams.builder().build());
    CountDownLatch subscriberDone = new CountDownLatch(1);
    inParallel(
        3,
        thread ->
            () -> {
              if (thread < 2) {
                while (subscriberDone.getCount() > 0) {
                  Parallel.stopIfInterrupted();
                  raise(jobs.get(thread));
                }
              } else {
                try {
                  for (int round = 0; round < 200; round++) {
                    checkOneSubscription(jobs, own);
                  }
                } finally {
                  subscriberDone.countDown();
                }
              }
              return null;
            });
  }

  /**
   * Subscribes while the writers run, writes {@code own}, and checks that the subscription got that
   * write and, for each job, every write between its first event and its last: no gap in the chain.
   * After closing, a write of {@code own} must not reach it.
   */
  private void checkOneSubscription(List<Job> jobs, Job own) throws Exception {
    List<JobEvent> received = Collections.synchronizedList(new ArrayList<>());
    CompletableFuture<JobEvent> ownEvent = new CompletableFuture<>();
    Subscription subscription =
        store.subscribe(
            event -> {
              received.add(event);
              if (event.jobId().equals(own.id())) {
                ownEvent.complete(event);
              }
            });
    Job raised = raise(own);
    assertThat(ownEvent.get(WAIT.toSeconds(), TimeUnit.SECONDS)).isInstanceOf(JobUpdated.class);
    assertThat(((JobUpdated) ownEvent.get()).current()).isEqualTo(raised);
    subscription.close();

    CompletableFuture<JobEvent> probeEvent = new CompletableFuture<>();
    try (Subscription probe =
        store.subscribe(
            event -> {
              if (event.jobId().equals(own.id())) {
                probeEvent.complete(event);
              }
            })) {
      Job after = raise(own);
      assertThat(((JobUpdated) probeEvent.get(WAIT.toSeconds(), TimeUnit.SECONDS)).current())
          .isEqualTo(after);
    }
    List<JobEvent> events;
    synchronized (received) {
      events = new ArrayList<>(received);
    }
    assertThat(events).filteredOn(e -> e.jobId().equals(own.id())).hasSize(1);
    for (Job job : jobs) {
      List<JobUpdated> updates = new ArrayList<>();
      for (JobEvent event : events) {
        if (event instanceof JobUpdated updated && event.jobId().equals(job.id())) {
          updates.add(updated);
        }
      }
      for (int i = 1; i < updates.size(); i++) {
        assertThat(counter(updates.get(i).previous()))
            .isEqualTo(counter(updates.get(i - 1).current()));
      }
    }
  }

  @Test
  void onceCloseHasReturnedTheListenerGetsAtMostTheEventWhoseDeliveryHadBegun() {
    Job job = store.create(JobCreateParams.builder().build());
    for (int round = 0; round < 2_000; round++) {
      AtomicBoolean closed = new AtomicBoolean();
      AtomicInteger lateCalls = new AtomicInteger();
      Subscription subscription =
          store.subscribe(
              event -> {
                if (closed.get()) {
                  lateCalls.incrementAndGet();
                }
              });
      for (int i = 0; i < 20; i++) {
        raise(job);
      }
      subscription.close();
      closed.set(true);
      raise(job);

      assertThat(lateCalls.get()).as("calls after close, round %d", round).isLessThanOrEqualTo(1);
    }
  }

  @Test
  void whenRacingTheWriteThatMatchesCompletesWithThatVersion() throws Exception {
    for (int round = 0; round < 500; round++) {
      Job job = store.create(JobCreateParams.builder().build());
      CyclicBarrier start = new CyclicBarrier(2);
      List<Object> results =
          inParallel(
              2,
              thread ->
                  () -> {
                    start.await();
                    return thread == 0
                        ? store.update(job.id(), c -> c.withStatus(JobStatus.COMPLETED))
                        : store.when(job.id(), c -> c.status() == JobStatus.COMPLETED);
                  });
      @SuppressWarnings("unchecked")
      CompletableFuture<Job> future = (CompletableFuture<Job>) results.get(1);
      assertThat(future.get(WAIT.toSeconds(), TimeUnit.SECONDS)).isEqualTo(results.get(0));
    }
  }

  @Test
  void whenRacingDeleteFailsWithJobNotFound() throws Exception {
    for (int round = 0; round < 500; round++) {
      Job job = store.create(JobCreateParams.builder().build());
      List<Object> results =
          inParallel(
              2,
              thread ->
                  () ->
                      thread == 0
                          ? store.delete(job.id())
                          : store.when(job.id(), c -> c.status() == JobStatus.COMPLETED));
      @SuppressWarnings("unchecked")
      CompletableFuture<Job> future = (CompletableFuture<Job>) results.get(1);
      assertThat(results.get(0)).isEqualTo(true);
      assertThat(future)
          .failsWithin(WAIT)
          .withThrowableOfType(ExecutionException.class)
          .havingCause()
          .isInstanceOf(JobNotFoundException.class)
          .withMessage("No job with id %s.", job.id());
    }
  }
}
