package io.github.jobstore.testkit.contract;

import static io.github.jobstore.testkit.Parallel.inParallel;
import static io.github.jobstore.testkit.contract.ConcurrentWrites.orders;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.jobstore.core.Iteration;
import io.github.jobstore.core.IterationCreateParams;
import io.github.jobstore.core.Job;
import io.github.jobstore.core.JobCreateParams;
import io.github.jobstore.core.JobStatus;
import io.github.jobstore.store.JobStore;
import io.github.jobstore.testkit.Parallel;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;

/**
 * The stress tests of {@link JobStoreConcurrencyContract} that read while writers run: every job a
 * reader gets is one whole version (no field from one update and another from the next), a reader's
 * view of a job only moves forward, and a job once returned never changes; queries, run on {@link
 * MovingJobs}, neither miss nor repeat a job. Two writers and two readers start together; writers
 * write at least {@value #MIN_WRITES} times each, then on until every reader has read while they
 * ran, so the tests count work, not time.
 */
final class ConcurrentReads {

  private static final int WRITERS = 2;
  private static final int READERS = 2;
  private static final int MIN_WRITES = 2_000;
  private static final JobStatus[] STATUSES = JobStatus.values();

  private final JobStore store;
  private final AtomicLong writes = new AtomicLong();

  ConcurrentReads(JobStore store) {
    this.store = store;
  }

  void readsSeeWholeVersionsThatOnlyMoveForwardAndNeverChange() throws InterruptedException {
    List<UUID> jobs = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      jobs.add(store.create(JobCreateParams.builder().build()).id());
    }
    Race race = new Race();

    List<List<Frozen>> snapshots =
        race.run(
            (writer, enough) -> {
              write(jobs, new SplittableRandom(writer), enough);
              return List.of();
            },
            (reader, overlapped) -> read(jobs, new SplittableRandom(reader), race, overlapped));

    for (List<Frozen> ofOneReader : snapshots) {
      for (Frozen frozen : ofOneReader) {
        frozen.assertUnchanged();
      }
    }
  }

  void queriesShowMatchingVersionsOnceAndEveryJobThatMatchedThroughout()
      throws InterruptedException {
    MovingJobs world = new MovingJobs(store);
    Race race = new Race();

    race.run(
        (writer, enough) -> world.move(new SplittableRandom(writer), MIN_WRITES, enough),
        (reader, overlapped) ->
            world.query(new SplittableRandom(reader), race.writing, overlapped));
  }

  /**
   * Writes at least {@link #MIN_WRITES} times, then on until {@code enough} says so (checked every
   * 100 writes). An update raises the job's counter ({@code num_iterations}) and sets its prompt
   * slug and status from the new counter, so a read that mixes two versions shows.
   */
  private void write(List<UUID> jobs, SplittableRandom random, BooleanSupplier enough) {
    for (int i = 0; i < MIN_WRITES || i % 100 != 0 || !enough.getAsBoolean(); i++) {
      Parallel.stopIfInterrupted();
      UUID job = jobs.get(random.nextInt(jobs.size()));
      if (random.nextBoolean()) {
        IterationCreateParams.Builder params =
            IterationCreateParams.builder().iterationName("round " + i);
        if (random.nextInt(4) == 0) {
          params.order(random.nextLong(1, 50));
        }
        store.appendIteration(job, params.build());
      } else {
        store.update(
            job,
            j -> {
              long counter = j.numIterations().orElse(0L) + 1;
              return j.withNumIterations(counter)
                  .withPromptSlug("v" + counter)
                  .withStatus(statusOf(counter));
            });
      }
      writes.incrementAndGet();
    }
  }

  /**
   * Reads until the writers are done, checking each version read; returns copies of some of them to
   * check later that they never changed. Counts in {@code overlapped} the reads made while writers
   * ran (after a first write, before the last).
   */
  private List<Frozen> read(
      List<UUID> jobs, SplittableRandom random, Race race, AtomicInteger overlapped) {
    List<Frozen> snapshots = new ArrayList<>();
    Map<UUID, Job> latest = new HashMap<>();
    do {
      Parallel.stopIfInterrupted();
      UUID id = jobs.get(random.nextInt(jobs.size()));
      boolean wrote = writes.get() > 0;
      Job job = store.get(id);
      if (wrote && race.writing.getCount() > 0) {
        overlapped.incrementAndGet();
      }
      long counter = job.numIterations().orElse(0L);
      assertThat(job.promptSlug())
          .as("the prompt slug of the version with counter %d", counter)
          .isEqualTo(counter == 0 ? Optional.empty() : Optional.of("v" + counter));
      assertThat(job.status())
          .as("the status of the version with counter %d", counter)
          .isEqualTo(statusOf(counter));
      Job previous = latest.put(id, job);
      if (previous != null) {
        assertThat(job.iterations().size())
            .as("iterations, read after %d", previous.iterations().size())
            .isGreaterThanOrEqualTo(previous.iterations().size());
        assertThat(counter)
            .as("counter, read after %s", previous.numIterations())
            .isGreaterThanOrEqualTo(previous.numIterations().orElse(0L));
      }
      assertThat(orders(job.iterations())).isSorted();
      if (snapshots.size() < 5_000) {
        snapshots.add(new Frozen(job));
      }
    } while (race.writing.getCount() > 0);
    return snapshots;
  }

  private static JobStatus statusOf(long counter) {
    return STATUSES[(int) (counter % STATUSES.length)];
  }

  /** What a writer of a {@link Race} does: its index, and when it has written enough. */
  @FunctionalInterface
  interface Writer<T> {
    T write(int writer, BooleanSupplier enough);
  }

  /** What a reader of a {@link Race} does: its index, and the count of reads that overlapped. */
  @FunctionalInterface
  interface Reader<T> {
    T read(int reader, AtomicInteger overlapped);
  }

  /**
   * Writers and readers at once: writers go on until every reader has counted a read that
   * overlapped a write; readers go on until every writer is done. Checks afterwards that each
   * reader did overlap, so a test cannot pass by never racing.
   */
  private static final class Race {

    final CountDownLatch writing = new CountDownLatch(WRITERS);
    private final List<AtomicInteger> overlapped = new ArrayList<>();

    Race() {
      for (int i = 0; i < READERS; i++) {
        overlapped.add(new AtomicInteger());
      }
    }

    <T> List<T> run(Writer<T> writer, Reader<T> reader) throws InterruptedException {
      BooleanSupplier enough = () -> overlapped.stream().allMatch(count -> count.get() > 0);
      List<T> results =
          inParallel(
              WRITERS + READERS,
              thread ->
                  () -> {
                    if (thread < WRITERS) {
                      try {
                        return writer.write(thread, enough);
                      } finally {
                        writing.countDown();
                      }
                    }
                    return reader.read(thread, overlapped.get(thread - WRITERS));
                  });
      assertThat(overlapped)
          .as("reads per reader that overlapped a write")
          .allSatisfy(count -> assertThat(count.get()).isPositive());
      return results.subList(WRITERS, WRITERS + READERS);
    }
  }

  /**
   * A job as a reader got it, with a copy of its iterations then: in a store that shares the
   * iterations of successive versions, they are what a later write could change.
   */
  private static final class Frozen {

    private final Job job;
    private final List<Iteration> iterations;

    Frozen(Job job) {
      this.job = job;
      this.iterations = new ArrayList<>(job.iterations().castToList());
    }

    void assertUnchanged() {
      assertThat(job.iterations()).containsExactlyElementsOf(iterations);
    }
  }
}
