package io.github.jobstore.store;

import io.github.jobstore.core.Iteration;
import io.github.jobstore.core.Job;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * Who watches an {@link InMemoryJobStore}: its subscribers, and the pending {@code when} futures of
 * each job.
 *
 * <h2>Concurrency</h2>
 *
 * <p>Every write reports itself here under its job's monitor, right after publishing the new
 * version: one method per kind of event. So one job's events reach each subscriber's backlog, and
 * its versions reach its {@code when} conditions, in the order its writes took effect. The
 * subscribers are a copy-on-write array: subscribing and closing lock this object and copy it,
 * writers read it without locking, and a subscriber added before a write takes effect gets its
 * event. Nothing here calls a listener or completes a future on the writer's thread: both happen on
 * {@link Delivery}'s threads, which hold no job's monitor.
 *
 * <p>A {@code when} condition is tested under its job's monitor, on the writing thread, against
 * each new version; a waiter whose condition matches or throws leaves its slot at once, so nothing
 * is kept for it.
 */
final class Watchers {

  private static final Subscriber[] NONE = {};

  private final ChangeGuard guard;
  private final Executor executor;
  private volatile Subscriber[] subscribers = NONE;

  Watchers(ChangeGuard guard, Executor executor) {
    this.guard = guard;
    this.executor = executor;
  }

  Subscription subscribe(Consumer<? super JobEvent> listener) {
    Subscriber subscriber = new Subscriber(listener, executor, this::unsubscribe);
    synchronized (this) {
      Subscriber[] current = subscribers;
      Subscriber[] next = Arrays.copyOf(current, current.length + 1);
      next[current.length] = subscriber;
      subscribers = next;
    }
    return subscriber;
  }

  /** How many subscriptions are open. */
  int subscriberCount() {
    return subscribers.length;
  }

  private synchronized void unsubscribe(Subscriber subscriber) {
    Subscriber[] current = subscribers;
    for (int i = 0; i < current.length; i++) {
      if (current[i] == subscriber) {
        Subscriber[] next = new Subscriber[current.length - 1];
        System.arraycopy(current, 0, next, 0, i);
        System.arraycopy(current, i + 1, next, i, next.length - i);
        subscribers = next.length == 0 ? NONE : next;
        return;
      }
    }
  }

  /**
   * {@link JobStore#when} for the job {@code id}, whose slot is {@code slot} (null when there is
   * none); the caller holds no monitor.
   */
  CompletableFuture<Job> when(@Nullable Slot slot, UUID id, Predicate<? super Job> condition) {
    if (slot == null) {
      return CompletableFuture.failedFuture(new JobNotFoundException(id));
    }
    synchronized (slot) {
      Job current = slot.live();
      if (current == null) {
        return CompletableFuture.failedFuture(new JobNotFoundException(id));
      }
      try {
        if (guard.test(condition, current)) {
          return CompletableFuture.completedFuture(current);
        }
      } catch (Throwable failure) {
        return CompletableFuture.failedFuture(failure);
      }
      Waiter waiter = new Waiter(condition, new CompletableFuture<>());
      slot.await(waiter);
      // However the future completes (here, or cancelled, or timed out by its caller), let go of
      // it.
      waiter.future().whenComplete((job, failure) -> forget(slot, waiter));
      return waiter.future();
    }
  }

  private static void forget(Slot slot, Waiter waiter) {
    synchronized (slot) {
      slot.forget(waiter);
    }
  }

  void jobCreated(Job job) {
    Subscriber[] watching = subscribers;
    if (watching.length > 0) {
      emit(watching, new JobCreated(job));
    }
  }

  void jobUpdated(Slot slot, Job previous, Job current) {
    Subscriber[] watching = subscribers;
    if (watching.length > 0) {
      emit(watching, new JobUpdated(previous, current));
    }
    settle(slot, current);
  }

  void jobDeleted(Slot slot, Job job) {
    Subscriber[] watching = subscribers;
    if (watching.length > 0) {
      emit(watching, new JobDeleted(job));
    }
    List<Waiter> waiting = slot.waiters();
    if (waiting != null) {
      slot.forgetWaiters();
      JobNotFoundException gone = new JobNotFoundException(job.id());
      for (Waiter waiter : waiting) {
        fail(waiter.future(), gone);
      }
    }
  }

  /** An iteration was created in {@code slot}'s job, which now holds it. */
  void iterationCreated(Slot slot, Iteration iteration) {
    Subscriber[] watching = subscribers;
    if (watching.length > 0) {
      emit(watching, new IterationCreated(iteration));
    }
    settle(slot);
  }

  /** An iteration of {@code slot}'s job was replaced there. */
  void iterationUpdated(Slot slot, Iteration previous, Iteration current) {
    Subscriber[] watching = subscribers;
    if (watching.length > 0) {
      emit(watching, new IterationUpdated(previous, current));
    }
    settle(slot);
  }

  /** An iteration moved from {@code from}'s job to {@code to}'s; both monitors are held. */
  void iterationMoved(Slot from, Slot to, Iteration previous, Iteration current) {
    iterationUpdated(from, previous, current);
    settle(to);
  }

  void iterationDeleted(Slot slot, Iteration iteration) {
    Subscriber[] watching = subscribers;
    if (watching.length > 0) {
      emit(watching, new IterationDeleted(iteration));
    }
    settle(slot);
  }

  private static void emit(Subscriber[] watching, JobEvent event) {
    for (Subscriber subscriber : watching) {
      subscriber.offer(event);
    }
  }

  private void settle(Slot slot) {
    Job version = slot.live();
    if (version != null) {
      settle(slot, version);
    }
  }

  /** Completes the waiters of {@code slot} whose condition {@code version} matches. */
  private void settle(Slot slot, Job version) {
    List<Waiter> waiting = slot.waiters();
    if (waiting == null) {
      return;
    }
    for (Iterator<Waiter> it = waiting.iterator(); it.hasNext(); ) {
      Waiter waiter = it.next();
      try {
        // A future its caller completed is still here until its hook runs: testing it is harmless.
        if (guard.test(waiter.condition(), version)) {
          it.remove();
          complete(waiter.future(), version);
        }
      } catch (Throwable failure) {
        it.remove();
        fail(waiter.future(), failure);
      }
    }
    if (waiting.isEmpty()) {
      slot.forgetWaiters();
    }
  }

  private void complete(CompletableFuture<Job> future, Job version) {
    executor.execute(() -> future.complete(version));
  }

  private void fail(CompletableFuture<Job> future, Throwable failure) {
    executor.execute(() -> future.completeExceptionally(failure));
  }
}
