package io.github.jobstore.store;

import java.util.concurrent.Executor;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The threads that call listeners and complete {@code when} futures, shared by every {@link
 * InMemoryJobStore}: daemon threads named {@code jobstore-events-N}, as many as there are
 * subscribers with events to deliver at once, each ended after {@value #IDLE_SECONDS} idle seconds.
 * Unbounded, so that a listener that blocks holds only its own thread and never delays another.
 */
final class Delivery {

  static final long IDLE_SECONDS = 5;

  static final Executor THREADS = newThreads();

  private Delivery() {}

  private static Executor newThreads() {
    AtomicInteger count = new AtomicInteger();
    return new ThreadPoolExecutor(
        0,
        Integer.MAX_VALUE,
        IDLE_SECONDS,
        TimeUnit.SECONDS,
        new SynchronousQueue<>(),
        task -> {
          Thread thread = new Thread(task, "jobstore-events-" + count.incrementAndGet());
          thread.setDaemon(true);
          return thread;
        });
  }
}
