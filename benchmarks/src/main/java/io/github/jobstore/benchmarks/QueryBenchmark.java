package io.github.jobstore.benchmarks;

import io.github.jobstore.store.JobQuery;
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
 * The queries, in stores of 1,000 and 1,000,000 jobs ({@link Fixtures#populate}), {@code jobstore}
 * against the {@code scanning} baseline and {@code h2}, the same jobs in an in-memory H2 table with
 * the natural indexes ({@link H2JobTable}, this thread's own connection; its answers are ids, not
 * jobs). Every query has an answer of the same size at both sizes:
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

  private static final H2Condition LIST_CONDITION =
      H2Condition.of("status = ?", Fixtures.LISTED.wireValue());

  private static final H2Condition FEW_CONDITION =
      H2Condition.of("status = ?", Fixtures.FEW.wireValue());

  /** A filled store. */
  @State(Scope.Benchmark)
  @SuppressWarnings("NullAway.Init")
  public static class Filled {

    @Param({"jobstore", "scanning", "h2"})
    public String impl;

    @Param({"1000", "1000000"})
    public int size;

    JobStore store;
    @Nullable H2JobTable table;
    UUID[] projects;

    @Setup(Level.Trial)
    public void setUp() throws SQLException {
      store = Fixtures.newStore(impl.equals("h2") ? "jobstore" : impl);
      Fixtures.Population population = Fixtures.populate(store, size);
      projects = Fixtures.shuffledCopies(population.projects(), 13);
      if (impl.equals("h2")) {
        // The store assigns ids and timestamps; the table keeps its jobs, not the store.
        table = H2JobTable.of(population.jobsIn(store));
        // Lets the filled store go: h2's calls never reach the store.
        store = Fixtures.newStore("scanning");
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

  /** This thread's own connection to {@link Filled}'s H2 database, when it has one. */
  @State(Scope.Thread)
  public static class H2Connection {

    @Nullable H2JobTable connection;

    @Setup(Level.Trial)
    public void setUp(Filled filled) throws SQLException {
      if (filled.table != null) {
        connection = filled.table.connect();
      }
    }

    @TearDown(Level.Trial)
    public void tearDown() throws SQLException {
      if (connection != null) {
        connection.close();
      }
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

  /** The project's jobs, or for {@code h2} their ids. */
  @Benchmark
  public Object findByProject(Filled filled, H2Connection h2, Cursor cursor) throws SQLException {
    UUID[] projects = filled.projects;
    UUID project = projects[cursor.next(projects.length)];
    H2JobTable connection = h2.connection;
    if (connection != null) {
      return connection.ids(H2Condition.of("project = ?", project));
    }
    return filled.store.findByProject(project);
  }

  /** The status's jobs, or for {@code h2} their ids. */
  @Benchmark
  public Object findByStatus(Filled filled, H2Connection h2) throws SQLException {
    H2JobTable connection = h2.connection;
    if (connection != null) {
      return connection.ids(FEW_CONDITION);
    }
    return filled.store.findByStatus(Fixtures.FEW);
  }

  /** The page, or for {@code h2} its ids and count. */
  @Benchmark
  public Object list(Filled filled, H2Connection h2) throws SQLException {
    H2JobTable connection = h2.connection;
    if (connection != null) {
      return connection.page(LIST_CONDITION, 1, 50);
    }
    return filled.store.list(LIST_QUERY);
  }
}
