package io.github.jobstore.benchmarks;

import io.github.jobstore.core.Job;
import io.github.jobstore.store.InMemoryJobStore;
import io.github.jobstore.store.JobStore;
import io.github.jobstore.store.Subscription;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.infra.ThreadParams;
import org.openjdk.jmh.runner.IterationType;

/**
 * What watching costs a writer: {@code update} throughput on a store of {@value #SIZE} jobs ({@link
 * Fixtures#populate}) with 0, 1 and 8 subscribers, each a {@link Tally} (a trivial listener that
 * counts its events). Each update sets a job's {@code best_score}, going through the jobs in
 * creation order and alternating between two scores on each pass, so every update makes a new
 * version and one {@code JobUpdated} event per subscriber.
 *
 * <ul>
 *   <li>{@link #update}: one writer. One subscriber against none is the goal (at most 25% slower).
 *   <li>{@link #updateTwoWriters}: two writers, each on its own half of the jobs, so they never
 *       wait for each other's monitors; the figure is both threads together.
 * </ul>
 *
 * <p>After the trial, each subscriber must have seen exactly as many events as updates were made
 * (warm-up included); the teardown waits up to {@value #DRAIN_SECONDS} s for the backlogs to drain,
 * then fails the benchmark if any count differs, and closes the subscriptions. It prints the
 * delivery threads' highest number, a lower bound of how many were started, and the CPU time per
 * update of the measurement iterations ({@link CpuSpan}): the writers' threads', and the whole
 * JVM's, which adds the delivery threads, the collector and the compiler. On a shared machine, CPU
 * time per update is the steadier figure: throughput also depends on the cores the run got.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xms4g", "-Xmx4g", "-XX:+AlwaysPreTouch"})
public class EventBenchmark {

  static final int SIZE = 10_000;

  static final long DRAIN_SECONDS = 60;

  private static final Duration DRAIN = Duration.ofSeconds(DRAIN_SECONDS);

  private static final UnaryOperator<Job> HIGH = job -> job.withBestScore(0.9);

  private static final UnaryOperator<Job> LOW = job -> job.withBestScore(0.1);

  /** The store, its subscribers, and the writers that update it. */
  @State(Scope.Benchmark)
  @SuppressWarnings("NullAway.Init")
  public static class Watched {

    @Param({"0", "1", "8"})
    public int subscribers;

    JobStore store;
    UUID[] ids;
    private Tally[] seen;
    private Subscription[] subscriptions;
    private final List<Writer> writers = new ArrayList<>();
    private final CpuSpan jvm = CpuSpan.ofProcess();

    @Setup(Level.Trial)
    public void setUp() {
      store = InMemoryJobStore.create();
      ids = Fixtures.populate(store, SIZE).ids();
      seen = new Tally[subscribers];
      subscriptions = new Subscription[subscribers];
      for (int i = 0; i < subscribers; i++) {
        seen[i] = new Tally("subscriber " + i);
        subscriptions[i] = store.subscribe(seen[i]);
      }
      Fixtures.settle();
    }

    synchronized void register(Writer writer) {
      writers.add(writer);
    }

    @Setup(Level.Iteration)
    public void startIteration(IterationParams iteration) {
      if (iteration.getType() == IterationType.MEASUREMENT) {
        jvm.start();
      }
    }

    @TearDown(Level.Iteration)
    public void stopIteration(IterationParams iteration) {
      if (iteration.getType() == IterationType.MEASUREMENT) {
        jvm.stop();
      }
    }

    /** Runs once every writer has finished (JMH's trial teardown waits for all threads). */
    @TearDown(Level.Trial)
    public void tearDown() throws InterruptedException {
      long updates = 0;
      long measured = 0;
      long writersCpu = 0;
      synchronized (this) {
        for (Writer writer : writers) {
          updates += writer.cycle.updates;
          measured += writer.measured;
          writersCpu += writer.cpu.total();
        }
      }
      try {
        for (Tally tally : seen) {
          tally.awaitExactly(updates, DRAIN);
        }
      } finally {
        for (Subscription subscription : subscriptions) {
          subscription.close();
        }
      }
      report(subscribers + " subscriber(s)", updates);
      reportCpu(measured, writersCpu, jvm.total());
    }
  }

  /** One writing thread: its share of the jobs, and the updates it made. */
  @State(Scope.Thread)
  @SuppressWarnings("NullAway.Init")
  public static class Writer {

    Cycle cycle;
    private final CpuSpan cpu = CpuSpan.ofCurrentThread();
    private long measured;
    private long updatesBefore;

    @Setup(Level.Trial)
    public void setUp(Watched watched, ThreadParams thread) {
      cycle = new Cycle(share(watched.ids, thread.getThreadIndex(), thread.getThreadCount()));
      watched.register(this);
    }

    /** Run by this writer's thread, as {@link #stopIteration}. */
    @Setup(Level.Iteration)
    public void startIteration(IterationParams iteration) {
      if (iteration.getType() == IterationType.MEASUREMENT) {
        updatesBefore = cycle.updates;
        cpu.start();
      }
    }

    @TearDown(Level.Iteration)
    public void stopIteration(IterationParams iteration) {
      if (iteration.getType() == IterationType.MEASUREMENT) {
        cpu.stop();
        measured += cycle.updates - updatesBefore;
      }
    }
  }

  /**
   * Goes through some jobs in order, setting each one's score, and counts its updates; each pass
   * sets the other score. Used by one thread.
   */
  static final class Cycle {

    private final UUID[] ids;
    private int next;
    private UnaryOperator<Job> change = HIGH;
    long updates;

    Cycle(UUID[] ids) {
      this.ids = ids;
    }

    Job update(JobStore store) {
      if (next == ids.length) {
        next = 0;
        change = change == HIGH ? LOW : HIGH;
      }
      updates++;
      return store.update(ids[next++], change);
    }
  }

  /** The ids at {@code index}, {@code index + count}, {@code index + 2 * count}... */
  static UUID[] share(UUID[] ids, int index, int count) {
    UUID[] share = new UUID[(ids.length - index + count - 1) / count];
    for (int i = 0; i < share.length; i++) {
      share[i] = ids[index + i * count];
    }
    return share;
  }

  private static void report(String who, long updates) {
    System.out.printf(
        Locale.ROOT,
        "%n%s: each saw all %,d updates; delivery threads alive %d, highest number %d%n",
        who,
        updates,
        DeliveryThreads.live(),
        DeliveryThreads.highestLiveNumber());
  }

  private static void reportCpu(long updates, long writersNanos, long jvmNanos) {
    System.out.printf(
        Locale.ROOT,
        "measurement: %,d updates; CPU per update: writers %.0f ns, whole JVM %.0f ns%n",
        updates,
        (double) writersNanos / updates,
        (double) jvmNanos / updates);
  }

  /** The updated job; one writer. */
  @Benchmark
  public Job update(Watched watched, Writer writer) {
    return writer.cycle.update(watched.store);
  }

  /** The updated job; two writers, each on its half of the jobs. */
  @Benchmark
  @Threads(2)
  public Job updateTwoWriters(Watched watched, Writer writer) {
    return writer.cycle.update(watched.store);
  }
}
