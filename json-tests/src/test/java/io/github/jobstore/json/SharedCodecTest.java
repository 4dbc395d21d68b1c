package io.github.jobstore.json;

import static io.github.jobstore.json.JsonTestSupport.JSON;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.jobstore.core.Job;
import io.github.jobstore.testkit.JobGenerators;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** One {@link JobJson} is shared by threads: it is thread-safe and keeps no state between calls. */
class SharedCodecTest {

  private static final int THREADS = 4;
  private static final int JOBS_PER_THREAD = 200;

  @Test
  void oneCodecSharedByThreadsWritesAndReadsAsOnOneThread() throws Exception {
    List<List<Job>> jobs = new ArrayList<>();
    List<List<String>> expected = new ArrayList<>();
    SplittableRandom random = new SplittableRandom(4);
    for (int t = 0; t < THREADS; t++) {
      List<Job> some = new ArrayList<>();
      List<String> written = new ArrayList<>();
      for (int i = 0; i < JOBS_PER_THREAD; i++) {
        Job job = JobGenerators.validJobs().next(random);
        some.add(job);
        written.add(JSON.write(job));
      }
      jobs.add(some);
      expected.add(written);
    }

    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    CyclicBarrier start = new CyclicBarrier(THREADS);
    try {
      List<Future<List<String>>> results = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        List<Job> some = jobs.get(t);
        Callable<List<String>> work =
            () -> {
              // All threads start together, so their calls overlap.
              start.await(10, TimeUnit.SECONDS);
              List<String> written = new ArrayList<>();
              for (Job job : some) {
                String json = JSON.write(job);
                assertThat(JSON.readJob(json)).isEqualTo(job);
                written.add(json);
              }
              return written;
            };
        results.add(pool.submit(work));
      }
      for (int t = 0; t < THREADS; t++) {
        assertThat(results.get(t).get(10, TimeUnit.SECONDS)).isEqualTo(expected.get(t));
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
