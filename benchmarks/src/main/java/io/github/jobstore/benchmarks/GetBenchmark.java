package io.github.jobstore.benchmarks;

import io.github.jobstore.core.Job;
import io.github.jobstore.store.InMemoryJobStore;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * {@code get} of a random existing id in a store of 1,000,000 jobs, against the raw lookup it is
 * built on: {@code ConcurrentHashMap<UUID, Job>.get} on a map of the same 1,000,000 jobs. Each
 * benchmark method runs in its own fork and builds only its own store.
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

  @Benchmark
  public @Nullable Job rawMap(RawMapState state, Cursor cursor) {
    UUID[] queries = state.queries;
    return state.map.get(queries[cursor.next(queries.length)]);
  }
}
