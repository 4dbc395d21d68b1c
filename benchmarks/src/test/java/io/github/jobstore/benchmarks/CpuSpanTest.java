package io.github.jobstore.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** {@link CpuSpan} adds up the CPU time of its spans only, for a thread or for the whole JVM. */
class CpuSpanTest {

  private static final long TICK = TimeUnit.MILLISECONDS.toNanos(10);

  @Test
  void aSpanAddsTheCpuTimeBetweenStartAndStop() {
    CpuSpan thread = CpuSpan.ofCurrentThread();
    CpuSpan jvm = CpuSpan.ofProcess();
    assertThat(thread.total()).isZero();

    jvm.start();
    thread.start();
    burn();
    thread.stop();
    jvm.stop();
    long first = thread.total();
    assertThat(first).isPositive();
    // The JVM's time includes this thread's, counted in clock ticks of up to 10 ms.
    assertThat(jvm.total()).isGreaterThanOrEqualTo(first - TICK);

    burn(); // outside any span: not counted
    thread.start();
    burn();
    thread.stop();
    assertThat(thread.total()).isGreaterThan(first);
  }

  /** Runs on this thread's CPU until its CPU time has grown by at least 50 ms. */
  private static void burn() {
    CpuSpan spent = CpuSpan.ofCurrentThread();
    spent.start();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    do {
      spent.stop();
      spent.start();
    } while (spent.total() < TimeUnit.MILLISECONDS.toNanos(50) && System.nanoTime() < deadline);
  }
}
