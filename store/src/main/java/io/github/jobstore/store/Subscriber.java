package io.github.jobstore.store;

import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;

/**
 * One listener's subscription: the events not yet delivered to it, and the task that delivers them.
 *
 * <p>Writers {@link #offer} events (under their job's monitor, so one job's events enter the
 * backlog in the order its writes took effect) and never wait. At most one delivery task per
 * subscriber is queued or running ({@code scheduled}), so the listener is called by one thread at a
 * time, in backlog order. Handing a task to an idle pool thread costs the writer about a
 * microsecond (a futex wake), several times an update, so a task that empties the backlog does not
 * give its thread back at once: it lingers, parked {@value #PARK_MICROS} µs at a time, for {@value
 * #LINGER_MICROS} µs, and a writer that finds it scheduled only queues its event. When it does
 * stop, it clears {@code scheduled} and looks once more, so that an event offered meanwhile is not
 * left behind.
 *
 * <p>The task checks {@code closed} before taking each event, so once {@link #close} returns the
 * listener gets at most the one event already taken; {@code close} does not wait for it.
 */
final class Subscriber implements Subscription, Runnable {

  static final long PARK_MICROS = 50;
  static final long LINGER_MICROS = 1_000;

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
    long idleSince = System.nanoTime();
    while (!closed) {
      JobEvent event = backlog.poll();
      if (event != null) {
        deliver(event);
        idleSince = System.nanoTime();
      } else if (System.nanoTime() - idleSince < TimeUnit.MICROSECONDS.toNanos(LINGER_MICROS)) {
        LockSupport.parkNanos(this, TimeUnit.MICROSECONDS.toNanos(PARK_MICROS));
      } else {
        scheduled.set(false);
        if (backlog.isEmpty() || !scheduled.compareAndSet(false, true)) {
          return;
        }
        idleSince = System.nanoTime();
      }
    }
    // Closed: scheduled stays set, so an event that a writer still offers schedules no task.
    backlog.clear();
  }

  private void deliver(JobEvent event) {
    try {
      listener.accept(event);
    } catch (Throwable failure) {
      // The listener's failure is its own: report it as an uncaught exception of this thread and
      // go on with the next event, so that no other event is lost.
      Thread thread = Thread.currentThread();
      thread.getUncaughtExceptionHandler().uncaughtException(thread, failure);
    } finally {
      // A listener that interrupted its thread must not cut the next one's waits short.
      Thread.interrupted();
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
