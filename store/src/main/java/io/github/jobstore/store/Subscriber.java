package io.github.jobstore.store;

import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * One listener's subscription: the events not yet delivered to it, and the task that delivers them.
 *
 * <p>The backlog is a stack of nodes, newest on top: a writer pushes its event with one
 * compare-and-set (under its job's monitor, so one job's events are pushed in the order its writes
 * took effect) and never waits; the delivery task takes the whole stack with one swap and delivers
 * it oldest first. At most one task per subscriber is queued or running ({@code scheduled}), so the
 * listener is called by one thread at a time, in the order the events were pushed.
 *
 * <p>Handing a task to an idle pool thread costs the writer about a microsecond (a futex wake),
 * more than an update, so a task that finds the backlog empty does not give its thread back at
 * once: it parks {@value #PARK_MICROS} µs at a time, up to {@value #QUIET_PARKS} times in a row,
 * and a writer that finds it scheduled only pushes. When it does stop, it clears {@code scheduled}
 * and looks once more, so that an event pushed meanwhile is not left behind.
 *
 * <p>The task checks {@code closed} before each event, so once {@link #close} returns the listener
 * gets at most the one event it was about to be called with; {@code close} does not wait for it.
 */
final class Subscriber implements Subscription, Runnable {

  static final long PARK_MICROS = 50;
  static final int QUIET_PARKS = 20;

  private final Consumer<? super JobEvent> listener;
  private final Executor executor;
  private final Consumer<Subscriber> onClose;
  private final AtomicReference<@Nullable Node> backlog = new AtomicReference<>();
  private final AtomicBoolean scheduled = new AtomicBoolean();
  private volatile boolean closed;

  /** The thread running the delivery task, if any: {@link #close} wakes it. */
  private volatile @Nullable Thread runner;

  Subscriber(Consumer<? super JobEvent> listener, Executor executor, Consumer<Subscriber> onClose) {
    this.listener = listener;
    this.executor = executor;
    this.onClose = onClose;
  }

  /** Queues {@code event} for the listener; O(1), never blocks. */
  void offer(JobEvent event) {
    Node node = new Node(event);
    Node top;
    do {
      top = backlog.get();
      node.next = top;
    } while (!backlog.compareAndSet(top, node));
    if (!scheduled.get() && scheduled.compareAndSet(false, true)) {
      executor.execute(this);
    }
  }

  /** Delivers the backlog; run by one delivery thread at a time. */
  @Override
  public void run() {
    runner = Thread.currentThread();
    int quiet = 0;
    while (!closed) {
      Node newest = backlog.getAndSet(null);
      if (newest != null) {
        deliverOldestFirst(newest);
        quiet = 0;
      } else if (quiet++ < QUIET_PARKS) {
        LockSupport.parkNanos(this, TimeUnit.MICROSECONDS.toNanos(PARK_MICROS));
      } else {
        runner = null;
        scheduled.set(false);
        if (backlog.get() == null || !scheduled.compareAndSet(false, true)) {
          return;
        }
        runner = Thread.currentThread();
        quiet = 0;
      }
    }
    // Closed: scheduled stays set, so an event that a writer still pushes schedules no task.
    runner = null;
    backlog.set(null);
  }

  private void deliverOldestFirst(Node newest) {
    Node oldest = null;
    for (Node node = newest; node != null; ) {
      Node next = node.next;
      node.next = oldest;
      oldest = node;
      node = next;
    }
    for (Node node = oldest; node != null && !closed; node = node.next) {
      deliver(node.event);
    }
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
      backlog.set(null);
      Thread lingering = runner;
      if (lingering != null) {
        LockSupport.unpark(lingering);
      }
    }
  }

  /** An event in the backlog, and the one pushed before it (after delivery starts: after it). */
  private static final class Node {
    final JobEvent event;
    @Nullable Node next;

    Node(JobEvent event) {
      this.event = event;
    }
  }
}
