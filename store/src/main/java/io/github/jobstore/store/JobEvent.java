package io.github.jobstore.store;

import java.util.UUID;

/**
 * A write that took effect in a {@link JobStore}, as its subscribers receive it ({@link
 * JobStore#subscribe}). Each write that succeeds is exactly one event; a write that fails is none.
 * Events carry immutable snapshots: the versions before and after the write.
 *
 * <p>Deleting a job is one {@link JobDeleted}, whose job still lists the iterations deleted with
 * it; moving an iteration to another job is one {@link IterationUpdated}.
 */
public sealed interface JobEvent
    permits JobCreated,
        JobUpdated,
        JobDeleted,
        IterationCreated,
        IterationUpdated,
        IterationDeleted {

  /**
   * Returns the id of the job the write changed: for an iteration, the job it belongs to after the
   * write (for a move, the job it moved to).
   */
  UUID jobId();
}
