package io.github.jobstore.benchmarks;

import io.github.jobstore.core.Iteration;
import io.github.jobstore.store.IterationQuery;
import io.github.jobstore.store.JobStore;
import io.github.jobstore.store.Page;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
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
 * {@code listIterations} filtered on {@code job}, default ordering, page 1 of 100, for a random job
 * (a different one each call, from a shuffled list of every job), in stores of {@code iterations}
 * iterations in all (1,000 or 1,000,000) held by jobs of {@code perJob} iterations each (10 or
 * 1,000): 100 jobs × 10, 1 job × 1,000, 100,000 jobs × 10, 1,000 jobs × 1,000. The answer holds
 * {@code min(perJob, 100)} iterations and counts {@code perJob}, whatever the store's size.
 *
 * <p>{@code jobstore} reads the one job's list; the {@code scanning} baseline scans every iteration
 * of every job, so at 1,000,000 iterations its calls take milliseconds.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xms4g", "-Xmx4g", "-XX:+AlwaysPreTouch"})
public class ListIterationsBenchmark {

  /** A filled store and one query per job, in a shuffled order; used by one thread. */
  @State(Scope.Thread)
  @SuppressWarnings("NullAway.Init")
  public static class Filled {

    @Param({"jobstore", "scanning"})
    public String impl;

    @Param({"1000", "1000000"})
    public int iterations;

    @Param({"10", "1000"})
    public int perJob;

    JobStore store;
    IterationQuery[] queries;
    private int next;

    @Setup(Level.Trial)
    public void setUp() {
      store = Fixtures.newStore(impl);
      Set<UUID> jobs = new LinkedHashSet<>();
      for (Iteration iteration : Fixtures.populateIterations(store, iterations / perJob, perJob)) {
        jobs.add(iteration.job());
      }
      queries =
          Fixtures.shuffled(
              jobs.stream()
                  .map(job -> IterationQuery.builder().job(job).build())
                  .toArray(IterationQuery[]::new),
              11);
      Fixtures.settle();
    }

    IterationQuery next() {
      if (next >= queries.length) {
        next = 0;
      }
      return queries[next++];
    }
  }

  @Benchmark
  public Page<Iteration> listIterations(Filled filled) {
    return filled.store.listIterations(filled.next());
  }
}
