package io.github.jobstore.store;

import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * One listener's subscription: the events not yet delivered to it, and the task that delivers them.
 *
 * <p>Writers {@link #offer} events (under their job's monitor, so one job's events enter the
 * backlog in the order its writes took effect) and never wait. At most one delivery task per
 * subscriber is queued or running ({@code scheduled}), so the listener is called by one thread at a
 * time, in backlog order. The task delivers until the backlog is empty, then clears {@code
 * scheduled} and looks once more, so that an event offered meanwhile is not left behind.
 */
final class Subscriber implements Subscription, Runnable {

  private final Consumer<? super JobEvent> listener;
  private final Executor executor;
  private final Consumer<Subscriber> onClose;
  private final ConcurrentLinkedQueue<JobEvent> backlog = new ConcurrentLinkedQueue<>();
  private final AtomicBoolean scheduled = new AtomicBoolean();
  private volatile boolean closed;

  Subscriber(Consumer<? super JobEvent> listener, Executor executor, Consumer<Subscriber> onClose) {
    this.listener = listener;
    this.executor = executor;
    this.onClose = onClose;
  }

  /** Queues {@code event} for the listener; O(1), never blocks. */
  void offer(JobEvent event) {
    backlog.offer(event);
    if (!scheduled.get() && scheduled.compareAndSet(false, true)) {
      executor.execute(this);
    }
  }

  /** Delivers the backlog; run by one delivery thread at a time. */
  @Override
  public void run() {
    do {
      JobEvent event;
      while (!closed && (event = backlog.poll()) != null) {
        deliver(event);
      }
      scheduled.set(false);
      if (closed) {
        backlog.clear();
        return;
      }
    } while (!backlog.isEmpty() && scheduled.compareAndSet(false, true));
  }

  private void deliver(JobEvent event) {
    try {
      listener.accept(event);
    } catch (Throwable failure) {
      // The listener's failure is its own: report it as an uncaught exception of this thread and
      // go on with the next event, so that no other event is lost.
      Thread thread = Thread.currentThread();
      thread.getUncaughtExceptionHandler().uncaughtException(thread, failure);
    }
  }

  @Override
  public void close() {
    if (!closed) {
      closed = true;
      onClose.accept(this);
      backlog.clear();
    }
  }
}
