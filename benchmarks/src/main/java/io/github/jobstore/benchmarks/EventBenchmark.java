package io.github.jobstore.benchmarks;

import io.github.jobstore.core.Job;
import io.github.jobstore.store.InMemoryJobStore;
import io.github.jobstore.store.JobEvent;
import io.github.jobstore.store.JobStore;
import io.github.jobstore.store.Subscription;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
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
 *   <li>{@link #update}: one writer. One subscriber against none is the SPEC's goal (at most 25%
 *       slower).
 *   <li>{@link #updateTwoWriters}: two writers, each on its own half of the jobs, so they never
 *       wait for each other's monitors; the figure is both threads together.
 *   <li>{@link #updateBusySubscriber}: a diagnostic, one writer and one subscriber whose listener,
 *       after counting an event, waits until the writer has made the next one (or 1 ms has passed):
 *       {@code spin} spins, {@code park} parks 50 µs at a time. Its delivery thread then finds the
 *       next event in its backlog and does not go idle while the writer writes, so the writer does
 *       not pay the hand-off that wakes it. With {@code park} this is what a delivery task that
 *       lingers before going idle would do, without taking a core. The writer also publishes its
 *       count for the listener, one ordered store per update.
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

  /** The diagnostic: one subscriber that keeps its delivery thread busy (see the class comment). */
  @State(Scope.Benchmark)
  @SuppressWarnings("NullAway.Init")
  public static class Busy {

    private static final long LINGER_NANOS = TimeUnit.MILLISECONDS.toNanos(1);

    private static final long PARK_NANOS = TimeUnit.MICROSECONDS.toNanos(50);

    /** How the listener waits for the next event: {@code spin} or {@code park}. */
    @Param({"spin", "park"})
    public String linger;

    JobStore store;
    Cycle cycle;
    private final AtomicLong written = new AtomicLong();
    private final Tally seen = new Tally("busy subscriber");
    private Subscription subscription;
    private final CpuSpan writerCpu = CpuSpan.ofCurrentThread();
    private final CpuSpan jvm = CpuSpan.ofProcess();
    private long measured;
    private long updatesBefore;

    @Setup(Level.Trial)
    public void setUp() {
      store = InMemoryJobStore.create();
      cycle = new Cycle(Fixtures.populate(store, SIZE).ids());
      subscription = store.subscribe(this::keepUp);
      Fixtures.settle();
    }

    /** Run by the writer's thread (the only one), as {@link #stopIteration}. */
    @Setup(Level.Iteration)
    public void startIteration(IterationParams iteration) {
      if (iteration.getType() == IterationType.MEASUREMENT) {
        updatesBefore = cycle.updates;
        writerCpu.start();
        jvm.start();
      }
    }

    @TearDown(Level.Iteration)
    public void stopIteration(IterationParams iteration) {
      if (iteration.getType() == IterationType.MEASUREMENT) {
        jvm.stop();
        writerCpu.stop();
        measured += cycle.updates - updatesBefore;
      }
    }

    Job update() {
      Job updated = cycle.update(store);
      written.lazySet(cycle.updates);
      return updated;
    }

    /** Counts the event, then waits for the writer's next one, so that it is queued on return. */
    private void keepUp(JobEvent event) {
      seen.add();
      long delivered = seen.count();
      boolean park = linger.equals("park");
      long deadline = System.nanoTime() + LINGER_NANOS;
      while (written.get() <= delivered && System.nanoTime() - deadline < 0) {
        if (park) {
          LockSupport.parkNanos(PARK_NANOS);
        } else {
          Thread.onSpinWait();
        }
      }
    }

    @TearDown(Level.Trial)
    public void tearDown() throws InterruptedException {
      try {
        seen.awaitExactly(cycle.updates, DRAIN);
      } finally {
        subscription.close();
      }
      report("1 busy subscriber (" + linger + ")", cycle.updates);
      reportCpu(measured, writerCpu.total(), jvm.total());
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

  /** The updated job; one writer, one subscriber whose delivery thread does not go idle. */
  @Benchmark
  public Job updateBusySubscriber(Busy busy) {
    return busy.update();
  }
}
