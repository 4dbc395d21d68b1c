package io.github.jobstore.benchmarks;

import static java.util.Objects.requireNonNull;

import io.github.jobstore.benchmarks.ListFixtures.Filter;
import io.github.jobstore.core.Job;
import io.github.jobstore.store.InMemoryJobStore;
import io.github.jobstore.store.JobQuery;
import io.github.jobstore.store.JobStore;
import java.sql.SQLException;
import java.util.List;
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
 * {@code list}, default ordering ({@code -created_at}), pages of 50 with their count, over 1,000
 * and 1,000,000 jobs ({@link ListFixtures}: 100 projects, 1% failed), for three stores in one run:
 * {@code jobstore} ({@link InMemoryJobStore}), the {@code scanning} baseline ({@link
 * ScanningMapStore}) and {@code h2}, the same jobs in an in-memory H2 table with the natural
 * indexes ({@link H2JobTable}: plain JDBC, prepared statements, one connection per thread, a {@code
 * COUNT(*)} then a {@code LIMIT ? OFFSET ?} page, as Django's paginator runs them).
 *
 * <p>One benchmark per filter and page: no filter, {@code status=failed}, {@code project=P}, and
 * both; {@code First} is page 1, {@code Deep} page 100, or the last page when the answer has fewer
 * (at 1,000 jobs every deep page is a last page; at 1,000,000 only the combined filter's, page 2).
 * The H2 page reads only ids; the stores' pages hold their jobs.
 *
 * <p>Each setup prints the counts and pages it asks for, and H2's plans, to compare across forks.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xms6g", "-Xmx6g", "-XX:+AlwaysPreTouch"})
public class ListBenchmark {

  /** A filled store, or H2 table, and the requests: by filter, page 1 then the deep page. */
  @State(Scope.Benchmark)
  @SuppressWarnings("NullAway.Init")
  public static class Filled {

    @Param({"jobstore", "scanning", "h2"})
    public String impl;

    @Param({"1000", "1000000"})
    public int size;

    @Nullable JobStore store;
    @Nullable H2JobTable table;
    Request[] requests;

    @Setup(Level.Trial)
    public void setUp() throws SQLException {
      JobStore filled = Fixtures.newStore(impl.equals("h2") ? "jobstore" : impl);
      List<Job> jobs = ListFixtures.populate(filled, size);
      UUID project = ListFixtures.project(jobs);
      requests = new Request[Filter.values().length * 2];
      for (Filter filter : Filter.values()) {
        JobQuery query = ListFixtures.query(filter, project);
        H2Condition where = ListFixtures.condition(filter, project);
        int deep = ListFixtures.deepPage(jobs, filter, project);
        requests[filter.ordinal() * 2] = new Request(query, where, 1);
        requests[filter.ordinal() * 2 + 1] = new Request(query.withPage(deep), where, deep);
      }
      if (impl.equals("h2")) {
        // The store assigns ids and timestamps; the table keeps its jobs, not the store.
        table = H2JobTable.of(jobs);
      } else {
        store = filled;
      }
      for (Filter filter : Filter.values()) {
        Request deep = requests[filter.ordinal() * 2 + 1];
        System.out.printf(
            "%n%s, %s at %d jobs: count %d, deep page %d%n",
            impl, filter, size, jobs.stream().filter(deep.query()::matches).count(), deep.page());
        if (table != null) {
          System.out.printf("plan: %s%n", table.plan(deep.where()).replaceAll("\\s+", " "));
        }
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

  /** One list call: the store's query and H2's condition and page. */
  record Request(JobQuery query, H2Condition where, int page) {}

  /** How this thread lists: through the store, or through its own H2 connection. */
  @State(Scope.Thread)
  @SuppressWarnings("NullAway.Init")
  public static class Client {

    @Nullable H2JobTable connection;
    JobStore store;
    Request[] requests;

    @Setup(Level.Trial)
    public void setUp(Filled filled) throws SQLException {
      requests = filled.requests;
      if (filled.table != null) {
        connection = filled.table.connect();
      } else {
        store = requireNonNull(filled.store);
      }
    }

    @TearDown(Level.Trial)
    public void tearDown() throws SQLException {
      if (connection != null) {
        connection.close();
      }
    }

    Object list(Filter filter, boolean deep) throws SQLException {
      Request request = requests[filter.ordinal() * 2 + (deep ? 1 : 0)];
      H2JobTable h2 = connection;
      if (h2 != null) {
        return h2.page(request.where(), request.page(), ListFixtures.PAGE_SIZE);
      }
      return store.list(request.query());
    }
  }

  @Benchmark
  public Object noFilterFirst(Client client) throws SQLException {
    return client.list(Filter.NONE, false);
  }

  @Benchmark
  public Object noFilterDeep(Client client) throws SQLException {
    return client.list(Filter.NONE, true);
  }

  @Benchmark
  public Object failedFirst(Client client) throws SQLException {
    return client.list(Filter.FAILED, false);
  }

  @Benchmark
  public Object failedDeep(Client client) throws SQLException {
    return client.list(Filter.FAILED, true);
  }

  @Benchmark
  public Object projectFirst(Client client) throws SQLException {
    return client.list(Filter.PROJECT, false);
  }

  @Benchmark
  public Object projectDeep(Client client) throws SQLException {
    return client.list(Filter.PROJECT, true);
  }

  @Benchmark
  public Object failedInProjectFirst(Client client) throws SQLException {
    return client.list(Filter.FAILED_IN_PROJECT, false);
  }

  @Benchmark
  public Object failedInProjectDeep(Client client) throws SQLException {
    return client.list(Filter.FAILED_IN_PROJECT, true);
  }
}
