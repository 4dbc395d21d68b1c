package io.github.jobstore.hazelcast;

import com.hazelcast.core.EntryEvent;
import com.hazelcast.map.listener.EntryAddedListener;
import com.hazelcast.map.listener.EntryRemovedListener;
import com.hazelcast.map.listener.EntryUpdatedListener;
import com.hazelcast.nio.serialization.genericrecord.GenericRecord;
import io.github.jobstore.core.Iteration;
import io.github.jobstore.store.IterationCreated;
import io.github.jobstore.store.IterationDeleted;
import io.github.jobstore.store.IterationUpdated;
import io.github.jobstore.store.JobCreated;
import io.github.jobstore.store.JobDeleted;
import io.github.jobstore.store.JobEvent;
import io.github.jobstore.store.JobUpdated;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * A listener on the jobs map that turns each entry event into the {@link JobEvent} of the write
 * that caused it, read from the record's {@link Write}, and hands it on without waiting. Called by
 * Hazelcast on its event threads, one job's events in the order its writes took effect.
 */
final class EntryEvents
    implements EntryAddedListener<UUID, GenericRecord>,
        EntryUpdatedListener<UUID, GenericRecord>,
        EntryRemovedListener<UUID, GenericRecord> {

  private final Consumer<JobEvent> events;

  EntryEvents(Consumer<JobEvent> events) {
    this.events = events;
  }

  @Override
  public void entryAdded(EntryEvent<UUID, GenericRecord> event) {
    events.accept(new JobCreated(JobRecords.read(event.getValue()).job()));
  }

  @Override
  public void entryUpdated(EntryEvent<UUID, GenericRecord> event) {
    JobEvent translated =
        translate(JobRecords.read(event.getOldValue()), JobRecords.read(event.getValue()));
    if (translated != null) {
      events.accept(translated);
    }
  }

  @Override
  public void entryRemoved(EntryEvent<UUID, GenericRecord> event) {
    events.accept(new JobDeleted(JobRecords.read(event.getOldValue()).job()));
  }

  /** The event of the write that turned {@code old} into {@code stored}; none for a move-out. */
  static @Nullable JobEvent translate(StoredJob old, StoredJob stored) {
    UUID written = stored.written();
    return switch (stored.write()) {
      case UPDATE -> new JobUpdated(old.job(), stored.job());
      case APPEND -> new IterationCreated(iteration(stored, written));
      case UPDATE_ITERATION ->
          new IterationUpdated(iteration(old, written), iteration(stored, written));
      case MOVE_IN ->
          new IterationUpdated(
              Objects.requireNonNull(stored.movedFrom(), "movedFrom"), iteration(stored, written));
      case DELETE_ITERATION -> new IterationDeleted(iteration(old, written));
      case MOVE_OUT -> null;
      case CREATE, RESTORE -> new JobCreated(stored.job());
    };
  }

  /** The version of iteration {@code id} that {@code job} holds. */
  private static Iteration iteration(StoredJob job, @Nullable UUID id) {
    return job.iteration(Objects.requireNonNull(id, "written")).orElseThrow().iteration();
  }
}
