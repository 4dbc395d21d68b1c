package io.github.jobstore.benchmarks;

import io.github.jobstore.core.JobCreateParams;
import io.github.jobstore.store.InMemoryJobStore;
import io.github.jobstore.store.JobStore;
import java.lang.ref.Reference;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * Prints the heap each stored job retains: for {@link InMemoryJobStore} and for the baseline, a
 * plain {@code ConcurrentHashMap<UUID, Job>} ({@link ScanningMapStore}). For each store it fills a
 * new store with {@code n} minimal jobs ({@code JobCreateParams.builder().build()}; 1,000,000 by
 * default) and divides the growth of the heap in use, measured after full collections, by {@code
 * n}. The figure covers everything a job costs: the job, its id and timestamps, the map entry and
 * table slot, and for jobstore its slot and index entry.
 *
 * <p>Run it after {@code ./mvnw -pl benchmarks package}:
 *
 * <pre>
 * java -Xms4g -Xmx4g -cp benchmarks/target/benchmarks.jar io.github.jobstore.benchmarks.HeapPerJob
 * </pre>
 */
public final class HeapPerJob {

  private HeapPerJob() {}

  public static void main(String[] args) throws InterruptedException {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
    System.out.printf(Locale.ROOT, "%s, %,d minimal jobs per store%n", Heap.jvm(), n);
    // A first, discarded round loads and compiles the code under measurement.
    measure(InMemoryJobStore::create, 10_000);
    measure(ScanningMapStore::new, 10_000);
    report("jobstore (InMemoryJobStore)", measure(InMemoryJobStore::create, n));
    report("baseline (ConcurrentHashMap<UUID, Job>)", measure(ScanningMapStore::new, n));
  }

  private static void report(String name, double bytesPerJob) {
    System.out.printf(Locale.ROOT, "%-40s %7.1f bytes per job%n", name, bytesPerJob);
  }

  /** The heap {@code n} minimal jobs retain in a store from {@code factory}, per job. */
  private static double measure(Supplier<JobStore> factory, int n) throws InterruptedException {
    JobCreateParams minimal = JobCreateParams.builder().build();
    long before = Heap.usedAfterGc();
    JobStore store = factory.get();
    try {
      for (int i = 0; i < n; i++) {
        store.create(minimal);
      }
      return (double) (Heap.usedAfterGc() - before) / n;
    } finally {
      Reference.reachabilityFence(store);
    }
  }
}
