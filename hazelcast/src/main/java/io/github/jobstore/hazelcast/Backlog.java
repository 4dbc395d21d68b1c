package io.github.jobstore.hazelcast;

import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * What one subscriber has yet to receive, delivered in the order it was offered.
 *
 * <p>Hazelcast calls entry listeners on its event threads, one key's events on one thread in order;
 * a listener that blocked there would stall every event of that thread's keys, on every store of
 * the member. So an entry listener only {@link #offer}s (one lock-free queue insertion), and a task
 * on a shared pool of daemon threads ({@code jobstore-hazelcast-events-N}, ended after five idle
 * seconds) takes the events one at a time and calls the consumer: at most one task per backlog, so
 * a subscriber's calls never overlap and keep the offered order. The backlog has no bound: a slow
 * consumer costs memory and its own thread, never another subscriber's events.
 *
 * <p>Thread-safe: any thread may offer; {@link #close} may come from any thread, the consumer's own
 * included.
 */
final class Backlog<T> implements Runnable {

  private static final AtomicInteger THREADS = new AtomicInteger();

  private static final Executor DELIVERY =
      new ThreadPoolExecutor(
          0,
          Integer.MAX_VALUE,
          5,
          TimeUnit.SECONDS,
          new SynchronousQueue<>(),
          task -> {
            Thread thread =
                new Thread(task, "jobstore-hazelcast-events-" + THREADS.incrementAndGet());
            thread.setDaemon(true);
            return thread;
          });

  private final ConcurrentLinkedQueue<T> queue = new ConcurrentLinkedQueue<>();
  private final AtomicBoolean scheduled = new AtomicBoolean();
  private final Consumer<? super T> consumer;
  private volatile boolean started;
  private volatile boolean closed;

  /** A backlog that delivers from the start, or once {@link #start()} is called. */
  Backlog(Consumer<? super T> consumer, boolean started) {
    this.consumer = consumer;
    this.started = started;
  }

  /** Queues {@code item} for the consumer; does nothing once closed. Never blocks. */
  void offer(T item) {
    if (!closed) {
      queue.add(item);
      schedule();
    }
  }

  /** Begins delivering what has been offered so far, and what comes after. */
  void start() {
    started = true;
    schedule();
  }

  /**
   * Stops delivery: drops what is queued; a call of the consumer already running finishes. Closing
   * again does nothing.
   */
  void close() {
    closed = true;
    queue.clear();
  }

  private void schedule() {
    if (started && !queue.isEmpty() && scheduled.compareAndSet(false, true)) {
      DELIVERY.execute(this);
    }
  }

  /** Delivers until the queue is empty, then lets another offer schedule the next run. */
  @Override
  public void run() {
    while (true) {
      for (T item = queue.poll(); item != null && !closed; item = queue.poll()) {
        try {
          consumer.accept(item);
        } catch (RuntimeException | Error e) {
          Thread thread = Thread.currentThread();
          thread.getUncaughtExceptionHandler().uncaughtException(thread, e);
        }
      }
      scheduled.set(false);
      // An offer between the last poll and the reset saw "scheduled" and left its item to us.
      if (closed || queue.isEmpty() || !scheduled.compareAndSet(false, true)) {
        return;
      }
    }
  }
}
