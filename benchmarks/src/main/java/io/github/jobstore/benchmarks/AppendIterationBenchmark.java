package io.github.jobstore.benchmarks;

import io.github.jobstore.core.Iteration;
import io.github.jobstore.core.JobStatus;
import io.github.jobstore.store.JobStore;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.CompilerControl;
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
 * {@code appendIteration} to a job that already has {@code iterations} iterations (10 or 10,000),
 * {@code jobstore} against the {@code scanning} baseline, which copies the job's iteration list on
 * every append.
 *
 * <p><b>Keeping the job near its size.</b> A time-based iteration would append millions of times to
 * one job, so "a job with 10 iterations" would soon have millions. Instead each job takes exactly
 * {@code iterations} measured appends, so it grows from {@code n} to {@code 2n} iterations, and is
 * then replaced by a fresh job of {@code n} iterations, built outside the measurement by an
 * {@code @Setup(Level.Invocation)} method that does nothing on every other invocation. Growing from
 * {@code n} to {@code 2n} (rather than by one append) crosses at least one growth of jobstore's
 * iteration buffer (it grows by 1.5x), so the figure is the amortized cost the store promises, not
 * the cost of the lucky appends that fit in spare capacity. The job sizes measured thus average
 * {@code 1.5n}: 15 and 15,000, still three orders of magnitude apart.
 *
 * <p>{@code Level.Invocation} makes JMH time every call on its own, which adds a few tens of
 * nanoseconds of timer overhead to every figure, the same at both sizes and for both stores.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xms4g", "-Xmx4g", "-XX:+AlwaysPreTouch"})
public class AppendIterationBenchmark {

  /** One job in one store; replaced after {@code iterations} appends. */
  @State(Scope.Thread)
  @SuppressWarnings("NullAway.Init")
  public static class JobUnderTest {

    @Param({"jobstore", "scanning"})
    public String impl;

    @Param({"10", "10000"})
    public int iterations;

    JobStore store;
    @Nullable UUID jobId;
    int appendsLeft;

    @Setup(Level.Trial)
    public void setUp() {
      store = Fixtures.newStore(impl);
    }

    /**
     * Runs before every append, outside the measurement. The check lives in a method the compiler
     * may not inline: inlined into JMH's measurement loop, the rarely taken replacement branch
     * (once every 10,000 appends) becomes an uncommon trap whose deoptimizations slowed the first
     * seconds of the 10,000 case more than tenfold.
     */
    @Setup(Level.Invocation)
    public void beforeEachAppend() {
      replaceWhenGrown();
    }

    @CompilerControl(CompilerControl.Mode.DONT_INLINE)
    void replaceWhenGrown() {
      if (appendsLeft == 0) {
        UUID previous = jobId;
        if (previous != null) {
          store.delete(previous);
        }
        UUID fresh = store.create(Fixtures.typicalJob(UUID.randomUUID(), JobStatus.RUNNING)).id();
        for (int i = 0; i < iterations; i++) {
          store.appendIteration(fresh, Fixtures.ITERATION);
        }
        jobId = fresh;
        appendsLeft = iterations;
      }
    }

    UUID take() {
      appendsLeft--;
      UUID id = jobId;
      if (id == null) {
        throw new IllegalStateException("no job");
      }
      return id;
    }
  }

  @Benchmark
  public Iteration appendIteration(JobUnderTest job) {
    return job.store.appendIteration(job.take(), Fixtures.ITERATION);
  }
}
