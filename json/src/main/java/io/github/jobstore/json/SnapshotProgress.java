package io.github.jobstore.json;

/**
 * Hears how far a {@link JobStoreSnapshot} has got: called after every {@value
 * JobStoreSnapshot#PROGRESS_STEP} jobs of a stage and once at its end, on the thread that writes or
 * reads. It should return quickly; what it throws stops the snapshot (a write leaves the old file
 * in place, a read restores nothing, or rolls back what it restored).
 */
@FunctionalInterface
public interface SnapshotProgress {

  /** Reports nothing. */
  SnapshotProgress NONE = (stage, done, total) -> {};

  /**
   * Reports that {@code done} of {@code total} jobs have passed {@code stage}.
   *
   * @param stage what the snapshot is doing
   * @param done jobs done in this stage, from 1 to {@code total}
   * @param total jobs in the snapshot
   */
  void update(Stage stage, long done, long total);

  /** The stages of a snapshot, in the order they happen. */
  enum Stage {
    /** {@link JobStoreSnapshot#write}: writing jobs to the temporary file. */
    WRITE,
    /** {@link JobStoreSnapshot#read}: reading and checking jobs, before anything is loaded. */
    CHECK,
    /** {@link JobStoreSnapshot#read}: restoring the checked jobs into the target store. */
    RESTORE
  }
}
