package io.github.jobstore.benchmarks;

import io.github.jobstore.core.Job;
import io.github.jobstore.store.JobQuery;
import io.github.jobstore.store.JobStore;
import io.github.jobstore.store.Page;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.eclipse.collections.api.list.ImmutableList;
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
 * The queries, in stores of 1,000 and 1,000,000 jobs ({@link Fixtures#populate}), {@code jobstore}
 * against the {@code scanning} baseline. Every query has an answer of the same size at both sizes:
 *
 * <ul>
 *   <li>{@code findByProject}: a random project's 10 jobs (a different project each call, from a
 *       shuffled list of every project);
 *   <li>{@code findByStatus}: the 10 {@code failed} jobs;
 *   <li>{@code list}: page 1 of 50, default ordering {@code -created_at}, filtered on status {@code
 *       cancelled}, which 100 jobs have: a full page and a count of 100. (A status held by a large
 *       fraction of the store would make the count, and so any store's cost, grow with the store.)
 * </ul>
 *
 * <p>The baseline scans the whole map on every call: at 1,000,000 jobs a call takes milliseconds,
 * so its iterations hold few calls.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xms4g", "-Xmx4g", "-XX:+AlwaysPreTouch"})
public class QueryBenchmark {

  private static final JobQuery LIST_QUERY =
      JobQuery.builder().status(Fixtures.LISTED).pageSize(50).build();

  /** A filled store. */
  @State(Scope.Benchmark)
  @SuppressWarnings("NullAway.Init")
  public static class Filled {

    @Param({"jobstore", "scanning"})
    public String impl;

    @Param({"1000", "1000000"})
    public int size;

    JobStore store;
    UUID[] projects;

    @Setup(Level.Trial)
    public void setUp() {
      store = Fixtures.newStore(impl);
      projects = Fixtures.shuffledCopies(Fixtures.populate(store, size).projects(), 13);
    }
  }

  /** Where this thread is in the project list. */
  @State(Scope.Thread)
  public static class Cursor {

    private int next;

    int next(int length) {
      if (next >= length) {
        next = 0;
      }
      return next++;
    }
  }

  @Benchmark
  public ImmutableList<Job> findByProject(Filled filled, Cursor cursor) {
    UUID[] projects = filled.projects;
    return filled.store.findByProject(projects[cursor.next(projects.length)]);
  }

  @Benchmark
  public ImmutableList<Job> findByStatus(Filled filled) {
    return filled.store.findByStatus(Fixtures.FEW);
  }

  @Benchmark
  public Page<Job> list(Filled filled) {
    return filled.store.list(LIST_QUERY);
  }
}
