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
 * {@code create} throughput, one thread, {@code jobstore} against the {@code scanning} baseline and
 * {@code h2}, an in-memory H2 table with the natural indexes ({@link H2JobTable#create}: one
 * prepared {@code INSERT} per create, autocommit). Each create is a typical request ({@link
 * Fixtures#typicalJob}: a running prompt-tuning job of one of 1,000 projects), so jobstore also
 * maintains its status and project indexes, and H2 its four.
 *
 * <p>Every measurement iteration starts from a new, empty store or database ({@code
 * Level.Iteration}), so a store holds at most one iteration's creates (about a million) and the
 * heap stays bounded.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xms4g", "-Xmx4g", "-XX:+AlwaysPreTouch"})
public class CreateBenchmark {

  private static final int PROJECTS = 1_000;

  /** The store under test and the requests to send it. */
  @State(Scope.Thread)
  @SuppressWarnings("NullAway.Init")
  public static class Target {

    @Param({"jobstore", "scanning", "h2"})
    public String impl;

    @Nullable JobStore store;
    @Nullable H2JobTable table;
    JobCreateParams[] requests;
    private int next;

    @Setup(Level.Trial)
    public void prepare() {
      UUID[] projects = Fixtures.projects(PROJECTS, 11);
      requests = new JobCreateParams[PROJECTS];
      for (int i = 0; i < PROJECTS; i++) {
        requests[i] = Fixtures.typicalJob(projects[i], JobStatus.RUNNING);
      }
    }

    @Setup(Level.Iteration)
    public void freshStore() throws SQLException {
      if (impl.equals("h2")) {
        table = H2JobTable.empty();
      } else {
        store = Fixtures.newStore(impl);
      }
    }

    @TearDown(Level.Iteration)
    public void dropTable() throws SQLException {
      if (table != null) {
        table.close();
      }
    }

    JobCreateParams nextRequest() {
      if (next == requests.length) {
        next = 0;
      }
      return requests[next++];
    }
  }

  /** The new job, or for {@code h2} its id. */
  @Benchmark
  public Object create(Target target) throws SQLException {
    H2JobTable table = target.table;
    if (table != null) {
      return table.create(target.nextRequest());
    }
    return requireNonNull(target.store).create(target.nextRequest());
  }
}
