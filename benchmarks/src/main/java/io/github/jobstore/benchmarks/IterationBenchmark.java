package io.github.jobstore.benchmarks;

import io.github.jobstore.core.Iteration;
import io.github.jobstore.store.InMemoryJobStore;
import java.util.Arrays;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * The single-iteration operations of {@link InMemoryJobStore} on a random existing iteration, in
 * stores of {@code iterations} iterations in all (1,000 or 1,000,000), held by jobs of {@code
 * perJob} iterations each (10 or 1,000). The four shapes are 100 jobs × 10, 1 job × 1,000, 100,000
 * jobs × 10 and 1,000 jobs × 1,000: comparing the sizes at one {@code perJob} shows how a cost
 * grows with the store, comparing {@code perJob} at one size how it grows with the iteration's job.
 *
 * <ul>
 *   <li>{@code findIteration}: a lookup by id;
 *   <li>{@code updateScore}: {@code updateIteration} that changes {@code avg_score} only;
 *   <li>{@code updateOrder}: {@code updateIteration} that gives the iteration a new {@code order}
 *       between 1 and {@code perJob}, so the job's list is re-sorted;
 *   <li>{@code deleteAndAppend}: {@code deleteIteration}, then {@code appendIteration} of a new one
 *       to the same job, which keeps every job, and so the store, at its size; the new iteration
 *       takes the old one's place in the list of ids to visit.
 *   <li>{@code rawMapGet}, the control: {@code ConcurrentHashMap<UUID, Iteration>.get} on a map of
 *       the same number of iterations. From 1,000 to 1,000,000 entries a random lookup goes from
 *       the CPU's caches to main memory; this shows what that alone costs, so that what the store's
 *       figures add on top of it can be read as the store's own.
 * </ul>
 *
 * <p>The iterations are visited in a shuffled order, one after another, by one thread.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xms4g", "-Xmx4g", "-XX:+AlwaysPreTouch"})
public class IterationBenchmark {

  /** A filled store and the iterations to visit; used by one thread. */
  @State(Scope.Thread)
  @SuppressWarnings("NullAway.Init")
  public static class Filled {

    @Param({"1000", "1000000"})
    public int iterations;

    @Param({"10", "1000"})
    public int perJob;

    InMemoryJobStore store;
    Iteration[] visits;
    private int next;

    @Setup(Level.Trial)
    public void setUp() {
      store = InMemoryJobStore.create();
      visits =
          Fixtures.shuffled(Fixtures.populateIterations(store, iterations / perJob, perJob), 7);
      Fixtures.settle();
    }

    /** The index in {@link #visits} of the next iteration to visit. */
    int next() {
      if (next >= visits.length) {
        next = 0;
      }
      return next++;
    }
  }

  /** The control: the same iterations in a plain map by id; used by one thread. */
  @State(Scope.Thread)
  @SuppressWarnings("NullAway.Init")
  public static class RawMap {

    @Param({"1000", "1000000"})
    public int iterations;

    ConcurrentHashMap<UUID, Iteration> map;
    UUID[] visits;
    private int next;

    @Setup(Level.Trial)
    public void setUp() {
      Iteration[] all = Fixtures.populateIterations(new ScanningMapStore(), iterations / 10, 10);
      map = new ConcurrentHashMap<>();
      for (Iteration iteration : all) {
        map.put(iteration.id(), iteration);
      }
      visits = Arrays.stream(Fixtures.shuffled(all, 7)).map(Iteration::id).toArray(UUID[]::new);
      Fixtures.settle();
    }

    UUID next() {
      if (next >= visits.length) {
        next = 0;
      }
      return visits[next++];
    }
  }

  @Benchmark
  public @Nullable Iteration rawMapGet(RawMap raw) {
    return raw.map.get(raw.next());
  }

  @Benchmark
  public Optional<Iteration> findIteration(Filled filled) {
    return filled.store.findIteration(filled.visits[filled.next()].id());
  }

  @Benchmark
  public Iteration updateScore(Filled filled) {
    int at = filled.next();
    double score = (at & 1023) / 1024.0;
    return filled.store.updateIteration(filled.visits[at].id(), it -> it.withAvgScore(score));
  }

  @Benchmark
  public Iteration updateOrder(Filled filled) {
    int at = filled.next();
    long order = 1L + at % filled.perJob;
    return filled.store.updateIteration(filled.visits[at].id(), it -> it.withOrder(order));
  }

  @Benchmark
  public Iteration deleteAndAppend(Filled filled) {
    int at = filled.next();
    Iteration old = filled.visits[at];
    UUID job = old.job();
    filled.store.deleteIteration(old.id());
    Iteration created = filled.store.appendIteration(job, Fixtures.ITERATION);
    filled.visits[at] = created;
    return created;
  }
}
