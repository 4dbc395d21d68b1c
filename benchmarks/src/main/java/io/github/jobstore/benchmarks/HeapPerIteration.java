package io.github.jobstore.benchmarks;

import io.github.jobstore.core.IterationCreateParams;
import io.github.jobstore.core.JobCreateParams;
import io.github.jobstore.store.InMemoryJobStore;
import io.github.jobstore.store.JobStore;
import java.lang.ref.Reference;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Prints the heap each stored iteration retains: for {@link InMemoryJobStore} and for the baseline
 * ({@link ScanningMapStore}, whose jobs hold their iterations in plain immutable lists). For each
 * store and each shape (jobs × iterations per job: 100,000 × 10 and 1,000 × 1,000 by default,
 * {@code n} = 1,000,000 iterations in all) it creates the minimal jobs, measures the heap in use
 * after full collections, appends {@code n} minimal iterations ({@code iteration_name} only) evenly
 * to them, measures again, and divides the growth by {@code n}. The figure covers everything an
 * iteration costs: the iteration, its id and timestamp, its place in its job's list, and for
 * jobstore its entry in the index by iteration id; not the job.
 *
 * <p>Run it after {@code ./mvnw -Pbenchmarks -pl benchmarks -am package -DskipTests}:
 *
 * <pre>
 * java -Xms4g -Xmx4g -cp benchmarks/target/benchmarks.jar io.github.jobstore.benchmarks.HeapPerIteration
 * </pre>
 */
public final class HeapPerIteration {

  private static final IterationCreateParams MINIMAL =
      IterationCreateParams.builder().iterationName("r").build();

  private HeapPerIteration() {}

  /**
   * Measures and prints, as the class comment describes.
   *
   * @param args optionally the number of iterations per store, 1,000,000 by default (a multiple of
   *     1,000)
   * @throws InterruptedException if interrupted while waiting for a collection
   */
  public static void main(String[] args) throws InterruptedException {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
    System.out.printf(Locale.ROOT, "%s, %,d minimal iterations per store%n", Heap.jvm(), n);
    // A first, discarded round loads and compiles the code under measurement.
    measure(InMemoryJobStore::create, 100, 10);
    measure(ScanningMapStore::new, 100, 10);
    for (int perJob : new int[] {10, 1_000}) {
      report(
          "jobstore (InMemoryJobStore)", n, perJob, measure(InMemoryJobStore::create, n, perJob));
      report("baseline (ScanningMapStore)", n, perJob, measure(ScanningMapStore::new, n, perJob));
    }
  }

  private static void report(String name, int n, int perJob, double bytes) {
    System.out.printf(
        Locale.ROOT,
        "%-28s %,9d jobs x %,5d: %6.1f bytes per iteration%n",
        name,
        n / perJob,
        perJob,
        bytes);
  }

  /**
   * The heap {@code n} minimal iterations retain in a store from {@code factory}, {@code perJob} in
   * each job, per iteration.
   */
  private static double measure(Supplier<JobStore> factory, int n, int perJob)
      throws InterruptedException {
    JobStore store = factory.get();
    try {
      UUID[] jobs = new UUID[n / perJob];
      JobCreateParams minimal = JobCreateParams.builder().build();
      for (int j = 0; j < jobs.length; j++) {
        jobs[j] = store.create(minimal).id();
      }
      long before = Heap.usedAfterGc();
      // Round-robin, so every job's list grows the way it would while the jobs run side by side.
      for (int i = 0; i < perJob; i++) {
        for (UUID job : jobs) {
          store.appendIteration(job, MINIMAL);
        }
      }
      return (double) (Heap.usedAfterGc() - before) / n;
    } finally {
      Reference.reachabilityFence(store);
    }
  }
}
