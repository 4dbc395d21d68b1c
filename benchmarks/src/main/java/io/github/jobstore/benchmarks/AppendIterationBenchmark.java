package io.github.jobstore.benchmarks;

import static java.util.Objects.requireNonNull;

import io.github.jobstore.core.JobCreateParams;
import io.github.jobstore.core.JobStatus;
import io.github.jobstore.store.JobStore;
import java.sql.SQLException;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * {@code appendIteration} to a job that already has {@code iterations} iterations (10 or 10,000),
 * for three peers in one run: {@code jobstore}, the {@code scanning} baseline, which copies the
 * job's iteration list on every append, and {@code h2}, an in-memory H2 database whose iterations
 * are rows of their own table, indexed by job, then order ({@link H2Iterations#appendIteration}:
 * plain JDBC, prepared statements, this thread's own connection). An h2 append is one transaction,
 * as a Django view in {@code transaction.atomic()} runs it: lock the job's row ({@code SELECT ...
 * FOR UPDATE}), read the job's highest order from the top of the index, insert, commit. The setup
 * prints H2's plan for that read, which says how much of the job it reads.
 *
 * <p><b>Keeping the job near its size.</b> A time-based iteration would append millions of times to
 * one job, so "a job with 10 iterations" would soon have millions. Instead each job takes exactly
 * {@code iterations} measured appends, so it grows from {@code n} to {@code 2n} iterations, and is
 * then replaced by a fresh job of {@code n} iterations, built outside the measurement by an
 * {@code @Setup(Level.Invocation)} method that does nothing on every other invocation (for h2: the
 * old job's row is deleted, its iterations by cascade, and the new job's {@code n} are one batch
 * insert). Growing from {@code n} to {@code 2n} (rather than by one append) crosses at least one
 * growth of jobstore's iteration buffer (it grows by 1.5x), so the figure is the amortized cost the
 * store promises, not the cost of the lucky appends that fit in spare capacity. The job sizes
 * measured thus average {@code 1.5n}: 15 and 15,000, still three orders of magnitude apart. The
 * store or database holds only the job under test.
 *
 * <p>{@code Level.Invocation} makes JMH time every call on its own, which adds a few tens of
 * nanoseconds of timer overhead to every figure, the same at both sizes and for every peer.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xms4g", "-Xmx4g", "-XX:+AlwaysPreTouch"})
public class AppendIterationBenchmark {

  /**
   * One job in one store, or in one H2 database through this thread's connection; replaced after
   * {@code iterations} appends.
   */
  @State(Scope.Thread)
  @SuppressWarnings("NullAway.Init")
  public static class JobUnderTest {

    @Param({"jobstore", "scanning", "h2"})
    public String impl;

    @Param({"10", "10000"})
    public int iterations;

    @Nullable JobStore store;
    @Nullable H2JobTable table;
    @Nullable UUID jobId;
    int appendsLeft;

    @Setup(Level.Trial)
    public void setUp() throws SQLException {
      if (impl.equals("h2")) {
        H2JobTable empty = H2JobTable.empty();
        table = empty;
        System.out.printf("%nplan: %s%n", empty.iterations().plan().replaceAll("\\s+", " "));
      } else {
        store = Fixtures.newStore(impl);
      }
    }

    @TearDown(Level.Trial)
    public void tearDown() throws SQLException {
      if (table != null) {
        table.close();
      }
    }

    /**
     * Runs before every append, outside the measurement. The check lives in a method the compiler
     * may not inline: inlined into JMH's measurement loop, the rarely taken replacement branch
     * (once every 10,000 appends) becomes an uncommon trap whose deoptimizations slowed the first
     * seconds of the 10,000 case more than tenfold.
     */
    @Setup(Level.Invocation)
    public void beforeEachAppend() throws SQLException {
      replaceWhenGrown();
    }

    @CompilerControl(CompilerControl.Mode.DONT_INLINE)
    void replaceWhenGrown() throws SQLException {
      if (appendsLeft == 0) {
        UUID previous = jobId;
        JobCreateParams job = Fixtures.typicalJob(UUID.randomUUID(), JobStatus.RUNNING);
        H2JobTable h2 = table;
        UUID fresh;
        if (h2 != null) {
          if (previous != null) {
            h2.delete(previous);
          }
          fresh = h2.create(job);
          h2.iterations().fill(fresh, iterations, Fixtures.ITERATION);
        } else {
          JobStore jobs = requireNonNull(store);
          if (previous != null) {
            jobs.delete(previous);
          }
          fresh = jobs.create(job).id();
          for (int i = 0; i < iterations; i++) {
            jobs.appendIteration(fresh, Fixtures.ITERATION);
          }
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

  /** The new iteration, or for {@code h2} its id. */
  @Benchmark
  public Object appendIteration(JobUnderTest job) throws SQLException {
    UUID id = job.take();
    H2JobTable table = job.table;
    if (table != null) {
      return table.iterations().appendIteration(id, Fixtures.ITERATION);
    }
    return requireNonNull(job.store).appendIteration(id, Fixtures.ITERATION);
  }
}
