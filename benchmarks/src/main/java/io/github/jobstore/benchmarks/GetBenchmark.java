package io.github.jobstore.benchmarks;

import io.github.jobstore.core.Job;
import io.github.jobstore.store.InMemoryJobStore;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * {@code get} of a random existing id in a store of 1,000,000 jobs, against the raw lookup it is
 * built on: {@code ConcurrentHashMap<UUID, Job>.get} on a map of the same 1,000,000 jobs, and
 * against {@code h2}, the same jobs in an in-memory H2 table read by primary key on this thread's
 * own connection (every column of the row, no {@link Job} built from it). Each benchmark method
 * runs in its own fork and builds only its own store.
 *
 * <p>The ids looked up are equal copies of the stored ids in a shuffled order ({@link
 * Fixtures#shuffledCopies}), as ids parsed from requests would be; each thread walks them from its
 * own starting point.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xms4g", "-Xmx4g", "-XX:+AlwaysPreTouch"})
public class GetBenchmark {

  /** An {@link InMemoryJobStore} of {@code size} jobs. */
  @State(Scope.Benchmark)
  @SuppressWarnings("NullAway.Init")
  public static class JobStoreState {

    @Param("1000000")
    public int size;

    InMemoryJobStore store;
    UUID[] queries;

    @Setup(Level.Trial)
    public void setUp() {
      store = InMemoryJobStore.create();
      queries = Fixtures.shuffledCopies(Fixtures.populate(store, size).ids(), 7);
    }
  }

  /** A raw {@code ConcurrentHashMap<UUID, Job>} of {@code size} jobs. */
  @State(Scope.Benchmark)
  @SuppressWarnings("NullAway.Init")
  public static class RawMapState {

    @Param("1000000")
    public int size;

    ConcurrentHashMap<UUID, Job> map;
    UUID[] queries;

    @Setup(Level.Trial)
    public void setUp() {
      ScanningMapStore filled = new ScanningMapStore();
      queries = Fixtures.shuffledCopies(Fixtures.populate(filled, size).ids(), 7);
      map = filled.map();
    }
  }

  /**
   * An H2 table of the same {@code size} jobs ({@link H2JobTable}), looked up by its primary key.
   */
  @State(Scope.Benchmark)
  @SuppressWarnings("NullAway.Init")
  public static class H2State {

    @Param("1000000")
    public int size;

    H2JobTable table;
    UUID[] queries;

    @Setup(Level.Trial)
    public void setUp() throws SQLException {
      InMemoryJobStore filled = InMemoryJobStore.create();
      UUID[] ids = Fixtures.populate(filled, size).ids();
      List<Job> jobs = new ArrayList<>(ids.length);
      for (UUID id : ids) {
        jobs.add(filled.get(id));
      }
      table = H2JobTable.of(jobs);
      queries = Fixtures.shuffledCopies(ids, 7);
      Fixtures.settle();
    }

    @TearDown(Level.Trial)
    public void tearDown() throws SQLException {
      table.close();
    }
  }

  /** This thread's own connection to {@link H2State}'s database. */
  @State(Scope.Thread)
  @SuppressWarnings("NullAway.Init")
  public static class H2Connection {

    H2JobTable connection;

    @Setup(Level.Trial)
    public void setUp(H2State state) throws SQLException {
      connection = state.table.connect();
    }

    @TearDown(Level.Trial)
    public void tearDown() throws SQLException {
      connection.close();
    }
  }

  /** Where this thread is in the query array. */
  @State(Scope.Thread)
  public static class Cursor {

    private int next = (int) (Thread.currentThread().getId() * 7_919);

    int next(int length) {
      if (next >= length || next < 0) {
        next = 0;
      }
      return next++;
    }
  }

  @Benchmark
  public Job jobstore(JobStoreState state, Cursor cursor) {
    UUID[] queries = state.queries;
    return state.store.get(queries[cursor.next(queries.length)]);
  }

  /** Every column of the row, read by a prepared {@code SELECT * ... WHERE id = ?}. */
  @Benchmark
  public Optional<Object[]> h2(H2State state, H2Connection h2, Cursor cursor) throws SQLException {
    UUID[] queries = state.queries;
    return h2.connection.get(queries[cursor.next(queries.length)]);
  }

  @Benchmark
  public @Nullable Job rawMap(RawMapState state, Cursor cursor) {
    UUID[] queries = state.queries;
    return state.map.get(queries[cursor.next(queries.length)]);
  }
}
