package io.github.jobstore.benchmarks;

import io.github.jobstore.core.Job;
import io.github.jobstore.store.InMemoryJobStore;
import io.github.jobstore.store.JobQuery;
import io.github.jobstore.store.JobStore;
import io.github.jobstore.store.Page;
import java.sql.SQLException;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * {@code list} with a {@code search} term and nothing else, page 1 of 100, default ordering ({@code
 * -created_at}), over 1,000,000 jobs ({@link SearchFixtures}): {@code jobstore} ({@link
 * InMemoryJobStore}), the {@code scanning} baseline, and {@code h2}, the same jobs in an in-memory
 * H2 table ({@link H2JobTable}) queried with {@code UPPER(field) LIKE ?} per part and field, as the
 * API's own list view does, for a {@code COUNT(*)} and a page. The terms go from no match to a
 * quarter of the store ({@link SearchFixtures}). No store has an index that helps a substring
 * search, so each reads every job.
 *
 * <p>Each setup prints the answer's count, to compare across forks, and the H2 one its plan.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xms6g", "-Xmx6g", "-XX:+AlwaysPreTouch"})
public class SearchBenchmark {

  /** A {@link JobStore} of {@code size} jobs and the query. */
  @State(Scope.Benchmark)
  @SuppressWarnings("NullAway.Init")
  public static class StoreState {

    @Param({"jobstore", "scanning"})
    public String impl;

    @Param("1000000")
    public int size;

    @Param({
      SearchFixtures.NONE,
      SearchFixtures.RARE,
      SearchFixtures.TWO_PARTS,
      SearchFixtures.COMMON
    })
    public String term;

    JobStore store;
    JobQuery query;

    @Setup(Level.Trial)
    public void setUp() {
      store = Fixtures.newStore(impl);
      SearchFixtures.populate(store, size);
      query = JobQuery.builder().search(term).build();
      System.out.printf("%n%s, search \"%s\": count %d%n", impl, term, store.list(query).count());
      Fixtures.settle();
    }
  }

  /** An H2 table of the same {@code size} jobs and the condition. */
  @State(Scope.Benchmark)
  @SuppressWarnings("NullAway.Init")
  public static class H2State {

    @Param("1000000")
    public int size;

    @Param({
      SearchFixtures.NONE,
      SearchFixtures.RARE,
      SearchFixtures.TWO_PARTS,
      SearchFixtures.COMMON
    })
    public String term;

    H2JobTable table;
    H2Condition where;

    @Setup(Level.Trial)
    public void setUp() throws SQLException {
      // The store assigns ids and timestamps; the table keeps its jobs, not the store.
      table = H2JobTable.of(SearchFixtures.populate(InMemoryJobStore.create(), size));
      where = H2Condition.search(term);
      System.out.printf(
          "%nh2, search \"%s\": count %d%nplan: %s%n",
          term, table.page(where, 1, 100).count(), table.plan(where));
      Fixtures.settle();
    }

    @TearDown(Level.Trial)
    public void tearDown() throws SQLException {
      table.close();
    }
  }

  @Benchmark
  public Page<Job> store(StoreState state) {
    return state.store.list(state.query);
  }

  @Benchmark
  public H2JobTable.Rows h2(H2State state) throws SQLException {
    return state.table.page(state.where, 1, 100);
  }
}
