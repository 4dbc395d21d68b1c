package io.github.jobstore.benchmarks;

import static java.util.Objects.requireNonNull;

import io.github.jobstore.core.Job;
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
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Two threads sharing one store of 1,000,000 jobs ({@link Fixtures#populate}), each running a job's
 * life the way a worker and its monitor do: one operation is {@code create} (a running
 * prompt-tuning job) + {@code update} (to completed, with a best score) + {@code
 * findByStatus(running)}, which returns the store's 10 running jobs plus whichever job the other
 * thread has in flight. Throughput is in these triples per second, both threads together; store
 * calls per second are three times that.
 *
 * <p>Three peers in one run: {@code jobstore}, the {@code scanning} baseline and {@code h2}, the
 * same jobs in an in-memory H2 table with the natural indexes ({@link H2JobTable}: plain JDBC,
 * prepared statements, each thread its own connection, autocommit). Its triple is the same three
 * statements a Django worker would run: {@link H2JobTable#create}'s {@code INSERT}, an {@code
 * UPDATE jobs SET status = ?, best_score = ?, updated_at = ? WHERE id = ?}, and {@code SELECT id
 * ... WHERE status = ? ORDER BY created_at DESC, seq DESC} on the {@code (status, created_at DESC,
 * seq DESC)} index; its answers are ids, not jobs.
 *
 * <p>The store is built once per trial and grows by one job per operation (jobstore: about half a
 * million over the run, well within the 4 GB heap); the running set the query reads stays small.
 * For h2 a jobstore is filled and its jobs copied into the table, so the three peers hold the same
 * jobs; the filled store is then let go.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Threads(2)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xms4g", "-Xmx4g", "-XX:+AlwaysPreTouch"})
public class ConcurrentBenchmark {

  private static final double BEST_SCORE = 0.9;

  private static final H2Condition RUNNING =
      H2Condition.of("status = ?", Fixtures.ACTIVE.wireValue());

  /** The shared store, or H2 database. */
  @State(Scope.Benchmark)
  @SuppressWarnings("NullAway.Init")
  public static class Shared {

    @Param({"jobstore", "scanning", "h2"})
    public String impl;

    @Param("1000000")
    public int size;

    @Nullable JobStore store;
    @Nullable H2JobTable table;
    JobCreateParams[] requests;

    @Setup(Level.Trial)
    public void setUp() throws SQLException {
      JobStore filled = Fixtures.newStore(impl.equals("h2") ? "jobstore" : impl);
      Fixtures.Population population = Fixtures.populate(filled, size);
      UUID[] projects = population.projects();
      requests = new JobCreateParams[1_000];
      for (int i = 0; i < requests.length; i++) {
        requests[i] = Fixtures.typicalJob(projects[i], Fixtures.ACTIVE);
      }
      if (impl.equals("h2")) {
        // The store assigns ids and timestamps; the table keeps its jobs, not the store.
        table = H2JobTable.of(population.jobsIn(filled));
      } else {
        store = filled;
      }
      Fixtures.settle();
    }

    @TearDown(Level.Trial)
    public void tearDown() throws SQLException {
      if (table != null) {
        table.close();
      }
    }
  }

  /** This thread's own connection to {@link Shared}'s H2 database, when it has one. */
  @State(Scope.Thread)
  public static class H2Connection {

    @Nullable H2JobTable connection;

    @Setup(Level.Trial)
    public void setUp(Shared shared) throws SQLException {
      if (shared.table != null) {
        connection = shared.table.connect();
      }
    }

    @TearDown(Level.Trial)
    public void tearDown() throws SQLException {
      if (connection != null) {
        connection.close();
      }
    }
  }

  /** Where this thread is in the request list. */
  @State(Scope.Thread)
  public static class Cursor {

    private int next = (int) (Thread.currentThread().getId() % 500);

    int next(int length) {
      if (next >= length) {
        next = 0;
      }
      return next++;
    }
  }

  /** The running jobs, or for {@code h2} their ids. */
  @Benchmark
  public Object createUpdateFind(Shared shared, H2Connection h2, Cursor cursor)
      throws SQLException {
    JobCreateParams request = shared.requests[cursor.next(shared.requests.length)];
    H2JobTable connection = h2.connection;
    if (connection != null) {
      UUID id = connection.create(request);
      connection.update(id, JobStatus.COMPLETED, BEST_SCORE);
      return connection.ids(RUNNING);
    }
    JobStore store = requireNonNull(shared.store);
    Job created = store.create(request);
    store.update(created.id(), ConcurrentBenchmark::finish);
    return store.findByStatus(Fixtures.ACTIVE);
  }

  private static Job finish(Job job) {
    return job.withStatus(JobStatus.COMPLETED).withBestScore(BEST_SCORE);
  }
}
