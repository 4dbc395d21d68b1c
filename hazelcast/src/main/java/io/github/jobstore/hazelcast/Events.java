package io.github.jobstore.hazelcast;

import com.hazelcast.core.EntryEvent;
import com.hazelcast.map.IMap;
import com.hazelcast.map.listener.EntryAddedListener;
import com.hazelcast.map.listener.EntryRemovedListener;
import com.hazelcast.map.listener.EntryUpdatedListener;
import com.hazelcast.nio.serialization.genericrecord.GenericRecord;
import io.github.jobstore.core.Job;
import io.github.jobstore.store.JobEvent;
import io.github.jobstore.store.JobNotFoundException;
import io.github.jobstore.store.Subscription;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * The subscriptions and pending {@code when}s of one store, each an entry listener on the jobs map
 * feeding a {@link Backlog}. A listener registered cluster-wide receives the events that members
 * publish after {@code addEntryListener} returns, from every member's and client's writes, and one
 * key's in order; so each subscription has its own, and (see {@link #subscribe}) no event of a
 * write that returned before it began reaches it.
 */
final class Events {

  private final IMap<UUID, GenericRecord> jobs;
  private final WriteGuard guard;

  Events(IMap<UUID, GenericRecord> jobs, WriteGuard guard) {
    this.jobs = jobs;
    this.guard = guard;
  }

  Subscription subscribe(Consumer<? super JobEvent> listener) {
    Backlog<JobEvent> backlog = new Backlog<>(listener, true);
    // A member publishes a write's event on the partition's thread just after it answers the
    // writer, so the event of a write that has returned may not be published yet. An operation on
    // every partition (size) runs on each partition's thread after what came before it: once it
    // returns, every earlier write's event has gone to the listeners registered before this one.
    var unused = jobs.size();
    UUID registration = jobs.addEntryListener(new EntryEvents(backlog::offer), true);
    return new Subscription() {
      @Override
      public void close() {
        backlog.close();
        jobs.removeEntryListener(registration);
      }
    };
  }

  /**
   * Listens to the job's key first, then reads and tests its current version, so that no version
   * falls between the two; versions that the listener reports but the read already covered are
   * skipped by their number.
   */
  CompletableFuture<Job> when(UUID id, Predicate<? super Job> condition) {
    CompletableFuture<Job> future = new CompletableFuture<>();
    Waiter waiter = new Waiter(id, condition, future);
    Backlog<Optional<StoredJob>> backlog = new Backlog<>(waiter::next, false);
    UUID registration = jobs.addEntryListener(new KeyEvents(backlog), id, true);
    future.whenComplete(
        (job, failure) -> {
          backlog.close();
          jobs.removeEntryListener(registration);
        });
    GenericRecord current = jobs.get(id);
    waiter.next(Optional.ofNullable(current).map(JobRecords::read));
    backlog.start();
    return future;
  }

  /** Tests a {@code when} condition against each new version of one job until it completes. */
  private final class Waiter {

    private final UUID id;
    private final Predicate<? super Job> condition;
    private final CompletableFuture<Job> future;

    /** The newest version tested; confined to one thread at a time (the caller, then delivery). */
    private long tested;

    Waiter(UUID id, Predicate<? super Job> condition, CompletableFuture<Job> future) {
      this.id = id;
      this.condition = condition;
      this.future = future;
    }

    /** Tests {@code version}, or fails the future when the job is gone. */
    void next(Optional<StoredJob> version) {
      if (future.isDone()) {
        return;
      }
      if (version.isEmpty()) {
        future.completeExceptionally(new JobNotFoundException(id));
        return;
      }
      StoredJob stored = version.get();
      if (stored.version() <= tested) {
        return;
      }
      tested = stored.version();
      try {
        if (guard.test(condition, stored.job())) {
          future.complete(stored.job());
        }
      } catch (RuntimeException | Error e) {
        future.completeExceptionally(e);
      }
    }
  }

  /** One key's versions as they are written, and empty when it is removed. */
  private static final class KeyEvents
      implements EntryAddedListener<UUID, GenericRecord>,
          EntryUpdatedListener<UUID, GenericRecord>,
          EntryRemovedListener<UUID, GenericRecord> {

    private final Backlog<Optional<StoredJob>> backlog;

    KeyEvents(Backlog<Optional<StoredJob>> backlog) {
      this.backlog = backlog;
    }

    @Override
    public void entryAdded(EntryEvent<UUID, GenericRecord> event) {
      backlog.offer(Optional.of(JobRecords.read(event.getValue())));
    }

    @Override
    public void entryUpdated(EntryEvent<UUID, GenericRecord> event) {
      backlog.offer(Optional.of(JobRecords.read(event.getValue())));
    }

    @Override
    public void entryRemoved(EntryEvent<UUID, GenericRecord> event) {
      backlog.offer(Optional.empty());
    }
  }
}
