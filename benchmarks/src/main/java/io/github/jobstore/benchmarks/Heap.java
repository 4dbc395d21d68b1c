package io.github.jobstore.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.Locale;

/** What {@link HeapPerJob} and {@link HeapPerIteration} share: the heap in use, and the JVM. */
final class Heap {

  private static final MemoryMXBean MEMORY = ManagementFactory.getMemoryMXBean();

  private Heap() {}

  /**
   * The heap in use after full collections: the least of five readings, each after {@code
   * System.gc()} and a pause, since a collection may leave some garbage behind.
   */
  static long usedAfterGc() throws InterruptedException {
    long used = Long.MAX_VALUE;
    for (int i = 0; i < 5; i++) {
      System.gc();
      Thread.sleep(100);
      used = Math.min(used, MEMORY.getHeapMemoryUsage().getUsed());
    }
    return used;
  }

  /** The JVM, its first collector and its maximum heap, for the first line of a report. */
  static String jvm() {
    return String.format(
        Locale.ROOT,
        "%s %s, %s, max heap %d MB",
        System.getProperty("java.vm.name"),
        System.getProperty("java.version"),
        ManagementFactory.getGarbageCollectorMXBeans().get(0).getName(),
        Runtime.getRuntime().maxMemory() >> 20);
  }
}
