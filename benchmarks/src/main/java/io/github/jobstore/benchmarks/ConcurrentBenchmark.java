package io.github.jobstore.benchmarks;

import io.github.jobstore.core.Job;
import io.github.jobstore.core.JobCreateParams;
import io.github.jobstore.core.JobStatus;
import io.github.jobstore.store.JobStore;
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
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Two threads sharing one store of 1,000,000 jobs, each running a job's life the way a worker and
 * its monitor do: one operation is {@code create} (a running prompt-tuning job) + {@code update}
 * (to completed, with a best score) + {@code findByStatus(running)}, which returns the store's 10
 * running jobs plus whichever job the other thread has in flight. Throughput is in these triples
 * per second, both threads together; store calls per second are three times that.
 *
 * <p>The store is built once per trial and grows by one job per operation (jobstore: about half a
 * million over the run, well within the 4 GB heap); the running set the query reads stays small.
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

  /** The shared store. */
  @State(Scope.Benchmark)
  @SuppressWarnings("NullAway.Init")
  public static class Shared {

    @Param({"jobstore", "scanning"})
    public String impl;

    @Param("1000000")
    public int size;

    JobStore store;
    JobCreateParams[] requests;

    @Setup(Level.Trial)
    public void setUp() {
      store = Fixtures.newStore(impl);
      UUID[] projects = Fixtures.populate(store, size).projects();
      requests = new JobCreateParams[1_000];
      for (int i = 0; i < requests.length; i++) {
        requests[i] = Fixtures.typicalJob(projects[i], Fixtures.ACTIVE);
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

  @Benchmark
  public ImmutableList<Job> createUpdateFind(Shared shared, Cursor cursor) {
    JobStore store = shared.store;
    Job created = store.create(shared.requests[cursor.next(shared.requests.length)]);
    store.update(created.id(), ConcurrentBenchmark::finish);
    return store.findByStatus(Fixtures.ACTIVE);
  }

  private static Job finish(Job job) {
    return job.withStatus(JobStatus.COMPLETED).withBestScore(0.9);
  }
}
