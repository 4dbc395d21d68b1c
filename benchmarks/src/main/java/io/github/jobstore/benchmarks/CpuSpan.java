package io.github.jobstore.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.function.LongSupplier;

/**
 * CPU time added up over spans ({@link #start} to {@link #stop}): of the thread that calls them, or
 * of the whole JVM (every thread: writers, delivery threads, collector, compiler). Unlike
 * throughput, CPU time per operation does not depend on how much of a shared machine a benchmark
 * got. The JVM's time is counted in clock ticks (10 ms on Linux), so read it over spans of a second
 * or more. Not thread-safe: one thread starts and stops a span.
 */
final class CpuSpan {

  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  private static final com.sun.management.OperatingSystemMXBean OS =
      (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

  private final LongSupplier clock;
  private long started;
  private long total;

  private CpuSpan(LongSupplier clock) {
    this.clock = clock;
  }

  /** CPU time of the thread that starts and stops it. */
  static CpuSpan ofCurrentThread() {
    return new CpuSpan(THREADS::getCurrentThreadCpuTime);
  }

  /** CPU time of every thread of the JVM. */
  static CpuSpan ofProcess() {
    return new CpuSpan(OS::getProcessCpuTime);
  }

  void start() {
    started = clock.getAsLong();
  }

  void stop() {
    total += clock.getAsLong() - started;
  }

  /** The nanoseconds of CPU time of every span so far. */
  long total() {
    return total;
  }
}
