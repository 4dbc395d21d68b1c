package io.github.jobstore.benchmarks;

import static java.util.Objects.requireNonNull;

import io.github.jobstore.core.Iteration;
import io.github.jobstore.core.Job;
import io.github.jobstore.core.JobCreateParams;
import io.github.jobstore.core.JobStatus;
import io.github.jobstore.hazelcast.HazelcastJobStore;
import io.github.jobstore.store.InMemoryJobStore;
import io.github.jobstore.store.JobQuery;
import io.github.jobstore.store.JobStore;
import io.github.jobstore.store.Page;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
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
 * The basic operations of {@link HazelcastJobStore} on a two-member cluster in the benchmark's JVM
 * ({@code hazelcast}), against {@code inmemory} ({@link InMemoryJobStore}) and {@code h2} (the same
 * jobs in an in-memory H2 table, {@link H2JobTable}: plain JDBC, prepared statements, this thread's
 * own connection), in one run, one thread, each over a store of 100,000 jobs: 100 projects, each
 * job's drawn at random from a fixed seed, and five statuses in turn (job {@code i} has the {@code
 * i % 5}th), so a status matches exactly 20% of the jobs.
 *
 * <ul>
 *   <li>{@code get}: a random existing id, as an equal copy ({@link Fixtures#shuffledCopies}); h2
 *       reads every column of the row.
 *   <li>{@code create}: a typical request ({@link Fixtures#typicalJob}); the jobs an iteration
 *       created are deleted after it, outside the measurement, so the store stays near its size.
 *   <li>{@code update}: a random existing job gets the next status of the five and a new {@code
 *       best_score}, so every update moves the job in the status index and the statuses stay even.
 *   <li>{@code appendIteration}: to one of 64 jobs in turn, each of which takes 10 appends on top
 *       of its first 10 iterations, then is deleted and replaced by a fresh one of 10 outside the
 *       measurement ({@code Level.Invocation}, as in {@link AppendIterationBenchmark}): jobs of 10
 *       to 19 iterations, never more. Many jobs, not one, because one key lives on one member: all
 *       appends would be local, or all remote.
 *   <li>{@code list}: page 1 of 50 of the {@code failed} jobs (20,000), newest first, with their
 *       count; h2 runs a {@code COUNT(*)} then a {@code LIMIT} page of ids.
 * </ul>
 *
 * <p>The Hazelcast store runs on the first member, so a key's owner is this member about half the
 * time and the other one, over loopback TCP, otherwise; both hold one backup of every entry. The
 * setup loads the jobs through the store's own {@code create} on {@link #LOAD_THREADS} threads (a
 * create waits on round trips, not on the CPU) and prints how long the load took; each method forks
 * its own JVM, which starts its own cluster.
 *
 * <pre>
 * ./mvnw -B -Pbenchmarks -pl benchmarks -am package -DskipTests
 * java -jar benchmarks/target/benchmarks.jar HazelcastBenchmark -f 1 -wi 3 -w 2s -i 5 -r 2s
 * </pre>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(
    value = 1,
    jvmArgsAppend = {
      "-Xms4g",
      "-Xmx4g",
      "-XX:+AlwaysPreTouch",
      // Hazelcast's flags for Java 17: without them it warns and falls back to slower paths.
      "--add-modules",
      "java.se",
      "--add-exports",
      "java.base/jdk.internal.ref=ALL-UNNAMED",
      "--add-opens",
      "java.base/java.lang=ALL-UNNAMED",
      "--add-opens",
      "java.base/sun.nio.ch=ALL-UNNAMED",
      "--add-opens",
      "java.management/sun.management=ALL-UNNAMED",
      "--add-opens",
      "jdk.management/com.sun.management.internal=ALL-UNNAMED"
    })
public class HazelcastBenchmark {

  static final int PROJECTS = 100;

  /** Job {@code i} has status {@code STATUSES[i % 5]}. */
  static final JobStatus[] STATUSES = JobStatus.values();

  /** The status {@code list} filters on: 20% of the jobs. */
  static final JobStatus LISTED = JobStatus.FAILED;

  static final int LOAD_THREADS = 4;

  /** A filled store or H2 table, and the ids of its jobs. */
  @State(Scope.Benchmark)
  @SuppressWarnings("NullAway.Init")
  public static class Filled {

    @Param({"inmemory", "hazelcast", "h2"})
    public String impl;

    @Param("100000")
    public int size;

    @Nullable BenchmarkCluster cluster;
    @Nullable JobStore store;
    @Nullable H2JobTable table;
    UUID[] projects;
    UUID[] queries;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
      projects = Fixtures.projects(PROJECTS, 42);
      long start = System.nanoTime();
      UUID[] ids;
      switch (impl) {
        case "inmemory" -> {
          store = InMemoryJobStore.create();
          ids = populate(store, projects, size, 1);
        }
        case "hazelcast" -> {
          BenchmarkCluster started = BenchmarkCluster.start(2);
          cluster = started;
          System.out.printf(
              "%nhazelcast: 2 members up in %.1f s%n", (System.nanoTime() - start) / 1e9);
          start = System.nanoTime();
          store = HazelcastJobStore.builder(started.member(0)).name("bench").build();
          ids = populate(store, projects, size, LOAD_THREADS);
        }
        case "h2" -> {
          // The store assigns ids and timestamps; the table keeps its jobs, not the store.
          InMemoryJobStore filled = InMemoryJobStore.create();
          ids = populate(filled, projects, size, 1);
          List<Job> jobs = new ArrayList<>(size);
          for (UUID id : ids) {
            jobs.add(filled.get(id));
          }
          table = H2JobTable.of(jobs);
        }
        default -> throw new IllegalArgumentException("Unknown store: " + impl);
      }
      System.out.printf(
          "%n%s: %,d jobs loaded in %.1f s%n", impl, size, (System.nanoTime() - start) / 1e9);
      queries = Fixtures.shuffledCopies(ids, 7);
      Fixtures.settle();
    }

    @TearDown(Level.Trial)
    public void tearDown() throws SQLException {
      if (table != null) {
        table.close();
      }
      if (cluster != null) {
        cluster.close();
      }
    }
  }

  /**
   * Creates {@code size} jobs in {@code store} as the class comment describes, on {@code threads}
   * threads; returns their ids, job {@code i}'s at {@code i}. With one thread, {@code i} is also
   * the creation order.
   */
  static UUID[] populate(JobStore store, UUID[] projects, int size, int threads) throws Exception {
    JobCreateParams[] requests = new JobCreateParams[PROJECTS * STATUSES.length];
    for (int p = 0; p < PROJECTS; p++) {
      for (int s = 0; s < STATUSES.length; s++) {
        requests[p * STATUSES.length + s] = Fixtures.typicalJob(projects[p], STATUSES[s]);
      }
    }
    Random random = new Random(7);
    int[] projectOf = new int[size];
    for (int i = 0; i < size; i++) {
      projectOf[i] = random.nextInt(PROJECTS);
    }
    UUID[] ids = new UUID[size];
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<?>> loads = new ArrayList<>(threads);
      for (int t = 0; t < threads; t++) {
        int first = t;
        loads.add(
            pool.submit(
                () -> {
                  for (int i = first; i < size; i += threads) {
                    JobCreateParams request =
                        requests[projectOf[i] * STATUSES.length + i % STATUSES.length];
                    ids[i] = store.create(request).id();
                  }
                }));
      }
      for (Future<?> load : loads) {
        load.get();
      }
    } finally {
      pool.shutdownNow();
    }
    return ids;
  }

  /** How this thread reaches the jobs: through the store, or through its own H2 connection. */
  @State(Scope.Thread)
  @SuppressWarnings("NullAway.Init")
  public static class Client {

    private static final H2Condition LISTED_ROWS = H2Condition.of("status = ?", LISTED.wireValue());

    private static final JobQuery LISTED_QUERY =
        JobQuery.builder().status(LISTED).pageSize(ListFixtures.PAGE_SIZE).build();

    @Nullable H2JobTable connection;
    JobStore store;
    UUID[] queries;
    JobCreateParams[] requests;
    private int nextQuery = (int) (Thread.currentThread().getId() * 7_919);
    private int nextRequest;
    private long updates;

    @Setup(Level.Trial)
    public void setUp(Filled filled) throws SQLException {
      queries = filled.queries;
      requests = new JobCreateParams[PROJECTS];
      for (int p = 0; p < PROJECTS; p++) {
        requests[p] = Fixtures.typicalJob(filled.projects[p], JobStatus.RUNNING);
      }
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

    UUID nextId() {
      if (nextQuery >= queries.length || nextQuery < 0) {
        nextQuery = 0;
      }
      return queries[nextQuery++];
    }

    Object get() throws SQLException {
      H2JobTable h2 = connection;
      return h2 != null ? h2.get(nextId()) : store.get(nextId());
    }

    /** The new job, or for {@code h2} its id. */
    Object create() throws SQLException {
      JobCreateParams request = requests[nextRequest];
      nextRequest = (nextRequest + 1) % requests.length;
      H2JobTable h2 = connection;
      return h2 != null ? h2.create(request) : store.create(request);
    }

    /** The next status of the five and a new best score; for {@code h2}, whether a row changed. */
    Object update() throws SQLException {
      long n = updates++;
      JobStatus status = STATUSES[(int) (n % STATUSES.length)];
      double score = (n % 1_000) / 1_000.0;
      H2JobTable h2 = connection;
      UUID id = nextId();
      if (h2 != null) {
        return h2.update(id, status, score);
      }
      return store.update(id, job -> job.toBuilder().status(status).bestScore(score).build());
    }

    /** The new iteration, or for {@code h2} its id. */
    Object appendIteration(UUID job) throws SQLException {
      H2JobTable h2 = connection;
      if (h2 != null) {
        return h2.iterations().appendIteration(job, Fixtures.ITERATION);
      }
      return store.appendIteration(job, Fixtures.ITERATION);
    }

    /** Page 1 of the listed status's jobs: a {@link Page}, or for {@code h2} its ids and count. */
    Object list() throws SQLException {
      H2JobTable h2 = connection;
      if (h2 != null) {
        return h2.page(LISTED_ROWS, 1, ListFixtures.PAGE_SIZE);
      }
      return store.list(LISTED_QUERY);
    }

    /** Deletes {@code id} (a job or, for {@code h2}, a row and its iterations). */
    void delete(Object created) throws SQLException {
      H2JobTable h2 = connection;
      if (h2 != null) {
        h2.delete((UUID) created);
      } else {
        store.delete(((Job) created).id());
      }
    }

    /** Deletes {@code previous}, if any, and returns a new job of {@code iterations} iterations. */
    UUID replace(@Nullable UUID previous, int iterations) throws SQLException {
      JobCreateParams request = requests[0];
      H2JobTable h2 = connection;
      if (h2 != null) {
        if (previous != null) {
          h2.delete(previous);
        }
        UUID fresh = h2.create(request);
        h2.iterations().fill(fresh, iterations, Fixtures.ITERATION);
        return fresh;
      }
      if (previous != null) {
        store.delete(previous);
      }
      UUID fresh = store.create(request).id();
      for (int i = 0; i < iterations; i++) {
        store.appendIteration(fresh, Fixtures.ITERATION);
      }
      return fresh;
    }
  }

  /** What this thread created in the current iteration, deleted after it. */
  @State(Scope.Thread)
  @SuppressWarnings("NullAway.Init")
  public static class Created {

    Client client;
    final List<Object> created = new ArrayList<>();

    @Setup(Level.Trial)
    public void setUp(Client client) {
      this.client = client;
    }

    @TearDown(Level.Iteration)
    public void deleteCreated() throws SQLException {
      for (Object each : created) {
        client.delete(each);
      }
      created.clear();
    }
  }

  /** The jobs this thread appends to, in turn, each replaced after {@link #APPENDS} appends. */
  @State(Scope.Thread)
  @SuppressWarnings("NullAway.Init")
  public static class AppendTargets {

    static final int JOBS = 64;

    /** A job's iterations when it is made, and the appends it takes before it is replaced. */
    static final int APPENDS = 10;

    Client client;
    final @Nullable UUID[] jobs = new UUID[JOBS];
    final int[] appendsLeft = new int[JOBS];
    int next;

    @Setup(Level.Trial)
    public void setUp(Client client) {
      this.client = client;
    }

    /**
     * Runs before every append, outside the measurement. Not inlined into JMH's loop, for the
     * reason {@link AppendIterationBenchmark#replaceWhenGrown} gives.
     */
    @Setup(Level.Invocation)
    public void beforeEachAppend() throws SQLException {
      replaceWhenGrown();
    }

    @CompilerControl(CompilerControl.Mode.DONT_INLINE)
    void replaceWhenGrown() throws SQLException {
      if (appendsLeft[next] == 0) {
        jobs[next] = client.replace(jobs[next], APPENDS);
        appendsLeft[next] = APPENDS;
      }
    }

    UUID take() {
      UUID job = requireNonNull(jobs[next]);
      appendsLeft[next]--;
      next = (next + 1) % JOBS;
      return job;
    }
  }

  /** The job, or for {@code h2} every column of its row. */
  @Benchmark
  public Object get(Client client) throws SQLException {
    return client.get();
  }

  /** The new job, or for {@code h2} its id. */
  @Benchmark
  public Object create(Client client, Created created) throws SQLException {
    Object job = client.create();
    created.created.add(job);
    return job;
  }

  /** The updated job, or for {@code h2} whether a row changed. */
  @Benchmark
  public Object update(Client client) throws SQLException {
    return client.update();
  }

  /** The new {@link Iteration}, or for {@code h2} its id. */
  @Benchmark
  public Object appendIteration(Client client, AppendTargets targets) throws SQLException {
    return client.appendIteration(targets.take());
  }

  /** Page 1 of 50 of the {@code failed} jobs with their count. */
  @Benchmark
  public Object list(Client client) throws SQLException {
    return client.list();
  }
}
